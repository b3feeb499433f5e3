/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoder of A64 load/store instructions, for fault reports.  A stage-2
 * data abort whose syndrome is not valid (ESR_EL2.ISS.ISV = 0: pairs,
 * writeback, SIMD&FP, exclusives, atomics) says neither the width nor the
 * registers; the instruction itself does.  Pure code: the host tests
 * compile this file too.  Only what a report needs is decoded: direction,
 * width, the registers and which of them hold the data written.
 */
#ifndef _JAILHOUSE_ASM_INSN_LDST_H
#define _JAILHOUSE_ASM_INSN_LDST_H

#include <jailhouse/types.h>

/* enough for "ldapursb x30" or "ldaxp x30, x30" */
#define LDST_TEXT_MAX		24

struct ldst_insn {
	/* "stp", "ldrsb", "ldxr", "ldadd", "st1", "dc zva", ... */
	char mnemonic[12];
	/* memory is read / written; both for atomics, neither for DC ops */
	bool load;
	bool store;
	/* SIMD&FP registers (b/h/s/d/q, or vN for structures) */
	bool fp;
	/* general purpose registers are x (64-bit), else w */
	bool wide;
	/* SIMD multiple structures: registers reg[0] to reg[1] */
	bool structures;
	/* a DC instruction: reg[0] holds the address, not data */
	bool cache_op;
	/* DC ZVA: writes one DCZID_EL0-sized block, size is 0 */
	bool zero_block;
	/* bytes each register transfers (the memory access is size * num) */
	unsigned int size;
	/* registers transferred: 1, 2 for pairs, up to 4 for structures */
	unsigned int num_regs;
	/* the registers named in the instruction's text, in order */
	unsigned int reg[2];
	/* registers whose values the store writes (or combines, atomics) */
	unsigned int num_data;
	unsigned int data_reg[2];
};

/* Fills ldst and returns true if insn is a load, store or DC by VA. */
bool ldst_decode(u32 insn, struct ldst_insn *ldst);

/*
 * "stp x1, x2", "ldr q0", "st1 {v2-v5}", "dc zva, x3" into buf (always
 * NUL-terminated); returns buf.
 */
const char *ldst_text(const struct ldst_insn *ldst, char *buf,
		      unsigned int size);

/* Register n as the instruction names it: "x3", "wzr", "q0". */
const char *ldst_reg_name(const struct ldst_insn *ldst, unsigned int n,
			  char *buf, unsigned int size);

#endif /* !_JAILHOUSE_ASM_INSN_LDST_H */
