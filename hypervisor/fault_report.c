// SPDX-License-Identifier: GPL-2.0
/*
 * Fault reports: the line buffer and the description of a guest-physical
 * address (see <jailhouse/fault_report.h>).
 *
 * The owner of a physical address is looked up in the other cells'
 * configs.  Their list changes under cell_lock, but the CPU reporting
 * may be one that a root CPU holding that lock waits for (parking a
 * cell), so the lock is only tried: when it is busy, the other cells are
 * not named, which only makes the report less specific.
 */
#include <jailhouse/cell.h>
#include <jailhouse/cell_printk.h>
#include <jailhouse/config_entry.h>
#include <jailhouse/control.h>
#include <jailhouse/fault_report.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/string.h>

void fault_line_init(struct fault_line *line)
{
	line->text[0] = '\0';
	line->len = 0;
}

void fault_line_add(struct fault_line *line, const char *fmt, ...)
{
	unsigned int room = sizeof(line->text) - line->len;
	va_list ap;
	int len;

	if (room <= 1)
		return;
	va_start(ap, fmt);
	len = vsnprintf(line->text + line->len, room, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	line->len += (unsigned int)len < room ? (unsigned int)len : room - 1;
}

void fault_line_print(struct fault_line *line)
{
	cell_printk(this_cpu_data()->cell, "%s\n", line->text);
}

static bool region_has_phys(const struct jailhouse_memory *mem,
			    unsigned long phys)
{
	return !mem_region_is_empty(mem) &&
		!(mem->flags & JAILHOUSE_MEM_COMM_REGION) &&
		phys >= mem->phys_start && phys - mem->phys_start < mem->size;
}

bool fault_phys_is_cell_ram(const struct cell *cell, unsigned long phys)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, mem++)
		if (region_has_phys(mem, phys) &&
		    !(mem->flags & JAILHOUSE_MEM_IO) &&
		    !JAILHOUSE_MEMORY_IS_SUBPAGE(mem))
			return true;
	return false;
}

/* mem_regions[] index of the region holding ipa in the cell, or -1 */
static int own_region(const struct jailhouse_cell_desc *desc,
		      unsigned long ipa)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, mem++)
		if (!mem_region_is_empty(mem) && ipa >= mem->virt_start &&
		    ipa - mem->virt_start < mem->size)
			return n;
	return -1;
}

static void add_flags(struct fault_line *line,
		      const struct jailhouse_memory *mem)
{
	fault_line_add(line, " %s%s%s%s",
		       mem->flags & JAILHOUSE_MEM_READ ? "R" : "-",
		       mem->flags & JAILHOUSE_MEM_WRITE ? "W" : "-",
		       mem->flags & JAILHOUSE_MEM_EXECUTE ? "X" : "-",
		       mem->flags & JAILHOUSE_MEM_IO ? " IO" : "");
}

/* The cell other than self whose config has phys, into name. */
static bool phys_owner(const struct cell *self, unsigned long phys,
		       char *name, unsigned int size, bool *is_io)
{
	const struct cell *cells[2] = { NULL, &root_cell };
	bool locked = spin_trylock(&cell_lock);
	const struct jailhouse_memory *mem;
	const struct cell *cell;
	bool found = false;
	unsigned int n, pass;

	if (locked)
		cells[0] = cell_list;
	/* the non-root cells first: the root's config covers them too */
	for (pass = 0; pass < 2 && !found; pass++) {
		for (cell = cells[pass]; cell && !found;
		     cell = pass ? NULL : cell->next) {
			if (cell == self)
				continue;
			mem = jailhouse_cell_mem_regions(cell->config);
			for (n = 0; n < cell->config->num_memory_regions;
			     n++, mem++) {
				if (!region_has_phys(mem, phys))
					continue;
				strncpy(name, cell->config->name, size - 1);
				name[size - 1] = '\0';
				*is_io = mem->flags & JAILHOUSE_MEM_IO;
				found = true;
				break;
			}
		}
	}
	if (locked)
		spin_unlock(&cell_lock);
	return found;
}

static void add_nearest(struct fault_line *line,
			const struct jailhouse_cell_desc *desc,
			unsigned long ipa)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned long dist, best_dist = FAULT_NEAR_DISTANCE;
	unsigned int n;
	int best = -1;
	bool before = false;

	for (n = 0; n < desc->num_memory_regions; n++, mem++) {
		if (mem_region_is_empty(mem))
			continue;
		/* only the root reaches here from inside a region of its own */
		if (ipa >= mem->virt_start &&
		    ipa - mem->virt_start < mem->size) {
			fault_line_add(line, ", lent from mem_regions[%u]", n);
			return;
		}
		if (ipa < mem->virt_start)
			dist = mem->virt_start - ipa;
		else
			dist = ipa - (mem->virt_start + mem->size);
		if (dist < best_dist) {
			best = n;
			best_dist = dist;
			before = ipa < mem->virt_start;
		}
	}
	if (best >= 0)
		fault_line_add(line, ", 0x%lx %s mem_regions[%d]", best_dist,
			       before ? "before" : "past the end of", best);
}

/* "(mem_regions[3] +0x10 RW- IO" or "(comm region +0x4" */
static bool add_own_region(struct fault_line *line,
			   const struct jailhouse_cell_desc *desc,
			   unsigned long ipa)
{
	const struct jailhouse_memory *mem;
	int n = own_region(desc, ipa);

	if (n < 0)
		return false;
	mem = &jailhouse_cell_mem_regions(desc)[n];
	if (mem->flags & JAILHOUSE_MEM_COMM_REGION) {
		fault_line_add(line, "(comm region +0x%llx",
			       ipa - mem->virt_start);
		return true;
	}
	fault_line_add(line, "(mem_regions[%d] +0x%llx", n,
		       ipa - mem->virt_start);
	add_flags(line, mem);
	return true;
}

/*
 * The root's IPAs are physical addresses and its config also lists what
 * it lent to other cells: there, the other cell is the answer.
 */
void fault_line_add_target(struct fault_line *line, const struct cell *cell,
			   unsigned long ipa)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *hv = &system_config->hypervisor_memory;
	char owner[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	bool is_io = false;

	if (cell != &root_cell && add_own_region(line, desc, ipa)) {
		fault_line_add(line, ")");
		return;
	}
	if (ipa >= hv->phys_start && ipa - hv->phys_start < hv->size) {
		fault_line_add(line, "(hypervisor memory");
	} else if (phys_owner(cell, ipa, owner, sizeof(owner), &is_io)) {
		fault_line_add(line, "(%s of cell \"%s\"",
			       is_io ? "device" : "RAM", owner);
	} else if (add_own_region(line, desc, ipa)) {
		fault_line_add(line, ")");
		return;
	} else {
		fault_line_add(line, "(unmapped");
	}
	add_nearest(line, desc, ipa);
	fault_line_add(line, ")");
}
