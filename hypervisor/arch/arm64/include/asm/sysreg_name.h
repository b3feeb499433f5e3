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

#endif /* !_JAILHOUSE_ASM_SYSREG_NAME_H */
