// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse.ko: the root cell's side of the hypervisor.  This file owns the
 * module's life cycle, /dev/jailhouse and the dispatch of its ioctls.
 *
 * Every failing ioctl leaves a one-line reason on its open file (read back
 * with JAILHOUSE_GET_ERROR) and in the kernel log, because an errno alone
 * does not tell the user what to fix.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/compat.h>
#include <linux/cpumask.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/reboot.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/cpu_set.h>

#include "enable.h"
#include "jailhouse.h"
#include "preflight.h"
#include "vpci_host.h"

#define NOT_ENABLED_REASON \
	"hypervisor is not enabled: run 'jailhouse enable SYSCONFIG' first"

DEFINE_MUTEX(jailhouse_lock);
bool jailhouse_enabled;

/*
 * A refused request is the user's to fix, and the tool prints its reason.
 * One line at warning level keeps it in the log without the console, at
 * the usual "quiet" loglevel, repeating what the tool says.
 */
long jailhouse_log_reason(struct jailhouse_file *jf, long err)
{
	pr_warn("%s\n", jf->reason);
	return err;
}

long jailhouse_set_reason(struct jailhouse_file *jf, long err,
			  const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(jf->reason, sizeof(jf->reason), fmt, args);
	va_end(args);
	return err;
}

long jailhouse_fail(struct jailhouse_file *jf, long err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(jf->reason, sizeof(jf->reason), fmt, args);
	va_end(args);
	return jailhouse_log_reason(jf, err);
}

struct jailhouse_root_cell jailhouse_root;

static void root_cpus(const struct jailhouse_system *config,
		      struct cpumask *cpus)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;
	unsigned int cpu;

	/* pre-flight made sure that these are exactly the online CPUs */
	cpumask_clear(cpus);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (jailhouse_cell_has_cpu(root, cpu))
			cpumask_set_cpu(cpu, cpus);
}

/* Keeps the reason of a failed EL2 call for the file and logs it. */
static long hv_failed(struct jailhouse_file *jf, long err, const char *what)
{
	if (!jf->reason[0])
		snprintf(jf->reason, sizeof(jf->reason),
			 "%s failed with error %ld (see the kernel log and 'jailhouse console')",
			 what, err);
	return jailhouse_log_reason(jf, err);
}

/*
 * The hypervisor's own words on a failed enable (which CPU, which step),
 * from the console it left behind, so that the user need not dig there.
 */
static void add_hv_reason(struct jailhouse_file *jf)
{
	size_t len = strlen(jf->reason);
	char line[200];

	jailhouse_console_last_line(0, line, sizeof(line));
	if (line[0] && len && len < sizeof(jf->reason))
		snprintf(jf->reason + len, sizeof(jf->reason) - len,
			 "; the hypervisor says: %s", line);
}

static long jailhouse_cmd_enable(struct jailhouse_file *jf,
				 const void __user *uconfig)
{
	struct jailhouse_cell_sysfs *root_sysfs;
	struct jailhouse_system *config;
	size_t config_size;
	long err;

	if (jailhouse_enabled)
		return jailhouse_fail(jf, -EBUSY,
				      "hypervisor is already enabled: run 'jailhouse disable' first");

	config = jailhouse_system_config_load(jf, uconfig, &config_size);
	if (IS_ERR(config))
		return PTR_ERR(config);

	pr_info("system configuration \"%.*s\" is valid (%zu bytes)\n",
		JAILHOUSE_CELL_NAME_MAXLEN, config->root_cell.name,
		config_size);

	err = jailhouse_preflight(jf, config, config_size);
	if (err)
		goto out_free;

	/* while the hypervisor runs, it runs this module's code paths */
	if (!try_module_get(THIS_MODULE)) {
		err = jailhouse_fail(jf, -EBUSY,
				     "the jailhouse module is being unloaded");
		goto out_free;
	}

	root_cpus(config, &jailhouse_root.cpus);
	strscpy(jailhouse_root.name, config->root_cell.name,
		sizeof(jailhouse_root.name));
	root_sysfs = jailhouse_cell_sysfs_add(0, jailhouse_root.name,
					      &jailhouse_root.cpus);
	if (IS_ERR(root_sysfs)) {
		err = jailhouse_fail(jf, PTR_ERR(root_sysfs),
				     "cannot create the root cell's sysfs directory (error %ld)",
				     PTR_ERR(root_sysfs));
		goto out_put;
	}

	jailhouse_console_new_run();
	err = jailhouse_hv_enable(config, config_size, jf->reason,
				  sizeof(jf->reason));
	if (err) {
		jailhouse_console_save_last();
		add_hv_reason(jf);
		hv_failed(jf, err, "entering the hypervisor");
		jailhouse_cell_sysfs_remove(root_sysfs);
		goto out_put;
	}

	/* cells are checked against it as long as the hypervisor runs */
	jailhouse_root.config = config;
	jailhouse_root.config_size = config_size;
	jailhouse_root.sysfs = root_sysfs;
	jailhouse_enabled = true;
	pr_info("The Jailhouse is opening.\n");
	jailhouse_vpci_host_add(config);
	return 0;

out_put:
	module_put(THIS_MODULE);
out_free:
	jailhouse_config_free(config);
	return err;
}

static long jailhouse_cmd_disable(struct jailhouse_file *jf)
{
	cpumask_t offline;
	long err;

	if (!jailhouse_enabled)
		return jailhouse_fail(jf, -EINVAL, NOT_ENABLED_REASON);

	/* as Jailhouse does: the cells go first, their CPUs back to Linux */
	err = jailhouse_cell_destroy_all(jf);
	if (err)
		return err;

	/* an offline CPU waits inside the hypervisor and would be lost */
	if (cpumask_andnot(&offline, &jailhouse_root.cpus, cpu_online_mask))
		return jailhouse_fail(jf, -EBUSY,
				      "root cell CPU(s) %*pbl offline: bring them online before disabling (echo 1 > /sys/devices/system/cpu/cpuN/online)",
				      cpumask_pr_args(&offline));

	/* its config space and BARs vanish with the hypervisor */
	jailhouse_vpci_host_remove();

	/*
	 * Gone before the hypervisor is: removing it waits for sysfs reads
	 * that may be issuing hypercalls.
	 */
	if (jailhouse_root.sysfs)
		jailhouse_cell_sysfs_remove(jailhouse_root.sysfs);
	jailhouse_root.sysfs = NULL;

	err = jailhouse_hv_disable(jf->reason, sizeof(jf->reason));
	if (err) {
		hv_failed(jf, err, "leaving the hypervisor");
		/* still enabled: the cell must be visible again */
		jailhouse_root.sysfs =
			jailhouse_cell_sysfs_add(0, jailhouse_root.name,
						 &jailhouse_root.cpus);
		if (IS_ERR(jailhouse_root.sysfs)) {
			pr_err("cannot recreate the root cell's sysfs directory\n");
			jailhouse_root.sysfs = NULL;
		}
		jailhouse_vpci_host_add(jailhouse_root.config);
		return err;
	}

	jailhouse_console_save_last();
	jailhouse_enabled = false;
	jailhouse_config_free(jailhouse_root.config);
	jailhouse_root.config = NULL;
	module_put(THIS_MODULE);
	pr_info("The Jailhouse was closed.\n");
	return 0;
}

static long jailhouse_cmd_cell(struct jailhouse_file *jf,
			       unsigned int ioctl, void __user *arg)
{
	if (!jailhouse_enabled)
		return jailhouse_fail(jf, -EINVAL, NOT_ENABLED_REASON);

	switch (ioctl) {
	case JAILHOUSE_CELL_CREATE:
		return jailhouse_cmd_cell_create(jf, arg);
	case JAILHOUSE_CELL_LOAD:
		return jailhouse_cmd_cell_load(jf, arg);
	case JAILHOUSE_CELL_START:
		return jailhouse_cmd_cell_start(jf, arg);
	default:
		return jailhouse_cmd_cell_destroy(jf, arg);
	}
}

static long jailhouse_cmd_get_error(struct jailhouse_file *jf,
				    struct jailhouse_error_msg __user *umsg)
{
	size_t len = strnlen(jf->reason, sizeof(jf->reason) - 1);

	/* only the string and its NUL: the rest of the buffer is the user's */
	if (copy_to_user(umsg->text, jf->reason, len) ||
	    put_user('\0', &umsg->text[len]))
		return -EFAULT;
	return 0;
}

static long jailhouse_ioctl(struct file *file, unsigned int ioctl,
			    unsigned long arg)
{
	struct jailhouse_file *jf = file->private_data;
	void __user *argp = (void __user *)arg;
	long err;

	/*
	 * The reason must survive until the user asks for it, so asking
	 * neither clears nor overwrites it, not even when interrupted.
	 */
	if (ioctl == JAILHOUSE_GET_ERROR) {
		if (mutex_lock_interruptible(&jailhouse_lock))
			return -EINTR;
		err = jailhouse_cmd_get_error(jf, argp);
		mutex_unlock(&jailhouse_lock);
		return err;
	}

	if (mutex_lock_interruptible(&jailhouse_lock))
		return jailhouse_fail(jf, -EINTR,
				      "interrupted while waiting for another jailhouse operation");

	/* a reason always belongs to the latest request on this file */
	jf->reason[0] = '\0';

	switch (ioctl) {
	case JAILHOUSE_ENABLE:
		err = jailhouse_cmd_enable(jf, argp);
		break;
	case JAILHOUSE_DISABLE:
		err = jailhouse_cmd_disable(jf);
		break;
	case JAILHOUSE_CELL_CREATE:
	case JAILHOUSE_CELL_LOAD:
	case JAILHOUSE_CELL_START:
	case JAILHOUSE_CELL_DESTROY:
		err = jailhouse_cmd_cell(jf, ioctl, argp);
		break;
	default:
		err = jailhouse_fail(jf, -ENOTTY,
				     "unknown ioctl 0x%08x on /dev/jailhouse",
				     ioctl);
		break;
	}

	mutex_unlock(&jailhouse_lock);
	return err;
}

static ssize_t jailhouse_read(struct file *file, char __user *buf,
			      size_t count, loff_t *ppos)
{
	return jailhouse_console_read(file->private_data, buf, count,
				      file->f_flags & O_NONBLOCK);
}

static int jailhouse_open(struct inode *inode, struct file *file)
{
	struct jailhouse_file *jf;

	jf = kzalloc(sizeof(*jf), GFP_KERNEL);
	if (!jf)
		return -ENOMEM;

	file->private_data = jf;
	/* the console is a stream; there is nothing to seek */
	return stream_open(inode, file);
}

static int jailhouse_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations jailhouse_fops = {
	.owner = THIS_MODULE,
	.open = jailhouse_open,
	.release = jailhouse_release,
	.read = jailhouse_read,
	.unlocked_ioctl = jailhouse_ioctl,
	/* every argument is a pointer or nothing, and the layouts are fixed */
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = no_llseek,
};

static struct miscdevice jailhouse_misc_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "jailhouse",
	.fops = &jailhouse_fops,
	/* whoever opens it can reconfigure the whole machine */
	.mode = 0600,
};

/*
 * Firmware and the next kernel (kexec) expect the machine without a
 * hypervisor, and every CPU must still be reachable to leave it.
 */
static int jailhouse_reboot_notify(struct notifier_block *nb,
				   unsigned long action, void *data)
{
	static struct jailhouse_file jf;

	mutex_lock(&jailhouse_lock);
	if (jailhouse_enabled && jailhouse_cmd_disable(&jf))
		pr_emerg("disabling the hypervisor before reboot failed: %s\n",
			 jf.reason);
	mutex_unlock(&jailhouse_lock);
	return NOTIFY_DONE;
}

static struct notifier_block jailhouse_reboot_nb = {
	.notifier_call = jailhouse_reboot_notify,
};

static int __init jailhouse_init(void)
{
	int err;

	err = jailhouse_sysfs_init();
	if (err)
		return err;

	err = misc_register(&jailhouse_misc_dev);
	if (err) {
		jailhouse_sysfs_exit();
		return err;
	}

	err = register_reboot_notifier(&jailhouse_reboot_nb);
	if (err) {
		misc_deregister(&jailhouse_misc_dev);
		jailhouse_sysfs_exit();
		return err;
	}

	pr_info("driver %s loaded, hypervisor not enabled\n",
		JAILHOUSE_VERSION);
	return 0;
}

/* Only reachable while disabled: enabling holds a module reference. */
static void __exit jailhouse_exit(void)
{
	unregister_reboot_notifier(&jailhouse_reboot_nb);
	misc_deregister(&jailhouse_misc_dev);
	jailhouse_hv_exit();
	jailhouse_sysfs_exit();
}

module_init(jailhouse_init);
module_exit(jailhouse_exit);

MODULE_FIRMWARE(JAILHOUSE_FW_NAME);
MODULE_DESCRIPTION("Loader and control of the Jailhouse-compatible partitioning hypervisor");
MODULE_LICENSE("GPL");
MODULE_VERSION(JAILHOUSE_VERSION);
