// SPDX-License-Identifier: GPL-2.0
/*
 * One-line reports of the traps the hypervisor does not handle (see
 * asm/traps.h for the calls, <jailhouse/fault_report.h> for the line).
 *
 *   cell "NAME" CPU N: <what> at PC 0x.. IPA 0x.. (<target>), <access>
 *
 * The target is the GIC distributor or a CPU's redistributor frame when
 * the address is one, else what the core says about the address.  The
 * access comes from the syndrome when it is valid (ISV=1).  When it is
 * not (pairs, writeback, SIMD&FP, exclusives, atomics), the syndrome's
 * width and register fields mean nothing, so the instruction is read
 * instead: ELR_EL2 is a virtual address of the guest, translated with
 * AT S12E1R/S12E0R through both of its stages (PAR_EL1 is the guest's
 * and is put back), and read through the hypervisor's temporary window
 * only if it is RAM of the cell.  Values of SIMD&FP registers are not
 * shown: the hypervisor does not touch that register file.
 *
 * Policy, said on the same line for the root cell: the access is
 * reflected into Linux as an external abort (any other trap as an
 * undefined instruction).  A non-root cell's CPU is parked next, and
 * cpu_park() says so.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/fault_report.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <asm/gic_internal.h>
#include <asm/insn_ldst.h>
#include <asm/sysreg_name.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

#define PAR_F			(1UL << 0)
#define PAR_PA_MASK		0x0000fffffffff000UL
#define DCZID_BS_MASK		0xf

const char *ec_name(unsigned int ec)
{
	switch (ec) {
	case EC_UNKNOWN: return "unknown reason";
	case EC_WFX: return "WFI/WFE";
	case EC_HVC32: return "HVC (AArch32)";
	case EC_SMC32: return "SMC (AArch32)";
	case EC_HVC64: return "HVC";
	case EC_SMC64: return "SMC";
	case EC_SYS64: return "MSR/MRS";
	case EC_IABT_LOW: return "instruction abort";
	case EC_IABT_CUR: return "instruction abort at EL2";
	case EC_DABT_LOW: return "data abort";
	case EC_DABT_CUR: return "data abort at EL2";
	default: return "other";
	}
}

static void line_start(struct fault_line *line, const char *what,
		       const struct trap_context *ctx)
{
	struct per_cpu *cpu_data = this_cpu_data();

	fault_line_init(line);
	fault_line_add(line, "cell \"%s\" CPU %u: %s at PC 0x%llx",
		       cpu_data->cell ? cpu_data->cell->config->name :
		       "(none)", cpu_data->cpu_id, what, ctx->elr);
}

/* What arch_handle_trap() does after the report, for the root cell. */
static void line_finish(struct fault_line *line, u64 esr)
{
	unsigned int ec = ESR_EC(esr);

	if (this_cell() == &root_cell)
		fault_line_add(line, "; reflected as %s",
			       ec == EC_DABT_LOW || ec == EC_IABT_LOW ?
			       "an external abort" :
			       "an undefined instruction");
	fault_line_print(line);
}

void report_trap(const char *what, const struct trap_context *ctx, u64 esr)
{
	struct fault_line line;

	line_start(&line, what, ctx);
	fault_line_add(&line, ": EC 0x%02llx (%s), ISS 0x%07llx", ESR_EC(esr),
		       ec_name(ESR_EC(esr)), ESR_ISS(esr));
	line_finish(&line, esr);
}

void report_unexpected(const char *what, const struct trap_context *ctx,
		       u64 esr)
{
	struct fault_line line;

	line_start(&line, what, ctx);
	fault_line_add(&line, ": EC 0x%02llx (%s), ISS 0x%07llx; CPU stopped",
		       ESR_EC(esr), ec_name(ESR_EC(esr)), ESR_ISS(esr));
	fault_line_print(&line);
}

/* The GIC's registers are at the same address for every cell. */
static bool add_gic_target(struct fault_line *line, unsigned long ipa)
{
	const struct jailhouse_system *sys = system_config;
	unsigned long gicd = sys->platform_info.arm.gicd_base;
	unsigned int n;

	if (ipa >= gicd && ipa - gicd < GICD_SIZE) {
		fault_line_add(line, "(GICD +0x%lx)", ipa - gicd);
		return true;
	}
	for (n = 0; n < gic_num_rdists; n++) {
		if (ipa < gic_rdists[n].phys ||
		    ipa - gic_rdists[n].phys >= gic_rdist_stride)
			continue;
		if (gic_rdists[n].cpu >= 0)
			fault_line_add(line, "(GICR of CPU %d +0x%lx)",
				       gic_rdists[n].cpu,
				       ipa - gic_rdists[n].phys);
		else
			fault_line_add(line, "(GICR %u, no CPU, +0x%lx)", n,
				       ipa - gic_rdists[n].phys);
		return true;
	}
	return false;
}

static void add_target(struct fault_line *line, unsigned long ipa)
{
	fault_line_add(line, " IPA 0x%lx ", ipa);
	if (!add_gic_target(line, ipa))
		fault_line_add_target(line, this_cell(), ipa);
}

/*
 * The A64 instruction at the guest's PC, or why it cannot be read.  The
 * translation is the guest's own, with its current stage 1 and stage 2,
 * and the result must be RAM of the cell: nothing else is read.
 */
static const char *guest_insn(const struct trap_context *ctx, u32 *insn)
{
	unsigned long phys;
	u64 saved_par, par;
	u8 *window;

	if (ctx->spsr & PSR_AARCH32)
		return "AArch32 code";
	saved_par = read_sysreg(par_el1);
	if ((ctx->spsr & PSR_MODE_MASK) == PSR_MODE_EL0T)
		asm volatile("at s12e0r, %0" : : "r" (ctx->elr));
	else
		asm volatile("at s12e1r, %0" : : "r" (ctx->elr));
	isb();
	par = read_sysreg(par_el1);
	write_sysreg(par_el1, saved_par);
	if (par & PAR_F)
		return "the PC does not translate";
	phys = (par & PAR_PA_MASK) | (ctx->elr & ~PAGE_MASK);
	if (!fault_phys_is_cell_ram(this_cell(), phys))
		return "the PC is not in the cell's RAM";
	window = paging_map_temp(phys, 1);
	if (!window)
		return "no window to read it";
	*insn = *(volatile u32 *)(window + (phys & ~PAGE_MASK));
	paging_unmap_temp();
	return NULL;
}

static void add_value(struct fault_line *line, const struct trap_context *ctx,
		      unsigned int reg, unsigned int size)
{
	u64 value = trap_get_reg(ctx, reg);

	if (size < 8)
		value &= (1UL << (8 * size)) - 1;
	fault_line_add(line, "0x%llx", value);
}

/* From the instruction: "8+8 byte write of 0x1, 0x2 (stp x1, x2)" */
static void add_decoded_access(struct fault_line *line,
			       const struct trap_context *ctx, u64 esr)
{
	bool write = ESR_ISS(esr) & DABT_WNR;
	char text[LDST_TEXT_MAX];
	struct ldst_insn ldst;
	const char *why;
	unsigned int n;
	u32 insn;

	why = guest_insn(ctx, &insn);
	if (why) {
		fault_line_add(line, "%s of unknown width (no syndrome, and "
			       "the instruction cannot be read: %s)",
			       write ? "write" : "read", why);
		return;
	}
	if (!ldst_decode(insn, &ldst)) {
		fault_line_add(line, "%s by instruction 0x%08x (no syndrome, "
			       "not a decodable load/store)",
			       write ? "write" : "read", insn);
		return;
	}
	ldst_text(&ldst, text, sizeof(text));
	if (ldst.zero_block) {
		fault_line_add(line, "%u byte write of zeroes (%s)",
			       4U << (read_sysreg(dczid_el0) & DCZID_BS_MASK),
			       text);
		return;
	}
	if (ldst.cache_op) {
		fault_line_add(line, "cache maintenance (%s)", text);
		return;
	}

	if (ldst.num_regs == 2 && !ldst.structures)
		fault_line_add(line, "%u+%u byte", ldst.size, ldst.size);
	else if (ldst.num_regs > 1)
		fault_line_add(line, "%ux%u byte", ldst.num_regs, ldst.size);
	else
		fault_line_add(line, "%u byte", ldst.size);
	fault_line_add(line, " %s", ldst.load && ldst.store ? "read+write" :
		       ldst.store ? "write" : "read");
	if (ldst.num_data && !ldst.fp) {
		fault_line_add(line, " of ");
		for (n = 0; n < ldst.num_data; n++) {
			if (n)
				fault_line_add(line, ", ");
			add_value(line, ctx, ldst.data_reg[n], ldst.size);
		}
	}
	fault_line_add(line, " (%s)", text);
}

void report_data_abort(const char *what, const struct trap_context *ctx,
		       u64 esr, unsigned long ipa,
		       const struct mmio_access *mmio)
{
	u64 iss = ESR_ISS(esr);
	struct fault_line line;

	line_start(&line, what, ctx);
	add_target(&line, ipa);
	fault_line_add(&line, ", ");
	if (iss & DABT_S1PTW)
		fault_line_add(&line, "read of a stage-1 translation table");
	else if (mmio && mmio->is_write)
		fault_line_add(&line, "%u byte write of 0x%lx", mmio->size,
			       mmio->value);
	else if (mmio)
		fault_line_add(&line, "%u byte read", mmio->size);
	else
		add_decoded_access(&line, ctx, esr);
	line_finish(&line, esr);
}

void report_insn_abort(const struct trap_context *ctx, u64 esr,
		       unsigned long ipa)
{
	struct fault_line line;

	line_start(&line, "instruction fetch outside the cell's executable "
		   "memory", ctx);
	add_target(&line, ipa);
	line_finish(&line, esr);
}

static void add_xreg(struct fault_line *line, unsigned int rt)
{
	if (rt < 31)
		fault_line_add(line, "x%u", rt);
	else
		fault_line_add(line, "xzr");
}

/* ": MRS x3, ACTLR_EL1", ": MSR ACTLR_EL1, x3 (0x..)", ": DC ISW, x3" */
void report_sysreg(const char *what, const struct trap_context *ctx,
		   u64 esr)
{
	u32 iss = ESR_ISS(esr);
	unsigned int rt = sysreg_iss_rt(iss);
	char buf[SYSREG_NAME_MAX];
	struct fault_line line;
	const char *name;

	name = sysreg_name_from_iss(iss, buf, sizeof(buf));
	line_start(&line, what, ctx);
	if (((iss >> 20) & 3) == 1) {
		/* a SYS instruction: the register holds an operand */
		fault_line_add(&line, ": %s, ", name);
		add_xreg(&line, rt);
	} else if (sysreg_iss_is_read(iss)) {
		fault_line_add(&line, ": MRS ");
		add_xreg(&line, rt);
		fault_line_add(&line, ", %s", name);
	} else {
		fault_line_add(&line, ": MSR %s, ", name);
		add_xreg(&line, rt);
		fault_line_add(&line, " (0x%llx)", trap_get_reg(ctx, rt));
	}
	line_finish(&line, esr);
}
