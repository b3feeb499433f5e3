// SPDX-License-Identifier: GPL-2.0
/*
 * Pre-flight checks of JAILHOUSE_ENABLE.  Entering EL2 on a machine that
 * cannot take it ends in an oops, a hang or a hypervisor that Linux takes
 * apart again later, so everything that can be found out from EL1 is found
 * out first, one check per function, each failing with a reason that names
 * the fix.  Order matters: every check may assume the ones before passed
 * (the stub probe, for instance, must not run where hvc is undefined).
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/bitmap.h>
#include <linux/cpumask.h>
#include <linux/firmware.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/namei.h>
#include <linux/overflow.h>
#include <linux/path.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/cpu_set.h>
#include <jailhouse/header.h>

#include "jailhouse.h"
#include "preflight.h"

/*
 * A stub function number Linux's hyp stub does not implement (6.1 has
 * 0..HVC_STUB_HCALL_NR-1 = 0..3), so that the stub answers HVC_STUB_ERR
 * and changes nothing.
 */
#define STUB_PROBE_FUNCTION	7

/* ID_AA64PFR0_EL1.EL2: 0 when the CPU has no EL2 */
#define PFR0_EL2_SHIFT		8
#define PFR0_EL2_MASK		0xfUL

/*
 * Exported by KVM and set when kvm_init() has run, which it only does when
 * KVM took EL2 (not with kvm-arm.mode=none).  Looked up at run time so
 * that the module also loads on kernels built without KVM.
 */
extern struct dentry *kvm_debugfs_dir;

unsigned int jailhouse_root_max_cpus(const struct jailhouse_system *config)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;
	u64 span = jailhouse_cpu_set_span(jailhouse_cell_cpu_set(root),
					  root->cpu_set_size);

	/* check_root_cpus() refuses a set beyond JAILHOUSE_MAX_CPUS */
	return min_t(u64, max_t(u64, span, nr_cpu_ids), JAILHOUSE_MAX_CPUS);
}

/*
 * With VHE the kernel itself runs at EL2 (and KVM with it): there is no
 * level left below the firmware for a hypervisor.
 */
static long check_kernel_not_at_el2(struct jailhouse_file *jf)
{
	if (!is_kernel_in_hyp_mode())
		return 0;

	return jailhouse_fail(jf, -EBUSY,
			      "the kernel runs at EL2 itself (VHE), leaving no exception level for the hypervisor: boot with \"id_aa64mmfr1.vh=0 kvm-arm.mode=none\"");
}

struct el2_probe {
	cpumask_t no_el2;
	cpumask_t no_stub;
	/* answer of the first CPU whose stub did not answer as expected */
	unsigned long other_answer;
};

static void probe_el2_implemented(void *data)
{
	struct el2_probe *probe = data;
	u64 pfr0 = read_sysreg_s(SYS_ID_AA64PFR0_EL1);

	if (((pfr0 >> PFR0_EL2_SHIFT) & PFR0_EL2_MASK) == 0)
		cpumask_set_cpu(smp_processor_id(), &probe->no_el2);
}

/* Without EL2, hvc is undefined at EL1: the stub probe would oops. */
static long check_el2_implemented(struct jailhouse_file *jf,
				  struct el2_probe *probe)
{
	on_each_cpu(probe_el2_implemented, probe, 1);
	if (cpumask_empty(&probe->no_el2))
		return 0;

	return jailhouse_fail(jf, -ENODEV,
			      "CPU %*pbl implement%s no EL2 (virtualization extensions missing or disabled by the firmware): the hypervisor needs them (QEMU: -machine virt,virtualization=on)",
			      cpumask_pr_args(&probe->no_el2),
			      cpumask_weight(&probe->no_el2) == 1 ? "s" : "");
}

static bool kvm_initialised(void)
{
	struct dentry **kvm_dir = symbol_get(kvm_debugfs_dir);
	struct path path;
	bool found;

	if (kvm_dir) {
		found = *kvm_dir != NULL;
		symbol_put(kvm_debugfs_dir);
		return found;
	}

	/* a kernel that does not export it: the device KVM registers */
	if (kern_path("/dev/kvm", LOOKUP_FOLLOW, &path) == 0) {
		path_put(&path);
		return true;
	}
	return false;
}

/*
 * An initialised KVM owns EL2 (nVHE) and reinstalls its own vectors
 * whenever it likes, e.g. on CPU hotplug or when a VM starts.
 */
static long check_kvm_not_initialised(struct jailhouse_file *jf)
{
	if (!kvm_initialised())
		return 0;

	return jailhouse_fail(jf, -EBUSY,
			      "KVM is initialised and owns EL2 (/dev/kvm exists): boot with \"kvm-arm.mode=none\"");
}

static void probe_hyp_stub(void *data)
{
	register unsigned long x0 asm("x0") = STUB_PROBE_FUNCTION;
	struct el2_probe *probe = data;

	/* whatever answers may clobber the caller-saved registers */
	asm volatile("hvc #0"
		     : "+r" (x0)
		     :
		     : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9",
		       "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",
		       "memory");

	if (x0 != HVC_STUB_ERR) {
		/* several CPUs may race here; any one answer will do */
		probe->other_answer = x0;
		cpumask_set_cpu(smp_processor_id(), &probe->no_stub);
	}
}

/*
 * Linux's hyp stub is the door to EL2.  It is only there if Linux was
 * booted at EL2 and nobody replaced it; asking it for a function it does
 * not have is harmless and tells which is the case.
 */
static long check_hyp_stub_answers(struct jailhouse_file *jf,
				   struct el2_probe *probe)
{
	on_each_cpu(probe_hyp_stub, probe, 1);
	if (cpumask_empty(&probe->no_stub))
		return 0;

	return jailhouse_fail(jf, -ENODEV,
			      "Linux was not booted at EL2 (or something else owns EL2): the hyp stub on CPU %*pbl does not answer (got 0x%lx, expected 0x%x); boot Linux at EL2 (the boot loader must not drop to EL1, QEMU: -machine virt,virtualization=on) and with \"kvm-arm.mode=none\"",
			      cpumask_pr_args(&probe->no_stub),
			      probe->other_answer, HVC_STUB_ERR);
}

/*
 * Every CPU of the root cell must enter the hypervisor, and every CPU
 * Linux runs on must be one of them: a CPU left outside would run Linux
 * without stage 2, a CPU named but offline could never be handed back.
 */
static long check_root_cpus(struct jailhouse_file *jf,
			    const struct jailhouse_system *config)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;
	u64 span = jailhouse_cpu_set_span(jailhouse_cell_cpu_set(root),
					  root->cpu_set_size);
	unsigned int nbits, cpu;
	unsigned long *absent, *offline, *outside;
	long err = 0;

	/* the hypervisor keeps a cell's CPUs in 64 bits */
	if (span > JAILHOUSE_MAX_CPUS)
		return jailhouse_fail(jf, -ERANGE,
				      "the root cell's CPU set names CPU %llu, but the hypervisor supports CPUs 0-%u only: fix the CPU set of the system config",
				      span - 1, JAILHOUSE_MAX_CPUS - 1);
	nbits = span;

	absent = bitmap_zalloc(nbits, GFP_KERNEL);
	offline = bitmap_zalloc(nbits, GFP_KERNEL);
	outside = bitmap_zalloc(nr_cpu_ids, GFP_KERNEL);
	if (!absent || !offline || !outside) {
		err = jailhouse_fail(jf, -ENOMEM,
				     "out of memory while checking the root cell's CPUs");
		goto out;
	}

	for (cpu = 0; cpu < nbits; cpu++) {
		if (!jailhouse_cell_has_cpu(root, cpu))
			continue;
		if (cpu >= nr_cpu_ids || !cpu_present(cpu))
			__set_bit(cpu, absent);
		else if (!cpu_online(cpu))
			__set_bit(cpu, offline);
	}
	for_each_online_cpu(cpu)
		if (!jailhouse_cell_has_cpu(root, cpu))
			__set_bit(cpu, outside);

	if (!bitmap_empty(absent, nbits))
		err = jailhouse_fail(jf, -ENODEV,
				     "the root cell's CPU set names CPU %*pbl, which this machine does not have (present: %*pbl): fix the CPU set of the system config",
				     nbits, absent,
				     cpumask_pr_args(cpu_present_mask));
	else if (!bitmap_empty(offline, nbits))
		err = jailhouse_fail(jf, -EBUSY,
				     "root cell CPU(s) %*pbl offline: bring them online first (echo 1 > /sys/devices/system/cpu/cpuN/online)",
				     nbits, offline);
	else if (!bitmap_empty(outside, nr_cpu_ids))
		err = jailhouse_fail(jf, -EBUSY,
				     "CPU(s) %*pbl online but not in the root cell's CPU set: take them offline first (echo 0 > /sys/devices/system/cpu/cpuN/online) or add them to the system config",
				     nr_cpu_ids, outside);

out:
	bitmap_free(outside);
	bitmap_free(offline);
	bitmap_free(absent);
	return err;
}

int jailhouse_firmware_check(const struct firmware *fw,
			     const struct jailhouse_system *config,
			     size_t config_size, char *reason,
			     size_t reason_len)
{
	const struct jailhouse_header *header = (const void *)fw->data;
	u64 hv_size = config->hypervisor_memory.size;
	unsigned int max_cpus = jailhouse_root_max_cpus(config);
	u64 percpu_total, needed;

	if (fw->size < sizeof(*header)) {
		snprintf(reason, reason_len,
			 "firmware " JAILHOUSE_FW_NAME " is malformed: %zu bytes, smaller than its %zu-byte header; reinstall it",
			 fw->size, sizeof(*header));
		return -EINVAL;
	}
	if (memcmp(header->signature, JAILHOUSE_SIGNATURE,
		   sizeof(header->signature)) != 0) {
		snprintf(reason, reason_len,
			 "firmware " JAILHOUSE_FW_NAME " is malformed: no \"" JAILHOUSE_SIGNATURE "\" signature, not a hypervisor image; reinstall it");
		return -EINVAL;
	}
	if (header->core_size == 0 || !IS_ALIGNED(header->core_size, SZ_4K) ||
	    fw->size > header->core_size ||
	    header->percpu_size == 0 ||
	    !IS_ALIGNED(header->percpu_size, SZ_4K) ||
	    header->entry >= fw->size ||
	    !IS_ALIGNED(header->console_page, SZ_4K) ||
	    header->console_page + sizeof(struct jailhouse_virt_console) >
	    header->core_size) {
		snprintf(reason, reason_len,
			 "firmware " JAILHOUSE_FW_NAME " is malformed: inconsistent header (file 0x%zx bytes, core_size 0x%llx, percpu_size 0x%llx, entry 0x%llx, console_page 0x%llx); reinstall it",
			 fw->size, header->core_size, header->percpu_size,
			 header->entry, header->console_page);
		return -EINVAL;
	}

	/* image, per-CPU areas, config, and at least a page of page pool */
	if (check_mul_overflow(header->percpu_size, (u64)max_cpus,
			       &percpu_total) ||
	    check_add_overflow(header->core_size, percpu_total, &needed) ||
	    check_add_overflow(needed, (u64)PAGE_ALIGN(config_size), &needed) ||
	    needed >= hv_size) {
		snprintf(reason, reason_len,
			 "hypervisor memory too small: %llu KiB reserved, but " JAILHOUSE_FW_NAME " (%llu KiB) with %u per-CPU areas of %llu KiB and the config (%zu bytes) need more than %llu KiB before its page pool: enlarge hypervisor_memory in the system config and the reservation",
			 hv_size >> 10, header->core_size >> 10, max_cpus,
			 header->percpu_size >> 10, config_size,
			 (header->core_size + percpu_total +
			  PAGE_ALIGN(config_size)) >> 10);
		return -EINVAL;
	}
	return 0;
}

static long check_firmware(struct jailhouse_file *jf,
			   const struct jailhouse_system *config,
			   size_t config_size)
{
	const struct firmware *fw;
	long err;

	err = firmware_request_nowarn(&fw, JAILHOUSE_FW_NAME, jailhouse_dev);
	if (err)
		return jailhouse_fail(jf, err,
				      "firmware " JAILHOUSE_FW_NAME " not found (error %ld): install it in /lib/firmware (make install)",
				      err);

	err = jailhouse_firmware_check(fw, config, config_size, jf->reason,
				       sizeof(jf->reason));
	if (err)
		jailhouse_log_reason(jf, err);

	release_firmware(fw);
	return err;
}

long jailhouse_preflight(struct jailhouse_file *jf,
			 const struct jailhouse_system *config,
			 size_t config_size)
{
	struct el2_probe *probe;
	long err;

	err = check_kernel_not_at_el2(jf);
	if (err)
		return err;

	probe = kzalloc(sizeof(*probe), GFP_KERNEL);
	if (!probe)
		return jailhouse_fail(jf, -ENOMEM,
				      "out of memory while probing EL2");

	err = check_el2_implemented(jf, probe);
	if (!err)
		err = check_kvm_not_initialised(jf);
	if (!err)
		err = check_hyp_stub_answers(jf, probe);
	kfree(probe);
	if (err)
		return err;

	err = check_root_cpus(jf, config);
	if (err)
		return err;

	err = jailhouse_check_memory(jf, config);
	if (err)
		return err;

	return check_firmware(jf, config, config_size);
}
