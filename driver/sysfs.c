// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/jailhouse: the state of the hypervisor for tools that only
 * look (jailhouse cell list, cell stats, monitoring).  Names and formats
 * follow Jailhouse's Documentation/sysfs-entries.txt, since tools parse them.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>

#include <jailhouse/hypercall.h>

#include "enable.h"
#include "jailhouse.h"

struct device *jailhouse_dev;
/* parent of one directory per cell, created and removed with the cells */
struct kobject *jailhouse_cells_kobj;

static ssize_t enabled_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", jailhouse_enabled);
}

static ssize_t console_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	/* no console (never enabled) reads as empty, not as an error */
	return jailhouse_console_dump(buf, PAGE_SIZE);
}

/* A pool counter, by its JAILHOUSE_INFO_* index. */
struct pool_attribute {
	struct device_attribute attr;
	unsigned int type;
};

/*
 * While the hypervisor is disabled there are no pools, and Jailhouse shows
 * them as "0" rather than failing the read; tools that print all attributes
 * rely on that, so it is kept.  "enabled" tells whether the numbers mean
 * anything.
 */
static ssize_t pool_info_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	unsigned int type = container_of(attr, struct pool_attribute,
					 attr)->type;
	long value = 0;

	/* the lock keeps the hypervisor from leaving during the call */
	if (mutex_lock_interruptible(&jailhouse_lock))
		return -EINTR;
	if (jailhouse_enabled)
		value = jailhouse_hypercall(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
					    type, 0);
	mutex_unlock(&jailhouse_lock);

	if (value < 0)
		return value;
	return sysfs_emit(buf, "%ld\n", value);
}

#define POOL_ATTR(_name, _type) \
	static struct pool_attribute pool_attr_##_name = { \
		.attr = __ATTR(_name, 0444, pool_info_show, NULL), \
		.type = _type, \
	}

POOL_ATTR(mem_pool_size, JAILHOUSE_INFO_MEM_POOL_SIZE);
POOL_ATTR(mem_pool_used, JAILHOUSE_INFO_MEM_POOL_USED);
POOL_ATTR(remap_pool_size, JAILHOUSE_INFO_REMAP_POOL_SIZE);
POOL_ATTR(remap_pool_used, JAILHOUSE_INFO_REMAP_POOL_USED);

static DEVICE_ATTR_RO(enabled);
/*
 * Root only, unlike Jailhouse's 0444: the console holds what the cells
 * print and the fault reports, with the values cells wrote (security
 * review L11).  `jailhouse console` runs as root anyway.
 */
static DEVICE_ATTR_ADMIN_RO(console);

static struct attribute *jailhouse_attrs[] = {
	&dev_attr_enabled.attr,
	&dev_attr_console.attr,
	&pool_attr_mem_pool_size.attr.attr,
	&pool_attr_mem_pool_used.attr.attr,
	&pool_attr_remap_pool_size.attr.attr,
	&pool_attr_remap_pool_used.attr.attr,
	NULL
};

static const struct attribute_group jailhouse_attr_group = {
	.attrs = jailhouse_attrs,
};

int jailhouse_sysfs_init(void)
{
	struct device *dev;
	int err;

	dev = root_device_register("jailhouse");
	if (IS_ERR(dev))
		return PTR_ERR(dev);

	err = sysfs_create_group(&dev->kobj, &jailhouse_attr_group);
	if (err)
		goto unregister;

	jailhouse_cells_kobj = kobject_create_and_add("cells", &dev->kobj);
	if (!jailhouse_cells_kobj) {
		err = -ENOMEM;
		goto remove_group;
	}

	jailhouse_dev = dev;
	return 0;

remove_group:
	sysfs_remove_group(&dev->kobj, &jailhouse_attr_group);
unregister:
	root_device_unregister(dev);
	return err;
}

void jailhouse_sysfs_exit(void)
{
	kobject_put(jailhouse_cells_kobj);
	sysfs_remove_group(&jailhouse_dev->kobj, &jailhouse_attr_group);
	root_device_unregister(jailhouse_dev);
}
