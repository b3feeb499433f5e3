/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The decisions of the GICv3 driver that need no hardware: which bits of
 * a distributor or redistributor register a cell may see and change, whom
 * an ICC_SGI1R_EL1 value targets, which waiting IRQ goes into the next free
 * list register, what of the root's setup of an SPI to keep while a cell
 * owns it (register accesses through callbacks).  Implemented in
 * arch/arm64/gic-filter.c, which the host tests compile as is.
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

/* the ICC_SGI1R_EL1 fields that pick a group of up to 16 CPUs */
#define SGIR_GROUP_MASK							\
	(0xffUL << SGIR_AFF3_SHIFT | SGIR_RS_MASK << SGIR_RS_SHIFT |	\
	 0xffUL << SGIR_AFF2_SHIFT | 0xffUL << SGIR_AFF1_SHIFT)

#define GIC_NO_CPU		0xff

/*
 * The CPUs an ICC_SGI1R_EL1 target list can name at once: those whose
 * MPIDR shares Aff3.Aff2.Aff1 and Aff0 / 16 (key, in SGIR layout), by
 * Aff0 % 16.  A table of these turns a trapped SGI into a few lookups.
 */
struct gic_sgi_group {
	u64 key;
	u8 cpu[16];	/* logical CPU or GIC_NO_CPU */
};

/* Enter CPU cpu, MPIDR mpidr, in the table of *num_groups groups; false
 * if it needs a new group beyond max_groups. */
bool gic_sgi_groups_add(struct gic_sgi_group *groups,
			unsigned int *num_groups, unsigned int max_groups,
			u64 mpidr, unsigned int cpu);

/*
 * The CPUs (bit n: logical CPU n) that the ICC_SGI1R_EL1 value sgir,
 * written by CPU self, targets among those entered in groups.  With IRM:
 * every CPU of all_cpus but self.
 */
u64 gic_sgi1r_cpus(u64 sgir, const struct gic_sgi_group *groups,
		   unsigned int num_groups, u64 all_cpus, unsigned int self);

/* The CPU among cpus (MPIDR cpu_mpidr[n]) that an IROUTER value routes
 * to, or -1 (none of them, or 1-of-N routing). */
int gic_irouter_cpu(u64 irouter, const u64 *cpu_mpidr, u64 cpus);

/*
 * Ownership moves of SPIs (INTIDs 32 and up; SGIs and PPIs exist per CPU
 * and are never moved): a new cell's SPIs leave the root cell, and come
 * back when it is destroyed as far as the root's own config lists them.
 */
void gic_bitmap_take_spis(u32 *root, const u32 *cell);
void gic_bitmap_return_spis(u32 *root, const u32 *cell,
			    const u32 *root_config);

/*
 * The root cell's setup of an SPI a cell took from it, kept by the
 * hypervisor until the SPI comes back: a root driver that still has the
 * interrupt requested goes on working afterwards, as if nothing happened.
 * Pending and active states are not kept: what the device signalled
 * meanwhile was the cell's business.
 */
struct gic_spi_setup {
	u64 route;		/* GICD_IROUTER */
	u8 priority;		/* GICD_IPRIORITYR byte */
	u8 config;		/* GICD_ICFGR field: bit 1 set = edge */
	u8 group;		/* GICD_IGROUPR bit */
	u8 grpmod;		/* GICD_IGRPMODR bit */
	u8 enabled;		/* GICD_ISENABLER bit */
};

struct gic_root_spis {
	/* SPIs a cell owns whose root setup is in setup[] */
	u32 saved[GIC_BITMAP_WORDS];
	struct gic_spi_setup setup[GIC_BITMAP_WORDS * 32];
};

/*
 * Access to the distributor by register offset (sizes 1, 4 or 8), for the
 * save and restore below; sync() waits until disabling IRQs took effect
 * (GICD_CTLR.RWP clear).  The host tests plug in a fake distributor.
 */
struct gic_dist_ops {
	u64 (*read)(void *ctx, unsigned long offset, unsigned int size);
	void (*write)(void *ctx, unsigned long offset, unsigned int size,
		      u64 value);
	void (*sync)(void *ctx);
	void *ctx;
};

/*
 * A cell takes the SPIs of cell in its first words register words: those
 * the root has (set in root) get their setup saved before the caller
 * disables and reroutes them.
 */
void gic_root_spis_save(struct gic_root_spis *rs, const u32 *root,
			const u32 *cell, unsigned int words,
			const struct gic_dist_ops *ops);

/*
 * The SPIs of cell come back to the root as far as root_config lists
 * them: each one saved is disabled, deactivated and unpended (whatever
 * the cell left), then gets the root's setup back, enabled last if the
 * root had it enabled.  Every SPI of cell is forgotten afterwards.
 */
void gic_root_spis_restore(struct gic_root_spis *rs, const u32 *cell,
			   const u32 *root_config, unsigned int words,
			   const struct gic_dist_ops *ops);

/*
 * The root cell wrote bits to GICD_ISENABLER<word> (enable) or
 * GICD_ICENABLER<word>: for the SPIs it lost to a cell, the write
 * changes what it gets back instead of the hardware (e.g. Linux frees an
 * IRQ meanwhile).
 */
void gic_root_spis_enable_write(struct gic_root_spis *rs, unsigned int word,
				u32 bits, bool enable);

/* the SPIs of word among bits whose root setup is kept */
static inline u32 gic_root_spis_lost(const struct gic_root_spis *rs,
				     unsigned int word, u32 bits)
{
	return word < GIC_BITMAP_WORDS ? rs->saved[word] & bits : 0;
}

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
 * the lowest INTID among equals), or -1 if none is waiting.  Only the
 * words of pending whose bit is set in words are looked at.  *irq_prio
 * receives the priority of the IRQ chosen; prio() runs once when a single
 * IRQ waits.  Inline: on the SGI delivery path, prio() becomes a direct
 * register read.
 */
static inline int gic_pending_pick(const u32 *pending, u32 words,
				   unsigned int (*prio)(void *ctx,
							unsigned int irq),
				   void *ctx, unsigned int *irq_prio)
{
	unsigned int word, irq, p, best_prio = ~0U;
	int best = -1;
	u32 bits;

	while (words) {
		word = __builtin_ctz(words);
		words &= words - 1;
		bits = pending[word];
		while (bits) {
			irq = word * 32 + __builtin_ctz(bits);
			bits &= bits - 1;
			if (best < 0) {
				/* its priority only matters if others wait */
				best = irq;
				continue;
			}
			if (best_prio == ~0U)
				best_prio = prio(ctx, best);
			p = prio(ctx, irq);
			if (p < best_prio) {
				best_prio = p;
				best = irq;
			}
		}
	}
	if (best >= 0 && best_prio == ~0U)
		best_prio = prio(ctx, best);
	*irq_prio = best_prio;
	return best;
}

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
