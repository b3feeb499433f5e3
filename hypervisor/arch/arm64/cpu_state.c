// SPDX-License-Identifier: GPL-2.0
/*
 * The architectural state of a CPU that a guest can read, reset whenever
 * the CPU changes owner: a cell starts on it (also a restart of the same
 * cell, and PSCI CPU_ON inside a cell), or it comes back to the root after
 * a cell had it.  Nothing of the previous owner may reach the next one,
 * so every register a guest at EL1 or EL0 can read is written here with
 * its reset value, or with the value the boot firmware left at enable
 * where only the firmware knows the right one (ACTLR_EL1):
 *
 *  - EL1 system registers: translation, exception, thread ID and fault
 *    registers, ACTLR_EL1;
 *  - the generic timers (EL1 physical and virtual) and CNTKCTL_EL1;
 *  - FP/SIMD v0-v31, FPCR, FPSR; SVE z0-z31, p0-p15 and FFR at the
 *    largest vector length; SME streaming mode and ZA off, TPIDR2_EL0;
 *  - pointer authentication keys;
 *  - MTE tag check fault flags, tag exclusion and random tag seed;
 *  - the PMU: counters, event types and filters, enables, overflow and
 *    interrupt-enable flags, PMSELR, PMUSERENR;
 *  - debug: breakpoint and watchpoint value and control registers,
 *    MDSCR_EL1, MDCCINT_EL1;
 *  - for a non-root cell, SPE and TRBE buffers stopped, the trace filter
 *    off (owner_traps.c, which also traps them and the AMU for cells).
 * Which of the optional ones exist is read from the ID registers of the
 * CPU itself, every time: the cores of a big.LITTLE system differ.  What
 * EL2 traps for every guest (CPTR_EL2, HCR_EL2.APK as Linux set them) no
 * guest can read, and is left alone.
 *
 * The root keeps its state while it keeps its CPU: Linux brings a CPU it
 * onlines up from scratch anyway, and only a change of owner costs this.
 */
#include <jailhouse/cell.h>
#include <jailhouse/percpu.h>
#include <asm/owner_traps.h>
#include <asm/sysregs.h>

#define ID_AA64ISAR2_EL1	S3_0_C0_C6_2
#define ID_FIELD(reg, shift)	(((reg) >> (shift)) & 0xf)

#define PFR0_FP_SHIFT		16
#define PFR0_SVE_SHIFT		32
#define PFR1_SME_SHIFT		24
#define ISAR1_PAUTH_MASK	0xff000ff0UL	/* GPI, GPA, API, APA */
#define ISAR2_PAUTH_MASK	0xff00UL	/* APA3, GPA3 */
#define DFR0_PMUVER_SHIFT	8
#define DFR0_BRPS_SHIFT		12
#define DFR0_WRPS_SHIFT		20
#define ID_NOT_IMPLEMENTED	0xf	/* FP/PMU: 0xf means none (or IMPDEF) */

#define CPTR_EL2_TZ		(1UL << 8)
#define CPTR_EL2_TFP		(1UL << 10)
#define CPTR_EL2_TSM		(1UL << 12)

#define ZCR_EL2			S3_4_C1_C2_0
#define ZCR_LEN_MAX		0x1ff
#define SVCR			S3_3_C4_C2_2
#define TPIDR2_EL0		S3_3_C13_C0_5

#define APIAKEYLO_EL1		S3_0_C2_C1_0
#define APIAKEYHI_EL1		S3_0_C2_C1_1
#define APIBKEYLO_EL1		S3_0_C2_C1_2
#define APIBKEYHI_EL1		S3_0_C2_C1_3
#define APDAKEYLO_EL1		S3_0_C2_C2_0
#define APDAKEYHI_EL1		S3_0_C2_C2_1
#define APDBKEYLO_EL1		S3_0_C2_C2_2
#define APDBKEYHI_EL1		S3_0_C2_C2_3
#define APGAKEYLO_EL1		S3_0_C2_C3_0
#define APGAKEYHI_EL1		S3_0_C2_C3_1

#define PFR1_MTE_SHIFT		8
#define MTE_WITH_TAGS		2	/* FEAT_MTE2: tag memory and checks */
#define GCR_EL1			S3_0_C1_C0_6
#define RGSR_EL1		S3_0_C1_C0_5
#define TFSR_EL1		S3_0_C5_C6_0
#define TFSRE0_EL1		S3_0_C5_C6_1

#define PMCR_P			(1UL << 1)	/* event counters to zero */
#define PMCR_C			(1UL << 2)	/* cycle counter to zero */
#define PMCR_N_SHIFT		11
#define PMCR_N_MASK		0x1f
#define PMU_CYCLE_COUNTER_BIT	(1UL << 31)

#define MDCCINT_EL1		S2_0_C0_C2_0

void cpu_state_zero_fpsimd(void);
void cpu_state_zero_sve(void);
void psci_cell_ssbd_on(void);

/* What only the firmware knows: the value it left is the reset value. */
void arch_cpu_state_capture(struct per_cpu *cpu_data)
{
	cpu_data->arch.actlr_el1 = read_sysreg(actlr_el1);
}

static void reset_el1_sysregs(struct per_cpu *cpu_data)
{
	write_sysreg(sctlr_el1, SCTLR_EL1_RESET);
	isb();
	/* FP/SIMD not trapped at EL1/EL0 (SVE and SME are) */
	write_sysreg(cpacr_el1, CPACR_FPEN);
	write_sysreg(actlr_el1, cpu_data->arch.actlr_el1);
	write_sysreg(vbar_el1, 0);
	write_sysreg(ttbr0_el1, 0);
	write_sysreg(ttbr1_el1, 0);
	write_sysreg(tcr_el1, 0);
	write_sysreg(mair_el1, 0);
	write_sysreg(amair_el1, 0);
	write_sysreg(contextidr_el1, 0);
	write_sysreg(tpidr_el0, 0);
	write_sysreg(tpidrro_el0, 0);
	write_sysreg(tpidr_el1, 0);
	write_sysreg(sp_el0, 0);
	write_sysreg(sp_el1, 0);
	write_sysreg(elr_el1, 0);
	write_sysreg(spsr_el1, 0);
	write_sysreg(esr_el1, 0);
	write_sysreg(far_el1, 0);
	write_sysreg(afsr0_el1, 0);
	write_sysreg(afsr1_el1, 0);
	write_sysreg(par_el1, 0);
}

static void reset_timers(void)
{
	write_sysreg(cntkctl_el1, 0);
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(cntv_cval_el0, 0);
	write_sysreg(cntp_cval_el0, 0);
	write_sysreg(cntvoff_el2, 0);
}

/*
 * Only what a guest can reach: a register file whose use CPTR_EL2 traps
 * (Linux leaves FP/SIMD open and opens SVE and SME when it uses them) is
 * out of every guest's reach, and EL2 does not open it either, as the
 * firmware may not have opened it at EL3.
 */
static void reset_fp_state(void)
{
	u64 pfr0 = read_sysreg(id_aa64pfr0_el1);
	u64 pfr1 = read_sysreg(id_aa64pfr1_el1);
	u64 cptr = read_sysreg(cptr_el2);
	bool sve = ID_FIELD(pfr0, PFR0_SVE_SHIFT) && !(cptr & CPTR_EL2_TZ);
	bool sme = ID_FIELD(pfr1, PFR1_SME_SHIFT) && !(cptr & CPTR_EL2_TSM);
	u64 zcr;

	if (ID_FIELD(pfr0, PFR0_FP_SHIFT) == ID_NOT_IMPLEMENTED ||
	    (cptr & CPTR_EL2_TFP))
		return;

	if (sme) {
		/* leaving streaming mode zeroes it, ZA comes back zeroed */
		write_sysreg(SVCR, 0);
		write_sysreg(TPIDR2_EL0, 0);
		isb();
	}
	if (sve) {
		zcr = read_sysreg(ZCR_EL2);
		write_sysreg(ZCR_EL2, ZCR_LEN_MAX);
		isb();
		cpu_state_zero_sve();
		write_sysreg(ZCR_EL2, zcr);
		isb();
	}
	cpu_state_zero_fpsimd();
}

/* Guests reach the keys only if Linux let them (HCR_EL2.APK, kept). */
static void reset_pauth_keys(struct per_cpu *cpu_data)
{
	if (!(cpu_data->arch.linux_hcr & HCR_APK))
		return;
	if (!(read_sysreg(id_aa64isar1_el1) & ISAR1_PAUTH_MASK) &&
	    !(read_sysreg(ID_AA64ISAR2_EL1) & ISAR2_PAUTH_MASK))
		return;
	write_sysreg(APIAKEYLO_EL1, 0);
	write_sysreg(APIAKEYHI_EL1, 0);
	write_sysreg(APIBKEYLO_EL1, 0);
	write_sysreg(APIBKEYHI_EL1, 0);
	write_sysreg(APDAKEYLO_EL1, 0);
	write_sysreg(APDAKEYHI_EL1, 0);
	write_sysreg(APDBKEYLO_EL1, 0);
	write_sysreg(APDBKEYHI_EL1, 0);
	write_sysreg(APGAKEYLO_EL1, 0);
	write_sysreg(APGAKEYHI_EL1, 0);
}

/*
 * Tag check fault flags, tag exclusion and the random tag seed.  Guests
 * reach them only if Linux let them (HCR_EL2.ATA, kept), and only then
 * has the firmware opened them (SCR_EL3.ATA) for EL2 as well.
 */
static void reset_mte(struct per_cpu *cpu_data)
{
	if (!(cpu_data->arch.linux_hcr & HCR_ATA) ||
	    ID_FIELD(read_sysreg(id_aa64pfr1_el1), PFR1_MTE_SHIFT) <
	    MTE_WITH_TAGS)
		return;
	write_sysreg(GCR_EL1, 0);
	write_sysreg(RGSR_EL1, 0);
	write_sysreg(TFSR_EL1, 0);
	write_sysreg(TFSRE0_EL1, 0);
}

/* All counters, also those MDCR_EL2.HPMN reserves for EL2. */
static void reset_pmu(void)
{
	unsigned int ver = ID_FIELD(read_sysreg(id_aa64dfr0_el1),
				    DFR0_PMUVER_SHIFT);
	unsigned int counters, n;
	u64 all;

	if (ver == 0 || ver == ID_NOT_IMPLEMENTED)
		return;
	/* counting off, every counter zero */
	write_sysreg(pmcr_el0, PMCR_P | PMCR_C);
	isb();
	counters = (read_sysreg(pmcr_el0) >> PMCR_N_SHIFT) & PMCR_N_MASK;
	all = PMU_CYCLE_COUNTER_BIT | ((1UL << counters) - 1);
	write_sysreg(pmcntenclr_el0, all);
	write_sysreg(pmintenclr_el1, all);
	write_sysreg(pmovsclr_el0, all);
	for (n = 0; n < counters; n++) {
		write_sysreg(pmselr_el0, n);
		isb();
		write_sysreg(pmxevtyper_el0, 0);
		write_sysreg(pmxevcntr_el0, 0);
	}
	write_sysreg(pmselr_el0, 0);
	write_sysreg(pmccfiltr_el0, 0);
	write_sysreg(pmccntr_el0, 0);
	write_sysreg(pmuserenr_el0, 0);
	write_sysreg(pmcr_el0, 0);
}

/* DBG{B,W}{V,C}R<n>_EL1 are S2_0_C0_C<n>_<4..7>: one case per n */
#define DEBUG_PAIR_CASE(n, value_op2, ctrl_op2)				\
	case n:								\
		write_sysreg(S2_0_C0_C##n##_##ctrl_op2, 0);		\
		write_sysreg(S2_0_C0_C##n##_##value_op2, 0);		\
		break

#define DEBUG_PAIR_SWITCH(n, value_op2, ctrl_op2)			\
	switch (n) {							\
	DEBUG_PAIR_CASE(0, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(1, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(2, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(3, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(4, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(5, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(6, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(7, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(8, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(9, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(10, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(11, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(12, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(13, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(14, value_op2, ctrl_op2);			\
	DEBUG_PAIR_CASE(15, value_op2, ctrl_op2);			\
	}

static void clear_breakpoint(unsigned int n)
{
	DEBUG_PAIR_SWITCH(n, 4, 5);
}

static void clear_watchpoint(unsigned int n)
{
	DEBUG_PAIR_SWITCH(n, 6, 7);
}

static void reset_debug(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned int n;

	write_sysreg(mdscr_el1, 0);
	write_sysreg(MDCCINT_EL1, 0);
	/* only the implemented ones: the others are UNDEFINED */
	for (n = 0; n <= ID_FIELD(dfr0, DFR0_BRPS_SHIFT); n++)
		clear_breakpoint(n);
	for (n = 0; n <= ID_FIELD(dfr0, DFR0_WRPS_SHIFT); n++)
		clear_watchpoint(n);
}

/*
 * Called last before the CPU enters its new owner: the hypervisor itself
 * never writes FP/SIMD, so nothing refills those registers afterwards.
 */
void arch_cpu_state_reset(struct per_cpu *cpu_data)
{
	reset_el1_sysregs(cpu_data);
	reset_timers();
	reset_pauth_keys(cpu_data);
	reset_mte(cpu_data);
	reset_pmu();
	reset_debug();
	/* the cell cannot reach them (owner_traps.c), the root set them */
	if (cpu_data->cell != &root_cell)
		owner_traps_reset_units();
	/* before FP/SIMD: the firmware is not guaranteed to leave it alone */
	if (cpu_data->cell != &root_cell)
		psci_cell_ssbd_on();
	reset_fp_state();
	isb();
}
