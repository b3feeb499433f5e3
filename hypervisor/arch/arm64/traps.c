// SPDX-License-Identifier: GPL-2.0
/*
 * Traps from the cells (lower EL, AArch64) and their policy.
 *
 * Handled: hvc #0x4a48 (hypercalls), other hvc immediates (answered like
 * Linux's hyp stub answers an unknown call: HVC_STUB_ERR), smc (PSCI and
 * SMCCC, psci.c), writes of ICC_SGI1R_EL1 (the interrupt controller
 * delivers the SGI), set/way cache maintenance, ACTLR_EL1 and
 * IMPLEMENTATION DEFINED registers (sysreg_trap.c), stage-2 data aborts
 * with a valid syndrome (MMIO emulation).
 *
 * Anything else, and any access the emulation refuses, is reported in one
 * line (fault_report.c): cell, CPU, PC, what was trapped and, for data
 * aborts, the address, what is there, width, direction and the value
 * written.  Policy:
 *  - root cell: the exception is reflected into the cell, so that Linux
 *    deals with it like with a fault of the hardware: a refused or
 *    unhandled data access becomes a synchronous external abort at the
 *    faulting address (SIGBUS for a process, an oops for the kernel), any
 *    other trap an undefined instruction.  Parking a CPU of the root would
 *    sooner or later stall all of Linux (IPIs, RCU) behind that CPU.
 *  - other cells: the CPU is stopped in the
 *    hypervisor (panic_park(): WFI, answers management requests, reported
 *    as FAILED by JAILHOUSE_CPU_INFO_STATE, the cell FAILED once none of
 *    its CPUs runs); the machine, the root and the other cells go on, and
 *    cell start or destroy recovers the CPU.
 * Exceptions taken at EL2 itself: hyp_fault.c.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/mmio.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

/* ISS of a trapped MSR/MRS: Op0, Op2, Op1, CRn, CRm; Rt and direction */
#define SYSREG_ISS_MASK		0x3ffc1e
#define SYSREG_ISS(op0, op1, crn, crm, op2) \
	(((op0) << 20) | ((op2) << 17) | ((op1) << 14) | ((crn) << 10) | \
	 ((crm) << 1))
#define ISS_ICC_SGI1R_EL1	SYSREG_ISS(3, 0, 12, 11, 5)

enum trap_result handle_smc(struct trap_context *ctx);
/* set/way, ACTLR_EL1 and IMPLEMENTATION DEFINED registers (sysreg_trap.c) */
bool sysreg_trap_is_state_guard(u32 iss);
enum trap_result sysreg_trap_state_guard(struct trap_context *ctx, u64 esr);

struct trap_context *this_trap_context(void)
{
	return this_cpu_data()->trap_ctx;
}

/* HPFAR_EL2 has the faulting IPA's page, FAR_EL2 the offset within it */
static u64 fault_ipa(void)
{
	return ((read_sysreg(hpfar_el2) >> 4) << 12) |
		(read_sysreg(far_el2) & 0xfff);
}

static enum trap_result handle_dabt(struct trap_context *ctx, u64 esr)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u64 iss = ESR_ISS(esr);
	unsigned int srt = (iss >> DABT_SRT_SHIFT) & 0x1f;
	struct mmio_access mmio;
	enum mmio_result res;

	mmio.address = fault_ipa();
	mmio.size = 1U << ((iss >> DABT_SAS_SHIFT) & 3);
	mmio.is_write = iss & DABT_WNR;
	mmio.value = 0;

	if (!(iss & DABT_ISV) || (iss & DABT_S1PTW)) {
		/* RAM under a block being split (L6): try again */
		if (arch_stage2_fault_retry(esr, mmio.address))
			return TRAP_HANDLED;
		report_data_abort(iss & DABT_S1PTW ?
				  "stage-1 table walk outside the cell" :
				  "data abort", ctx, esr, mmio.address, NULL);
		return TRAP_FORBIDDEN;
	}
	if (mmio.is_write) {
		mmio.value = trap_get_reg(ctx, srt);
		if (mmio.size < 8)
			mmio.value &= (1UL << (8 * mmio.size)) - 1;
	}

	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_MMIO]++;
	res = mmio_handle_access(&mmio);
	if (res == MMIO_UNHANDLED &&
	    arch_stage2_fault_retry(esr, mmio.address))
		return TRAP_HANDLED;
	switch (res) {
	case MMIO_HANDLED:
		break;
	case MMIO_ERROR:
		report_data_abort("forbidden access", ctx, esr, mmio.address,
				  &mmio);
		return TRAP_FORBIDDEN;
	case MMIO_DEVICE_ERROR:
		report_data_abort("external abort from the device", ctx, esr,
				  mmio.address, &mmio);
		return TRAP_FORBIDDEN;
	default:
		report_data_abort("data abort", ctx, esr, mmio.address, &mmio);
		return TRAP_UNHANDLED;
	}

	if (!mmio.is_write) {
		u64 val = mmio.value;

		if ((iss & DABT_SSE) && mmio.size < 8) {
			unsigned int shift = 64 - 8 * mmio.size;

			val = (u64)((s64)(val << shift) >> shift);
		}
		if (!(iss & DABT_SF))
			val &= 0xffffffffUL;
		trap_set_reg(ctx, srt, val);
	}
	/* a T32 load or store of AArch32 EL0 may be 16 bits long */
	ctx->elr += (esr & ESR_IL) ? 4 : 2;
	return TRAP_HANDLED;
}

static enum trap_result handle_sysreg(struct trap_context *ctx, u64 esr)
{
	u64 iss = ESR_ISS(esr);
	unsigned int rt = (iss >> 5) & 0x1f;
	bool is_read = iss & 1;

	if ((iss & SYSREG_ISS_MASK) == ISS_ICC_SGI1R_EL1 && !is_read) {
		this_cpu_data()->stats[JAILHOUSE_CPU_STAT_VMEXITS_VSGI]++;
		if (!irqchip_handle_sgi1r_write(trap_get_reg(ctx, rt))) {
			report_sysreg("SGI to a CPU outside the cell refused",
				      ctx, esr);
			return TRAP_FORBIDDEN;
		}
		ctx->elr += 4;
		return TRAP_HANDLED;
	}
	if (sysreg_trap_is_state_guard(iss))
		return sysreg_trap_state_guard(ctx, esr);
	report_sysreg(is_read ? "unhandled system register read" :
		      "unhandled system register write", ctx, esr);
	return TRAP_UNHANDLED;
}

static enum trap_result handle_hvc(struct trap_context *ctx, u64 esr)
{
	struct per_cpu *cpu_data = this_cpu_data();

	if ((esr & 0xffff) != JAILHOUSE_HVC_CODE) {
		/* e.g. the kernel's own hyp-stub calls: the stub is gone */
		ctx->regs[0] = HVC_STUB_ERR;
		return TRAP_HANDLED;
	}
	ctx->regs[0] = hypercall(cpu_data, ctx->regs[0], ctx->regs[1],
				 ctx->regs[2]);
	return TRAP_HANDLED;
}

#define ESR_EC_SHIFT_EL1	26
#define FSC_SYNC_EXT_ABORT	0x10
#define VECTOR_CURRENT_SP0	0x000
#define VECTOR_CURRENT_SPX	0x200
#define VECTOR_LOWER_A64	0x400
#define VECTOR_LOWER_A32	0x600
#define PSR_MODE_AARCH32	0x10

/*
 * Make the guest take a synchronous exception at EL1 as if the hardware
 * had raised it: ESR/FAR/ELR/SPSR_EL1 set, PC at the right vector, EL1h
 * with DAIF masked.  far: FAR_EL2 of the exit (for aborts).
 */
void inject_sync_exception(struct trap_context *ctx, u64 esr_el2, u64 far)
{
	unsigned int ec = ESR_EC(esr_el2);
	unsigned int mode = ctx->spsr & PSR_MODE_MASK;
	bool aarch32 = ctx->spsr & PSR_MODE_AARCH32;
	/* EL1 is always AArch64 (HCR_EL2.RW): AArch32 can only be EL0 */
	bool from_el0 = aarch32 || mode == PSR_MODE_EL0T;
	u64 esr, offset;

	if (ec == EC_DABT_LOW || ec == EC_IABT_LOW) {
		/* the same class one level down, as an external abort */
		if (!from_el0)
			ec++;
		esr = ((u64)ec << ESR_EC_SHIFT_EL1) | ESR_IL |
			FSC_SYNC_EXT_ABORT;
		if (ESR_EC(esr_el2) == EC_DABT_LOW)
			esr |= ESR_ISS(esr_el2) & DABT_WNR;
		write_sysreg(far_el1, far);
	} else {
		esr = ((u64)EC_UNKNOWN << ESR_EC_SHIFT_EL1) | ESR_IL;
	}

	if (aarch32)
		offset = VECTOR_LOWER_A32;
	else if (from_el0)
		offset = VECTOR_LOWER_A64;
	else if (mode == PSR_MODE_EL1T)
		offset = VECTOR_CURRENT_SP0;
	else
		offset = VECTOR_CURRENT_SPX;

	write_sysreg(esr_el1, esr);
	write_sysreg(elr_el1, ctx->elr);
	write_sysreg(spsr_el1, ctx->spsr);
	ctx->elr = read_sysreg(vbar_el1) + offset;
	ctx->spsr = PSR_DAIF_MASK | PSR_MODE_EL1H;
}

/* hvc #0x4a48 except DISABLE, from entry.S without a full frame */
long arch_hypercall_fast(unsigned long code, unsigned long arg1,
			 unsigned long arg2)
{
	struct per_cpu *cpu_data = this_cpu_data();

	/* entry.S checks the park request on the way back */
	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	return hypercall(cpu_data, code, arg1, arg2);
}

void arch_handle_trap(struct trap_context *ctx)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u64 esr = read_sysreg(esr_el2);
	enum trap_result res;

	cpu_data->trap_ctx = ctx;
	cpu_data->exit_far = read_sysreg(far_el2);
	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;

	switch (ESR_EC(esr)) {
	case EC_HVC64:
		res = handle_hvc(ctx, esr);
		break;
	case EC_SMC64:
		res = handle_smc(ctx);
		break;
	case EC_SYS64:
		res = handle_sysreg(ctx, esr);
		break;
	case EC_DABT_LOW:
		res = handle_dabt(ctx, esr);
		break;
	case EC_IABT_LOW:
		if (arch_stage2_fault_retry(esr, fault_ipa()))
			return;
		report_insn_abort(ctx, esr, fault_ipa());
		res = TRAP_FORBIDDEN;
		break;
	default:
		report_trap("unhandled trap", ctx, esr);
		res = TRAP_UNHANDLED;
	}

	if (res == TRAP_HANDLED) {
		cpu_exit_check_requests(cpu_data);
		return;
	}
	/* the report said so */
	if (cpu_data->cell == &root_cell) {
		inject_sync_exception(ctx, esr, cpu_data->exit_far);
		cpu_exit_check_requests(cpu_data);
		return;
	}
	panic_park();
}

void arch_handle_unexpected(struct trap_context *ctx)
{
	struct per_cpu *cpu_data = this_cpu_data();

	cpu_data->trap_ctx = ctx;
	cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	report_unexpected("unexpected exception (SError, FIQ or AArch32)",
			  ctx, read_sysreg(esr_el2));
	panic_park();
}
