// SPDX-License-Identifier: GPL-2.0
/*
 * Emulation of the GICv3 distributor and redistributors for the cells.
 * Neither is mapped into a cell's stage 2; every access lands here.
 *
 * Policy:
 * - Per-IRQ registers (group, enable, pending, active, config, priority,
 *   group modifier, NSACR) pass through with the bits of IRQs the cell does
 *   not own reading as 0 and not written.  Field registers are updated by
 *   read-modify-write under gic_dist_lock.
 * - GICD_IROUTER: writes must route to exactly one CPU of the cell;
 *   1-of-N routing (IRM) and foreign CPUs are refused with a message and
 *   the write is ignored (Linux never asks for either).  A 32-bit half
 *   is checked with the other half under gic_dist_lock.
 * - GICD_CTLR: the root cell may write it, but affinity routing stays as
 *   it is (the whole hypervisor depends on ARE); other cells cannot.
 *   TYPER, IIDR, TYPER2 and the ID registers read through; GICD_SETSPI /
 *   CLRSPI act only on the cell's SPIs; everything else is RAZ/WI.
 * - Redistributors: the cell sees the frames from the first one up to the
 *   last one of its CPUs (the root: all), GICR_TYPER.Last set on the last
 *   of those.  A CPU writes only its own frame; SGI_INJECT, SGI_EVENT and
 *   the maintenance PPI are masked there like foreign IRQs.  The frames
 *   of CPUs outside the cell show only their TYPER and ID registers (so
 *   that the guest can walk them) and read 0 otherwise.  A non-root cell
 *   cannot put its redistributor to sleep (GICR_WAKER): the hypervisor's
 *   own SGIs must keep reaching its CPUs.
 * - LPIs are the root cell's alone (<asm/gic_lpi.h>): it programs its
 *   redistributors' LPI registers as it likes, and the LPI commands
 *   (SETLPIR, INVLPIR ...) of any of its frames.  For every other cell
 *   GICD_TYPER and GICR_TYPER show no LPIs, GICR_CTLR.EnableLPIs reads 0,
 *   and the LPI registers read as zero and ignore writes: they hold
 *   physical addresses that the GIC accesses without stage 2.
 * - Widths: as the GICv3 architecture allows them (IPRIORITYR and
 *   ITARGETSR bytes or words, IROUTER and 64-bit GICR registers double
 *   words or words, everything else words, gic_rd_classify()); other
 *   widths or misaligned accesses are violations (MMIO_ERROR) and never
 *   reach the GIC.
 *
 * Which cell owns each SPI, and the root's setup of those it lends, is
 * in gic-spi-handover.c.
 */
#include <jailhouse/cell.h>
#include <jailhouse/cell_printk.h>
#include <jailhouse/control.h>
#include <jailhouse/mmio.h>
#include <jailhouse/percpu.h>
#include <asm/gic_filter.h>
#include <asm/gic_internal.h>
#include <asm/gic_lpi.h>

/* the distributor's read-modify-writes and the SPIs changing owner */
spinlock_t gic_dist_lock = SPINLOCK_INIT;

static enum mmio_result raz_wi(struct mmio_access *mmio)
{
	if (!mmio->is_write)
		mmio->value = 0;
	return MMIO_HANDLED;
}

static enum mmio_result read_only(void *reg, struct mmio_access *mmio)
{
	if (!mmio->is_write)
		mmio->value = gic_mmio_read(reg, mmio->size);
	return MMIO_HANDLED;
}

/*
 * A write of one 32-bit half is checked together with the other half as
 * the GIC holds it, and that half must not change in between: every
 * IROUTER write, by a guest or the hypervisor, happens under gic_dist_lock.
 */
static enum mmio_result irouter_access(struct cell *cell, void *reg,
				       unsigned int irq,
				       struct mmio_access *mmio)
{
	unsigned long offset = mmio->address & 7;
	void *reg64 = reg - offset;
	bool one_of_n, foreign;
	u64 route;

	if (!mmio->is_write)
		return read_only(reg, mmio);

	spin_lock(&gic_dist_lock);
	if (mmio->size == 8)
		route = mmio->value;
	else if (offset == 0)
		route = (gic_mmio_read(reg64 + 4, 4) << 32) |
			(u32)mmio->value;
	else
		route = (mmio->value << 32) | gic_mmio_read(reg64, 4);

	one_of_n = route & GICD_IROUTER_IRM;
	foreign = !one_of_n &&
		gic_irouter_cpu(route, gic_cpu_mpidr, cell->cpu_set) < 0;
	if (!one_of_n && !foreign)
		gic_mmio_write(reg, mmio->size, mmio->value);
	spin_unlock(&gic_dist_lock);

	if (one_of_n)
		cell_printk(cell, "WARNING: cell \"%s\": 1-of-N routing of "
			    "IRQ%u is not supported, write ignored\n",
			    cell->config->name, irq);
	else if (foreign)
		cell_printk(cell, "Attempt to route IRQ%u outside of cell "
			    "\"%s\" (IROUTER 0x%llx), write ignored\n", irq,
			    cell->config->name, route);
	return MMIO_HANDLED;
}

/* IRQs of a redistributor frame the cell may only look at */
static const u32 no_irqs[GIC_BITMAP_WORDS];

/*
 * base: the hardware frame the offsets of f refer to (GICD or SGI_base);
 * bitmap: the IRQs of the cell there
 */
static enum mmio_result irq_reg_access(struct cell *cell, const u32 *bitmap,
				       void *base,
				       unsigned long offset,
				       const struct gic_reg_filter *f,
				       struct mmio_access *mmio,
				       bool writable)
{
	unsigned int size = mmio->size;
	void *reg = base + offset;
	u64 mask, full, old;

	switch (f->kind) {
	case GIC_REG_INVALID:
		return MMIO_ERROR;
	case GIC_REG_RAZ_WI:
		return raz_wi(mmio);
	default:
		break;
	}

	mask = gic_irq_access_mask(bitmap, f, size);
	if (!mask)
		return raz_wi(mmio);
	if (!mmio->is_write) {
		mmio->value = gic_mmio_read(reg, size) & mask;
		return MMIO_HANDLED;
	}
	if (!writable)
		return MMIO_HANDLED;

	if (f->kind == GIC_REG_IROUTER)
		return irouter_access(cell, reg, f->first_irq, mmio);

	if (f->kind == GIC_REG_IRQ_SETCLR) {
		if (mmio->value & mask)
			gic_mmio_write(reg, size, mmio->value & mask);
		return MMIO_HANDLED;
	}

	full = ~0ULL >> (64 - size * 8);
	if (mask == full) {
		gic_mmio_write(reg, size, mmio->value);
		return MMIO_HANDLED;
	}
	spin_lock(&gic_dist_lock);
	old = gic_mmio_read(reg, size);
	gic_mmio_write(reg, size, (old & ~mask) | (mmio->value & mask));
	spin_unlock(&gic_dist_lock);
	return MMIO_HANDLED;
}

static enum mmio_result gicd_access(void *arg, struct mmio_access *mmio)
{
	struct cell *cell = arg;
	unsigned long offset = mmio->address;
	struct gic_reg_filter f;
	u32 ctlr, are;

	if (gic_classify_irq_reg(offset, mmio->size, MAX_IRQS, &f)) {
		/* only accesses the filter accepts reach the saved setup */
		if (cell == &root_cell && mmio->is_write &&
		    f.kind == GIC_REG_IRQ_SETCLR &&
		    offset >= GICD_ISENABLER && offset < GICD_ISPENDR)
			gic_root_spi_enable_write(offset, mmio->value);
		return irq_reg_access(cell, cell->irq_bitmap, gicd_base,
				      offset, &f, mmio, true);
	}

	if (mmio->size != 4 || (offset & 3))
		return MMIO_ERROR;

	switch (offset) {
	case GICD_CTLR:
		if (!mmio->is_write)
			return read_only(gicd_base + offset, mmio);
		if (cell != &root_cell)
			return MMIO_HANDLED;
		spin_lock(&gic_dist_lock);
		ctlr = gic_mmio_read(gicd_base + GICD_CTLR, 4);
		are = ctlr & (GICD_CTLR_ARE_NS | GICD_CTLR_ARE_S);
		ctlr = (mmio->value & ~(GICD_CTLR_ARE_NS | GICD_CTLR_ARE_S |
					GICD_CTLR_RWP)) | are;
		gic_mmio_write(gicd_base + GICD_CTLR, 4, ctlr);
		spin_unlock(&gic_dist_lock);
		return MMIO_HANDLED;
	case GICD_TYPER:
		if (!mmio->is_write)
			mmio->value = gic_dist_typer_for_cell(
				gic_mmio_read(gicd_base + GICD_TYPER, 4),
				cell == &root_cell);
		return MMIO_HANDLED;
	case GICD_IIDR:
	case GICD_TYPER2:
		return read_only(gicd_base + offset, mmio);
	case GICD_SETSPI_NSR:
	case GICD_CLRSPI_NSR:
		if (mmio->is_write &&
		    gic_irq_in_bitmap(cell->irq_bitmap, mmio->value & 0x3ff) &&
		    (mmio->value & 0x3ff) >= GIC_NUM_PRIVATE)
			gic_mmio_write(gicd_base + offset, 4, mmio->value);
		return raz_wi(mmio);
	default:
		if (offset >= GICD_ID_FIRST)
			return read_only(gicd_base + offset, mmio);
		return raz_wi(mmio);
	}
}

/* number of redistributor frames the cell sees */
static unsigned int cell_num_rdists(struct cell *cell)
{
	unsigned int cpu, n, frames = 0;
	u32 aff;
	u64 cpus;

	if (cell == &root_cell)
		return gic_num_rdists;

	for (cpu = 0, cpus = cell->cpu_set; cpus; cpu++, cpus >>= 1) {
		if (!(cpus & 1))
			continue;
		aff = gic_mpidr_to_rdist_aff(gic_cpu_mpidr[cpu]);
		for (n = 0; n < gic_num_rdists; n++)
			if ((gic_rdists[n].typer >> GICR_TYPER_AFF_SHIFT) ==
			    aff && n + 1 > frames)
				frames = n + 1;
	}
	return frames;
}

/* a register of the frame only its own CPU may write */
static enum mmio_result own_frame_rw(void *reg, bool own,
				     struct mmio_access *mmio)
{
	if (!mmio->is_write)
		mmio->value = gic_mmio_read(reg, mmio->size);
	else if (own)
		gic_mmio_write(reg, mmio->size, mmio->value);
	return MMIO_HANDLED;
}

/*
 * own: the frame of the accessing CPU; in_cell: of a CPU of the cell.
 * Only the root cell has LPIs (see <asm/gic_lpi.h>): for any other cell
 * the LPI registers read as zero and ignore writes, and GICR_CTLR and
 * GICR_TYPER show no LPI support.
 */
static enum mmio_result rd_base_access(struct cell *cell, unsigned int frame,
				       unsigned long offset, bool own,
				       bool in_cell, struct mmio_access *mmio)
{
	enum gic_rd_reg kind = gic_rd_classify(offset, mmio->size);
	void *reg = gic_rdists[frame].base + offset;
	bool root = cell == &root_cell;
	u64 typer;

	if (kind == GIC_RD_INVALID)
		return MMIO_ERROR;
	if (!in_cell && kind != GIC_RD_TYPER && kind != GIC_RD_ID)
		return raz_wi(mmio);
	if (!root && gic_rd_reg_is_lpi(kind))
		return raz_wi(mmio);

	switch (kind) {
	case GIC_RD_TYPER:
		if (mmio->is_write)
			return MMIO_HANDLED;
		typer = gic_rd_typer_for_cell(
			gic_mmio_read(gic_rdists[frame].base + GICR_TYPER, 8),
			root);
		if (frame + 1 == cell_num_rdists(cell))
			typer |= GICR_TYPER_LAST;
		else
			typer &= ~GICR_TYPER_LAST;
		mmio->value = (offset & 4) ? typer >> 32 :
			(mmio->size == 4 ? (u32)typer : typer);
		return MMIO_HANDLED;
	case GIC_RD_CTLR:
		if (root)
			return own_frame_rw(reg, own, mmio);
		/* RWP and UWP still tell when SGI/PPI writes took effect */
		if (!mmio->is_write)
			mmio->value = gic_mmio_read(reg, 4) &
				~GICR_CTLR_LPI_BITS;
		return MMIO_HANDLED;
	case GIC_RD_WAKER:
		/* the hypervisor's own SGIs must keep reaching the CPU */
		if (!root)
			return read_only(reg, mmio);
		return own_frame_rw(reg, own, mmio);
	case GIC_RD_STATUSR:
	case GIC_RD_LPI_TABLES:
		return own_frame_rw(reg, own, mmio);
	case GIC_RD_LPI_COMMAND:
		/*
		 * Write-only.  With DirectLPI, Linux invalidates an LPI at
		 * the redistributor of the CPU it targets, from any CPU.
		 */
		if (mmio->is_write)
			gic_mmio_write(reg, mmio->size, mmio->value);
		else
			mmio->value = 0;
		return MMIO_HANDLED;
	case GIC_RD_IIDR:
	case GIC_RD_SYNCR:
	case GIC_RD_ID:
		return read_only(reg, mmio);
	default:
		return raz_wi(mmio);
	}
}

static enum mmio_result gicr_access(void *arg, struct mmio_access *mmio)
{
	struct cell *cell = arg;
	unsigned int frame = mmio->address / gic_rdist_stride;
	unsigned long offset = mmio->address % gic_rdist_stride;
	struct gic_reg_filter f;
	bool own, in_cell;
	int cpu;

	if (frame >= gic_num_rdists)
		return raz_wi(mmio);
	own = gic_rdists[frame].phys == this_cpu_data()->gic.redist_phys;
	/* a CPU that never entered the hypervisor can only be the root's */
	cpu = gic_rdists[frame].cpu;
	in_cell = cpu >= 0 ? cell_has_cpu(cell, cpu) : cell == &root_cell;

	if (offset < GICR_SGI_BASE)
		return rd_base_access(cell, frame, offset, own, in_cell, mmio);
	if (offset >= 2 * GICR_SGI_BASE)	/* GICv4 VLPI frames */
		return raz_wi(mmio);

	offset -= GICR_SGI_BASE;
	if (gic_classify_irq_reg(offset, mmio->size, GIC_NUM_PRIVATE, &f))
		return irq_reg_access(cell,
				      in_cell ? cell->irq_bitmap : no_irqs,
				      gic_rdists[frame].base + GICR_SGI_BASE,
				      offset, &f, mmio, own);
	if (mmio->size != 4 || (offset & 3))
		return MMIO_ERROR;
	return raz_wi(mmio);
}

int gic_dist_register(struct cell *cell)
{
	const struct jailhouse_system *sys = system_config;
	unsigned int frames = cell_num_rdists(cell);
	int err;

	err = mmio_region_register(cell, sys->platform_info.arm.gicd_base,
				   GICD_SIZE, gicd_access, cell);
	if (err)
		return err;
	if (frames == 0)
		return 0;
	err = mmio_region_register(cell, sys->platform_info.arm.gicr_base,
				   frames * gic_rdist_stride, gicr_access,
				   cell);
	if (err)
		mmio_region_unregister(cell,
				       sys->platform_info.arm.gicd_base);
	return err;
}

void gic_dist_unregister(struct cell *cell)
{
	const struct jailhouse_system *sys = system_config;

	mmio_region_unregister(cell, sys->platform_info.arm.gicr_base);
	mmio_region_unregister(cell, sys->platform_info.arm.gicd_base);
}
