// SPDX-License-Identifier: GPL-2.0
/*
 * Which cell owns each SPI.  A cell's SPIs leave the root at
 * irqchip_config_commit() and return at irqchip_cell_exit(); while a cell
 * owns them they are routed to its first CPU.  The root's setup of each
 * (enable, route, priority, trigger, group) is saved when it leaves and
 * restored when it returns, so that a root driver that kept the IRQ
 * requested works on; the root's enables and disables of an SPI it lost
 * change that saved setup (everything else it writes there is ignored).
 * The SPIs of CPUs that left the root or stopped are routed to one that
 * runs.  gic_dist_lock (gic-dist.c) covers all of it, with the
 * distributor emulation's read-modify-writes of the same registers.
 * The core's irqchip_cell_* hooks live here; they also register and
 * unregister the cell's emulated distributor (gic-dist.c).
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/gic_filter.h>
#include <asm/gic_internal.h>

/* under gic_dist_lock; from the page pool with the root cell (16 KiB) */
static struct gic_root_spis *root_spis;

/* GICD_ISENABLER<n> or ICENABLER<n>, possibly of SPIs a cell took */
void gic_root_spi_enable_write(unsigned long offset, u32 bits)
{
	unsigned int word = (offset - GICD_ISENABLER) / 4 % 32;

	spin_lock(&gic_dist_lock);
	gic_root_spis_enable_write(root_spis, word, bits,
				   offset < GICD_ICENABLER);
	spin_unlock(&gic_dist_lock);
}

/* SPI words the distributor implements (GICD_TYPER.ITLinesNumber + 1) */
static unsigned int num_irq_words(void)
{
	unsigned int words = (gic_mmio_read(gicd_base + GICD_TYPER, 4) &
			      GICD_TYPER_ITLINES_MASK) + 1;

	return words < GIC_BITMAP_WORDS ? words : GIC_BITMAP_WORDS;
}

/* the write-side effect of clearing enables completes with RWP clear */
static void wait_for_rwp(void *ctlr, u32 rwp)
{
	unsigned int n;

	for (n = 0; n < 1000000; n++)
		if (!(gic_mmio_read(ctlr, 4) & rwp))
			return;
	printk("WARNING: GIC register write still pending at 0x%lx\n",
	       (unsigned long)ctlr);
}

/* disable, deactivate and unpend the IRQs bits of word (GICD or SGI_base) */
static void quiesce_irqs(void *base, unsigned int word, u32 bits)
{
	gic_mmio_write(base + GICD_ICENABLER + word * 4, 4, bits);
	gic_mmio_write(base + GICD_ICACTIVER + word * 4, 4, bits);
	gic_mmio_write(base + GICD_ICPENDR + word * 4, 4, bits);
}

static void route_spi(unsigned int irq, u64 mpidr)
{
	gic_mmio_write(gicd_base + GICD_IROUTER + irq * 8, 8,
		       mpidr & GICD_IROUTER_AFF_MASK);
}

/* root CPUs that run Linux right now (not parked, not failed) */
static u64 running_root_cpus(void)
{
	u64 cpus = root_cell.cpu_set & gic_cpus_up, running = 0;
	unsigned int cpu;

	while (cpus) {
		cpu = __builtin_ctzll(cpus);
		cpus &= cpus - 1;
		if (per_cpu(cpu)->power_state == CPU_POWER_ON &&
		    !per_cpu(cpu)->failed)
			running |= 1ULL << cpu;
	}
	return running;
}

/*
 * Root SPIs routed to a CPU that left the root or is parked would never
 * be taken (or be taken by a cell): route them to a root CPU that runs,
 * the calling one if possible.
 */
static void reroute_root_spis(unsigned int words)
{
	u64 running = running_root_cpus(), route;
	unsigned int word, irq, target, self = this_cpu_data()->cpu_id;
	u32 bits;

	if (!running)
		return;
	target = (running >> self) & 1 ? self :
		(unsigned int)__builtin_ctzll(running);

	for (word = GIC_NUM_PRIVATE / 32; word < words; word++) {
		bits = root_cell.irq_bitmap[word];
		while (bits) {
			irq = word * 32 + __builtin_ctz(bits);
			bits &= bits - 1;
			route = gic_mmio_read(gicd_base + GICD_IROUTER +
					      irq * 8, 8);
			if (gic_irouter_cpu(route, gic_cpu_mpidr, running) < 0)
				route_spi(irq, gic_cpu_mpidr[target]);
		}
	}
}

static u64 gicd_read(void *ctx, unsigned long offset, unsigned int size)
{
	return gic_mmio_read(gicd_base + offset, size);
}

static void gicd_write(void *ctx, unsigned long offset, unsigned int size,
		       u64 value)
{
	gic_mmio_write(gicd_base + offset, size, value);
}

static void gicd_sync(void *ctx)
{
	wait_for_rwp(gicd_base + GICD_CTLR, GICD_CTLR_RWP);
}

static const struct gic_dist_ops gicd_ops = {
	.read = gicd_read,
	.write = gicd_write,
	.sync = gicd_sync,
};

/*
 * The cell's SPIs, disabled, go from the root to the cell's first CPU;
 * the root's setup of them is saved first.
 */
static void take_spis(struct cell *cell, unsigned int words)
{
	u64 mpidr = gic_cpu_mpidr[__builtin_ctzll(cell->cpu_set)];
	unsigned int word, irq;
	u32 bits;

	gic_root_spis_save(root_spis, root_cell.irq_bitmap, cell->irq_bitmap,
			   words, &gicd_ops);
	gic_bitmap_take_spis(root_cell.irq_bitmap, cell->irq_bitmap);
	for (word = GIC_NUM_PRIVATE / 32; word < words; word++) {
		bits = cell->irq_bitmap[word];
		if (bits)
			gic_mmio_write(gicd_base + GICD_ICENABLER + word * 4,
				       4, bits);
		while (bits) {
			irq = word * 32 + __builtin_ctz(bits);
			bits &= bits - 1;
			route_spi(irq, mpidr);
		}
	}
	wait_for_rwp(gicd_base + GICD_CTLR, GICD_CTLR_RWP);
}

void irqchip_config_commit(struct cell *cell)
{
	unsigned int words = num_irq_words();

	spin_lock(&gic_dist_lock);
	if (cell && cell != &root_cell && cell->cpu_set)
		take_spis(cell, words);
	reroute_root_spis(words);
	spin_unlock(&gic_dist_lock);
}

void irqchip_cell_reset(struct cell *cell)
{
	unsigned int word, words = num_irq_words(), cpu;
	struct per_cpu *cpu_data;
	u64 cpus;

	if (cell == &root_cell)
		return;

	for (word = GIC_NUM_PRIVATE / 32; word < words; word++)
		if (cell->irq_bitmap[word])
			quiesce_irqs(gicd_base, word, cell->irq_bitmap[word]);
	wait_for_rwp(gicd_base + GICD_CTLR, GICD_CTLR_RWP);

	/* word 0 of the bitmap leaves out the hypervisor's own IRQs */
	for (cpus = cell->cpu_set & gic_cpus_up; cpus; cpus &= cpus - 1) {
		cpu = __builtin_ctzll(cpus);
		cpu_data = per_cpu(cpu);
		quiesce_irqs(cpu_data->gic.redist_base + GICR_SGI_BASE, 0,
			     cell->irq_bitmap[0]);
		wait_for_rwp(cpu_data->gic.redist_base + GICR_CTLR,
			     GICR_CTLR_RWP);
	}
}

int irqchip_cell_init(struct cell *cell)
{
	if (cell == &root_cell && !root_spis) {
		root_spis = page_alloc(&mem_pool, PAGES(sizeof(*root_spis)));
		if (!root_spis)
			return -ENOMEM;
	}
	gic_build_irq_bitmap(cell->irq_bitmap, cell->config,
			     system_config->platform_info.arm.gicd_base,
			     gic_maint_irq);
	return gic_dist_register(cell);
}

/*
 * The SPIs go back to the root as far as its own config lists them, set
 * up as the root had them before the cell took them.  If the cell never
 * got to irqchip_config_commit(), the root still has them all (the core
 * only grants a new cell pins of the root), none was saved, and this
 * changes nothing.
 */
void irqchip_cell_exit(struct cell *cell)
{
	u32 root_config[GIC_BITMAP_WORDS];

	gic_dist_unregister(cell);
	if (cell == &root_cell)
		return;

	gic_build_irq_bitmap(root_config, root_cell.config,
			     system_config->platform_info.arm.gicd_base,
			     gic_maint_irq);
	spin_lock(&gic_dist_lock);
	/* before the root may touch them again */
	gic_root_spis_restore(root_spis, cell->irq_bitmap, root_config,
			      num_irq_words(), &gicd_ops);
	gic_bitmap_return_spis(root_cell.irq_bitmap, cell->irq_bitmap,
			       root_config);
	spin_unlock(&gic_dist_lock);
}
