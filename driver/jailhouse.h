/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between the parts of jailhouse.ko: the device file and
 * ioctl dispatch (main.c), the sysfs tree (sysfs.c), the hypervisor console
 * (console.c) and config loading and checking (config.c).
 */
#ifndef _JAILHOUSE_DRIVER_H
#define _JAILHOUSE_DRIVER_H

#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include <jailhouse/ioctl.h>

struct device;
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

/* console.c: the hypervisor console behind read() and sysfs "console" */
ssize_t jailhouse_console_read(struct jailhouse_file *jf, char __user *buf,
			       size_t count, bool nonblock);
ssize_t jailhouse_console_dump(char *buf, size_t size);

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
