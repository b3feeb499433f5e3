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
 * All of this runs on a root CPU, serialised by cell_lock.  How a cell's
 * CPUs stop and when a cell counts as failed is in cell_stop.c, the memory
 * moves are in cell_memory.c, the copy of the config in
 * cell_config_copy.c, the comm region and the messages through it in
 * cell_messages.c, the cells' virtual console in cell_console.c.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/cell_lifecycle.h>
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
#include <jailhouse/vpci.h>

spinlock_t cell_lock = SPINLOCK_INIT;
static unsigned int num_cells;

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

	desc = cell_copy_config(config_address, &size, &err);
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
	struct cell *cell, **link;
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

	cell_return_memory(cell);

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
