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
#define TRAP_CTX_ESR		(33 * 8)
#define TRAP_CTX_SIZE		(34 * 8)

/* trap_context.esr of an interrupt exit: no ESR_EL2 value looks like it */
#define TRAP_CTX_ESR_IRQ	(~0UL)

/* what Linux's hyp stub answers to a call it does not know */
#define HVC_STUB_ERR		0xbadca11

/* ISS of a data abort (EC 0x24) */
#define DABT_ISV		(1UL << 24)
#define DABT_SAS_SHIFT		22
#define DABT_SSE		(1UL << 21)
#define DABT_SRT_SHIFT		16
#define DABT_SF			(1UL << 15)
#define DABT_CM			(1UL << 8)
#define DABT_S1PTW		(1UL << 7)
#define DABT_WNR		(1UL << 6)

/* SPSR_EL2: the mode the guest was in */
#define PSR_MODE_MASK		0xf
#define PSR_MODE_EL0T		0x0
#define PSR_MODE_EL1T		0x4
#define PSR_AARCH32		0x10

#ifndef __ASSEMBLY__
#include <jailhouse/types.h>

struct trap_context {
	/* x0..x30 of the guest */
	u64 regs[31];
	/* where the guest resumes and its PSTATE */
	u64 elr;
	u64 spsr;
	/*
	 * ESR_EL2 of the exit (TRAP_CTX_ESR_IRQ for an interrupt): what the
	 * CPU was doing, should the hypervisor fault while handling it
	 */
	u64 esr;
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
 * A stage-2 translation fault on an address the cell has mapped by now (a
 * block of it was being split): return to the instruction (setup.c).
 */
bool arch_stage2_fault_retry(u64 esr, u64 ipa);

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

struct mmio_access;

/*
 * Make the guest take the exception an exit with ESR_EL2 esr_el2 stands
 * for, as the hardware would: an abort as an external abort at far, any
 * other trap as an undefined instruction (the root's policy).
 */
void inject_sync_exception(struct trap_context *ctx, u64 esr_el2, u64 far);

/* "data abort", "MSR/MRS", ... for an ESR_EL2 exception class */
const char *ec_name(unsigned int ec);

/*
 * Fault reports (fault_report.c): one line each, "cell "NAME" CPU N:
 * <what> at PC 0x..", then what is known about the access, then what the
 * policy does about it for the root cell (reflected into Linux); a
 * non-root cell's CPU is parked after the report, which says so itself.
 */
void report_trap(const char *what, const struct trap_context *ctx, u64 esr);
/*
 * A data abort at ipa.  mmio: the access decoded from a valid syndrome,
 * or NULL if ESR_EL2.ISV is 0 (the instruction is decoded instead).
 */
void report_data_abort(const char *what, const struct trap_context *ctx,
		       u64 esr, unsigned long ipa,
		       const struct mmio_access *mmio);
void report_insn_abort(const struct trap_context *ctx, u64 esr,
		       unsigned long ipa);
/* An MSR/MRS/SYS trap (EC 0x18), the register by name. */
void report_sysreg(const char *what, const struct trap_context *ctx,
		   u64 esr);
/* An exception the CPU is stopped for whatever the cell. */
void report_unexpected(const char *what, const struct trap_context *ctx,
		       u64 esr);

#endif /* !__ASSEMBLY__ */
#endif /* !_JAILHOUSE_ASM_TRAPS_H */
