// SPDX-License-Identifier: GPL-2.0
/*
 * SMC calls of the cells (HCR_EL2.TSC traps them all).
 *
 * PSCI (standard service, 0x84000000-0x8400001f and the SMC64 variants)
 * is emulated for the cell's own CPUs: CPU_OFF parks the CPU in the
 * hypervisor, CPU_ON resumes a parked CPU at the given entry (EL1h, MMU
 * off, DAIF masked, x0 = context), AFFINITY_INFO reports the parked
 * state; VERSION says 1.1; FEATURES lists what is emulated.  CPU_ON of a
 * CPU of another cell is DENIED (and reported).  SYSTEM_OFF and
 * SYSTEM_RESET of the root cell go to the firmware (the root owns the
 * machine); from another cell they shut that cell down (state SHUT_DOWN,
 * all its CPUs parked).  Other PSCI calls are NOT_SUPPORTED.
 *
 * SMCCC arch calls: SMCCC_VERSION 1.1; ARCH_FEATURES and the
 * ARCH_WORKAROUND_1/2/3 calls are passed to the firmware when it
 * implements SMCCC 1.1 (probed at enable: PSCI >= 1.0, PSCI_FEATURES of
 * SMCCC_VERSION, SMCCC_VERSION >= 1.1), otherwise ARCH_FEATURES answers
 * NOT_SUPPORTED (QEMU's built-in PSCI has no SMCCC).  A cell's
 * ARCH_WORKAROUND_2 always asks for the mitigation on, whatever its x1,
 * and a cell starts with it on (psci_cell_ssbd_on()).
 *
 * SiP calls of the root cell go to the firmware when it implements SMCCC
 * 1.1 (platform services Linux needs on real boards); everything else -
 * SiP without such firmware, OEM, trusted applications and OS, other
 * owners, and any call from a non-root cell outside PSCI and the arch
 * calls - returns NOT_SUPPORTED (-1).  Each SMC counts as a psci or a
 * smccc exit; none stops the CPU.
 */
#include <jailhouse/cell.h>
#include <jailhouse/cell_printk.h>
#include <jailhouse/control.h>
#include <jailhouse/image.h>
#include <jailhouse/irqchip.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

#define SMCCC_FAST_CALL			0x80000000U
#define SMCCC_64			0x40000000U
#define SMCCC_OWNER(fid)		(((fid) >> 24) & 0x3f)
#define SMCCC_OWNER_ARCH		0
#define SMCCC_OWNER_SIP			2
#define SMCCC_OWNER_STANDARD		4

#define SMCCC_VERSION			0x80000000U
#define SMCCC_ARCH_FEATURES		0x80000001U
#define SMCCC_ARCH_WORKAROUND_1		0x80008000U
#define SMCCC_ARCH_WORKAROUND_2		0x80007fffU
#define SMCCC_ARCH_WORKAROUND_3		0x80003fffU
#define SMCCC_VERSION_1_1		0x10001

#define PSCI_VERSION			0x84000000U
#define PSCI_CPU_SUSPEND		0x84000001U
#define PSCI_CPU_OFF			0x84000002U
#define PSCI_CPU_ON			0x84000003U
#define PSCI_AFFINITY_INFO		0x84000004U
#define PSCI_MIGRATE_INFO_TYPE		0x84000006U
#define PSCI_SYSTEM_OFF			0x84000008U
#define PSCI_SYSTEM_RESET		0x84000009U
#define PSCI_FEATURES			0x8400000aU
#define PSCI_VERSION_1_1		0x10001
#define PSCI_VERSION_1_0		0x10000

#define PSCI_SUCCESS			0
#define PSCI_NOT_SUPPORTED		(-1)
#define PSCI_INVALID_PARAMETERS		(-2)
#define PSCI_DENIED			(-3)
#define PSCI_ALREADY_ON			(-4)
#define PSCI_ON_PENDING			(-5)

#define PSCI_AFFINITY_ON		0
#define PSCI_AFFINITY_OFF		1
#define PSCI_AFFINITY_ON_PENDING	2
/* "Trusted OS is not present or does not require migration" */
#define PSCI_TOS_NOT_PRESENT_MP		2

static bool firmware_smccc_1_1;
/* ARCH_WORKAROUND_2 switches the firmware's SSBD mitigation per call */
static bool firmware_ssbd_dynamic;

static long smc_call(unsigned long fid, unsigned long a1, unsigned long a2,
		     unsigned long a3, unsigned long *res)
{
	register unsigned long x0 asm("x0") = fid;
	register unsigned long x1 asm("x1") = a1;
	register unsigned long x2 asm("x2") = a2;
	register unsigned long x3 asm("x3") = a3;

	asm volatile("smc #0"
		: "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		: : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
		    "x13", "x14", "x15", "x16", "x17", "memory");
	if (res) {
		res[0] = x1;
		res[1] = x2;
		res[2] = x3;
	}
	return x0;
}

void psci_probe_firmware(void)
{
	long version = smc_call(PSCI_VERSION, 0, 0, 0, NULL);

	firmware_smccc_1_1 = version >= PSCI_VERSION_1_0 &&
		smc_call(PSCI_FEATURES, SMCCC_VERSION, 0, 0, NULL) >= 0 &&
		smc_call(SMCCC_VERSION, 0, 0, 0, NULL) >= SMCCC_VERSION_1_1;
	/* 0: "required, and switched by ARCH_WORKAROUND_2" */
	firmware_ssbd_dynamic = firmware_smccc_1_1 &&
		smc_call(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_2, 0, 0,
			 NULL) == 0;
	printk("Firmware: PSCI %ld.%ld, %s\n", (version >> 16) & 0x7fff,
	       version & 0xffff, firmware_smccc_1_1 ? "SMCCC 1.1" :
	       "no SMCCC 1.1 (arch calls answered NOT_SUPPORTED)");
}

/*
 * A cell starts with the SSBD mitigation on, whatever the CPU's previous
 * owner (the root may turn it off) chose; it cannot turn it off itself.
 */
void psci_cell_ssbd_on(void)
{
	if (firmware_ssbd_dynamic)
		smc_call(SMCCC_ARCH_WORKAROUND_2, 1, 0, 0, NULL);
}

static struct per_cpu *cpu_by_mpidr(struct cell *cell, unsigned long mpidr)
{
	unsigned int cpu;

	for (cpu = 0; cpu < hypervisor_header.max_cpus; cpu++)
		if ((!cell || cell_has_cpu(cell, cpu)) &&
		    per_cpu(cpu)->cell &&
		    per_cpu(cpu)->mpidr == (mpidr & MPIDR_AFF_MASK))
			return per_cpu(cpu);
	return NULL;
}

static long psci_cpu_on(struct per_cpu *cpu_data, unsigned long mpidr,
			unsigned long entry, unsigned long context)
{
	struct per_cpu *target = cpu_by_mpidr(cpu_data->cell, mpidr);
	long result;

	if (!target) {
		target = cpu_by_mpidr(NULL, mpidr);
		if (!target)
			return PSCI_INVALID_PARAMETERS;
		cell_printk(cpu_data->cell, "PSCI CPU_ON of CPU %u refused: "
			    "cell \"%s\" (CPU %u) does not own it\n",
			    target->cpu_id, cpu_data->cell->config->name,
			    cpu_data->cpu_id);
		return PSCI_DENIED;
	}

	spin_lock(&cpu_power_lock);
	if (cpu_data->cell->stopping) {
		/* the cell is being stopped: its CPUs stay where they are */
		spin_unlock(&cpu_power_lock);
		return PSCI_DENIED;
	}
	/*
	 * The lookup above ran without the lock: cell create may have moved
	 * the target to a new cell since (the root onlining a CPU while it
	 * is handed to a cell).  Only under the lock, which move_cpus()
	 * holds, is its owner settled; resuming it at the root's entry in
	 * another cell would start that cell before START.
	 */
	if (target->cell != cpu_data->cell) {
		spin_unlock(&cpu_power_lock);
		return PSCI_DENIED;
	}
	switch (target->power_state) {
	case CPU_POWER_ON:
		result = PSCI_ALREADY_ON;
		break;
	case CPU_POWER_ON_PENDING:
		result = PSCI_ON_PENDING;
		break;
	default:
		if (target->failed) {
			result = PSCI_DENIED;
			break;
		}
		target->resume_entry = entry;
		target->resume_context = context;
		target->power_state = CPU_POWER_ON_PENDING;
		result = PSCI_SUCCESS;
	}
	spin_unlock(&cpu_power_lock);

	if (result == PSCI_SUCCESS)
		cpu_send_request(target->cpu_id, CPU_REQ_RESUME);
	return result;
}

static long psci_affinity_info(struct per_cpu *cpu_data, unsigned long mpidr,
			       unsigned long level)
{
	struct per_cpu *target = cpu_by_mpidr(cpu_data->cell, mpidr);

	if (!target || level != 0)
		return PSCI_INVALID_PARAMETERS;
	switch (target->power_state) {
	case CPU_POWER_OFF:
		return PSCI_AFFINITY_OFF;
	case CPU_POWER_ON_PENDING:
		return PSCI_AFFINITY_ON_PENDING;
	default:
		return PSCI_AFFINITY_ON;
	}
}

/* PSCI CPU_OFF: park until CPU_ON, then start like a CPU fresh from reset */
static void __attribute__((noreturn))
psci_cpu_off(struct per_cpu *cpu_data)
{
	spin_lock(&cpu_power_lock);
	cpu_data->power_state = CPU_POWER_OFF;
	spin_unlock(&cpu_power_lock);

	cpu_park(cpu_data);
}

static bool psci_emulated(u32 fid)
{
	switch (fid & ~SMCCC_64) {
	case PSCI_VERSION:
	case PSCI_CPU_SUSPEND:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON:
	case PSCI_AFFINITY_INFO:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_FEATURES:
		return true;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		return true;
	default:
		return fid == SMCCC_VERSION;
	}
}

static long handle_psci(struct per_cpu *cpu_data, struct trap_context *ctx,
			u32 fid)
{
	u64 *r = ctx->regs;

	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_PSCI]++;

	switch (fid & ~SMCCC_64) {
	case PSCI_VERSION:
		return PSCI_VERSION_1_1;
	case PSCI_CPU_SUSPEND:
		/* a standby that ended at once: a wake-up is allowed anytime */
		return PSCI_SUCCESS;
	case PSCI_CPU_OFF:
		psci_cpu_off(cpu_data);
	case PSCI_CPU_ON:
		return psci_cpu_on(cpu_data, r[1], r[2], r[3]);
	case PSCI_AFFINITY_INFO:
		return psci_affinity_info(cpu_data, r[1], r[2]);
	case PSCI_MIGRATE_INFO_TYPE:
		return PSCI_TOS_NOT_PRESENT_MP;
	case PSCI_FEATURES:
		return psci_emulated(r[1]) ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		if (cpu_data->cell != &root_cell)
			cell_stop_self(cpu_data,
				       (fid & ~SMCCC_64) == PSCI_SYSTEM_OFF ?
				       "system off" : "system reset");
		printk("Root cell requested system %s\n",
		       (fid & ~SMCCC_64) == PSCI_SYSTEM_OFF ? "off" : "reset");
		return smc_call(fid, 0, 0, 0, NULL);
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

static long handle_arch_call(struct per_cpu *cpu_data,
			     struct trap_context *ctx, u32 fid)
{
	unsigned long res[3];

	switch (fid) {
	case SMCCC_VERSION:
		return SMCCC_VERSION_1_1;
	case SMCCC_ARCH_FEATURES:
		if ((u32)ctx->regs[1] == SMCCC_ARCH_FEATURES)
			return PSCI_SUCCESS;
		if (!firmware_smccc_1_1)
			return PSCI_NOT_SUPPORTED;
		switch ((u32)ctx->regs[1]) {
		case SMCCC_ARCH_WORKAROUND_1:
		case SMCCC_ARCH_WORKAROUND_2:
		case SMCCC_ARCH_WORKAROUND_3:
			return smc_call(fid, ctx->regs[1], 0, 0, NULL);
		default:
			return PSCI_NOT_SUPPORTED;
		}
	case SMCCC_ARCH_WORKAROUND_2:
		if (!firmware_smccc_1_1)
			return PSCI_NOT_SUPPORTED;
		/*
		 * x1 = 0 would turn the firmware's SSBD mitigation off for
		 * the whole CPU, EL2 included, and for the CPU's next owner:
		 * only the root may choose that, a cell keeps it on.
		 */
		return smc_call(fid, cpu_data->cell == &root_cell ?
				ctx->regs[1] : 1, 0, 0, res);
	case SMCCC_ARCH_WORKAROUND_1:
	case SMCCC_ARCH_WORKAROUND_3:
		if (!firmware_smccc_1_1)
			return PSCI_NOT_SUPPORTED;
		return smc_call(fid, 0, 0, 0, res);
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

enum trap_result handle_smc(struct trap_context *ctx)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u32 fid = ctx->regs[0];
	unsigned long res[3];

	/*
	 * A trapped smc returns to itself.  It is always the 4-byte A64 one:
	 * EL1 is AArch64 (HCR_EL2.RW) and smc is UNDEFINED at EL0.
	 */
	ctx->elr += 4;

	if (SMCCC_OWNER(fid) == SMCCC_OWNER_STANDARD &&
	    (fid & ~SMCCC_64 & 0xffffff) < 0x20 && (fid & SMCCC_FAST_CALL)) {
		ctx->regs[0] = handle_psci(cpu_data, ctx, fid);
		return TRAP_HANDLED;
	}

	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_SMCCC]++;
	if (!(fid & SMCCC_FAST_CALL)) {
		ctx->regs[0] = PSCI_NOT_SUPPORTED;
	} else if (SMCCC_OWNER(fid) == SMCCC_OWNER_ARCH) {
		ctx->regs[0] = handle_arch_call(cpu_data, ctx, fid);
	} else if (SMCCC_OWNER(fid) == SMCCC_OWNER_SIP &&
		   cpu_data->cell == &root_cell && firmware_smccc_1_1) {
		ctx->regs[0] = smc_call(fid, ctx->regs[1], ctx->regs[2],
					ctx->regs[3], res);
		ctx->regs[1] = res[0];
		ctx->regs[2] = res[1];
		ctx->regs[3] = res[2];
	} else {
		ctx->regs[0] = PSCI_NOT_SUPPORTED;
	}
	return TRAP_HANDLED;
}
