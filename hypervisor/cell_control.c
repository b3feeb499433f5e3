// SPDX-License-Identifier: GPL-2.0
/*
 * Life cycle of the non-root cells: the CELL_CREATE, CELL_SET_LOADABLE,
 * CELL_START, CELL_DESTROY and CELL_GET_STATE hypercalls of the root
 * cell, the messages to the cells and the states they end up in.
 *
 * Nothing the root cell passes is trusted.  The config is copied out of
 * root memory into the page pool and checked there with the shared
 * checker, against the system config and together with every existing
 * cell; then the runtime state is checked (CPUs still the root's, offline
 * in Linux, i.e. parked, and not the calling one).  Only then is anything
 * changed, so a refused request leaves the hypervisor (and its page pool)
 * exactly as it was; a failure half-way (pool exhausted) is unwound.
 *
 * Memory: every region of a cell except the comm region and ROOTSHARED
 * ones leaves the root's stage 2 (TLBs of the root's VMID flushed on all
 * CPUs) and appears in the cell's at virt_start.  LOADABLE regions return
 * to the root between SET_LOADABLE and START so that the driver can write
 * images.  On destroy the cell's RAM is cleared (to the point of
 * coherency) before the root gets it back where its own config has it;
 * memory another cell still maps (an ivshmem region both have) is
 * neither cleared nor given back until its last cell goes.  RAM is not
 * cleared at create: it comes from the root, which could read and write
 * it until then anyway, and whatever an earlier cell left there was
 * cleared when that cell was destroyed.
 *
 * CPUs: a cell's CPUs are parked while it is not running.  START resumes
 * the first one at cpu_reset_address; it starts the others with PSCI.
 * SET_LOADABLE, START (of a running cell) and DESTROY first ask a cell
 * that did not declare a passive comm region for permission
 * (SHUTDOWN_REQUEST), then park every CPU of the cell.
 *
 * All of this runs on a root CPU, serialised by cell_lock.
 */
#include <jailhouse/vpci.h>
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/cell_printk.h>
#include <jailhouse/config_check.h>
#include <jailhouse/config_entry.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/irqchip.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/test_hooks.h>

/* a config blob must fit in this (Jailhouse's limit too) */
#define MAX_CONFIG_PAGES	16
/* msg_reply_timeout 0: about one second of polls */
#define DEFAULT_REPLY_POLLS	1000000
/* one poll of a cell's reply every microsecond */
#define REPLY_POLL_US		1

spinlock_t cell_lock = SPINLOCK_INIT;
static spinlock_t console_lock = SPINLOCK_INIT;
static unsigned int num_cells;

#define for_each_cell_cpu(cpu, cell)					\
	for ((cpu) = 0; (cpu) < MAX_CPUS; (cpu)++)			\
		if (cell_has_cpu((cell), (cpu)))

unsigned int cell_count(void)
{
	return num_cells;
}

static struct cell *cell_find(unsigned long id)
{
	struct cell *cell;

	for (cell = cell_list; cell; cell = cell->next)
		if (cell->id == id)
			return cell;
	return NULL;
}

/*
 * The comm region is shared with a cell that may run with its MMU off,
 * i.e. uncached: every access goes to the point of coherency.
 */
#define comm_read(comm, field) ({					\
	arch_dcache_clean_inval((comm), sizeof(*(comm)));		\
	(comm)->field;							\
})

static u32 cell_state(struct cell *cell)
{
	return comm_read(cell->comm_page, cell_state);
}

static void set_cell_state(struct cell *cell, u32 state)
{
	cell->comm_page->cell_state = state;
	arch_dcache_clean_inval(cell->comm_page, sizeof(*cell->comm_page));
}

/*
 * As in Jailhouse, a cell that wrote a value of its own into cell_state
 * still runs: it gets messages (and the reply timeout) like any other.
 */
static bool cell_is_running(struct cell *cell)
{
	u32 state = cell_state(cell);

	return state != JAILHOUSE_CELL_SHUT_DOWN &&
		state != JAILHOUSE_CELL_FAILED &&
		state != JAILHOUSE_CELL_FAILED_COMM_REV;
}

/*
 * Send msg and wait for the reply.  Returns false only if the cell denied
 * a shutdown request.  A cell with a passive comm region, or one that
 * cannot answer (not running), counts as agreeing; one that does not
 * answer within msg_reply_timeout polls (CPU_WAIT_TIMEOUT_S at most) is
 * marked FAILED.
 */
static bool cell_send_message(struct cell *cell, u32 msg)
{
	struct jailhouse_comm_region *comm = cell->comm_page;
	unsigned long polls, timeout = cell->config->msg_reply_timeout;
	u64 start = arch_counter_ticks();
	u32 reply;

	if (cell->config->flags & JAILHOUSE_CELL_PASSIVE_COMMREG)
		return true;
	if (!cell_is_running(cell))
		return true;
	if (!timeout)
		timeout = DEFAULT_REPLY_POLLS;

	jailhouse_send_msg_to_cell(comm, msg);
	arch_dcache_clean_inval(comm, sizeof(*comm));

	/* a config's msg_reply_timeout never keeps the root CPU longer */
	for (polls = 0; polls < timeout && !cpu_wait_expired(start); polls++) {
		if (!cell_is_running(cell))
			return true;
		reply = comm_read(comm, reply_from_cell);
		if (reply != JAILHOUSE_MSG_NONE) {
			if (msg != JAILHOUSE_MSG_SHUTDOWN_REQUEST)
				return true;
			if (reply == JAILHOUSE_MSG_REQUEST_APPROVED)
				return true;
			printk("Cell \"%s\" %s the shutdown request\n",
			       cell->config->name,
			       reply == JAILHOUSE_MSG_REQUEST_DENIED ?
			       "denied" : "did not understand");
			return false;
		}
		arch_delay_us(REPLY_POLL_US);
	}
	printk("Cell \"%s\" did not reply to message %u within %lu polls: "
	       "marked failed\n", cell->config->name, msg, polls);
	set_cell_state(cell, JAILHOUSE_CELL_FAILED);
	return true;
}

/* Tell the running cells (except one) that the set of cells changed. */
static void cells_reconfig_completed(struct cell *except)
{
	struct cell *cell;

	for (cell = cell_list; cell; cell = cell->next)
		if (cell != except)
			cell_send_message(cell,
					  JAILHOUSE_MSG_RECONFIG_COMPLETED);
}

static bool any_cell_locked(struct cell *except)
{
	struct cell *cell;

	for (cell = cell_list; cell; cell = cell->next) {
		if (cell == except ||
		    cell_state(cell) != JAILHOUSE_CELL_RUNNING_LOCKED)
			continue;
		printk("Cell \"%s\" is locked: no cell can be created or "
		       "destroyed\n", cell->config->name);
		return true;
	}
	return false;
}

/*
 * A CPU that did not park in time is held up at EL2 (a CPU at EL1 always
 * takes SGI_EVENT: IRQs are routed to EL2): a hypervisor bug, or a device
 * access that does not complete.  The root must not wait for it for good,
 * so it is taken out of service: it leaves the cell's CPU set (the cell
 * goes on without it, and is destroyed normally), it is not given back to
 * the root (Linux cannot online it: PSCI CPU_ON is refused), and its park
 * request stays pending, so that it parks as soon as it gets back to the
 * exit path, before it could run the cell again
 * (cpu_exit_check_requests()).  It may still be working on the cell's
 * hypervisor data: a cell that lost a CPU is never freed (destroy).
 */
static void take_out_of_service(struct cell *cell, unsigned int cpu)
{
	struct per_cpu *cpu_data = per_cpu(cpu);

	printk("CPU %u of cell \"%s\" did not stop within %u s: taken out of "
	       "service\n", cpu, cell->config->name, CPU_WAIT_TIMEOUT_S);
	spin_lock(&cpu_power_lock);
	cpu_data->lost = true;
	cpu_data->failed = true;
	cell->cpu_set &= ~(1ULL << cpu);
	cell->lost_cpus |= 1ULL << cpu;
	spin_unlock(&cpu_power_lock);
	set_cell_state(cell, JAILHOUSE_CELL_FAILED);
}

/*
 * Stop every CPU of the cell: each parks (power off for the cell) and
 * acknowledges; PSCI CPU_ON inside the cell is refused from now on until
 * the cell starts again.  Bounded: what does not park within
 * CPU_WAIT_TIMEOUT_S is taken out of service.
 */
static void cell_park_cpus(struct cell *cell)
{
	u64 start = arch_counter_ticks();
	unsigned int cpu;

	spin_lock(&cpu_power_lock);
	cell->stopping = true;
	spin_unlock(&cpu_power_lock);

	for_each_cell_cpu(cpu, cell)
		cpu_send_request(cpu, CPU_REQ_PARK);
	for_each_cell_cpu(cpu, cell)
		while (per_cpu(cpu)->requests & CPU_REQ_PARK) {
			if (cpu_wait_expired(start)) {
				take_out_of_service(cell, cpu);
				break;
			}
			arch_wait_for_event();
		}
	memory_barrier();
	cell_console_flush(cell);
}

void cell_set_failed(struct cell *cell)
{
	set_cell_state(cell, JAILHOUSE_CELL_FAILED);
}

/*
 * An EL2 fault ended a management request of the root that worked on
 * cell: the request returned -EIO, and the cell may be half changed.
 */
void cell_failed_by_request(struct cell *cell)
{
	struct cell *listed;

	spin_lock(&cell_lock);
	for (listed = cell_list; listed && listed != cell;
	     listed = listed->next)
		;
	if (listed) {
		set_cell_state(cell, JAILHOUSE_CELL_FAILED);
		printk("Cell \"%s\" marked failed: a management request "
		       "on it ended in a hypervisor fault\n",
		       cell->config->name);
	} else {
		printk("A cell creation ended in a hypervisor fault: what it "
		       "had allocated stays used\n");
	}
	spin_unlock(&cell_lock);
}

void cell_cpu_stopped(struct cell *cell)
{
	bool running = false, failed = false;
	unsigned int cpu;

	for_each_cell_cpu(cpu, cell) {
		if (per_cpu(cpu)->failed)
			failed = true;
		else if (per_cpu(cpu)->power_state != CPU_POWER_OFF)
			running = true;
	}
	if (failed && !running) {
		set_cell_state(cell, JAILHOUSE_CELL_FAILED);
		printk("Cell \"%s\" failed: none of its CPUs runs\n",
		       cell->config->name);
	}
}

void cell_stop_self(struct per_cpu *cpu_data, const char *why)
{
	struct cell *cell = cpu_data->cell;
	unsigned int cpu;

	printk("Cell \"%s\" requested %s: shutting it down\n",
	       cell->config->name, why);
	spin_lock(&cpu_power_lock);
	cell->stopping = true;
	cpu_data->power_state = CPU_POWER_OFF;
	spin_unlock(&cpu_power_lock);
	set_cell_state(cell, JAILHOUSE_CELL_SHUT_DOWN);

	for_each_cell_cpu(cpu, cell)
		if (cpu != cpu_data->cpu_id)
			cpu_send_request(cpu, CPU_REQ_PARK);
	cpu_park(cpu_data);
}

/* ---- virtual console ---------------------------------------------- */

static void console_flush_locked(struct cell *cell)
{
	if (!cell->console_len)
		return;
	cell->console_line[cell->console_len] = 0;
	printk("[%s] %s\n", cell->config->name, cell->console_line);
	cell->console_len = 0;
}

void cell_console_putc(struct cell *cell, char c)
{
	spin_lock(&console_lock);
	if (c == '\n') {
		if (!cell->console_len)
			printk("[%s] \n", cell->config->name);
		console_flush_locked(cell);
	} else if (c != '\r') {
		cell->console_line[cell->console_len++] = c;
		if (cell->console_len == sizeof(cell->console_line) - 1)
			console_flush_locked(cell);
	}
	spin_unlock(&console_lock);
}

void cell_console_flush(struct cell *cell)
{
	spin_lock(&console_lock);
	console_flush_locked(cell);
	spin_unlock(&console_lock);
}

/* ---- memory -------------------------------------------------------- */

/*
 * Regions that leave the root while the cell exists.  Not the comm
 * region, whose phys_start means nothing (the comm page backs it): so
 * SET_LOADABLE never maps a LOADABLE comm region's address for the root
 * (the driver refuses to load there, security review M2).
 */
static bool region_moves(const struct jailhouse_memory *mem)
{
	return !mem_region_is_empty(mem) &&
		!(mem->flags & (JAILHOUSE_MEM_COMM_REGION |
				JAILHOUSE_MEM_ROOTSHARED));
}

/*
 * Map (or unmap) in the root's stage 2 the part of the physical range
 * [phys, phys + size) that the root's own config has, at the root's
 * addresses and with its access rights, around the hypervisor's windows
 * as at enable.  Sub-page ranges count by page, and the root's own
 * sub-page regions there are not emulated while a cell has them (the
 * page need not be mapped for the root to reach it).  A cell region larger
 * than the root's region of the same device thus takes from the root,
 * and gives back, only what the root had.
 */
static int root_apply(unsigned long phys, unsigned long size, bool map)
{
	const struct jailhouse_cell_desc *desc = &system_config->root_cell;
	const struct jailhouse_memory *r = jailhouse_cell_mem_regions(desc);
	unsigned long start, end;
	unsigned int n;
	int err;

	/*
	 * Cell regions end below the CPUs' physical address size (checker,
	 * cell_map_regions()): rounding up never wraps.  Refuse rather than
	 * compute an end of 0 that would leave the region with the root.
	 */
	if (!size || phys + size - 1 < phys || phys + size - 1 >= PAGE_MASK)
		return -ERANGE;
	end = (phys + size + PAGE_SIZE - 1) & PAGE_MASK;
	phys &= PAGE_MASK;
	for (n = 0; n < desc->num_memory_regions; n++, r++) {
		struct jailhouse_memory part;

		if (mem_region_is_empty(r))
			continue;
		if (JAILHOUSE_MEMORY_IS_SUBPAGE(r)) {
			/* emulated, not mapped: the emulation stops, resumes */
			if (r->phys_start < end &&
			    phys < r->phys_start + r->size)
				mmio_subpage_lend(&root_cell, r, !map);
			continue;
		}
		start = phys > r->phys_start ? phys : r->phys_start;
		if (end < r->phys_start + r->size)
			part.size = end;
		else
			part.size = r->phys_start + r->size;
		if (start >= part.size)
			continue;
		part.size -= start;
		part.phys_start = start;
		part.virt_start = r->virt_start + (start - r->phys_start);
		part.flags = r->flags;
		err = cell_map_outside_hv(&root_cell, &part, map);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Another cell maps (part of) mem too: the checker lets ivshmem regions be
 * shared by several cells.  Under cell_lock.
 */
static bool other_cell_maps(const struct cell *self,
			    const struct jailhouse_memory *mem)
{
	const struct jailhouse_memory *other;
	const struct cell *cell;
	unsigned int n;

	for (cell = cell_list; cell; cell = cell->next) {
		if (cell == self)
			continue;
		other = jailhouse_cell_mem_regions(cell->config);
		for (n = 0; n < cell->config->num_memory_regions; n++, other++)
			if (region_moves(other) &&
			    other->phys_start < mem->phys_start + mem->size &&
			    mem->phys_start < other->phys_start + other->size)
				return true;
	}
	return false;
}

/*
 * Move the cell's regions selected by flags (all moving ones if 0) out of
 * (map = false) or back into the root.  On error, what was done is
 * undone.
 */
static int root_move_regions(struct cell *cell, u64 flags, bool map)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n, done;
	int err = 0;

	for (n = 0; n < desc->num_memory_regions; n++) {
		if (!region_moves(&mem[n]) || (mem[n].flags & flags) != flags ||
		    other_cell_maps(cell, &mem[n]))
			continue;
		err = root_apply(mem[n].phys_start, mem[n].size, map);
		if (err)
			break;
	}
	if (err) {
		printk("ERROR: cell \"%s\": cannot %s mem_regions[%u] "
		       "(0x%llx-0x%llx) %s the root cell: %d\n", desc->name,
		       map ? "return" : "take", n, mem[n].phys_start,
		       mem[n].phys_start + mem[n].size - 1,
		       map ? "to" : "from", err);
		for (done = 0; done <= n; done++)
			if (region_moves(&mem[done]) &&
			    (mem[done].flags & flags) == flags &&
			    !other_cell_maps(cell, &mem[done]))
				root_apply(mem[done].phys_start,
					   mem[done].size, !map);
	}
	if (!map || err)
		arch_flush_current_stage2();
	return err;
}

static void clear_memory(unsigned long phys, unsigned long size)
{
	unsigned long chunk, n;
	u64 *page;

	while (size) {
		chunk = size < TEMP_WINDOW_PAGES * PAGE_SIZE ? size :
			TEMP_WINDOW_PAGES * PAGE_SIZE;
		page = paging_map_temp(phys, PAGES(chunk));
		if (!page) {
			printk("ERROR: cannot map 0x%lx to clear it\n", phys);
			return;
		}
		for (n = 0; n < chunk / sizeof(u64); n++)
			page[n] = 0;
		/* the next owner may read it with its MMU off */
		arch_dcache_clean_inval(page, chunk);
		paging_unmap_temp();
		phys += chunk;
		size -= chunk;
	}
}

/*
 * The cell's own RAM must not carry data to the next owner; memory it
 * shares with a running cell is not its own to clear yet.
 */
static void cell_clear_ram(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, mem++)
		if (region_moves(mem) && !(mem->flags & JAILHOUSE_MEM_IO) &&
		    !JAILHOUSE_MEMORY_IS_SUBPAGE(mem) &&
		    !other_cell_maps(cell, mem))
			clear_memory(mem->phys_start, mem->size);
}

/* ---- the config ------------------------------------------------------ */

/*
 * Physical address of [ipa, ipa + size) in root memory: inside one RAM
 * region of the root's config and currently mapped in the root.
 */
static int root_ipa_to_phys(unsigned long ipa, unsigned long size,
			    unsigned long *phys)
{
	const struct jailhouse_cell_desc *desc = &system_config->root_cell;
	const struct jailhouse_memory *r = jailhouse_cell_mem_regions(desc);
	unsigned long page;
	unsigned int n;

	for (n = 0; n < desc->num_memory_regions; n++, r++) {
		if (mem_region_is_empty(r) || (r->flags & JAILHOUSE_MEM_IO) ||
		    !(r->flags & JAILHOUSE_MEM_READ) || ipa < r->virt_start ||
		    ipa - r->virt_start >= r->size ||
		    size > r->size - (ipa - r->virt_start))
			continue;
		*phys = r->phys_start + (ipa - r->virt_start);
		for (page = ipa & PAGE_MASK; page < ipa + size;
		     page += PAGE_SIZE)
			if (paging_virt_to_phys(&root_cell.stage2, page) !=
			    (*phys & PAGE_MASK) + (page - (ipa & PAGE_MASK)))
				return -EINVAL;
		return 0;
	}
	return -EINVAL;
}

static int root_read(unsigned long ipa, void *dest, unsigned long size)
{
	unsigned long phys, offset;
	u8 *window;

	if (root_ipa_to_phys(ipa, size, &phys)) {
		printk("ERROR: cell create: the config at 0x%lx (%lu bytes) "
		       "is not in the root cell's RAM\n", ipa, size);
		return -EINVAL;
	}
	offset = phys & ~PAGE_MASK;
	window = paging_map_temp(phys, PAGES(offset + size));
	if (!window)
		return -ENOMEM;
	memcpy(dest, window + offset, size);
	paging_unmap_temp();
	return 0;
}

/* The config, copied into the pool: the root cannot change it there. */
static struct jailhouse_cell_desc *copy_config(unsigned long ipa,
					       unsigned long *size, int *err)
{
	struct jailhouse_cell_desc header, *copy;

	*err = root_read(ipa, &header, sizeof(header));
	if (*err)
		return NULL;
	*size = jailhouse_cell_config_size(&header);
	if (*size > MAX_CONFIG_PAGES * PAGE_SIZE) {
		printk("ERROR: cell create: config of %lu bytes, more than "
		       "%u KiB\n", *size, MAX_CONFIG_PAGES * PAGE_SIZE / 1024);
		*err = -E2BIG;
		return NULL;
	}
	copy = page_alloc(&mem_pool, PAGES(*size));
	if (!copy) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = root_read(ipa, copy, *size);
	if (*err) {
		page_free(&mem_pool, copy, PAGES(*size));
		return NULL;
	}
	return copy;
}

static bool name_in_use(const char *name)
{
	struct cell *cell;

	if (!strcmp(name, system_config->root_cell.name))
		return true;
	for (cell = cell_list; cell; cell = cell->next)
		if (!strcmp(name, cell->config->name))
			return true;
	return false;
}

/* The new cell together with every existing one. */
static int check_with_other_cells(const struct jailhouse_cell_desc *desc)
{
	const struct jailhouse_cell_desc **all;
	struct cell *cell;
	unsigned int n = 0;
	int errors;

	all = page_alloc(&mem_pool, 1);
	if (!all)
		return -ENOMEM;
	for (cell = cell_list; cell; cell = cell->next)
		all[n++] = cell->config;
	all[n++] = desc;
	/* the others were checked together when they were created */
	errors = config_check_cells_from(system_config, all, n, n - 1,
					 print_config_finding, NULL);
	page_free(&mem_pool, all, 1);
	return errors ? -EINVAL : 0;
}

/* Runtime state of the CPUs the cell wants (cpu_power_lock held). */
static int check_cpus(struct per_cpu *caller, u64 cpus, bool quiet)
{
	unsigned int cpu;

	for (cpu = 0; cpu < MAX_CPUS; cpu++) {
		if (!((cpus >> cpu) & 1))
			continue;
		if (cpu < hypervisor_header.max_cpus && per_cpu(cpu)->lost) {
			if (!quiet)
				printk("ERROR: cell create: CPU %u is out of "
				       "service (it did not stop for an "
				       "earlier cell)\n", cpu);
			return -EBUSY;
		}
		if (cpu >= hypervisor_header.max_cpus ||
		    !cell_has_cpu(&root_cell, cpu)) {
			if (!quiet)
				printk("ERROR: cell create: CPU %u does not "
				       "belong to the root cell\n", cpu);
			return -EBUSY;
		}
		if (cpu == caller->cpu_id) {
			if (!quiet)
				printk("ERROR: cell create: CPU %u is the "
				       "calling CPU\n", cpu);
			return -EBUSY;
		}
		if (per_cpu(cpu)->power_state != CPU_POWER_OFF) {
			if (!quiet)
				printk("ERROR: cell create: CPU %u is online "
				       "in the root cell (take it offline "
				       "first)\n", cpu);
			return -EBUSY;
		}
	}
	return 0;
}

/* Every CPU of the cell into to_cell (the cell or back to the root). */
static void move_cpus(u64 cpus, struct cell *from, struct cell *to)
{
	unsigned int cpu;

	from->cpu_set &= ~cpus;
	to->cpu_set |= cpus;
	for (cpu = 0; cpu < MAX_CPUS; cpu++) {
		struct per_cpu *cpu_data;

		if (!((cpus >> cpu) & 1))
			continue;
		cpu_data = per_cpu(cpu);
		cpu_data->cell = to;
		cpu_data->failed = false;
		cpu_data->power_state = CPU_POWER_OFF;
		cpu_data->cell_changed = true;
		memset(cpu_data->stats, 0, sizeof(cpu_data->stats));
	}
}

static void cell_free(struct cell *cell)
{
	unsigned int config_pages = cell->config_pages;

	mmio_cell_exit(cell);
	arch_cell_destroy(cell);
	if (cell->comm_page)
		page_free(&mem_pool, cell->comm_page, 1);
	page_free(&mem_pool, (void *)cell->config, config_pages);
	page_free(&mem_pool, cell, PAGES(sizeof(*cell)));
}

static long create(struct per_cpu *caller, unsigned long config_address)
{
	struct jailhouse_cell_desc *desc;
	unsigned long size;
	struct cell *cell, **tail;
	u64 cpus, beyond;
	int err;

	if (any_cell_locked(NULL))
		return -EPERM;

	desc = copy_config(config_address, &size, &err);
	if (!desc)
		return err;

	err = -EINVAL;
	if (config_check_cell(system_config, desc, size,
			      print_config_finding, NULL) != 0) {
		printk("ERROR: cell create: the config is invalid\n");
		goto err_config;
	}
	err = -EEXIST;
	if (name_in_use(desc->name)) {
		printk("ERROR: cell create: a cell named \"%s\" exists\n",
		       desc->name);
		goto err_config;
	}
	if (desc->id == 0 || cell_find(desc->id)) {
		printk("ERROR: cell create: id %u is in use\n", desc->id);
		goto err_config;
	}
	err = -E2BIG;
	if (desc->id > 0xff) {
		printk("ERROR: cell create: id %u is above 255\n", desc->id);
		goto err_config;
	}
	err = check_with_other_cells(desc);
	if (err) {
		if (err == -EINVAL)
			printk("ERROR: cell create: \"%s\" conflicts with the "
			       "other cells\n", desc->name);
		goto err_config;
	}
	err = config_cpu_set(desc, &cpus, &beyond);
	if (err) {
		printk("ERROR: cell create: \"%s\" names CPU %llu, but the "
		       "hypervisor supports CPUs 0-%u only\n", desc->name,
		       beyond, MAX_CPUS - 1);
		err = -EINVAL;
		goto err_config;
	}
	spin_lock(&cpu_power_lock);
	err = check_cpus(caller, cpus, false);
	spin_unlock(&cpu_power_lock);
	if (err)
		goto err_config;

	err = -ENOMEM;
	cell = page_alloc(&mem_pool, PAGES(sizeof(*cell)));
	if (!cell)
		goto err_config;
	cell->id = desc->id;
	cell->config = desc;
	caller->mgmt_cell = cell;
	cell->config_pages = PAGES(size);
	cell->stopping = true;
	cell->comm_page = page_alloc(&mem_pool, 1);
	if (!cell->comm_page)
		goto err_cell;
	err = arch_cell_init(cell);
	if (err)
		goto err_cell;
	err = cell_map_regions(cell);
	if (err)
		goto err_cell;

	/* the CPUs may have changed since the check */
	spin_lock(&cpu_power_lock);
	err = check_cpus(caller, cpus, true);
	if (!err)
		move_cpus(cpus, &root_cell, cell);
	spin_unlock(&cpu_power_lock);
	if (err)
		goto err_cell;

	err = irqchip_cell_init(cell);
	if (err) {
		printk("ERROR: cell create: interrupt controller setup "
		       "failed: %d\n", err);
		goto err_cpus;
	}
	err = vpci_cell_init(cell);
	if (err)
		goto err_irqchip;
	err = root_move_regions(cell, 0, false);
	if (err)
		goto err_vpci;
	irqchip_config_commit(cell);

	set_cell_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	for (tail = &cell_list; *tail; tail = &(*tail)->next)
		;
	memory_barrier();
	*tail = cell;
	num_cells++;

	printk("Created cell \"%s\"\n", desc->name);
	print_pool_usage("cell creation");
	cells_reconfig_completed(cell);
	return cell->id;

err_vpci:
	vpci_cell_exit(cell);
err_irqchip:
	irqchip_cell_exit(cell);
err_cpus:
	spin_lock(&cpu_power_lock);
	move_cpus(cpus, cell, &root_cell);
	spin_unlock(&cpu_power_lock);
err_cell:
	cell_free(cell);
	return err;
err_config:
	page_free(&mem_pool, desc, PAGES(size));
	return err;
}

/* Cell management requests are handled one at a time. */
static long under_cell_lock(long (*request)(unsigned long id),
			    unsigned long id)
{
	long result;

	spin_lock(&cell_lock);
	result = request(id);
	this_cpu_data()->mgmt_cell = NULL;
	spin_unlock(&cell_lock);
	return result;
}

long cell_create(struct per_cpu *cpu_data, unsigned long config_address)
{
	long result;

	spin_lock(&cell_lock);
	result = create(cpu_data, config_address);
	cpu_data->mgmt_cell = NULL;
	spin_unlock(&cell_lock);
	return result;
}

/* The cell a management call names: an existing non-root one. */
static struct cell *target_cell(unsigned long id, long *err)
{
	struct cell *cell;

	if (id == root_cell.id) {
		*err = -EINVAL;
		return NULL;
	}
	cell = cell_find(id);
	if (!cell)
		*err = -ENOENT;
	/* an EL2 fault during the request marks it failed (hyp_fault.c) */
	this_cpu_data()->mgmt_cell = cell;
	return cell;
}

/* Park the cell's CPUs if the cell agrees. */
static long cell_stop(struct cell *cell)
{
	if (!cell_send_message(cell, JAILHOUSE_MSG_SHUTDOWN_REQUEST))
		return -EPERM;
	cell_park_cpus(cell);
	test_hook_point(TEST_HOOK_CELL_STOP);
	irqchip_cell_reset(cell);
	return 0;
}

static void fill_comm_region(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	struct jailhouse_comm_region *comm = cell->comm_page;

	memset(comm, 0, PAGE_SIZE);
	memcpy(comm->signature, COMM_REGION_MAGIC, sizeof(comm->signature));
	comm->revision = COMM_REGION_ABI_REVISION;
	comm->cell_state = JAILHOUSE_CELL_RUNNING;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(desc->flags))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(desc->flags))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE;
	comm->console = desc->console;
	comm->pci_mmconfig_base =
		system_config->platform_info.pci_mmconfig_base;
	comm->gic_version = system_config->platform_info.arm.gic_version;
	comm->gicd_base = system_config->platform_info.arm.gicd_base;
	comm->gicc_base = system_config->platform_info.arm.gicc_base;
	comm->gicr_base = system_config->platform_info.arm.gicr_base;
	comm->vpci_irq_base = desc->vpci_irq_base;
	arch_dcache_clean_inval(comm, PAGE_SIZE);
}

static long start(unsigned long id)
{
	struct per_cpu *first = NULL;
	unsigned int cpu;
	struct cell *cell;
	long err;

	cell = target_cell(id, &err);
	if (!cell)
		return err;
	err = cell_stop(cell);
	if (err)
		return err;
	if (!cell->cpu_set) {
		printk("ERROR: cell \"%s\" cannot start: none of its CPUs is "
		       "in service\n", cell->config->name);
		return -EIO;
	}

	if (cell->loadable) {
		err = root_move_regions(cell, JAILHOUSE_MEM_LOADABLE, false);
		if (err)
			return err;
		cell->loadable = false;
	}
	/* a restart is a reset for its ivshmem peers */
	vpci_cell_reset(cell);
	fill_comm_region(cell);

	spin_lock(&cpu_power_lock);
	for_each_cell_cpu(cpu, cell) {
		per_cpu(cpu)->failed = false;
		if (!first)
			first = per_cpu(cpu);
	}
	/*
	 * Never empty: create refuses a config without CPUs (the checker's
	 * no-cpus error) or with one beyond the 64-bit mask (config_cpu_set),
	 * whatever the driver checked.  Kept as a guard, never a NULL store.
	 */
	if (!first) {
		spin_unlock(&cpu_power_lock);
		printk("ERROR: cell start: \"%s\" has no CPU\n",
		       cell->config->name);
		return -EINVAL;
	}
	cell->stopping = false;
	first->resume_entry = cell->config->cpu_reset_address;
	first->resume_context = 0;
	first->power_state = CPU_POWER_ON_PENDING;
	spin_unlock(&cpu_power_lock);

	/* before the cell's first words on a UART it may share */
	printk("Started cell \"%s\"\n", cell->config->name);
	cpu_send_request(first->cpu_id, CPU_REQ_RESUME);
	return 0;
}

long cell_start(struct per_cpu *cpu_data, unsigned long id)
{
	return under_cell_lock(start, id);
}

static long set_loadable(unsigned long id)
{
	struct cell *cell;
	long err;

	cell = target_cell(id, &err);
	if (!cell)
		return err;
	err = cell_stop(cell);
	if (err)
		return err;
	set_cell_state(cell, JAILHOUSE_CELL_SHUT_DOWN);

	if (!cell->loadable) {
		err = root_move_regions(cell, JAILHOUSE_MEM_LOADABLE, true);
		if (err)
			return err;
		cell->loadable = true;
	}
	printk("Cell \"%s\" can be loaded\n", cell->config->name);
	return 0;
}

long cell_set_loadable(struct per_cpu *cpu_data, unsigned long id)
{
	return under_cell_lock(set_loadable, id);
}

static long destroy(unsigned long id)
{
	const struct jailhouse_memory *mem;
	struct cell *cell, **link;
	unsigned int n;
	long err;

	cell = target_cell(id, &err);
	if (!cell)
		return err;
	if (any_cell_locked(cell))
		return -EPERM;
	err = cell_stop(cell);
	if (err)
		return err;

	cell_printk_flush(cell);
	printk("Closing cell \"%s\"\n", cell->config->name);
	/* its peers see state 0 before anything else goes */
	vpci_cell_exit(cell);
	irqchip_cell_exit(cell);

	cell_clear_ram(cell);
	mem = jailhouse_cell_mem_regions(cell->config);
	for (n = 0; n < cell->config->num_memory_regions; n++, mem++) {
		if (!region_moves(mem) ||
		    (cell->loadable && (mem->flags & JAILHOUSE_MEM_LOADABLE)) ||
		    other_cell_maps(cell, mem))
			continue;
		err = root_apply(mem->phys_start, mem->size, true);
		if (err)
			printk("ERROR: cannot return mem_regions[%u] of cell "
			       "\"%s\" to the root cell: %ld\n", n,
			       cell->config->name, err);
	}
	arch_flush_current_stage2();

	spin_lock(&cpu_power_lock);
	move_cpus(cell->cpu_set, cell, &root_cell);
	spin_unlock(&cpu_power_lock);
	irqchip_config_commit(NULL);

	for (link = &cell_list; *link != cell; link = &(*link)->next)
		;
	*link = cell->next;
	num_cells--;
	if (cell->lost_cpus)
		/* a CPU out of service may still use them: they stay */
		printk("Cell \"%s\": its hypervisor data stay allocated for "
		       "its CPU(s) out of service\n", cell->config->name);
	else
		cell_free(cell);

	print_pool_usage("cell destruction");
	cells_reconfig_completed(NULL);
	return 0;
}

long cell_destroy(struct per_cpu *cpu_data, unsigned long id)
{
	return under_cell_lock(destroy, id);
}

long cell_get_state(unsigned long id)
{
	struct cell *cell;
	long state;

	if (id == root_cell.id)
		return JAILHOUSE_CELL_RUNNING;
	/*
	 * Any local user can ask (the driver's sysfs state is 0444, as in
	 * Jailhouse): never wait at EL2 behind a management request, which
	 * may itself wait long for a cell.  The driver retries, sleeping.
	 */
	if (!spin_trylock(&cell_lock))
		return -EBUSY;
	cell = cell_find(id);
	if (!cell) {
		state = -ENOENT;
	} else {
		state = cell_state(cell);
		/*
		 * Whatever else the cell wrote there is -EINVAL, which the
		 * driver shows as "invalid" (Jailhouse does the same); the
		 * cell may well be running.
		 */
		if (state > JAILHOUSE_CELL_FAILED_COMM_REV)
			state = -EINVAL;
	}
	spin_unlock(&cell_lock);
	return state;
}
