/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a trap from a cell looks like to the C handlers.  entry.S saves the
 * guest's general purpose registers in a struct trap_context on the
 * per-CPU stack; handlers read and change them there, and the exit path
 * restores them (and ELR_EL2/SPSR_EL2 from the same frame) before eret.
 */
#ifndef _JAILHOUSE_ASM_TRAPS_H
#define _JAILHOUSE_ASM_TRAPS_H

/* byte offsets for entry.S */
#define TRAP_CTX_REGS		0
#define TRAP_CTX_ELR		(31 * 8)
#define TRAP_CTX_SPSR		(32 * 8)
#define TRAP_CTX_SIZE		(34 * 8)

/* what Linux's hyp stub answers to a call it does not know */
#define HVC_STUB_ERR		0xbadca11

#ifndef __ASSEMBLY__
#include <jailhouse/types.h>

struct trap_context {
	/* x0..x30 of the guest */
	u64 regs[31];
	/* where the guest resumes and its PSTATE */
	u64 elr;
	u64 spsr;
	u64 padding;	/* keeps the frame 16-byte aligned */
};

enum trap_result {
	TRAP_HANDLED,
	/* the hypervisor does not know this trap: report, apply the policy */
	TRAP_UNHANDLED,
	/* known but not allowed for the cell: report, apply the policy */
	TRAP_FORBIDDEN,
};

/* Restore the guest from frame (top of the per-CPU stack) and eret. */
void __attribute__((noreturn)) return_to_guest(struct trap_context *frame);

/* The frame of the trap being handled on this CPU (NULL outside traps). */
struct trap_context *this_trap_context(void);

/*
 * Register n of the guest as an instruction's Rt field names it: 31 reads
 * as zero and writes are discarded (xzr).
 */
static inline u64 trap_get_reg(const struct trap_context *ctx, unsigned int n)
{
	return n < 31 ? ctx->regs[n] : 0;
}

static inline void trap_set_reg(struct trap_context *ctx, unsigned int n,
				u64 val)
{
	if (n < 31)
		ctx->regs[n] = val;
}

#endif /* !__ASSEMBLY__ */
#endif /* !_JAILHOUSE_ASM_TRAPS_H */
