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
#include <linux/fs.h>
#include <linux/ioport.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "jailhouse.h"

#define NOT_ENABLED_REASON \
	"hypervisor is not enabled: run 'jailhouse enable SYSCONFIG' first"

DEFINE_MUTEX(jailhouse_lock);
bool jailhouse_enabled;

long jailhouse_fail(struct jailhouse_file *jf, long err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(jf->reason, sizeof(jf->reason), fmt, args);
	va_end(args);

	pr_err("%s\n", jf->reason);
	return err;
}

/*
 * The hypervisor's memory must be hidden from Linux (mem= or memmap=), or
 * loading the image would overwrite pages Linux uses.  Claiming it is how
 * to find out: System RAM and device regions are already claimed.  The
 * claim is dropped again until enabling really needs the memory.
 */
static long jailhouse_check_hv_memory(struct jailhouse_file *jf,
				      const struct jailhouse_memory *hv_mem)
{
	resource_size_t start = hv_mem->phys_start;
	resource_size_t size = hv_mem->size;

	if (!request_mem_region(start, size, "Jailhouse hypervisor"))
		return jailhouse_fail(jf, -EBUSY,
				      "hypervisor memory 0x%llx-0x%llx is in use by Linux: reserve it with \"mem=\" or \"memmap=\" on the kernel command line",
				      (unsigned long long)start,
				      (unsigned long long)(start + size - 1));

	release_mem_region(start, size);
	return 0;
}

static long jailhouse_cmd_enable(struct jailhouse_file *jf,
				 const void __user *uconfig)
{
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

	err = jailhouse_check_hv_memory(jf, &config->hypervisor_memory);
	if (err)
		goto out_free;

	/*
	 * Loading jailhouse.bin and handing the CPUs over to EL2 come next.
	 * Until they exist, say so instead of leaving the user to guess why
	 * nothing happened.
	 */
	err = jailhouse_fail(jf, -EOPNOTSUPP,
			     "entering the hypervisor is not implemented in this build yet");

out_free:
	jailhouse_config_free(config);
	return err;
}

static long jailhouse_cmd_disable(struct jailhouse_file *jf)
{
	if (!jailhouse_enabled)
		return jailhouse_fail(jf, -EINVAL, NOT_ENABLED_REASON);

	return jailhouse_fail(jf, -EOPNOTSUPP,
			      "disabling the hypervisor is not implemented in this build yet");
}

static long jailhouse_cmd_cell(struct jailhouse_file *jf, const char *what)
{
	if (!jailhouse_enabled)
		return jailhouse_fail(jf, -EINVAL, NOT_ENABLED_REASON);

	return jailhouse_fail(jf, -EOPNOTSUPP,
			      "%s is not implemented in this build yet", what);
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
		err = jailhouse_cmd_cell(jf, "creating a cell");
		break;
	case JAILHOUSE_CELL_LOAD:
		err = jailhouse_cmd_cell(jf, "loading a cell");
		break;
	case JAILHOUSE_CELL_START:
		err = jailhouse_cmd_cell(jf, "starting a cell");
		break;
	case JAILHOUSE_CELL_DESTROY:
		err = jailhouse_cmd_cell(jf, "destroying a cell");
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

	pr_info("driver %s loaded, hypervisor not enabled\n",
		JAILHOUSE_VERSION);
	return 0;
}

static void __exit jailhouse_exit(void)
{
	misc_deregister(&jailhouse_misc_dev);
	jailhouse_sysfs_exit();
}

module_init(jailhouse_init);
module_exit(jailhouse_exit);

MODULE_DESCRIPTION("Loader and control of the Jailhouse-compatible partitioning hypervisor");
MODULE_LICENSE("GPL");
MODULE_VERSION(JAILHOUSE_VERSION);
