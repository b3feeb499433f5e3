/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Names of AArch64 system registers and SYS instructions (DC, IC) from
 * their encoding, for reports: a trapped MSR/MRS shows "ACTLR_EL1", not a
 * raw ISS.  Registers the table does not know, IMPLEMENTATION DEFINED
 * ones in particular (their names differ from core to core), get the
 * generic form the assembler accepts, "S3_1_C15_C2_1"; unknown SYS
 * instructions "SYS #0, C8, C3, #0".  Pure code: the host tests compile
 * this file too.
 */
#ifndef _JAILHOUSE_ASM_SYSREG_NAME_H
#define _JAILHOUSE_ASM_SYSREG_NAME_H

#include <jailhouse/types.h>

/* enough for every name this returns, the generic forms included */
#define SYSREG_NAME_MAX		24

/*
 * The name of the register (op0 2 or 3) or instruction (op0 1) with this
 * encoding.  Returns a constant string from the table, or buf (of size
 * bytes, SYSREG_NAME_MAX is enough) holding the generic form; a shorter
 * buf gets a truncated, NUL-terminated name.
 */
const char *sysreg_name(unsigned int op0, unsigned int op1, unsigned int crn,
			unsigned int crm, unsigned int op2, char *buf,
			unsigned int size);

/* The same from the ISS of a trapped MSR/MRS/SYS (ESR_EL2.EC 0x18). */
const char *sysreg_name_from_iss(u32 iss, char *buf, unsigned int size);

/* Fields of that ISS: transfer register and direction (MRS is a read). */
static inline unsigned int sysreg_iss_rt(u32 iss)
{
	return (iss >> 5) & 0x1f;
}

static inline bool sysreg_iss_is_read(u32 iss)
{
	return iss & 1;
}

/* Fields of the ISS of a trapped MSR/MRS/SYS (ESR_EL2.EC 0x18). */
#define SYSREG_ISS(op0, op1, crn, crm, op2) \
	(((op0) << 20) | ((op2) << 17) | ((op1) << 14) | ((crn) << 10) | \
	 ((crm) << 1))
#define SYSREG_ISS_MASK		0x3ffc1e
#define SYSREG_ISS_OP0(iss)	(((iss) >> 20) & 0x3)
#define SYSREG_ISS_OP2(iss)	(((iss) >> 17) & 0x7)
#define SYSREG_ISS_OP1(iss)	(((iss) >> 14) & 0x7)
#define SYSREG_ISS_CRN(iss)	(((iss) >> 10) & 0xf)
#define SYSREG_ISS_RT(iss)	(((iss) >> 5) & 0x1f)
#define SYSREG_ISS_CRM(iss)	(((iss) >> 1) & 0xf)
#define SYSREG_ISS_READ		0x1

/* IMPLEMENTATION DEFINED encodings: op0 3, CRn 11 or 15 (HCR_EL2.TIDCP) */
static inline bool sysreg_is_impdef(u32 iss)
{
	return SYSREG_ISS_OP0(iss) == 3 &&
		(SYSREG_ISS_CRN(iss) == 11 || SYSREG_ISS_CRN(iss) == 15);
}

#endif /* !_JAILHOUSE_ASM_SYSREG_NAME_H */
