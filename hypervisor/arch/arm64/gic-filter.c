// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 decisions without hardware access (see <asm/gic_filter.h>): kept
 * apart from gic-v3.c so that the host tests run exactly this code.
 */
#include <jailhouse/config_entry.h>
#include <asm/gic_filter.h>

#define SZ(n)		(1U << (n))	/* access size n allowed */

struct irq_reg_bank {
	u16 start, end;
	u8 bits_per_irq;
	u8 kind;
	u16 sizes;
};

/* per-IRQ banks of the distributor; a redistributor's SGI_base mirrors
 * them for INTIDs 0..31 */
static const struct irq_reg_bank irq_reg_banks[] = {
	{ GICD_IGROUPR, GICD_ISENABLER, 1, GIC_REG_IRQ_RW, SZ(4) },
	{ GICD_ISENABLER, GICD_ICENABLER, 1, GIC_REG_IRQ_SETCLR, SZ(4) },
	{ GICD_ICENABLER, GICD_ISPENDR, 1, GIC_REG_IRQ_SETCLR, SZ(4) },
	{ GICD_ISPENDR, GICD_ICPENDR, 1, GIC_REG_IRQ_SETCLR, SZ(4) },
	{ GICD_ICPENDR, GICD_ISACTIVER, 1, GIC_REG_IRQ_SETCLR, SZ(4) },
	{ GICD_ISACTIVER, GICD_ICACTIVER, 1, GIC_REG_IRQ_SETCLR, SZ(4) },
	{ GICD_ICACTIVER, GICD_IPRIORITYR, 1, GIC_REG_IRQ_SETCLR, SZ(4) },
	{ GICD_IPRIORITYR, GICD_ITARGETSR, 8, GIC_REG_IRQ_RW, SZ(1) | SZ(4) },
	/* affinity routing makes the GICv2 targets RAZ/WI */
	{ GICD_ITARGETSR, GICD_ICFGR, 8, GIC_REG_RAZ_WI, SZ(1) | SZ(4) },
	{ GICD_ICFGR, GICD_IGRPMODR, 2, GIC_REG_IRQ_RW, SZ(4) },
	{ GICD_IGRPMODR, GICD_IGRPMODR + 0x80, 1, GIC_REG_IRQ_RW, SZ(4) },
	{ GICD_NSACR, GICD_SGIR, 2, GIC_REG_IRQ_RW, SZ(4) },
	{ GICD_IROUTER, GICD_IROUTER + 8 * 1024, 64, GIC_REG_IROUTER,
	  SZ(4) | SZ(8) },
};

bool gic_classify_irq_reg(unsigned long offset, unsigned int size,
			  unsigned int num_irqs, struct gic_reg_filter *f)
{
	const struct irq_reg_bank *bank;
	unsigned int n;

	for (n = 0; n < sizeof(irq_reg_banks) / sizeof(irq_reg_banks[0]);
	     n++) {
		bank = &irq_reg_banks[n];
		if (offset < bank->start || offset >= bank->end)
			continue;

		f->bits_per_irq = bank->bits_per_irq;
		f->first_irq = (offset - bank->start) * 8 / bank->bits_per_irq;
		if (size > 8 || !(bank->sizes & SZ(size)) ||
		    (offset & (size - 1)))
			f->kind = GIC_REG_INVALID;
		else if (f->first_irq >= num_irqs)
			f->kind = GIC_REG_RAZ_WI;
		else if (bank->kind == GIC_REG_IROUTER &&
			 f->first_irq < GIC_NUM_PRIVATE)
			/* no routes for private IRQs */
			f->kind = GIC_REG_RAZ_WI;
		else
			f->kind = bank->kind;
		return true;
	}
	return false;
}

u64 gic_irq_access_mask(const u32 *bitmap, const struct gic_reg_filter *f,
			unsigned int size)
{
	unsigned int bits = f->bits_per_irq, access_bits = size * 8, n;
	u64 field, mask = 0;

	/* a 32-bit half of an IROUTER still belongs to one IRQ */
	if (bits >= access_bits)
		return gic_irq_in_bitmap(bitmap, f->first_irq) ?
			~0ULL >> (64 - access_bits) : 0;

	field = (1ULL << bits) - 1;
	for (n = 0; n < access_bits / bits; n++)
		if (gic_irq_in_bitmap(bitmap, f->first_irq + n))
			mask |= field << (n * bits);
	return mask;
}

void gic_build_irq_bitmap(u32 *bitmap, const struct jailhouse_cell_desc *cfg,
			  u64 gicd_base, unsigned int maint_irq)
{
	const struct jailhouse_irqchip *chip = jailhouse_cell_irqchips(cfg);
	unsigned int n, word, bit, irq;

	for (n = 0; n < GIC_BITMAP_WORDS; n++)
		bitmap[n] = 0;

	/* private IRQs exist per CPU: every cell has its own */
	bitmap[0] = ~0U;

	for (n = 0; n < cfg->num_irqchips; n++, chip++) {
		if (irqchip_is_empty(chip) || chip->address != gicd_base)
			continue;
		for (word = 0; word < 4; word++)
			for (bit = 0; bit < 32; bit++) {
				irq = chip->pin_base + word * 32 + bit;
				if (!((chip->pin_bitmap[word] >> bit) & 1) ||
				    irq >= GIC_FIRST_SPECIAL)
					continue;
				/* the config cannot grant private IRQs */
				if (irq < GIC_NUM_PRIVATE)
					continue;
				bitmap[irq / 32] |= 1U << (irq % 32);
			}
	}

	bitmap[0] &= ~(1U << 0 | 1U << 1);	/* SGI_INJECT, SGI_EVENT */
	if (maint_irq < GIC_NUM_PRIVATE)
		bitmap[0] &= ~(1U << maint_irq);
}

bool gic_sgi1r_targets(u64 sgir, u64 target_mpidr, u64 sender_mpidr)
{
	unsigned int aff0 = MPIDR_AFF0(target_mpidr);
	unsigned int range = (sgir >> SGIR_RS_SHIFT) & SGIR_RS_MASK;

	if (sgir & SGIR_IRM)
		return (target_mpidr & GICD_IROUTER_AFF_MASK) !=
			(sender_mpidr & GICD_IROUTER_AFF_MASK);

	return MPIDR_AFF3(target_mpidr) == ((sgir >> SGIR_AFF3_SHIFT) & 0xff) &&
		MPIDR_AFF2(target_mpidr) ==
			((sgir >> SGIR_AFF2_SHIFT) & 0xff) &&
		MPIDR_AFF1(target_mpidr) ==
			((sgir >> SGIR_AFF1_SHIFT) & 0xff) &&
		aff0 / 16 == range &&
		(sgir >> (aff0 % 16)) & 1;
}

u64 gic_sgi1r_for(u64 mpidr, unsigned int sgi)
{
	return (u64)MPIDR_AFF3(mpidr) << SGIR_AFF3_SHIFT |
		(u64)MPIDR_AFF2(mpidr) << SGIR_AFF2_SHIFT |
		(u64)(MPIDR_AFF0(mpidr) / 16) << SGIR_RS_SHIFT |
		(u64)(sgi & SGIR_INTID_MASK) << SGIR_INTID_SHIFT |
		(u64)MPIDR_AFF1(mpidr) << SGIR_AFF1_SHIFT |
		1U << (MPIDR_AFF0(mpidr) % 16);
}

bool gic_sgi_groups_add(struct gic_sgi_group *groups,
			unsigned int *num_groups, unsigned int max_groups,
			u64 mpidr, unsigned int cpu)
{
	u64 key = gic_sgi1r_for(mpidr, 0) & SGIR_GROUP_MASK;
	struct gic_sgi_group *group;
	unsigned int n;

	for (n = 0; n < *num_groups; n++)
		if (groups[n].key == key)
			break;
	group = &groups[n];
	if (n == *num_groups) {
		if (n >= max_groups)
			return false;
		group->key = key;
		for (n = 0; n < 16; n++)
			group->cpu[n] = GIC_NO_CPU;
		(*num_groups)++;
	}
	group->cpu[MPIDR_AFF0(mpidr) % 16] = cpu;
	return true;
}

u64 gic_sgi1r_cpus(u64 sgir, const struct gic_sgi_group *groups,
		   unsigned int num_groups, u64 all_cpus, unsigned int self)
{
	u64 key = sgir & SGIR_GROUP_MASK, targets = 0;
	u32 list = sgir & SGIR_TARGETS_MASK;
	unsigned int n, cpu;

	if (sgir & SGIR_IRM)
		return all_cpus & ~(1ULL << self);

	for (n = 0; n < num_groups; n++)
		if (groups[n].key == key)
			break;
	if (n == num_groups)
		return 0;
	while (list) {
		cpu = groups[n].cpu[__builtin_ctz(list)];
		list &= list - 1;
		if (cpu != GIC_NO_CPU)
			targets |= 1ULL << cpu;
	}
	return targets;
}

int gic_irouter_cpu(u64 irouter, const u64 *cpu_mpidr, u64 cpus)
{
	unsigned int cpu;

	while (cpus) {
		cpu = __builtin_ctzll(cpus);
		cpus &= cpus - 1;
		if (gic_irouter_names(irouter, cpu_mpidr[cpu]))
			return cpu;
	}
	return -1;
}

void gic_bitmap_take_spis(u32 *root, const u32 *cell)
{
	unsigned int n;

	for (n = GIC_NUM_PRIVATE / 32; n < GIC_BITMAP_WORDS; n++)
		root[n] &= ~cell[n];
}

void gic_bitmap_return_spis(u32 *root, const u32 *cell,
			    const u32 *root_config)
{
	unsigned int n;

	for (n = GIC_NUM_PRIVATE / 32; n < GIC_BITMAP_WORDS; n++)
		root[n] |= cell[n] & root_config[n];
}

/* the register word of a per-IRQ bank that holds irq's field */
static unsigned long irq_reg(unsigned long bank, unsigned int irq,
			     unsigned int bits)
{
	return bank + irq * bits / 32 * 4;
}

static u32 read_irq_field(const struct gic_dist_ops *ops, unsigned long bank,
			  unsigned int irq, unsigned int bits)
{
	u32 word = ops->read(ops->ctx, irq_reg(bank, irq, bits), 4);

	return (word >> (irq * bits % 32)) & ((1U << bits) - 1);
}

/* read-modify-write: the rest of the word belongs to other IRQs */
static void write_irq_field(const struct gic_dist_ops *ops,
			    unsigned long bank, unsigned int irq,
			    unsigned int bits, u32 value)
{
	unsigned long reg = irq_reg(bank, irq, bits);
	unsigned int shift = irq * bits % 32;
	u32 field = ((1U << bits) - 1) << shift;
	u32 word = ops->read(ops->ctx, reg, 4);

	ops->write(ops->ctx, reg, 4,
		   (word & ~field) | ((value << shift) & field));
}

void gic_root_spis_save(struct gic_root_spis *rs, const u32 *root,
			const u32 *cell, unsigned int words,
			const struct gic_dist_ops *ops)
{
	struct gic_spi_setup *setup;
	unsigned int word, irq;
	u32 bits;

	if (words > GIC_BITMAP_WORDS)
		words = GIC_BITMAP_WORDS;
	for (word = GIC_NUM_PRIVATE / 32; word < words; word++) {
		bits = root[word] & cell[word];
		rs->saved[word] |= bits;
		while (bits) {
			irq = word * 32 + __builtin_ctz(bits);
			bits &= bits - 1;
			setup = &rs->setup[irq];
			setup->route = ops->read(ops->ctx,
						 GICD_IROUTER + irq * 8, 8);
			setup->priority = ops->read(ops->ctx,
						    GICD_IPRIORITYR + irq, 1);
			setup->config = read_irq_field(ops, GICD_ICFGR, irq, 2);
			setup->group = read_irq_field(ops, GICD_IGROUPR, irq, 1);
			setup->grpmod = read_irq_field(ops, GICD_IGRPMODR, irq,
						       1);
			setup->enabled = read_irq_field(ops, GICD_ISENABLER,
							irq, 1);
		}
	}
}

void gic_root_spis_restore(struct gic_root_spis *rs, const u32 *cell,
			   const u32 *root_config, unsigned int words,
			   const struct gic_dist_ops *ops)
{
	const struct gic_spi_setup *setup;
	unsigned int word, irq;
	u32 back, bits, enable;

	if (words > GIC_BITMAP_WORDS)
		words = GIC_BITMAP_WORDS;
	for (word = GIC_NUM_PRIVATE / 32; word < words; word++) {
		back = cell[word] & root_config[word] & rs->saved[word];
		rs->saved[word] &= ~cell[word];
		if (!back)
			continue;

		/* the trigger mode may only change while disabled */
		ops->write(ops->ctx, GICD_ICENABLER + word * 4, 4, back);
		ops->sync(ops->ctx);
		ops->write(ops->ctx, GICD_ICACTIVER + word * 4, 4, back);

		enable = 0;
		for (bits = back; bits; bits &= bits - 1) {
			irq = word * 32 + __builtin_ctz(bits);
			setup = &rs->setup[irq];
			write_irq_field(ops, GICD_ICFGR, irq, 2, setup->config);
			write_irq_field(ops, GICD_IGROUPR, irq, 1,
					setup->group);
			write_irq_field(ops, GICD_IGRPMODR, irq, 1,
					setup->grpmod);
			ops->write(ops->ctx, GICD_IPRIORITYR + irq, 1,
				   setup->priority);
			ops->write(ops->ctx, GICD_IROUTER + irq * 8, 8,
				   setup->route);
			if (setup->enabled)
				enable |= 1U << (irq % 32);
		}

		/*
		 * An edge latched under the cell (or by the reconfiguration)
		 * is stale for the root; a level still asserted pends again
		 * by itself.
		 */
		ops->write(ops->ctx, GICD_ICPENDR + word * 4, 4, back);
		if (enable)
			ops->write(ops->ctx, GICD_ISENABLER + word * 4, 4,
				   enable);
	}
}

void gic_root_spis_enable_write(struct gic_root_spis *rs, unsigned int word,
				u32 bits, bool enable)
{
	unsigned int irq;

	bits = gic_root_spis_lost(rs, word, bits);
	while (bits) {
		irq = word * 32 + __builtin_ctz(bits);
		bits &= bits - 1;
		rs->setup[irq].enabled = enable;
	}
}
