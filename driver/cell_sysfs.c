// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/jailhouse/cells/<id>/: one directory per cell with its name,
 * state, CPUs and vmexit statistics, in the names and formats of
 * Jailhouse's Documentation/sysfs-entries.txt, since `jailhouse cell list`
 * and `cell stats` (ours and Jailhouse's) parse them.
 *
 * State, failed CPUs and statistics are asked from the hypervisor at every
 * read.  A directory exists only while its cell does, and it is removed
 * before the hypervisor goes away: removal waits for running reads, so no
 * read can issue a hypercall to a hypervisor that is not there.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>

#include "enable.h"
#include "jailhouse.h"

/* a statistics/ or statistics/cpu<N>/ directory */
struct stats_kobj {
	struct kobject kobj;
	const struct jailhouse_cell_sysfs *cell;
	/* the CPU it counts, or -1 for the sum over the cell's CPUs */
	int cpu;
};

struct jailhouse_cell_sysfs {
	struct kobject kobj;
	unsigned int id;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	cpumask_t cpus;
	struct stats_kobj *stats;
	/* statistics/cpu<N>, indexed by CPU */
	struct stats_kobj **cpu_stats;
};

struct cell_attribute {
	struct attribute attr;
	ssize_t (*show)(const struct jailhouse_cell_sysfs *cell, char *buf);
};

struct stats_attribute {
	struct attribute attr;
	unsigned int counter;
};

#define to_cell(k)	container_of(k, struct jailhouse_cell_sysfs, kobj)
#define to_stats(k)	container_of(k, struct stats_kobj, kobj)

static ssize_t name_show(const struct jailhouse_cell_sysfs *cell, char *buf)
{
	return sysfs_emit(buf, "%s\n", cell->name);
}

static const char *cell_state_name(long state)
{
	switch (state) {
	case JAILHOUSE_CELL_RUNNING:
		return "running";
	case JAILHOUSE_CELL_RUNNING_LOCKED:
		return "running/locked";
	case JAILHOUSE_CELL_SHUT_DOWN:
		return "shut down";
	case JAILHOUSE_CELL_FAILED:
		return "failed";
	case JAILHOUSE_CELL_FAILED_COMM_REV:
		return "Comm ABI mismatch";
	default:
		return "invalid";
	}
}

/*
 * The hypervisor answers -EBUSY while a cell management request runs
 * rather than keep this CPU at EL2 (any user may read the state): wait
 * here, sleeping, for at most STATE_BUSY_TRIES * STATE_BUSY_MS.
 */
#define STATE_BUSY_TRIES	200
#define STATE_BUSY_MS		10

static ssize_t state_show(const struct jailhouse_cell_sysfs *cell, char *buf)
{
	unsigned int tries = 0;
	long state;

	for (;;) {
		state = jailhouse_hypercall(JAILHOUSE_HC_CELL_GET_STATE,
					    cell->id, 0);
		if (state != -EBUSY || ++tries >= STATE_BUSY_TRIES)
			break;
		if (msleep_interruptible(STATE_BUSY_MS))
			return -EINTR;
	}
	if (state == -EBUSY)
		return -EBUSY;

	/*
	 * A hypervisor without cell management does not know the call; its
	 * only cell is the root, which runs this very code.
	 */
	if (state == -ENOSYS && cell->id == 0)
		state = JAILHOUSE_CELL_RUNNING;

	return sysfs_emit(buf, "%s\n", cell_state_name(state));
}

static ssize_t cpus_assigned_show(const struct jailhouse_cell_sysfs *cell,
				  char *buf)
{
	return sysfs_emit(buf, "%*pb\n", cpumask_pr_args(&cell->cpus));
}

static ssize_t cpus_assigned_list_show(const struct jailhouse_cell_sysfs *cell,
				       char *buf)
{
	return sysfs_emit(buf, "%*pbl\n", cpumask_pr_args(&cell->cpus));
}

static long failed_cpus(const struct jailhouse_cell_sysfs *cell,
			struct cpumask *failed)
{
	unsigned int cpu;
	long state;

	cpumask_clear(failed);
	for_each_cpu(cpu, &cell->cpus) {
		state = jailhouse_hypercall(JAILHOUSE_HC_CPU_GET_INFO, cpu,
					    JAILHOUSE_CPU_INFO_STATE);
		if (state < 0)
			return state;
		if (state == JAILHOUSE_CPU_FAILED)
			cpumask_set_cpu(cpu, failed);
	}
	return 0;
}

static ssize_t cpus_failed_show(const struct jailhouse_cell_sysfs *cell,
				char *buf)
{
	cpumask_t failed;
	long err = failed_cpus(cell, &failed);

	if (err)
		return err;
	return sysfs_emit(buf, "%*pb\n", cpumask_pr_args(&failed));
}

static ssize_t cpus_failed_list_show(const struct jailhouse_cell_sysfs *cell,
				     char *buf)
{
	cpumask_t failed;
	long err = failed_cpus(cell, &failed);

	if (err)
		return err;
	return sysfs_emit(buf, "%*pbl\n", cpumask_pr_args(&failed));
}

#define CELL_ATTR(_name) \
	static struct cell_attribute cell_attr_##_name = { \
		.attr = { .name = #_name, .mode = 0444 }, \
		.show = _name##_show, \
	}

CELL_ATTR(name);
CELL_ATTR(state);
CELL_ATTR(cpus_assigned);
CELL_ATTR(cpus_assigned_list);
CELL_ATTR(cpus_failed);
CELL_ATTR(cpus_failed_list);

static struct attribute *cell_attrs[] = {
	&cell_attr_name.attr,
	&cell_attr_state.attr,
	&cell_attr_cpus_assigned.attr,
	&cell_attr_cpus_assigned_list.attr,
	&cell_attr_cpus_failed.attr,
	&cell_attr_cpus_failed_list.attr,
	NULL
};
ATTRIBUTE_GROUPS(cell);

static ssize_t cell_attr_show(struct kobject *kobj, struct attribute *attr,
			      char *buf)
{
	return container_of(attr, struct cell_attribute, attr)->show(
		to_cell(kobj), buf);
}

static const struct sysfs_ops cell_sysfs_ops = {
	.show = cell_attr_show,
};

static void cell_release(struct kobject *kobj)
{
	struct jailhouse_cell_sysfs *cell = to_cell(kobj);

	kfree(cell->cpu_stats);
	kfree(cell);
}

static struct kobj_type cell_ktype = {
	.release = cell_release,
	.sysfs_ops = &cell_sysfs_ops,
	.default_groups = cell_groups,
};

/* Counter names as Jailhouse's arm64 sysfs shows them, by counter index. */
#define STATS_ATTR(_name, _counter) \
	static struct stats_attribute stats_attr_##_name = { \
		.attr = { .name = "vmexits_" #_name, .mode = 0444 }, \
		.counter = _counter, \
	}

STATS_ATTR(total, JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);
STATS_ATTR(mmio, JAILHOUSE_CPU_STAT_VMEXITS_MMIO);
STATS_ATTR(management, JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT);
STATS_ATTR(hypercall, JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL);
STATS_ATTR(maintenance, JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE);
STATS_ATTR(virt_irq, JAILHOUSE_CPU_STAT_VMEXITS_VIRQ);
STATS_ATTR(virt_sgi, JAILHOUSE_CPU_STAT_VMEXITS_VSGI);
STATS_ATTR(psci, JAILHOUSE_CPU_STAT_VMEXITS_PSCI);
STATS_ATTR(smccc, JAILHOUSE_CPU_STAT_VMEXITS_SMCCC);

static struct attribute *stats_attrs[] = {
	&stats_attr_total.attr,
	&stats_attr_mmio.attr,
	&stats_attr_management.attr,
	&stats_attr_hypercall.attr,
	&stats_attr_maintenance.attr,
	&stats_attr_virt_irq.attr,
	&stats_attr_virt_sgi.attr,
	&stats_attr_psci.attr,
	&stats_attr_smccc.attr,
	NULL
};
ATTRIBUTE_GROUPS(stats);

static long cpu_counter(unsigned int cpu, unsigned int counter)
{
	return jailhouse_hypercall(JAILHOUSE_HC_CPU_GET_INFO, cpu,
				   JAILHOUSE_CPU_INFO_STAT_BASE + counter);
}

static ssize_t stats_attr_show(struct kobject *kobj, struct attribute *attr,
			       char *buf)
{
	unsigned int counter =
		container_of(attr, struct stats_attribute, attr)->counter;
	struct stats_kobj *stats = to_stats(kobj);
	unsigned long sum = 0;
	unsigned int cpu;
	long value;

	if (stats->cpu >= 0) {
		value = cpu_counter(stats->cpu, counter);
		if (value < 0)
			return value;
		return sysfs_emit(buf, "%ld\n", value);
	}

	for_each_cpu(cpu, &stats->cell->cpus) {
		value = cpu_counter(cpu, counter);
		if (value < 0)
			return value;
		sum += value;
	}
	return sysfs_emit(buf, "%lu\n", sum);
}

static const struct sysfs_ops stats_sysfs_ops = {
	.show = stats_attr_show,
};

static void stats_release(struct kobject *kobj)
{
	kfree(to_stats(kobj));
}

static struct kobj_type stats_ktype = {
	.release = stats_release,
	.sysfs_ops = &stats_sysfs_ops,
	.default_groups = stats_groups,
};

static struct stats_kobj *stats_add(struct jailhouse_cell_sysfs *cell,
				    struct kobject *parent, int cpu)
{
	struct stats_kobj *stats;
	int err;

	stats = kzalloc(sizeof(*stats), GFP_KERNEL);
	if (!stats)
		return ERR_PTR(-ENOMEM);
	stats->cell = cell;
	stats->cpu = cpu;

	if (cpu < 0)
		err = kobject_init_and_add(&stats->kobj, &stats_ktype, parent,
					   "statistics");
	else
		err = kobject_init_and_add(&stats->kobj, &stats_ktype, parent,
					   "cpu%d", cpu);
	if (err) {
		/* the release frees it */
		kobject_put(&stats->kobj);
		return ERR_PTR(err);
	}
	return stats;
}

static void stats_remove(struct stats_kobj *stats)
{
	kobject_del(&stats->kobj);
	kobject_put(&stats->kobj);
}

void jailhouse_cell_sysfs_remove(struct jailhouse_cell_sysfs *cell)
{
	unsigned int cpu;

	if (cell->stats) {
		for (cpu = 0; cpu < nr_cpu_ids; cpu++)
			if (cell->cpu_stats[cpu])
				stats_remove(cell->cpu_stats[cpu]);
		stats_remove(cell->stats);
	}
	kobject_del(&cell->kobj);
	kobject_put(&cell->kobj);
}

int jailhouse_cell_sysfs_set_cpus(struct jailhouse_cell_sysfs *cell,
				  const struct cpumask *cpus)
{
	struct stats_kobj *stats;
	unsigned int cpu;
	int err = 0;

	/* readers of the sums see each CPU either counted or not */
	for_each_cpu(cpu, &cell->cpus)
		if (!cpumask_test_cpu(cpu, cpus))
			cpumask_clear_cpu(cpu, &cell->cpus);
	for_each_cpu(cpu, cpus)
		cpumask_set_cpu(cpu, &cell->cpus);

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (cell->cpu_stats[cpu] && !cpumask_test_cpu(cpu, cpus)) {
			stats_remove(cell->cpu_stats[cpu]);
			cell->cpu_stats[cpu] = NULL;
		} else if (!cell->cpu_stats[cpu] &&
			   cpumask_test_cpu(cpu, cpus)) {
			stats = stats_add(cell, &cell->stats->kobj, cpu);
			if (IS_ERR(stats))
				err = PTR_ERR(stats);
			else
				cell->cpu_stats[cpu] = stats;
		}
	}
	return err;
}

struct jailhouse_cell_sysfs *
jailhouse_cell_sysfs_add(unsigned int id, const char *name,
			 const struct cpumask *cpus)
{
	struct jailhouse_cell_sysfs *cell;
	struct stats_kobj *stats;
	unsigned int cpu;
	int err;

	cell = kzalloc(sizeof(*cell), GFP_KERNEL);
	if (!cell)
		return ERR_PTR(-ENOMEM);
	cell->cpu_stats = kcalloc(nr_cpu_ids, sizeof(*cell->cpu_stats),
				  GFP_KERNEL);
	if (!cell->cpu_stats) {
		kfree(cell);
		return ERR_PTR(-ENOMEM);
	}
	cell->id = id;
	strscpy(cell->name, name, sizeof(cell->name));
	cpumask_copy(&cell->cpus, cpus);

	err = kobject_init_and_add(&cell->kobj, &cell_ktype,
				   jailhouse_cells_kobj, "%u", id);
	if (err) {
		kobject_put(&cell->kobj);
		return ERR_PTR(err);
	}

	stats = stats_add(cell, &cell->kobj, -1);
	if (IS_ERR(stats)) {
		err = PTR_ERR(stats);
		goto remove;
	}
	cell->stats = stats;

	for_each_cpu(cpu, &cell->cpus) {
		stats = stats_add(cell, &cell->stats->kobj, cpu);
		if (IS_ERR(stats)) {
			err = PTR_ERR(stats);
			goto remove;
		}
		cell->cpu_stats[cpu] = stats;
	}

	/* tools waiting for the cell learn of it once it is complete */
	kobject_uevent(&cell->kobj, KOBJ_ADD);
	return cell;

remove:
	jailhouse_cell_sysfs_remove(cell);
	return ERR_PTR(err);
}
