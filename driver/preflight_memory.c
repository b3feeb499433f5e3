// SPDX-License-Identifier: GPL-2.0
/*
 * Pre-flight check of the system config's memory against this machine.
 *
 * The driver copies the hypervisor into hypervisor_memory, and the
 * hypervisor maps every root cell RAM region into the root's stage 2.
 * Memory that does not exist ends in a synchronous external abort on the
 * first access: an oops in the middle of enable, with jailhouse_lock
 * held.  That is what a config for another board, or for the same board
 * with more RAM, does.  So before anything is touched, every such region
 * must be memory this machine has: RAM or reserved memory.
 *
 * Linux's System RAM is not enough to tell: the usual way to hide the
 * hypervisor memory from Linux is mem=, and memory above that limit is
 * in no resource at all.  The device tree still has it, in its /memory
 * nodes, and reserved carve-outs in /reserved-memory.  Without a device
 * tree (ACPI) or where the boot loader replaced its /memory nodes by the
 * EFI memory map, the resource tree's System RAM and reserved ranges are
 * what the kernel knows; all four sources are combined.
 *
 * The other way round, the RAM Linux runs on must be RAM of the root cell,
 * or Linux faults on it as soon as the hypervisor runs.
 *
 * Cell create checks a cell's RAM the same way, since the driver loads
 * images into it.  MMIO regions (JAILHOUSE_MEM_IO) are device windows, not
 * RAM, and are not checked.  The range logic is in mem_ranges.c.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <jailhouse/cell-config.h>

#include "jailhouse.h"
#include "mem_ranges.h"
#include "preflight.h"

/* merged when full, so this only bounds the distinct pieces */
#define MAX_MEMORY_RANGES	128
#define RANGE_LIST_LEN		160

/* where a range of the machine's memory comes from */
enum memory_kind {
	DT_MEMORY,	/* a /memory node: RAM, whether Linux has it or not */
	RESERVED,	/* reserved memory, not RAM for Linux */
	LINUX_RAM,	/* System RAM: RAM that Linux runs on */
};

struct machine_memory {
	/* what exists: RAM and reserved memory, where to check regions */
	struct mem_ranges present;
	/* RAM alone, for the message that says what the machine has */
	struct mem_ranges ram;
	/* the RAM Linux uses, which the root cell must keep */
	struct mem_ranges linux_ram;
	/* false if a source had more pieces than fit: nothing is certain */
	bool complete;
	struct mem_range present_storage[MAX_MEMORY_RANGES];
	struct mem_range ram_storage[MAX_MEMORY_RANGES];
	struct mem_range linux_ram_storage[MAX_MEMORY_RANGES];
	char ram_list[RANGE_LIST_LEN];
	char gap_text[RANGE_LIST_LEN];
};

static void add_memory_range(struct machine_memory *mm,
			     enum memory_kind kind, u64 first, u64 last)
{
	bool added = mem_ranges_add(&mm->present, first, last);

	if (kind != RESERVED)
		added &= mem_ranges_add(&mm->ram, first, last);
	if (kind == LINUX_RAM)
		added &= mem_ranges_add(&mm->linux_ram, first, last);
	if (!added)
		mm->complete = false;
}

/* every "reg" entry of @np, translated to a CPU physical address */
static void add_node_ranges(struct machine_memory *mm, enum memory_kind kind,
			    struct device_node *np)
{
	struct resource res;
	int index;

	for (index = 0; !of_address_to_resource(np, index, &res); index++)
		if (resource_size(&res))
			add_memory_range(mm, kind, res.start, res.end);
}

static void add_device_tree_memory(struct machine_memory *mm)
{
	struct device_node *np, *child;

	for_each_node_by_type(np, "memory")
		if (of_device_is_available(np))
			add_node_ranges(mm, DT_MEMORY, np);

	np = of_find_node_by_path("/reserved-memory");
	if (!np)
		return;
	for_each_available_child_of_node(np, child)
		add_node_ranges(mm, RESERVED, child);
	of_node_put(np);
}

static int add_ram_resource(struct resource *res, void *data)
{
	add_memory_range(data, LINUX_RAM, res->start, res->end);
	return 0;
}

static int add_reserved_resource(struct resource *res, void *data)
{
	add_memory_range(data, RESERVED, res->start, res->end);
	return 0;
}

static void add_resource_tree_memory(struct machine_memory *mm)
{
	walk_iomem_res_desc(IORES_DESC_NONE,
			    IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY, 0,
			    iomem_resource.end, mm, add_ram_resource);
	/* no-map memory: arm64 registers it as "reserved", not System RAM */
	walk_iomem_res_desc(IORES_DESC_RESERVED, IORESOURCE_MEM, 0,
			    iomem_resource.end, mm, add_reserved_resource);
}

static struct machine_memory *machine_memory_collect(void)
{
	struct machine_memory *mm;

	mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	if (!mm)
		return NULL;
	mem_ranges_init(&mm->present, mm->present_storage, MAX_MEMORY_RANGES);
	mem_ranges_init(&mm->ram, mm->ram_storage, MAX_MEMORY_RANGES);
	mem_ranges_init(&mm->linux_ram, mm->linux_ram_storage,
			MAX_MEMORY_RANGES);
	mm->complete = true;

	add_device_tree_memory(mm);
	add_resource_tree_memory(mm);

	mem_ranges_merge(&mm->ram);
	mem_ranges_merge(&mm->linux_ram);
	mem_ranges_format(&mm->ram, mm->ram_list, sizeof(mm->ram_list));
	return mm;
}

/*
 * What the machine has in @gap of [@first, @last], which is neither RAM
 * nor reserved memory, as text in mm->gap_text: a device window (a region
 * that should have been JAILHOUSE_MEM_IO), or nothing at all (a config
 * for other hardware).  True for a device window.
 */
static bool describe_gap(struct machine_memory *mm,
			 const struct mem_range *gap, u64 first, u64 last)
{
	char where[48] = "there";
	bool mmio;

	mmio = region_intersects(gap->first, gap->last - gap->first + 1,
				 IORESOURCE_MEM, IORES_DESC_NONE) !=
		REGION_DISJOINT;
	if (gap->first != first || gap->last != last)
		snprintf(where, sizeof(where), "at 0x%llx-0x%llx",
			 gap->first, gap->last);
	snprintf(mm->gap_text, sizeof(mm->gap_text),
		 mmio ? "device MMIO, not RAM, is %s (see /proc/iomem)" :
		 "nothing is %s", where);
	return mmio;
}

/* The last address of @mem; a region that wraps counts up to the top. */
static u64 region_last(const struct jailhouse_memory *mem)
{
	u64 last = mem->phys_start + mem->size - 1;

	return last < mem->phys_start ? U64_MAX : last;
}

static long check_hv_memory_exists(struct jailhouse_file *jf,
				   struct machine_memory *mm,
				   const struct jailhouse_memory *hv_mem)
{
	u64 first = hv_mem->phys_start, last = region_last(hv_mem);
	struct mem_range gap;

	if (mem_ranges_cover(&mm->present, first, last, &gap))
		return 0;

	describe_gap(mm, &gap, first, last);
	return jailhouse_fail(jf, -EINVAL,
			      "hypervisor_memory 0x%llx-0x%llx does not exist on this machine: %s, and its RAM is %s; a system config for another board, or for one with more RAM? Use this board's, or place hypervisor_memory in its RAM and reserve it (\"mem=\" or a no-map /reserved-memory node)",
			      first, last, mm->gap_text, mm->ram_list);
}

/*
 * The image overwrites the hypervisor memory, so Linux must not use it:
 * hidden with mem=, or a no-map reserved-memory node (which is a plain
 * "reserved" resource, not System RAM).  The driver's own claim from an
 * earlier enable is not System RAM either.
 */
static long check_hv_memory_unused(struct jailhouse_file *jf,
				   const struct jailhouse_memory *hv_mem)
{
	u64 start = hv_mem->phys_start, size = hv_mem->size;

	if (region_intersects(start, size, IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) == REGION_DISJOINT)
		return 0;

	return jailhouse_fail(jf, -EBUSY,
			      "hypervisor memory 0x%llx-0x%llx is in use by Linux: reserve it with \"mem=\" on the kernel command line (so that RAM ends below it) or a no-map /reserved-memory node in the device tree",
			      start, start + size - 1);
}

/*
 * Every RAM region of @cell (the root cell if @is_root) is memory this
 * machine has.  The root keeps its RAM regions as they are, so a region
 * the machine does not have would be handed to Linux as RAM by the
 * hypervisor; a non-root cell's RAM is inside the root's regions, but
 * possibly inside one of its device windows, where the driver would
 * load images.
 */
static long check_ram_regions_exist(struct jailhouse_file *jf,
				    struct machine_memory *mm,
				    const struct jailhouse_cell_desc *cell,
				    bool is_root)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	char owner[JAILHOUSE_CELL_NAME_MAXLEN + 16];
	struct mem_range gap;
	u64 first, last;
	bool mmio;
	u32 n;

	for (n = 0; n < cell->num_memory_regions; n++) {
		if (mem[n].size == 0 ||
		    mem[n].flags & (JAILHOUSE_MEM_IO |
				    JAILHOUSE_MEM_COMM_REGION))
			continue;
		first = mem[n].phys_start;
		last = region_last(&mem[n]);
		if (mem_ranges_cover(&mm->present, first, last, &gap))
			continue;

		if (is_root)
			strscpy(owner, "root cell RAM", sizeof(owner));
		else
			snprintf(owner, sizeof(owner), "RAM of cell \"%.*s\"",
				 JAILHOUSE_CELL_NAME_MAXLEN, cell->name);
		mmio = describe_gap(mm, &gap, first, last);
		return jailhouse_fail(jf, -EINVAL,
				      "mem_regions[%u] 0x%llx-0x%llx (%s) does not exist on this machine: %s, and its RAM is %s; %s",
				      n, first, last, owner,
				      mm->gap_text, mm->ram_list,
				      mmio ?
				      "if the region is a device window, flag it JAILHOUSE_MEM_IO" :
				      "a config for another board, or for one with more RAM? Use this board's, or fix the region");
	}
	return 0;
}

/*
 * Once the hypervisor runs, Linux can only use the memory of the root
 * cell's RAM regions, and it may run code anywhere in its RAM: RAM that
 * Linux has and no readable, writable and executable root region covers
 * makes it fault, typically on every CPU at once, right after enable.
 */
static long check_linux_ram_in_root(struct jailhouse_file *jf,
				    struct machine_memory *mm,
				    const struct jailhouse_cell_desc *root)
{
	const u64 rwx = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_EXECUTE;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(root);
	struct mem_range *storage, gap;
	struct mem_ranges root_ram;
	const struct mem_range *r;
	long err = 0;
	u32 n;

	storage = kcalloc(max(root->num_memory_regions, 1U),
			  sizeof(*storage), GFP_KERNEL);
	if (!storage)
		return jailhouse_fail(jf, -ENOMEM,
				      "out of memory while checking the root cell's RAM");
	mem_ranges_init(&root_ram, storage, root->num_memory_regions);
	for (n = 0; n < root->num_memory_regions; n++)
		if (mem[n].size && (mem[n].flags & rwx) == rwx &&
		    !(mem[n].flags & (JAILHOUSE_MEM_IO |
				      JAILHOUSE_MEM_COMM_REGION)))
			mem_ranges_add(&root_ram, mem[n].phys_start,
				       region_last(&mem[n]));

	for (n = 0; n < mm->linux_ram.num; n++) {
		r = &mm->linux_ram.range[n];
		if (mem_ranges_cover(&root_ram, r->first, r->last, &gap))
			continue;
		err = jailhouse_fail(jf, -EINVAL,
				     "Linux's RAM 0x%llx-0x%llx is in no root cell RAM region (readable, writable and executable) of the system config: Linux would fault there once the hypervisor runs; end Linux's RAM before it (\"mem=\" or a no-map /reserved-memory node) or add it to the root cell's RAM",
				     gap.first, gap.last);
		break;
	}
	kfree(storage);
	return err;
}

/* The machine's memory, or an ERR_PTR after jailhouse_fail(). */
static struct machine_memory *machine_memory_get(struct jailhouse_file *jf)
{
	struct machine_memory *mm;

	mm = machine_memory_collect();
	if (!mm)
		return ERR_PTR(jailhouse_fail(jf, -ENOMEM,
					      "out of memory while checking the machine's memory"));
	if (!mm->complete) {
		kfree(mm);
		return ERR_PTR(jailhouse_fail(jf, -E2BIG,
					      "this machine describes its memory in more than %u separate ranges: too many to check the config against",
					      MAX_MEMORY_RANGES));
	}
	return mm;
}

long jailhouse_check_cell_memory(struct jailhouse_file *jf,
				 const struct jailhouse_cell_desc *cell)
{
	struct machine_memory *mm;
	long err;

	mm = machine_memory_get(jf);
	if (IS_ERR(mm))
		return PTR_ERR(mm);
	err = check_ram_regions_exist(jf, mm, cell, false);
	kfree(mm);
	return err;
}

long jailhouse_check_memory(struct jailhouse_file *jf,
			    const struct jailhouse_system *config)
{
	const struct jailhouse_memory *hv_mem = &config->hypervisor_memory;
	struct machine_memory *mm;
	long err;

	/* the config checker wants 4 KiB; the kernel maps in its pages */
	if (!PAGE_ALIGNED(hv_mem->phys_start) || !PAGE_ALIGNED(hv_mem->size) ||
	    hv_mem->size == 0)
		return jailhouse_fail(jf, -EINVAL,
				      "hypervisor memory 0x%llx-0x%llx is not aligned to the kernel's %lu-byte pages: align phys_start and size in the system config",
				      hv_mem->phys_start,
				      hv_mem->phys_start + hv_mem->size - 1,
				      PAGE_SIZE);

	mm = machine_memory_get(jf);
	if (IS_ERR(mm))
		return PTR_ERR(mm);

	err = check_hv_memory_exists(jf, mm, hv_mem);
	if (!err)
		err = check_hv_memory_unused(jf, hv_mem);
	if (!err)
		err = check_ram_regions_exist(jf, mm, &config->root_cell, true);
	if (!err)
		err = check_linux_ram_in_root(jf, mm, &config->root_cell);
	kfree(mm);
	return err;
}
