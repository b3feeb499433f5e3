// SPDX-License-Identifier: GPL-2.0
/*
 * System register traps that keep one owner of a CPU from changing what
 * the next one finds (traps.c handles the SGI register and the rest).
 *
 * Set/way cache maintenance (HCR_EL2.TSW, every guest).  DC ISW, CSW,
 * CISW and their MTE tag variants name a cache line by level, set and
 * way, whatever address and owner its data belongs to: on a shared cache
 * an invalidate would throw away other owners' (and the hypervisor's)
 * dirty lines.  Each one is executed here as the clean and invalidate of
 * the same line, and the guest goes on.  Linux 6.1 on arm64 cleans and
 * invalidates by address only and never by set/way, so the root does not
 * pay for this; bare-metal code and boot loaders use it for whole-cache
 * flushes, which keep working (slower).
 *
 * ACTLR_EL1 (HCR_EL2.TACR, non-root cells).  It configures the core for
 * whoever runs on it next.  A read returns the value the firmware left,
 * which every owner change restores (cpu_state.c); a write stops the
 * cell.  Linux does not touch ACTLR_EL1 (only KVM emulates it for its
 * guests).
 *
 * SPE, TRBE, the trace filter and the AMU (MDCR_EL2, CPTR_EL2.TAM,
 * non-root cells): read as zero, writes ignored (owner_traps.c).
 *
 * IMPLEMENTATION DEFINED registers (HCR_EL2.TIDCP, non-root cells): Op0
 * 3, CRn 11 or 15, e.g. the CPUACTLR/CPUECTLR/L2CTLR family of Cortex-A
 * cores.  Any access stops the cell with the register's name.  Linux
 * uses such registers only on cores that need them for their PMU (Apple),
 * not on the cores this hypervisor supports.
 */
#include <jailhouse/cell.h>
#include <jailhouse/cell_printk.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/owner_traps.h>
#include <asm/sysreg_name.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

#define SYSREG_ACTLR_EL1	SYSREG_ISS(3, 0, 1, 0, 1)

/* set/way operations: Op0 1, Op1 0, CRn 7, CRm 6/10/14, Op2 2/4/6 */
static bool is_set_way_op(u32 iss)
{
	unsigned int crm = SYSREG_ISS_CRM(iss), op2 = SYSREG_ISS_OP2(iss);

	return SYSREG_ISS_OP0(iss) == 1 && SYSREG_ISS_OP1(iss) == 0 &&
		SYSREG_ISS_CRN(iss) == 7 &&
		(crm == 6 || crm == 10 || crm == 14) &&
		(op2 == 2 || op2 == 4 || op2 == 6);
}

/*
 * The clean and invalidate of the same kind: data (op2 2), tags (4), or
 * both (6).  The latter two exist only with MTE, and only then could a
 * guest issue the trapped form.
 */
static void clean_invalidate_set_way(unsigned int op2, u64 set_way)
{
	switch (op2) {
	case 4:
		asm volatile("sys #0, c7, c14, #4, %0" : : "r" (set_way)
			     : "memory");
		break;
	case 6:
		asm volatile("sys #0, c7, c14, #6, %0" : : "r" (set_way)
			     : "memory");
		break;
	default:
		asm volatile("dc cisw, %0" : : "r" (set_way) : "memory");
		break;
	}
}

static void report_refused(const struct trap_context *ctx, u32 iss,
			   const char *kind)
{
	struct per_cpu *cpu_data = this_cpu_data();
	char buf[SYSREG_NAME_MAX];

	cell_printk(cpu_data->cell, "ERROR: %s %s%s refused: cell \"%s\", "
		    "CPU %u, PC 0x%016llx\n",
		    iss & SYSREG_ISS_READ ? "read of" : "write to", kind,
		    sysreg_name_from_iss(iss, buf, sizeof(buf)),
		    cpu_data->cell->config->name, cpu_data->cpu_id, ctx->elr);
}

/*
 * The root is not expected to use set/way at all: say so once if it does,
 * since every such operation now costs an exit.
 */
static void note_root_set_way(u32 iss)
{
	static bool noted;
	char buf[SYSREG_NAME_MAX];

	if (this_cell() != &root_cell || noted)
		return;
	noted = true;
	printk("Note: the root cell uses set/way cache maintenance (%s on "
	       "CPU %u): each one is trapped\n", sysreg_name_from_iss(iss, buf, sizeof(buf)),
	       this_cpu_data()->cpu_id);
}

/* Whether the trap is one of this file's (those traps.c passes on). */
bool sysreg_trap_is_state_guard(u32 iss)
{
	return is_set_way_op(iss) ||
		(iss & SYSREG_ISS_MASK) == SYSREG_ACTLR_EL1 ||
		sysreg_is_impdef(iss) || owner_trap_is_unit_reg(iss);
}

enum trap_result sysreg_trap_state_guard(struct trap_context *ctx, u64 esr)
{
	u32 iss = ESR_ISS(esr);
	unsigned int rt = SYSREG_ISS_RT(iss);

	if (is_set_way_op(iss)) {
		note_root_set_way(iss);
		clean_invalidate_set_way(SYSREG_ISS_OP2(iss),
					 trap_get_reg(ctx, rt));
		/* MSR/MRS/SYS are always A64, 4 bytes */
		ctx->elr += 4;
		return TRAP_HANDLED;
	}
	if ((iss & SYSREG_ISS_MASK) == SYSREG_ACTLR_EL1) {
		if (!(iss & SYSREG_ISS_READ)) {
			report_refused(ctx, iss, "");
			return TRAP_FORBIDDEN;
		}
		trap_set_reg(ctx, rt, read_sysreg(actlr_el1));
		ctx->elr += 4;
		return TRAP_HANDLED;
	}
	if (owner_trap_is_unit_reg(iss)) {
		/* SPE, TRBE, trace filter, AMU of a non-root cell */
		if (iss & SYSREG_ISS_READ)
			trap_set_reg(ctx, rt, owner_trap_read_value(iss));
		ctx->elr += 4;
		return TRAP_HANDLED;
	}
	report_refused(ctx, iss, "IMPLEMENTATION DEFINED register ");
	return TRAP_FORBIDDEN;
}
