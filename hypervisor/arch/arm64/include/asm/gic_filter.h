/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The decisions of the GICv3 driver that need no hardware: which bits of
 * a distributor or redistributor register a cell may see and change, whom
 * an ICC_SGI1R_EL1 value targets, which waiting IRQ goes into the next free
 * list register.  Implemented in arch/arm64/gic-filter.c, which the host
 * tests compile as is.
 */
#ifndef _JAILHOUSE_ASM_GIC_FILTER_H
#define _JAILHOUSE_ASM_GIC_FILTER_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <asm/gic_v3.h>

#define GIC_BITMAP_WORDS	(1024 / 32)

enum gic_reg_kind {
	GIC_REG_INVALID,	/* width or alignment not allowed: violation */
	GIC_REG_RAZ_WI,		/* reads 0, writes ignored */
	GIC_REG_IRQ_SETCLR,	/* write-1-to-act bit per IRQ */
	GIC_REG_IRQ_RW,		/* read/write field per IRQ */
	GIC_REG_IROUTER,	/* 64-bit route of one SPI */
};

struct gic_reg_filter {
	enum gic_reg_kind kind;
	/* INTID the lowest bits of the access belong to */
	unsigned int first_irq;
	/* field width per IRQ: 1, 2, 8 or 64 */
	unsigned int bits_per_irq;
};

/*
 * Classify an access to the per-IRQ register area of the distributor
 * (num_irqs 1024) or of a redistributor's SGI_base (num_irqs 32, the same
 * layout for INTIDs 0..31).  Returns false if offset is outside that area
 * (0x080..0x0eff and the IROUTERs at 0x6000..0x7fff).
 */
bool gic_classify_irq_reg(unsigned long offset, unsigned int size,
			  unsigned int num_irqs, struct gic_reg_filter *f);

/* Bits of a size-byte access described by f that belong to IRQs set in
 * bitmap; the other bits read as 0 and are not written. */
u64 gic_irq_access_mask(const u32 *bitmap, const struct gic_reg_filter *f,
			unsigned int size);

static inline bool gic_irq_in_bitmap(const u32 *bitmap, unsigned int irq)
{
	return irq < 1024 && (bitmap[irq / 32] >> (irq % 32)) & 1;
}

/*
 * A cell's interrupt bitmap: all SGIs and PPIs but the hypervisor's
 * (SGI 0 and 1, the maintenance PPI), plus the pins of the config's
 * irqchip entries whose address is the distributor's.
 */
void gic_build_irq_bitmap(u32 *bitmap, const struct jailhouse_cell_desc *cfg,
			  u64 gicd_base, unsigned int maint_irq);

/* Does the ICC_SGI1R_EL1 value sgir, written by the CPU sender_mpidr,
 * target the CPU target_mpidr? */
bool gic_sgi1r_targets(u64 sgir, u64 target_mpidr, u64 sender_mpidr);

/* ICC_SGI1R_EL1 value that sends SGI sgi to the single CPU mpidr. */
u64 gic_sgi1r_for(u64 mpidr, unsigned int sgi);

static inline unsigned int gic_sgi1r_intid(u64 sgir)
{
	return (sgir >> SGIR_INTID_SHIFT) & SGIR_INTID_MASK;
}

/* Does an IROUTER value route to exactly the CPU mpidr? */
static inline bool gic_irouter_names(u64 irouter, u64 mpidr)
{
	return !(irouter & GICD_IROUTER_IRM) &&
		(irouter & GICD_IROUTER_AFF_MASK) ==
		(mpidr & GICD_IROUTER_AFF_MASK);
}

/* The affinity as GICR_TYPER[63:32] holds it: Aff3.Aff2.Aff1.Aff0. */
static inline u32 gic_mpidr_to_rdist_aff(u64 mpidr)
{
	return MPIDR_AFF3(mpidr) << 24 | MPIDR_AFF2(mpidr) << 16 |
		MPIDR_AFF1(mpidr) << 8 | MPIDR_AFF0(mpidr);
}

/*
 * The waiting IRQ with the highest priority (lowest value from prio();
 * the lowest INTID among equals), or -1 if none is waiting.
 */
int gic_pending_pick(const u32 *pending,
		     unsigned int (*prio)(void *ctx, unsigned int irq),
		     void *ctx);

/* List register contents for a pending group-1 virtual IRQ; hw: the
 * guest's deactivation deactivates the physical INTID irq as well. */
static inline u64 gic_lr_value(unsigned int irq, unsigned int prio, bool hw)
{
	u64 lr = ICH_LR_PENDING | ICH_LR_GROUP1 |
		((u64)(prio & 0xff) << ICH_LR_PRIO_SHIFT) | irq;

	if (hw)
		lr |= ICH_LR_HW | ((u64)irq << ICH_LR_PINTID_SHIFT);
	return lr;
}

#endif /* !_JAILHOUSE_ASM_GIC_FILTER_H */
