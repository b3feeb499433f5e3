// SPDX-License-Identifier: GPL-2.0
/*
 * System register names for reports (see asm/sysreg_name.h).  The table
 * holds what an EL1 guest plausibly touches and a hypervisor may trap:
 * the EL1 control and translation registers, ID registers, the GIC CPU
 * interface, timers, debug and cache maintenance by set/way.  Anything
 * else is shown in the generic form, which is exact and which the
 * assembler accepts, so a report never names a register wrongly.
 */
#include <jailhouse/text_buf.h>
#include <asm/sysreg_name.h>

#define SYSREG_KEY(op0, op1, crn, crm, op2) \
	(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

struct sysreg_entry {
	u16 key;
	const char *name;
};

#define R(op0, op1, crn, crm, op2, name) \
	{ SYSREG_KEY(op0, op1, crn, crm, op2), name }

static const struct sysreg_entry sysregs[] = {
	/* SYS instructions: cache maintenance */
	R(1, 0, 7, 1, 0, "IC IALLUIS"),
	R(1, 0, 7, 5, 0, "IC IALLU"),
	R(1, 3, 7, 5, 1, "IC IVAU"),
	R(1, 0, 7, 6, 1, "DC IVAC"),
	R(1, 0, 7, 6, 2, "DC ISW"),
	R(1, 0, 7, 10, 2, "DC CSW"),
	R(1, 0, 7, 14, 2, "DC CISW"),
	R(1, 3, 7, 4, 1, "DC ZVA"),
	R(1, 3, 7, 10, 1, "DC CVAC"),
	R(1, 3, 7, 11, 1, "DC CVAU"),
	R(1, 3, 7, 12, 1, "DC CVAP"),
	R(1, 3, 7, 14, 1, "DC CIVAC"),
	R(1, 0, 7, 8, 0, "AT S1E1R"),
	R(1, 0, 7, 8, 1, "AT S1E1W"),
	R(1, 0, 7, 8, 2, "AT S1E0R"),
	R(1, 0, 7, 8, 3, "AT S1E0W"),

	/* debug */
	R(2, 0, 0, 2, 2, "MDSCR_EL1"),
	R(2, 0, 1, 0, 4, "OSLAR_EL1"),
	R(2, 0, 1, 1, 4, "OSLSR_EL1"),
	R(2, 0, 1, 3, 4, "OSDLR_EL1"),
	R(2, 0, 1, 4, 4, "DBGPRCR_EL1"),
	R(2, 3, 0, 1, 0, "MDCCSR_EL0"),
	R(2, 3, 0, 4, 0, "DBGDTR_EL0"),
	R(2, 3, 0, 5, 0, "DBGDTRRX_EL0"),

	/* identification */
	R(3, 0, 0, 0, 0, "MIDR_EL1"),
	R(3, 0, 0, 0, 5, "MPIDR_EL1"),
	R(3, 0, 0, 0, 6, "REVIDR_EL1"),
	R(3, 0, 0, 4, 0, "ID_AA64PFR0_EL1"),
	R(3, 0, 0, 4, 1, "ID_AA64PFR1_EL1"),
	R(3, 0, 0, 4, 4, "ID_AA64ZFR0_EL1"),
	R(3, 0, 0, 5, 0, "ID_AA64DFR0_EL1"),
	R(3, 0, 0, 5, 1, "ID_AA64DFR1_EL1"),
	R(3, 0, 0, 5, 4, "ID_AA64AFR0_EL1"),
	R(3, 0, 0, 5, 5, "ID_AA64AFR1_EL1"),
	R(3, 0, 0, 6, 0, "ID_AA64ISAR0_EL1"),
	R(3, 0, 0, 6, 1, "ID_AA64ISAR1_EL1"),
	R(3, 0, 0, 6, 2, "ID_AA64ISAR2_EL1"),
	R(3, 0, 0, 7, 0, "ID_AA64MMFR0_EL1"),
	R(3, 0, 0, 7, 1, "ID_AA64MMFR1_EL1"),
	R(3, 0, 0, 7, 2, "ID_AA64MMFR2_EL1"),
	R(3, 1, 0, 0, 0, "CCSIDR_EL1"),
	R(3, 1, 0, 0, 1, "CLIDR_EL1"),
	R(3, 1, 0, 0, 7, "AIDR_EL1"),
	R(3, 2, 0, 0, 0, "CSSELR_EL1"),
	R(3, 3, 0, 0, 1, "CTR_EL0"),
	R(3, 3, 0, 0, 7, "DCZID_EL0"),

	/* EL1 control, translation, exceptions */
	R(3, 0, 1, 0, 0, "SCTLR_EL1"),
	R(3, 0, 1, 0, 1, "ACTLR_EL1"),
	R(3, 0, 1, 0, 2, "CPACR_EL1"),
	R(3, 0, 2, 0, 0, "TTBR0_EL1"),
	R(3, 0, 2, 0, 1, "TTBR1_EL1"),
	R(3, 0, 2, 0, 2, "TCR_EL1"),
	R(3, 0, 4, 0, 0, "SPSR_EL1"),
	R(3, 0, 4, 0, 1, "ELR_EL1"),
	R(3, 0, 4, 1, 0, "SP_EL0"),
	R(3, 0, 5, 1, 0, "AFSR0_EL1"),
	R(3, 0, 5, 1, 1, "AFSR1_EL1"),
	R(3, 0, 5, 2, 0, "ESR_EL1"),
	R(3, 0, 6, 0, 0, "FAR_EL1"),
	R(3, 0, 7, 4, 0, "PAR_EL1"),
	R(3, 0, 10, 2, 0, "MAIR_EL1"),
	R(3, 0, 10, 3, 0, "AMAIR_EL1"),
	R(3, 0, 12, 0, 0, "VBAR_EL1"),
	R(3, 0, 12, 0, 1, "RVBAR_EL1"),
	R(3, 0, 12, 1, 0, "ISR_EL1"),
	R(3, 0, 13, 0, 1, "CONTEXTIDR_EL1"),
	R(3, 0, 13, 0, 4, "TPIDR_EL1"),
	R(3, 0, 14, 1, 0, "CNTKCTL_EL1"),
	R(3, 3, 4, 2, 0, "NZCV"),
	R(3, 3, 4, 2, 1, "DAIF"),
	R(3, 3, 13, 0, 2, "TPIDR_EL0"),
	R(3, 3, 13, 0, 3, "TPIDRRO_EL0"),

	/* GICv3 CPU interface */
	R(3, 0, 4, 6, 0, "ICC_PMR_EL1"),
	R(3, 0, 12, 8, 0, "ICC_IAR0_EL1"),
	R(3, 0, 12, 8, 1, "ICC_EOIR0_EL1"),
	R(3, 0, 12, 8, 3, "ICC_BPR0_EL1"),
	R(3, 0, 12, 11, 1, "ICC_DIR_EL1"),
	R(3, 0, 12, 11, 3, "ICC_RPR_EL1"),
	R(3, 0, 12, 11, 5, "ICC_SGI1R_EL1"),
	R(3, 0, 12, 11, 6, "ICC_ASGI1R_EL1"),
	R(3, 0, 12, 11, 7, "ICC_SGI0R_EL1"),
	R(3, 0, 12, 12, 0, "ICC_IAR1_EL1"),
	R(3, 0, 12, 12, 1, "ICC_EOIR1_EL1"),
	R(3, 0, 12, 12, 2, "ICC_HPPIR1_EL1"),
	R(3, 0, 12, 12, 3, "ICC_BPR1_EL1"),
	R(3, 0, 12, 12, 4, "ICC_CTLR_EL1"),
	R(3, 0, 12, 12, 5, "ICC_SRE_EL1"),
	R(3, 0, 12, 12, 6, "ICC_IGRPEN0_EL1"),
	R(3, 0, 12, 12, 7, "ICC_IGRPEN1_EL1"),

	/* performance monitors */
	R(3, 3, 9, 12, 0, "PMCR_EL0"),
	R(3, 3, 9, 12, 1, "PMCNTENSET_EL0"),
	R(3, 3, 9, 12, 2, "PMCNTENCLR_EL0"),
	R(3, 3, 9, 13, 0, "PMCCNTR_EL0"),
	R(3, 3, 9, 14, 0, "PMUSERENR_EL0"),

	/* generic timer */
	R(3, 3, 14, 0, 0, "CNTFRQ_EL0"),
	R(3, 3, 14, 0, 1, "CNTPCT_EL0"),
	R(3, 3, 14, 0, 2, "CNTVCT_EL0"),
	R(3, 3, 14, 2, 0, "CNTP_TVAL_EL0"),
	R(3, 3, 14, 2, 1, "CNTP_CTL_EL0"),
	R(3, 3, 14, 2, 2, "CNTP_CVAL_EL0"),
	R(3, 3, 14, 3, 0, "CNTV_TVAL_EL0"),
	R(3, 3, 14, 3, 1, "CNTV_CTL_EL0"),
	R(3, 3, 14, 3, 2, "CNTV_CVAL_EL0"),
};


/* DBGBVR<n>_EL1 and its siblings: CRm is the breakpoint number */
static const char *debug_pair_name(unsigned int op2)
{
	switch (op2) {
	case 4: return "DBGBVR";
	case 5: return "DBGBCR";
	case 6: return "DBGWVR";
	case 7: return "DBGWCR";
	default: return NULL;
	}
}

const char *sysreg_name(unsigned int op0, unsigned int op1, unsigned int crn,
			unsigned int crm, unsigned int op2, char *buf,
			unsigned int size)
{
	struct text_buf out = { buf, size, 0 };
	unsigned int key, n;
	const char *prefix;

	op0 &= 3;
	op1 &= 7;
	crn &= 15;
	crm &= 15;
	op2 &= 7;
	key = SYSREG_KEY(op0, op1, crn, crm, op2);
	for (n = 0; n < sizeof(sysregs) / sizeof(sysregs[0]); n++)
		if (sysregs[n].key == key)
			return sysregs[n].name;

	prefix = debug_pair_name(op2);
	if (op0 == 2 && op1 == 0 && crn == 0 && prefix) {
		text_put_str(&out, prefix);
		text_put_dec(&out, crm);
		text_put_str(&out, "_EL1");
		return buf;
	}

	if (op0 == 1) {
		/* "SYS #op1, Cn, Cm, #op2" */
		text_put_str(&out, "SYS #");
		text_put_dec(&out, op1);
		text_put_str(&out, ", C");
		text_put_dec(&out, crn);
		text_put_str(&out, ", C");
		text_put_dec(&out, crm);
		text_put_str(&out, ", #");
		text_put_dec(&out, op2);
		return buf;
	}

	/* "S<op0>_<op1>_C<n>_C<m>_<op2>" */
	text_put_str(&out, "S");
	text_put_dec(&out, op0);
	text_put_str(&out, "_");
	text_put_dec(&out, op1);
	text_put_str(&out, "_C");
	text_put_dec(&out, crn);
	text_put_str(&out, "_C");
	text_put_dec(&out, crm);
	text_put_str(&out, "_");
	text_put_dec(&out, op2);
	return buf;
}

/*
 * ISS of EC 0x18: Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10],
 * Rt [9:5], CRm [4:1], direction [0].
 */
const char *sysreg_name_from_iss(u32 iss, char *buf, unsigned int size)
{
	return sysreg_name((iss >> 20) & 3, (iss >> 14) & 7, (iss >> 10) & 15,
			   (iss >> 1) & 15, (iss >> 17) & 7, buf, size);
}
