// SPDX-License-Identifier: GPL-2.0
/*
 * Entering and leaving the hypervisor.
 *
 * Enable: jailhouse.bin goes to the start of the hypervisor memory, the
 * per-CPU areas behind it are cleared and the system config is put after
 * them (the layout of include/jailhouse/header.h and the hypervisor's
 * page pool).  The whole range is cleaned to the point of coherency,
 * because EL2 starts with its MMU, and so its caches, off.  Then every
 * online CPU, interrupts off, installs the image's entry vectors through
 * Linux's hyp stub (HVC_SET_VECTORS) and calls them with JAILHOUSE_ENTER.
 * The hypervisor returns on every CPU with the same result: 0, or a
 * negative errno after it has undone everything at EL2.
 *
 * The entry vectors double as the hyp-stub ABI that the hypervisor leaves
 * behind at disable, at a fixed place in the image, so the memory stays
 * claimed and mapped after disable: the CPUs' VBAR_EL2 point into it.
 * A new enable copies an identical page over it.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/atomic.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>

#include "enable.h"
#include "jailhouse.h"
#include "preflight.h"

/* Linux's hyp stub ABI (arch/arm64/include/asm/virt.h) */
#define HVC_SET_VECTORS		0

struct enter_args {
	phys_addr_t image;
	phys_addr_t entry;
	atomic_t failed_cpus;
	atomic_long_t error;
};

static void *hv_mem;
static phys_addr_t hv_phys;
static size_t hv_size;
static struct resource *hv_resource;
/*
 * The claim's name outlives the module if it is unloaded without
 * jailhouse_hv_exit(): /proc/iomem must not point into freed module text.
 */
static const char *hv_resource_name;
/* header.console_page: the header is out of reach once enabled */
static unsigned long console_offset;

/*
 * Testing only: this CPU does not call into the hypervisor at enable, as
 * if its call got lost, so that the tests can check that the others give
 * up on it after a while and the enable fails naming it.  -1: off.
 */
static int test_skip_enter_cpu = -1;
module_param(test_skip_enter_cpu, int, 0600);
MODULE_PARM_DESC(test_skip_enter_cpu,
		 "testing only: this CPU misses the enable rendezvous (-1: none)");

/*
 * The hvc pair on this CPU.  The hypervisor keeps x19-x29, SP_EL1 and
 * the return address; everything else an hvc may clobber.
 */
static void enter_hypervisor(void *data)
{
	struct enter_args *args = data;
	register unsigned long x0 asm("x0");
	register unsigned long x1 asm("x1");
	register unsigned long x2 asm("x2");

	if (smp_processor_id() == test_skip_enter_cpu) {
		atomic_inc(&args->failed_cpus);
		return;
	}

	x0 = HVC_SET_VECTORS;
	x1 = args->entry;
	asm volatile("hvc #0"
		     : "+r" (x0), "+r" (x1)
		     :
		     : "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9",
		       "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",
		       "x18", "x30", "memory");

	x0 = JAILHOUSE_ENTER;
	x1 = args->image;
	x2 = smp_processor_id();
	asm volatile("hvc #0"
		     : "+r" (x0), "+r" (x1), "+r" (x2)
		     :
		     : "x3", "x4", "x5", "x6", "x7", "x8", "x9",
		       "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",
		       "x18", "x30", "memory");

	if (x0 != 0) {
		atomic_inc(&args->failed_cpus);
		atomic_long_set(&args->error, (long)x0);
	}
}

long jailhouse_hypercall(unsigned long code, unsigned long arg1,
			 unsigned long arg2)
{
	register unsigned long x0 asm("x0") = code;
	register unsigned long x1 asm("x1") = arg1;
	register unsigned long x2 asm("x2") = arg2;

	asm volatile(JAILHOUSE_CALL_INS
		     : "+r" (x0), "+r" (x1), "+r" (x2)
		     :
		     : "x3", "memory");
	return x0;
}

/* dcache_clean_inval_poc() is not exported; DC CIVAC at EL1 is allowed */
void jailhouse_flush_to_poc(void *start, size_t size)
{
	unsigned long line = cache_line_size();
	unsigned long addr = (unsigned long)start & ~(line - 1);
	unsigned long end = (unsigned long)start + size;

	for (; addr < end; addr += line)
		asm volatile("dc civac, %0" : : "r" (addr) : "memory");
	asm volatile("dsb sy" : : : "memory");
}

static void unmap_hv_memory(void)
{
	if (hv_mem)
		memunmap(hv_mem);
	hv_mem = NULL;
	if (hv_resource) {
		release_mem_region(hv_phys, hv_size);
		kfree(hv_resource_name);
	}
	hv_resource = NULL;
	hv_resource_name = NULL;
}

static void release_on_unload(void *unused)
{
	unmap_hv_memory();
}

static int map_hv_memory(const struct jailhouse_memory *mem, char *reason,
			 size_t reason_len)
{
	static bool release_registered;
	int err;

	if (hv_mem && hv_phys == mem->phys_start && hv_size == mem->size)
		return 0;
	unmap_hv_memory();

	/* module unload removes jailhouse_dev, which then releases all this */
	if (!release_registered) {
		err = devm_add_action(jailhouse_dev, release_on_unload, NULL);
		if (err) {
			snprintf(reason, reason_len, "out of memory");
			return err;
		}
		release_registered = true;
	}

	hv_phys = mem->phys_start;
	hv_size = mem->size;
	hv_resource_name = kstrdup("Jailhouse hypervisor", GFP_KERNEL);
	if (!hv_resource_name) {
		snprintf(reason, reason_len, "out of memory");
		return -ENOMEM;
	}
	hv_resource = request_mem_region(hv_phys, hv_size, hv_resource_name);
	if (!hv_resource) {
		kfree(hv_resource_name);
		hv_resource_name = NULL;
		snprintf(reason, reason_len,
			 "hypervisor memory 0x%llx-0x%llx is claimed by another driver (see /proc/iomem)",
			 (u64)hv_phys, (u64)(hv_phys + hv_size - 1));
		return -EBUSY;
	}
	hv_mem = memremap(hv_phys, hv_size, MEMREMAP_WB);
	if (!hv_mem) {
		snprintf(reason, reason_len,
			 "cannot map the hypervisor memory 0x%llx-0x%llx",
			 (u64)hv_phys, (u64)(hv_phys + hv_size - 1));
		unmap_hv_memory();
		return -ENOMEM;
	}
	return 0;
}

static const char *enter_error_text(long err)
{
	switch (err) {
	case -EINVAL:
		return "the hypervisor rejected the configuration or its setup";
	case -ENOMEM:
		return "the hypervisor ran out of memory: enlarge hypervisor_memory";
	case -EBUSY:
		return "a resource the hypervisor needs is in use";
	case -ERANGE:
		return "a memory region lies outside the CPUs' physical address range";
	case -ENODEV:
		return "the hypervisor found no usable interrupt controller";
	case -ETIMEDOUT:
		return "a CPU did not reach or finish a step of the hypervisor's setup in time";
	default:
		return "the hypervisor failed to start";
	}
}

int jailhouse_hv_enable(const struct jailhouse_system *config,
			size_t config_size, char *reason, size_t reason_len)
{
	unsigned int max_cpus = jailhouse_root_max_cpus(config);
	struct jailhouse_header *header;
	struct enter_args args = {};
	const struct firmware *fw;
	size_t percpu_total;
	long err;

	err = request_firmware(&fw, JAILHOUSE_FW_NAME, jailhouse_dev);
	if (err) {
		snprintf(reason, reason_len,
			 "firmware " JAILHOUSE_FW_NAME " not found (error %ld): install it in /lib/firmware (make install)",
			 err);
		return err;
	}
	err = jailhouse_firmware_check(fw, config, config_size, reason,
				       reason_len);
	if (err)
		goto out_release;

	err = map_hv_memory(&config->hypervisor_memory, reason, reason_len);
	if (err)
		goto out_release;

	header = hv_mem;
	percpu_total = (size_t)max_cpus *
		((const struct jailhouse_header *)fw->data)->percpu_size;

	memcpy(hv_mem, fw->data, fw->size);
	memset(hv_mem + fw->size, 0,
	       header->core_size - fw->size + percpu_total);
	memcpy(hv_mem + header->core_size + percpu_total, config,
	       config_size);

	cpus_read_lock();
	header->max_cpus = max_cpus;
	header->online_cpus = num_online_cpus();
	header->debug_console_base = 0;
	header->arm_linux_hyp_vectors = 0;
	header->arm_linux_hyp_abi = HYP_STUB_ABI_OPCODE;
	console_offset = header->console_page;
	jailhouse_flush_to_poc(hv_mem, hv_size);

	args.image = hv_phys;
	args.entry = hv_phys + header->entry;
	on_each_cpu(enter_hypervisor, &args, 1);
	cpus_read_unlock();

	if (atomic_read(&args.failed_cpus)) {
		err = atomic_long_read(&args.error);
		if (err >= 0 || err < -4095)
			err = -EIO;
		snprintf(reason, reason_len,
			 "entering the hypervisor failed on %d CPU(s) with error %ld: %s (details: 'jailhouse console')",
			 atomic_read(&args.failed_cpus), err,
			 enter_error_text(err));
		/*
		 * Every CPU is back in Linux, its VBAR_EL2 at the image's stub
		 * vectors: the memory stays claimed and mapped (also for the
		 * console) until the next enable or the module's unload.
		 */
	}

out_release:
	release_firmware(fw);
	return err;
}

static void leave_hypervisor(void *data)
{
	atomic_long_t *error = data;
	long err;

	err = jailhouse_hypercall(JAILHOUSE_HC_DISABLE, 0, 0);
	if (err)
		atomic_long_set(error, err);
}

int jailhouse_hv_disable(char *reason, size_t reason_len)
{
	atomic_long_t error = ATOMIC_LONG_INIT(0);
	long err;

	cpus_read_lock();
	on_each_cpu(leave_hypervisor, &error, 1);
	cpus_read_unlock();

	err = atomic_long_read(&error);
	if (err) {
		snprintf(reason, reason_len,
			 "the hypervisor refused to disable with error %ld",
			 err);
		return err;
	}
	return 0;
}

const void *jailhouse_hv_console_page(void)
{
	if (!hv_mem || !console_offset)
		return NULL;
	return hv_mem + console_offset;
}

void jailhouse_hv_exit(void)
{
	/*
	 * The CPUs' VBAR_EL2 still point at the stub-ABI page in this
	 * memory; nothing in Linux uses it once unclaimed, and the next
	 * load of the module puts the same page there.
	 */
	unmap_hv_memory();
}
