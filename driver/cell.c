// SPDX-License-Identifier: GPL-2.0
/*
 * Non-root cells: create, start and destroy, and finding a cell by ID or
 * name.  Loading images is cell_load.c.
 *
 * Create checks the config with the shared checker against the system
 * config and the cells that exist, so that the user reads every problem
 * before anything changes; then the cell's CPUs leave Linux (they park in
 * the hypervisor, where the new cell picks them up), the hypervisor
 * checks everything again and creates the cell, and its sysfs directory
 * appears.  A failure at any step undoes the steps before it: the CPUs
 * come back online, and the hypervisor, which changes nothing on a refused
 * request, keeps its page pool usage.  Destroy runs the same steps back.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/cpu.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/cpu_set.h>
#include <jailhouse/hypercall.h>

#include "cell.h"
#include "enable.h"
#include "jailhouse.h"
#include "preflight.h"

/* The hypervisor uses the cell ID as the VMID of the cell's stage 2. */
#define MAX_CELL_ID	255

static LIST_HEAD(cells);

static const char *const root_refusal[] = {
	[CELL_OP_LOAD] = "it cannot be loaded or shut down ('jailhouse disable' ends it)",
	[CELL_OP_START] = "it is always running (only non-root cells are started)",
	[CELL_OP_DESTROY] = "it cannot be destroyed ('jailhouse disable' ends it)",
};

struct jailhouse_cell *jailhouse_cell_find(struct jailhouse_file *jf,
					   struct jailhouse_cell_id *id,
					   enum jailhouse_cell_op op)
{
	struct jailhouse_cell *cell;

	if (id->id == JAILHOUSE_CELL_ID_UNUSED) {
		id->name[sizeof(id->name) - 1] = '\0';
		if (!id->name[0])
			return ERR_PTR(jailhouse_fail(jf, -EINVAL,
						      "no cell named \"\" (empty name)"));
		if (strcmp(id->name, jailhouse_root.name) == 0)
			return ERR_PTR(jailhouse_fail(jf, -EINVAL,
						      "cell \"%s\" is the root cell (ID 0): %s",
						      id->name,
						      root_refusal[op]));
		list_for_each_entry(cell, &cells, entry)
			if (strcmp(cell->name, id->name) == 0)
				return cell;
		return ERR_PTR(jailhouse_fail(jf, -ENOENT,
					      "no cell named \"%s\" (see 'jailhouse cell list')",
					      id->name));
	}

	if (id->id < 0)
		return ERR_PTR(jailhouse_fail(jf, -EINVAL,
					      "invalid cell ID %d: IDs are 0 or greater, %d means \"by name\"",
					      id->id, JAILHOUSE_CELL_ID_UNUSED));
	if (id->id == 0)
		return ERR_PTR(jailhouse_fail(jf, -EINVAL,
					      "cell 0 is the root cell: %s",
					      root_refusal[op]));
	list_for_each_entry(cell, &cells, entry)
		if (cell->id == id->id)
			return cell;
	return ERR_PTR(jailhouse_fail(jf, -ENOENT,
				      "no cell with ID %d (see 'jailhouse cell list')",
				      id->id));
}

/* jailhouse_cell_find() for the struct jailhouse_cell_id at @arg. */
static struct jailhouse_cell *
cell_from_user(struct jailhouse_file *jf,
	       const struct jailhouse_cell_id __user *arg,
	       enum jailhouse_cell_op op)
{
	struct jailhouse_cell_id id;

	if (copy_from_user(&id, arg, sizeof(id)))
		return ERR_PTR(jailhouse_fail(jf, -EFAULT,
					      "cannot read the cell ID from user space"));
	return jailhouse_cell_find(jf, &id, op);
}

static const char *hv_error_text(long err)
{
	switch (err) {
	case -EPERM:
		return "a cell refused (it denied the shutdown request, or a cell is running locked)";
	case -ENOENT:
		return "the hypervisor does not know this cell";
	case -EEXIST:
		return "a cell with this ID or name exists in the hypervisor";
	case -E2BIG:
		return "the configuration or the cell ID exceeds the hypervisor's limits";
	case -ENOMEM:
		return "the hypervisor is out of memory: enlarge hypervisor_memory in the system config";
	case -EBUSY:
		return "a CPU of the cell is still in use by the root cell";
	case -EINVAL:
		return "the hypervisor rejected the request or the configuration";
	case -ENOSYS:
		return "this hypervisor does not implement cell management";
	case -ETIMEDOUT:
		return "a CPU of the cell did not stop in time, so the cell stays as it is";
	default:
		return "unexpected error";
	}
}

/* The cell in RUNNING_LOCKED state, which blocks every reconfiguration. */
static struct jailhouse_cell *locked_cell(void)
{
	struct jailhouse_cell *cell;

	list_for_each_entry(cell, &cells, entry)
		if (jailhouse_hypercall(JAILHOUSE_HC_CELL_GET_STATE, cell->id,
					0) == JAILHOUSE_CELL_RUNNING_LOCKED)
			return cell;
	return NULL;
}

long jailhouse_cell_hv_refused(struct jailhouse_file *jf, long err,
			       u32 console_mark, const char *action,
			       const char *name)
{
	struct jailhouse_cell *locked;
	const char *detail;
	char line[256];

	if (err >= 0 || err < -4095)
		err = -EIO;
	jailhouse_console_last_line(console_mark, line, sizeof(line));
	/* "cell create: CPU 1 is ..." repeats what the reason says first */
	detail = line;
	if (strncmp(detail, "cell ", 5) == 0 &&
	    strncmp(detail + 5, action, strlen(action)) == 0 &&
	    strncmp(detail + 5 + strlen(action), ": ", 2) == 0)
		detail += 5 + strlen(action) + 2;
	if (detail[0])
		return jailhouse_fail(jf, err,
				      "the hypervisor refused to %s cell \"%s\": %s",
				      action, name, detail);

	locked = err == -EPERM ? locked_cell() : NULL;
	if (locked)
		return jailhouse_fail(jf, err,
				      "the hypervisor refused to %s cell \"%s\": cell \"%s\" is running locked and refuses reconfiguration",
				      action, name, locked->name);
	return jailhouse_fail(jf, err,
			      "the hypervisor refused to %s cell \"%s\": %s (error %ld, see 'jailhouse console')",
			      action, name, hv_error_text(err), err);
}

static unsigned int free_cell_id(void)
{
	struct jailhouse_cell *cell;
	unsigned int id = 1;

	/* the lowest free one, as Jailhouse picks it */
again:
	list_for_each_entry(cell, &cells, entry)
		if (cell->id == id) {
			id++;
			goto again;
		}
	return id;
}

static long config_cpus(struct jailhouse_file *jf,
			const struct jailhouse_cell_desc *config,
			struct cpumask *cpus)
{
	u64 span = jailhouse_cpu_set_span(jailhouse_cell_cpu_set(config),
					  config->cpu_set_size);
	struct jailhouse_cell *other;
	cpumask_t left;
	u64 cpu;

	if (span > JAILHOUSE_MAX_CPUS)
		return jailhouse_fail(jf, -ERANGE,
				      "cell \"%s\" names CPU %llu, but the hypervisor supports CPUs 0-%u only",
				      config->name, span - 1,
				      JAILHOUSE_MAX_CPUS - 1);

	cpumask_clear(cpus);
	for (cpu = 0; cpu < span; cpu++) {
		if (!jailhouse_cell_has_cpu(config, cpu))
			continue;
		if (cpu >= nr_cpu_ids || !cpumask_test_cpu(cpu,
							   &jailhouse_root.cpus))
			goto not_in_root;
		cpumask_set_cpu(cpu, cpus);
	}

	if (cpumask_empty(cpus))
		return jailhouse_fail(jf, -EINVAL, "cell \"%s\" has no CPU",
				      config->name);
	if (!cpumask_andnot(&left, &jailhouse_root.cpus, cpus))
		return jailhouse_fail(jf, -EBUSY,
				      "cell \"%s\" would take the root cell's last CPU(s) %*pbl: the root cell must keep at least one",
				      config->name, cpumask_pr_args(cpus));
	return 0;

not_in_root:
	list_for_each_entry(other, &cells, entry)
		if (cpu < nr_cpu_ids && cpumask_test_cpu(cpu, &other->cpus))
			return jailhouse_fail(jf, -EBUSY,
					      "CPU %llu of cell \"%s\" belongs to cell \"%s\"",
					      cpu, config->name, other->name);
	return jailhouse_fail(jf, -EINVAL,
			      "CPU %llu of cell \"%s\" is not a CPU of the root cell",
			      cpu, config->name);
}

/*
 * Memory the hypervisor takes from the root must not be RAM Linux uses:
 * Linux would fault on its next access.  The checker cannot know, since
 * the system config's RAM region usually covers more than Linux got
 * (mem=, reserved-memory).
 */
static long check_linux_ram(struct jailhouse_file *jf,
			    const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(config);
	unsigned int n;

	for (n = 0; n < config->num_memory_regions; n++) {
		if (mem[n].flags & (JAILHOUSE_MEM_COMM_REGION |
				    JAILHOUSE_MEM_ROOTSHARED) ||
		    !mem[n].size)
			continue;
		if (region_intersects(mem[n].phys_start, mem[n].size,
				      IORESOURCE_SYSTEM_RAM,
				      IORES_DESC_NONE) == REGION_DISJOINT)
			continue;
		return jailhouse_fail(jf, -EBUSY,
				      "cell \"%s\": mem_regions[%u] 0x%llx-0x%llx is RAM in use by Linux: hide it from Linux (mem=, reserved-memory) or map it ROOTSHARED",
				      config->name, n,
				      (u64)mem[n].phys_start,
				      (u64)(mem[n].phys_start + mem[n].size - 1));
	}
	return 0;
}

/* Gives the CPUs the driver took back to Linux; the first failure or 0. */
static int online_cpus(const struct cpumask *cpus, const char *name)
{
	unsigned int cpu;
	int err, first = 0;

	for_each_cpu(cpu, cpus) {
		err = add_cpu(cpu);
		if (err) {
			pr_err("cannot bring CPU %u of cell \"%s\" back online (error %d)\n",
			       cpu, name, err);
			if (!first)
				first = err;
		}
	}
	return first;
}

static long offline_cpus(struct jailhouse_file *jf,
			 struct jailhouse_cell *cell)
{
	unsigned int cpu;
	int err;

	cpumask_clear(&cell->offlined);
	for_each_cpu(cpu, &cell->cpus) {
		if (!cpu_online(cpu))
			continue;
		err = remove_cpu(cpu);
		if (err) {
			online_cpus(&cell->offlined, cell->name);
			return jailhouse_fail(jf, err,
					      "cannot take CPU %u from Linux for cell \"%s\" (error %d)",
					      cpu, cell->name, err);
		}
		cpumask_set_cpu(cpu, &cell->offlined);
	}
	return 0;
}

static void root_cpus_changed(void)
{
	if (jailhouse_root.sysfs &&
	    jailhouse_cell_sysfs_set_cpus(jailhouse_root.sysfs,
					  &jailhouse_root.cpus))
		pr_warn("root cell statistics directories incomplete\n");
}

static const struct jailhouse_cell_desc **existing_configs(unsigned int *num)
{
	const struct jailhouse_cell_desc **configs;
	struct jailhouse_cell *cell;
	unsigned int n = 0;

	list_for_each_entry(cell, &cells, entry)
		n++;
	configs = kcalloc(n + 1, sizeof(*configs), GFP_KERNEL);
	if (!configs)
		return NULL;
	n = 0;
	list_for_each_entry(cell, &cells, entry)
		configs[n++] = cell->config;
	*num = n;
	return configs;
}

/* Everything up to the hypercall; 0 or -errno after jailhouse_fail(). */
static long prepare_cell(struct jailhouse_file *jf,
			 struct jailhouse_cell *cell)
{
	const struct jailhouse_cell_desc **others;
	struct jailhouse_cell *other;
	unsigned int num_others;
	long err;

	/* Jailhouse answers a taken name with EEXIST; no checker needed */
	strscpy(cell->name, cell->config->name, sizeof(cell->name));
	if (strcmp(cell->name, jailhouse_root.name) == 0)
		return jailhouse_fail(jf, -EEXIST,
				      "a cell named \"%s\" exists: it is the root cell (ID 0); rename the new cell",
				      cell->name);
	list_for_each_entry(other, &cells, entry)
		if (strcmp(other->name, cell->name) == 0)
			return jailhouse_fail(jf, -EEXIST,
					      "a cell named \"%s\" exists (ID %u): destroy it first or rename the new cell",
					      cell->name, other->id);

	others = existing_configs(&num_others);
	if (!others)
		return jailhouse_fail(jf, -ENOMEM, "out of memory");
	err = jailhouse_cell_config_check(jf, jailhouse_root.config,
					  cell->config, cell->config_size,
					  others, num_others);
	kfree(others);
	if (err)
		return err;

	err = config_cpus(jf, cell->config, &cell->cpus);
	if (err)
		return err;
	err = check_linux_ram(jf, cell->config);
	if (err)
		return err;
	err = jailhouse_check_cell_memory(jf, cell->config);
	if (err)
		return err;

	cell->id = free_cell_id();
	if (cell->id > MAX_CELL_ID)
		return jailhouse_fail(jf, -E2BIG,
				      "too many cells: cell IDs end at %u",
				      MAX_CELL_ID);
	cell->config->id = cell->id;
	return 0;
}

long jailhouse_cmd_cell_create(struct jailhouse_file *jf,
			       const struct jailhouse_cell_create __user *arg)
{
	struct jailhouse_cell *cell;
	u32 mark;
	long ret;

	cell = kzalloc(sizeof(*cell), GFP_KERNEL);
	if (!cell)
		return jailhouse_fail(jf, -ENOMEM, "out of memory");

	cell->config = jailhouse_cell_config_load(jf, arg, &cell->config_size);
	if (IS_ERR(cell->config)) {
		ret = PTR_ERR(cell->config);
		cell->config = NULL;
		goto out_free;
	}

	ret = prepare_cell(jf, cell);
	if (ret)
		goto out_free;

	ret = offline_cpus(jf, cell);
	if (ret)
		goto out_free;

	mark = jailhouse_console_mark();
	ret = jailhouse_hypercall(JAILHOUSE_HC_CELL_CREATE,
				  virt_to_phys(cell->config), 0);
	if (ret < 0) {
		jailhouse_cell_hv_refused(jf, ret, mark, "create", cell->name);
		goto out_online;
	}
	if (ret != cell->id)
		pr_warn("hypervisor created cell \"%s\" as ID %ld, not %u\n",
			cell->name, ret, cell->id);
	cell->id = ret;

	cell->sysfs = jailhouse_cell_sysfs_add(cell->id, cell->name,
					       &cell->cpus);
	ret = 0;
	if (IS_ERR(cell->sysfs)) {
		ret = jailhouse_fail(jf, PTR_ERR(cell->sysfs),
				     "cannot create the sysfs directory of cell \"%s\" (error %ld)",
				     cell->name, PTR_ERR(cell->sysfs));
		cell->sysfs = NULL;
		if (!jailhouse_hypercall(JAILHOUSE_HC_CELL_DESTROY, cell->id,
					 0))
			goto out_online;
		/*
		 * It stays in the hypervisor with its CPUs, which Linux must
		 * not take back: the driver keeps it, without a directory,
		 * so that destroy and disable can try again.
		 */
		pr_warn("cannot destroy the half-created cell \"%s\" (ID %u): 'jailhouse cell destroy %u' tries again\n",
			cell->name, cell->id, cell->id);
	}

	cpumask_andnot(&jailhouse_root.cpus, &jailhouse_root.cpus,
		       &cell->cpus);
	root_cpus_changed();
	list_add_tail(&cell->entry, &cells);
	if (ret)
		return ret;
	pr_info("Created Jailhouse cell \"%s\"\n", cell->name);
	return 0;

out_online:
	online_cpus(&cell->offlined, cell->name);
out_free:
	jailhouse_cell_config_free(cell->config);
	kfree(cell);
	return ret;
}

long jailhouse_cmd_cell_start(struct jailhouse_file *jf,
			      const struct jailhouse_cell_id __user *arg)
{
	struct jailhouse_cell *cell;
	u32 mark;
	long err;

	cell = cell_from_user(jf, arg, CELL_OP_START);
	if (IS_ERR(cell))
		return PTR_ERR(cell);

	mark = jailhouse_console_mark();
	err = jailhouse_hypercall(JAILHOUSE_HC_CELL_START, cell->id, 0);
	if (err)
		return jailhouse_cell_hv_refused(jf, err, mark, "start",
						 cell->name);
	return 0;
}

/*
 * A CPU of a destroyed cell that the hypervisor still reports as failed
 * did not stop when asked: the hypervisor took it out of service and
 * refuses to give it to Linux, so it is neither onlined nor the root's.
 */
static void drop_lost_cpus(struct jailhouse_cell *cell)
{
	cpumask_t lost;
	unsigned int cpu;

	cpumask_clear(&lost);
	for_each_cpu(cpu, &cell->cpus)
		if (jailhouse_hypercall(JAILHOUSE_HC_CPU_GET_INFO, cpu,
					JAILHOUSE_CPU_INFO_STATE) ==
		    JAILHOUSE_CPU_FAILED)
			cpumask_set_cpu(cpu, &lost);
	if (cpumask_empty(&lost))
		return;
	pr_warn("cell \"%s\": CPU(s) %*pbl did not stop and were taken out of service by the hypervisor: they stay offline until it is disabled\n",
		cell->name, cpumask_pr_args(&lost));
	cpumask_andnot(&cell->cpus, &cell->cpus, &lost);
	cpumask_andnot(&cell->offlined, &cell->offlined, &lost);
}

/*
 * After the hypervisor destroyed @cell: everything else back as before
 * its creation.  The first CPU that stays offline is reported in @jf.
 */
static long release_cell(struct jailhouse_file *jf,
			 struct jailhouse_cell *cell)
{
	cpumask_t offline;
	long err = 0;

	/* none if its creation failed half-way */
	if (cell->sysfs)
		jailhouse_cell_sysfs_remove(cell->sysfs);
	drop_lost_cpus(cell);
	cpumask_or(&jailhouse_root.cpus, &jailhouse_root.cpus, &cell->cpus);
	if (online_cpus(&cell->offlined, cell->name)) {
		cpumask_andnot(&offline, &cell->offlined, cpu_online_mask);
		err = jailhouse_fail(jf, -EIO,
				     "cell \"%s\" destroyed, but CPU(s) %*pbl did not come back online: echo 1 > /sys/devices/system/cpu/cpuN/online",
				     cell->name, cpumask_pr_args(&offline));
	}
	root_cpus_changed();
	list_del(&cell->entry);
	pr_info("Destroyed Jailhouse cell \"%s\"\n", cell->name);
	jailhouse_cell_config_free(cell->config);
	kfree(cell);
	return err;
}

static long destroy_cell(struct jailhouse_file *jf,
			 struct jailhouse_cell *cell)
{
	u32 mark = jailhouse_console_mark();
	long err;

	err = jailhouse_hypercall(JAILHOUSE_HC_CELL_DESTROY, cell->id, 0);
	if (err)
		return jailhouse_cell_hv_refused(jf, err, mark, "destroy",
						 cell->name);
	return release_cell(jf, cell);
}

long jailhouse_cmd_cell_destroy(struct jailhouse_file *jf,
				const struct jailhouse_cell_id __user *arg)
{
	struct jailhouse_cell *cell;

	cell = cell_from_user(jf, arg, CELL_OP_DESTROY);
	if (IS_ERR(cell))
		return PTR_ERR(cell);
	return destroy_cell(jf, cell);
}

long jailhouse_cell_destroy_all(struct jailhouse_file *jf)
{
	struct jailhouse_cell *cell, *next;
	long err;

	/* newest first: each one was checked against the older ones */
	list_for_each_entry_safe_reverse(cell, next, &cells, entry) {
		err = destroy_cell(jf, cell);
		if (err)
			return err;
	}
	return 0;
}
