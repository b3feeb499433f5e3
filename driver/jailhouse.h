/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between the parts of jailhouse.ko: the device file and
 * ioctl dispatch (main.c), the sysfs tree (sysfs.c, cell_sysfs.c), the
 * hypervisor console (console.c), config loading and checking (config.c)
 * and the pre-flight checks (preflight.h).  Entering and leaving EL2 is
 * enable.h.
 */
#ifndef _JAILHOUSE_DRIVER_H
#define _JAILHOUSE_DRIVER_H

#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include <jailhouse/ioctl.h>

struct cpumask;
struct device;
struct kobject;
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
 * Records why the current ioctl fails on @jf, logs it with pr_err and
 * returns @err, so that failure paths read "return jailhouse_fail(...)".
 * The text has no "jailhouse: " prefix; the log adds it.
 */
__printf(3, 4)
long jailhouse_fail(struct jailhouse_file *jf, long err, const char *fmt, ...);

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

#endif /* !_JAILHOUSE_DRIVER_H */
