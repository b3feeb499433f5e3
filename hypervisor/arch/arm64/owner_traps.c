// SPDX-License-Identifier: GPL-2.0
/*
 * What a CPU's owner may learn from the units that observe the CPU
 * itself: the PMU while the hypervisor runs, statistical profiling (SPE),
 * the trace buffer (TRBE) and trace filter, the activity monitors (AMU).
 * MDCR_EL2 and CPTR_EL2 are written for every new owner
 * (arch_owner_traps_apply()); Linux's values come back when the CPU
 * leaves the hypervisor.  Each unit is handled only where the CPU's own
 * ID registers show it (cores of a big.LITTLE system differ).
 *
 *  - Every owner: MDCR_EL2.HPMD (PMUv3p1 and later), so that the counters
 *    a guest owns do not count the hypervisor's work, which includes
 *    other owners' requests.  With the first PMUv3 the guest's own event
 *    filter (PMEVTYPER<n>_EL0.NSH) decides, and EL2 could enforce nothing
 *    short of trapping the whole PMU: not done.
 *  - The root keeps what Linux set up: it owns SPE, TRBE, trace and the
 *    AMU of the machine.
 *  - Other cells: SPE (MDCR_EL2.E2PB: EL1&0 regime, EL1 access trapped;
 *    TPMS), TRBE (E2TB likewise), the trace filter (TTRF) and the AMU
 *    (CPTR_EL2.TAM) are trapped.  A trapped access reads as zero and
 *    ignores writes (owner_trap_access()), but the ID registers PMBIDR_EL1
 *    and TRBIDR_EL1 read "programming not allowed" (P): Linux's SPE and
 *    TRBE drivers then leave the unit alone with a message, and AMU
 *    counters reading zero make Linux drop AMU frequency invariance.  The
 *    ID_AA64* registers still announce the features: hiding them would
 *    mean trapping and emulating every ID register (HCR_EL2.TID3), and a
 *    stock Linux boots either way (tests/qemu 30-cell-cpu-state*).
 *    Before a cell runs, profiling and trace buffers are stopped and their
 *    pointers zeroed (owner_traps_reset_units()): sampling or tracing the
 *    root set up must neither go on in the cell, writing through the
 *    cell's translation, nor show the root's buffer addresses.  AMU
 *    counters count for every owner and cannot be reset below EL3:
 *    trapping keeps a cell from reading what ran before it.
 */
#include <jailhouse/cell.h>
#include <jailhouse/percpu.h>
#include <asm/owner_traps.h>
#include <asm/sysreg_name.h>
#include <asm/sysregs.h>

#define ID_FIELD(reg, shift)	(((reg) >> (shift)) & 0xf)
#define DFR0_PMUVER_SHIFT	8
#define DFR0_PMSVER_SHIFT	32
#define DFR0_TRACEFILT_SHIFT	40
#define DFR0_TRACEBUFFER_SHIFT	44
#define PFR0_AMU_SHIFT		44
#define PMUVER_V3P1		4
#define PMUVER_IMPDEF		0xf

#define MDCR_E2PB_SHIFT		12
#define MDCR_E2PB_MASK		(3UL << MDCR_E2PB_SHIFT)
#define MDCR_E2PB_EL1_TRAPPED	(2UL << MDCR_E2PB_SHIFT)
#define MDCR_TPMS		(1UL << 14)
#define MDCR_HPMD		(1UL << 17)
#define MDCR_TTRF		(1UL << 19)
#define MDCR_E2TB_SHIFT		24
#define MDCR_E2TB_MASK		(3UL << MDCR_E2TB_SHIFT)
#define MDCR_E2TB_EL1_TRAPPED	(2UL << MDCR_E2TB_SHIFT)
#define CPTR_TAM		(1UL << 30)

/* "owned by a higher Exception level": no programming here either */
#define IDR_P			(1UL << 4)

#define PMSCR_EL1		S3_0_C9_C9_0
#define PMBLIMITR_EL1		S3_0_C9_C10_0
#define PMBPTR_EL1		S3_0_C9_C10_1
#define PMBSR_EL1		S3_0_C9_C10_3
#define PMBIDR_EL1		S3_0_C9_C10_7
#define TRBLIMITR_EL1		S3_0_C9_C11_0
#define TRBPTR_EL1		S3_0_C9_C11_1
#define TRBBASER_EL1		S3_0_C9_C11_2
#define TRBSR_EL1		S3_0_C9_C11_3
#define TRBIDR_EL1		S3_0_C9_C11_7
#define TRFCR_EL1		S3_0_C1_C2_1

/* PSB CSYNC and TSB CSYNC: hints, so that any assembler takes them */
#define psb_csync()		asm volatile("hint #17" : : : "memory")
#define tsb_csync()		asm volatile("hint #18" : : : "memory")

static bool has_spe(u64 dfr0)
{
	return ID_FIELD(dfr0, DFR0_PMSVER_SHIFT) != 0;
}

static bool has_trbe(u64 dfr0)
{
	return ID_FIELD(dfr0, DFR0_TRACEBUFFER_SHIFT) != 0;
}

static bool has_trace_filter(u64 dfr0)
{
	return ID_FIELD(dfr0, DFR0_TRACEFILT_SHIFT) != 0;
}

static bool has_amu(void)
{
	return ID_FIELD(read_sysreg(id_aa64pfr0_el1), PFR0_AMU_SHIFT) != 0;
}

/* With PMUv3p1 and later, MDCR_EL2.HPMD exists */
static bool has_hpmd(u64 dfr0)
{
	unsigned int ver = ID_FIELD(dfr0, DFR0_PMUVER_SHIFT);

	return ver >= PMUVER_V3P1 && ver != PMUVER_IMPDEF;
}

void arch_owner_traps_apply(struct per_cpu *cpu_data)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);
	u64 mdcr = cpu_data->arch.linux_mdcr;
	u64 cptr = cpu_data->arch.linux_cptr;

	if (has_hpmd(dfr0))
		mdcr |= MDCR_HPMD;
	if (cpu_data->cell != &root_cell) {
		if (has_spe(dfr0))
			mdcr = (mdcr & ~MDCR_E2PB_MASK) |
				MDCR_E2PB_EL1_TRAPPED | MDCR_TPMS;
		if (has_trbe(dfr0))
			mdcr = (mdcr & ~MDCR_E2TB_MASK) |
				MDCR_E2TB_EL1_TRAPPED;
		if (has_trace_filter(dfr0))
			mdcr |= MDCR_TTRF;
		if (has_amu())
			cptr |= CPTR_TAM;
	}
	write_sysreg(mdcr_el2, mdcr);
	write_sysreg(cptr_el2, cptr);
	isb();
}

void owner_traps_reset_units(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);

	/* only if EL3 lets this level program them, as Linux checks too */
	if (has_spe(dfr0) && !(read_sysreg(PMBIDR_EL1) & IDR_P)) {
		write_sysreg(PMSCR_EL1, 0);
		isb();
		psb_csync();
		asm volatile("dsb nsh" : : : "memory");
		write_sysreg(PMBLIMITR_EL1, 0);
		isb();
		write_sysreg(PMBPTR_EL1, 0);
		write_sysreg(PMBSR_EL1, 0);
	}
	if (has_trace_filter(dfr0))
		write_sysreg(TRFCR_EL1, 0);
	if (has_trbe(dfr0) && !(read_sysreg(TRBIDR_EL1) & IDR_P)) {
		isb();
		tsb_csync();
		asm volatile("dsb nsh" : : : "memory");
		write_sysreg(TRBLIMITR_EL1, 0);
		isb();
		write_sysreg(TRBPTR_EL1, 0);
		write_sysreg(TRBBASER_EL1, 0);
		write_sysreg(TRBSR_EL1, 0);
	}
	isb();
}

/*
 * SPE: Op0 3, Op1 0, CRn 9, CRm 9 (sampling) or 10 (buffer); TRBE: CRm
 * 11; TRFCR_EL1; AMU: Op0 3, Op1 3, CRn 13, CRm 2-15 (CRm 0 holds the
 * thread ID registers).
 */
bool owner_trap_is_unit_reg(u32 iss)
{
	unsigned int op0 = SYSREG_ISS_OP0(iss), op1 = SYSREG_ISS_OP1(iss);
	unsigned int crn = SYSREG_ISS_CRN(iss), crm = SYSREG_ISS_CRM(iss);

	if (op0 != 3)
		return false;
	if (op1 == 0 && crn == 9 && crm >= 9 && crm <= 11)
		return true;
	if ((iss & SYSREG_ISS_MASK) == SYSREG_ISS(3, 0, 1, 2, 1))
		return true;
	return op1 == 3 && crn == 13 && crm >= 2;
}

/* Read as zero, writes ignored; the buffers' ID registers say "not here". */
u64 owner_trap_read_value(u32 iss)
{
	if ((iss & SYSREG_ISS_MASK) == SYSREG_ISS(3, 0, 9, 10, 7) ||
	    (iss & SYSREG_ISS_MASK) == SYSREG_ISS(3, 0, 9, 11, 7))
		return IDR_P;
	return 0;
}
