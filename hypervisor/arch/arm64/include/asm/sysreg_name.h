/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fields of a trapped MSR, MRS or SYS instruction (ESR_EL2.EC 0x18)
 * and their names for reports (sysreg_name.c, host-tested).
 */
#ifndef _JAILHOUSE_ASM_SYSREG_NAME_H
#define _JAILHOUSE_ASM_SYSREG_NAME_H

#include <jailhouse/types.h>

/* ISS: Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5],
 * CRm [4:1], direction [0] (1: read, MRS) */
#define SYSREG_ISS(op0, op1, crn, crm, op2) \
	(((op0) << 20) | ((op2) << 17) | ((op1) << 14) | ((crn) << 10) | \
	 ((crm) << 1))
/* the bits that name the register, without Rt and direction */
#define SYSREG_ISS_MASK		0x3ffc1e
#define SYSREG_ISS_OP0(iss)	(((iss) >> 20) & 0x3)
#define SYSREG_ISS_OP2(iss)	(((iss) >> 17) & 0x7)
#define SYSREG_ISS_OP1(iss)	(((iss) >> 14) & 0x7)
#define SYSREG_ISS_CRN(iss)	(((iss) >> 10) & 0xf)
#define SYSREG_ISS_RT(iss)	(((iss) >> 5) & 0x1f)
#define SYSREG_ISS_CRM(iss)	(((iss) >> 1) & 0xf)
#define SYSREG_ISS_READ		0x1

/* "S3_1_C15_C2_1" plus NUL is the longest generic name */
#define SYSREG_NAME_SIZE	16

/*
 * The register an ISS names, as the ARM ARM spells it where the
 * hypervisor knows it (ACTLR_EL1, DC CISW, ...), else in the generic
 * form S<op0>_<op1>_C<CRn>_C<CRm>_<op2> that assemblers accept.  Returns
 * either a constant string or buf.
 */
const char *sysreg_name(u32 iss, char buf[SYSREG_NAME_SIZE]);

/*
 * Whether the encoding lies in the space the architecture reserves for
 * IMPLEMENTATION DEFINED registers (Op0 3, CRn 11 or 15), the one
 * HCR_EL2.TIDCP traps.
 */
static inline bool sysreg_is_impdef(u32 iss)
{
	return SYSREG_ISS_OP0(iss) == 3 &&
		(SYSREG_ISS_CRN(iss) == 11 || SYSREG_ISS_CRN(iss) == 15);
}

#endif /* !_JAILHOUSE_ASM_SYSREG_NAME_H */
