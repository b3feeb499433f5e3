/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between the parts of jailhouse.ko: the device file and
 * ioctl dispatch (main.c), the sysfs tree (sysfs.c, cell_sysfs.c), the
 * hypervisor console (console.c), config loading and checking (config.c),
 * the non-root cells (cell.c, cell_load.c, cell.h) and the pre-flight
 * checks (preflight.h).  Entering and leaving EL2 is enable.h.
 */
#ifndef _JAILHOUSE_DRIVER_H
#define _JAILHOUSE_DRIVER_H

#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/ioctl.h>

struct cpumask;
struct device;
struct kobject;
struct jailhouse_cell_desc;
struct jailhouse_system;

/*
 * Serialises every state change of the hypervisor (enable, disable, cell
 * operations) and everything that must see a consistent state while doing
 * so (sysfs readers that issue hypercalls).
 */
extern struct mutex jailhouse_lock;

/* True between a successful JAILHOUSE_ENABLE and JAILHOUSE_DISABLE. */
extern bool jailhouse_enabled;

/*
 * State of one open /dev/jailhouse.  The failure reason belongs to the file,
 * not to the driver, so that two tools using the device at once each get
 * the reason of their own request back.
 */
struct jailhouse_file {
	/* reason of the last failed ioctl on this file, "" if none */
	char reason[JAILHOUSE_ERROR_MSG_LEN];
	/* console reader: the run its position belongs to, and the position */
	unsigned int console_run;
	u32 console_head;
};

/*
 * Records why the current ioctl fails on @jf, logs it (one line, at
 * warning level: the tool prints it for the user) and returns @err, so
 * that failure paths read "return jailhouse_fail(...)".  The text has no
 * "jailhouse: " prefix; the log adds it.  Every refusal is logged exactly
 * once: jailhouse_log_reason() logs a reason a callee wrote into
 * @jf->reason, jailhouse_set_reason() records one the log already has in
 * other words (the config checker's findings).
 */
__printf(3, 4)
long jailhouse_fail(struct jailhouse_file *jf, long err, const char *fmt, ...);
long jailhouse_log_reason(struct jailhouse_file *jf, long err);
__printf(3, 4)
long jailhouse_set_reason(struct jailhouse_file *jf, long err,
			  const char *fmt, ...);

/* sysfs.c: /sys/devices/jailhouse */
int jailhouse_sysfs_init(void);
void jailhouse_sysfs_exit(void);
/* the "jailhouse" root device (also for request_firmware) and its cells/ */
extern struct device *jailhouse_dev;
extern struct kobject *jailhouse_cells_kobj;

/* cell_sysfs.c: /sys/devices/jailhouse/cells/<id>/ */
struct jailhouse_cell_sysfs;
/* a new cell directory, or an ERR_PTR */
struct jailhouse_cell_sysfs *
jailhouse_cell_sysfs_add(unsigned int id, const char *name,
			 const struct cpumask *cpus);
void jailhouse_cell_sysfs_remove(struct jailhouse_cell_sysfs *cell);
/*
 * The root cell's CPUs change with every cell created or destroyed:
 * cpus_assigned and statistics/cpu<N> follow.  0 or -errno (out of memory
 * for a statistics directory; the CPU set is updated anyway).
 */
int jailhouse_cell_sysfs_set_cpus(struct jailhouse_cell_sysfs *cell,
				  const struct cpumask *cpus);

/*
 * main.c: the root cell while enabled.  Its config is the system config as
 * enable checked it, kept for checking the cells against it; @cpus are
 * the CPUs it has now (the system config's minus those of other cells).
 */
struct jailhouse_root_cell {
	struct jailhouse_system *config;
	size_t config_size;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	cpumask_t cpus;
	struct jailhouse_cell_sysfs *sysfs;
};
extern struct jailhouse_root_cell jailhouse_root;

/*
 * cell.c: the non-root cells, their ioctls, and destroying them all before
 * disable.  Called with jailhouse_lock held while enabled; each returns 0
 * or -errno after jailhouse_fail().
 */
long jailhouse_cmd_cell_create(struct jailhouse_file *jf,
			       const struct jailhouse_cell_create __user *arg);
long jailhouse_cmd_cell_load(struct jailhouse_file *jf,
			     const struct jailhouse_cell_load __user *arg);
long jailhouse_cmd_cell_start(struct jailhouse_file *jf,
			      const struct jailhouse_cell_id __user *arg);
long jailhouse_cmd_cell_destroy(struct jailhouse_file *jf,
				const struct jailhouse_cell_id __user *arg);
long jailhouse_cell_destroy_all(struct jailhouse_file *jf);


/* console.c: the hypervisor console behind read() and sysfs "console" */
ssize_t jailhouse_console_read(struct jailhouse_file *jf, char __user *buf,
			       size_t count, bool nonblock);
ssize_t jailhouse_console_dump(char *buf, size_t size);
/*
 * Under jailhouse_lock: a new image is about to be loaded (its console
 * starts empty), and its run ended (disable or failed enable): keep a
 * copy of its console for later readers.
 */
void jailhouse_console_new_run(void);
void jailhouse_console_save_last(void);
/*
 * While enabled: the position in the hypervisor's log of the root's own
 * lines now, and the line of that log after @mark that says most: its
 * last "ERROR: " line without that prefix, else its last line (relayed
 * "[NAME] " lines do not count), so that a refused hypercall can tell the
 * user the hypervisor's reason.  Nothing a cell made the hypervisor print
 * can be that line.  It is empty if there is none.
 */
u32 jailhouse_console_mark(void);
void jailhouse_console_last_line(u32 mark, char *line, size_t size);

/* config.c: configs from user space, checked before anything is touched */
#define JAILHOUSE_CONFIG_MAX_SIZE	(1024 * 1024)

/*
 * Copies the system config at @uconfig in, checks it and returns it (free
 * with jailhouse_config_free()), or an ERR_PTR after jailhouse_fail().
 */
struct jailhouse_system *
jailhouse_system_config_load(struct jailhouse_file *jf,
			     const void __user *uconfig, size_t *size);
void jailhouse_config_free(const void *config);

/*
 * The hypervisor copies a cell config through its temporary mappings: 16
 * pages, as in Jailhouse, so larger configs could never be created.
 */
#define JAILHOUSE_CELL_CONFIG_MAX_SIZE	(16 * 4096)

/*
 * Copies the cell config of a JAILHOUSE_CELL_CREATE request in (kmalloc'd:
 * physically contiguous) after checking its header.  Returns it (free
 * with jailhouse_cell_config_free()), or an ERR_PTR after
 * jailhouse_fail().
 */
struct jailhouse_cell_desc *
jailhouse_cell_config_load(struct jailhouse_file *jf,
			   const struct jailhouse_cell_create __user *ucreate,
			   size_t *size);
/*
 * Runs the config checker on a loaded cell config against the system
 * config @sys and the configs of the cells that exist, logging every
 * finding.  0, or -EINVAL after jailhouse_fail() with the first error.
 */
long jailhouse_cell_config_check(struct jailhouse_file *jf,
				 const struct jailhouse_system *sys,
				 const struct jailhouse_cell_desc *cell,
				 size_t size,
				 const struct jailhouse_cell_desc *const others[],
				 unsigned int num_others);
void jailhouse_cell_config_free(struct jailhouse_cell_desc *config);

#endif /* !_JAILHOUSE_DRIVER_H */
