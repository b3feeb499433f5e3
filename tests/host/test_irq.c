// SPDX-License-Identifier: GPL-2.0
/*
 * The hardware-free part of the GICv3 driver (hypervisor/arch/arm64/
 * gic-filter.c): register filtering by the cell's IRQ bitmap, the cell
 * bitmap built from the config, SPIs moving between the root and a cell,
 * ICC_SGI1R_EL1 decoding and its confinement to a cell's CPUs, IROUTER
 * decisions, the choice of the next queued IRQ and the list register
 * format.  How the root's setup of an SPI it lends to a cell is saved and
 * given back is in test_gic_root_spis.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hypervisor/arch/arm64/gic-filter.c"

static u32 bitmap[GIC_BITMAP_WORDS];

static void set_irq(unsigned int irq)
{
	bitmap[irq / 32] |= 1U << (irq % 32);
}

static int reset_bitmap(void **state)
{
	memset(bitmap, 0, sizeof(bitmap));
	return 0;
}

static struct gic_reg_filter classify(unsigned long offset, unsigned int size,
				      unsigned int num_irqs)
{
	struct gic_reg_filter f;

	assert_true(gic_classify_irq_reg(offset, size, num_irqs, &f));
	return f;
}

static void test_classify_dist(void **state)
{
	struct gic_reg_filter f;

	f = classify(GICD_ISENABLER + 4, 4, 1024);
	assert_int_equal(f.kind, GIC_REG_IRQ_SETCLR);
	assert_int_equal(f.first_irq, 32);
	assert_int_equal(f.bits_per_irq, 1);

	f = classify(GICD_ICACTIVER + 0x7c, 4, 1024);
	assert_int_equal(f.kind, GIC_REG_IRQ_SETCLR);
	assert_int_equal(f.first_irq, 992);

	f = classify(GICD_IGROUPR + 8, 4, 1024);
	assert_int_equal(f.kind, GIC_REG_IRQ_RW);
	assert_int_equal(f.first_irq, 64);

	f = classify(GICD_IPRIORITYR + 0x21, 1, 1024);
	assert_int_equal(f.kind, GIC_REG_IRQ_RW);
	assert_int_equal(f.first_irq, 33);
	assert_int_equal(f.bits_per_irq, 8);

	f = classify(GICD_ICFGR + 8, 4, 1024);
	assert_int_equal(f.kind, GIC_REG_IRQ_RW);
	assert_int_equal(f.first_irq, 32);
	assert_int_equal(f.bits_per_irq, 2);

	f = classify(GICD_IROUTER + 33 * 8, 8, 1024);
	assert_int_equal(f.kind, GIC_REG_IROUTER);
	assert_int_equal(f.first_irq, 33);
	f = classify(GICD_IROUTER + 33 * 8 + 4, 4, 1024);
	assert_int_equal(f.kind, GIC_REG_IROUTER);
	assert_int_equal(f.first_irq, 33);

	/* no routes for private IRQs; GICv2 targets are gone with ARE */
	assert_int_equal(classify(GICD_IROUTER + 8, 8, 1024).kind,
			 GIC_REG_RAZ_WI);
	assert_int_equal(classify(GICD_ITARGETSR + 0x20, 4, 1024).kind,
			 GIC_REG_RAZ_WI);

	/* widths and alignment */
	assert_int_equal(classify(GICD_ISENABLER, 1, 1024).kind,
			 GIC_REG_INVALID);
	assert_int_equal(classify(GICD_ISENABLER, 8, 1024).kind,
			 GIC_REG_INVALID);
	assert_int_equal(classify(GICD_IPRIORITYR, 2, 1024).kind,
			 GIC_REG_INVALID);
	assert_int_equal(classify(GICD_IPRIORITYR + 2, 4, 1024).kind,
			 GIC_REG_INVALID);
	assert_int_equal(classify(GICD_IROUTER + 33 * 8 + 4, 8, 1024).kind,
			 GIC_REG_INVALID);
	assert_int_equal(classify(GICD_IROUTER + 33 * 8, 1, 1024).kind,
			 GIC_REG_INVALID);
}

static void test_classify_other(void **state)
{
	struct gic_reg_filter f;

	assert_false(gic_classify_irq_reg(GICD_CTLR, 4, 1024, &f));
	assert_false(gic_classify_irq_reg(GICD_TYPER, 4, 1024, &f));
	assert_false(gic_classify_irq_reg(GICD_SGIR, 4, 1024, &f));
	assert_false(gic_classify_irq_reg(GICD_PIDR2, 4, 1024, &f));
	assert_false(gic_classify_irq_reg(0x7ffc + 8, 4, 1024, &f));
}

static void test_classify_redist(void **state)
{
	struct gic_reg_filter f;

	f = classify(GICR_ISENABLER0, 4, 32);
	assert_int_equal(f.kind, GIC_REG_IRQ_SETCLR);
	assert_int_equal(f.first_irq, 0);
	f = classify(GICR_IPRIORITYR + 0x1c, 4, 32);
	assert_int_equal(f.kind, GIC_REG_IRQ_RW);
	assert_int_equal(f.first_irq, 28);
	f = classify(GICD_ICFGR + 4, 4, 32);
	assert_int_equal(f.first_irq, 16);

	/* the SPI part of the layout does not exist in a redistributor */
	assert_int_equal(classify(GICR_ISENABLER0 + 4, 4, 32).kind,
			 GIC_REG_RAZ_WI);
	assert_int_equal(classify(GICR_IPRIORITYR + 0x20, 4, 32).kind,
			 GIC_REG_RAZ_WI);
	assert_int_equal(classify(GICD_ICFGR + 8, 4, 32).kind,
			 GIC_REG_RAZ_WI);
}

static void test_mask(void **state)
{
	struct gic_reg_filter f;

	set_irq(33);
	set_irq(35);

	f = classify(GICD_ISENABLER + 4, 4, 1024);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 4), 0xa);
	f = classify(GICD_ISENABLER + 8, 4, 1024);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 4), 0);

	f = classify(GICD_IPRIORITYR + 32, 4, 1024);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 4), 0xff00ff00);
	f = classify(GICD_IPRIORITYR + 33, 1, 1024);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 1), 0xff);
	f = classify(GICD_IPRIORITYR + 34, 1, 1024);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 1), 0);

	f = classify(GICD_ICFGR + 8, 4, 1024);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 4), 0xcc);

	f = classify(GICD_IROUTER + 33 * 8, 8, 1024);
	assert_true(gic_irq_access_mask(bitmap, &f, 8) == ~0ULL);
	f = classify(GICD_IROUTER + 33 * 8 + 4, 4, 1024);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 4), 0xffffffff);
	f = classify(GICD_IROUTER + 34 * 8, 8, 1024);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 8), 0);
}

static void test_mask_private(void **state)
{
	struct jailhouse_cell_desc cell = { .num_irqchips = 0 };
	struct gic_reg_filter f;

	gic_build_irq_bitmap(bitmap, &cell, 0x08000000, 25);
	f = classify(GICR_ISENABLER0, 4, 32);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 4),
			 ~(1U << 0 | 1U << 1 | 1U << 25));
	/* priorities of SGI 0..3: the hypervisor's two are hidden */
	f = classify(GICR_IPRIORITYR, 4, 32);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 4), 0xffff0000);
	f = classify(GICR_IPRIORITYR + 25, 1, 32);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 1), 0);
	f = classify(GICR_IPRIORITYR + 27, 1, 32);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 1), 0xff);
	/* ICFGR1: PPIs 16..31, the maintenance PPI's field is hidden */
	f = classify(GICD_ICFGR + 4, 4, 32);
	assert_int_equal(gic_irq_access_mask(bitmap, &f, 4),
			 ~(3U << ((25 - 16) * 2)));
}

static void test_build_bitmap(void **state)
{
	struct {
		struct jailhouse_cell_desc cell;
		__u64 cpus[1];
		struct jailhouse_irqchip irqchips[3];
	} __attribute__((packed)) cfg = {
		.cell = {
			.cpu_set_size = sizeof(__u64),
			.num_irqchips = 3,
		},
		.cpus = { 0xf },
		.irqchips = {
			{
				.address = 0x08000000,
				.pin_base = 32,
				.pin_bitmap = { 0x1, 0, 0, 0x80000000 },
			},
			{	/* another irqchip: not the GIC's */
				.address = 0x09000000,
				.pin_base = 32,
				.pin_bitmap = { 0xffffffff },
			},
			{
				.address = 0x08000000,
				.pin_base = 992,
				.pin_bitmap = { 0xffffffff, 0xffffffff },
			},
		},
	};
	unsigned int n;

	memset(bitmap, 0xa5, sizeof(bitmap));
	gic_build_irq_bitmap(bitmap, &cfg.cell, 0x08000000, 25);

	assert_int_equal(bitmap[0], ~(1U << 0 | 1U << 1 | 1U << 25));
	assert_int_equal(bitmap[1], 0x1);
	assert_int_equal(bitmap[4], 0x80000000);
	for (n = 2; n < 31; n++)
		if (n != 4)
			assert_int_equal(bitmap[n], 0);
	/* 1020..1023 are not interrupts */
	assert_int_equal(bitmap[31], 0x0fffffff);
	assert_true(gic_irq_in_bitmap(bitmap, 159));
	assert_false(gic_irq_in_bitmap(bitmap, 158));
	assert_false(gic_irq_in_bitmap(bitmap, 1024));
}

/*
 * Jailhouse configs declare more irqchips than they initialise: the
 * trailing all-zero entries grant nothing, and an entry at address 0 is
 * never taken for the distributor, even with a GIC base of 0.
 */
static void test_build_bitmap_empty_entries(void **state)
{
	struct {
		struct jailhouse_cell_desc cell;
		__u64 cpus[1];
		struct jailhouse_irqchip irqchips[3];
	} __attribute__((packed)) cfg = {
		.cell = {
			.cpu_set_size = sizeof(__u64),
			.num_irqchips = 3,
		},
		.cpus = { 0x2 },
		.irqchips = {
			{
				.address = 0x08000000,
				.pin_base = 32,
				.pin_bitmap = { 0, 0, 0, 1U << 16 },
			},
			/* two trailing entries left zero */
		},
	};
	unsigned int n;

	gic_build_irq_bitmap(bitmap, &cfg.cell, 0x08000000, 25);
	assert_int_equal(bitmap[0], ~(1U << 0 | 1U << 1 | 1U << 25));
	assert_int_equal(bitmap[4], 1U << 16);
	for (n = 1; n < GIC_BITMAP_WORDS; n++)
		if (n != 4)
			assert_int_equal(bitmap[n], 0);

	/* an entry at address 0 with pins set: still nothing */
	cfg.irqchips[0].address = 0;
	cfg.irqchips[1].pin_base = 32;
	cfg.irqchips[1].pin_bitmap[0] = ~0U;
	gic_build_irq_bitmap(bitmap, &cfg.cell, 0, 25);
	for (n = 1; n < GIC_BITMAP_WORDS; n++)
		assert_int_equal(bitmap[n], 0);
}

#define MPIDR(aff3, aff2, aff1, aff0) \
	((u64)(aff3) << 32 | (aff2) << 16 | (aff1) << 8 | (aff0) | 1U << 31)

static void test_sgi1r(void **state)
{
	/* SGI 5 to Aff1 = 0, Aff0 in {1, 3} */
	u64 sgir = 5UL << SGIR_INTID_SHIFT | 0xa;
	u64 self = MPIDR(0, 0, 0, 0);

	assert_int_equal(gic_sgi1r_intid(sgir), 5);
	assert_false(gic_sgi1r_targets(sgir, MPIDR(0, 0, 0, 0), self));
	assert_true(gic_sgi1r_targets(sgir, MPIDR(0, 0, 0, 1), self));
	assert_false(gic_sgi1r_targets(sgir, MPIDR(0, 0, 0, 2), self));
	assert_true(gic_sgi1r_targets(sgir, MPIDR(0, 0, 0, 3), self));
	assert_false(gic_sgi1r_targets(sgir, MPIDR(0, 0, 1, 1), self));
	assert_false(gic_sgi1r_targets(sgir, MPIDR(1, 0, 0, 1), self));
	assert_false(gic_sgi1r_targets(sgir, MPIDR(0, 1, 0, 1), self));
	/* Aff0 16..31 need range selector 1 */
	assert_false(gic_sgi1r_targets(sgir, MPIDR(0, 0, 0, 17), self));
	assert_true(gic_sgi1r_targets(sgir | 1UL << SGIR_RS_SHIFT,
				      MPIDR(0, 0, 0, 17), self));
	assert_false(gic_sgi1r_targets(sgir | 1UL << SGIR_RS_SHIFT,
				       MPIDR(0, 0, 0, 1), self));

	/* IRM: everybody but the sender */
	sgir = SGIR_IRM | 2UL << SGIR_INTID_SHIFT;
	assert_false(gic_sgi1r_targets(sgir, self, self));
	assert_true(gic_sgi1r_targets(sgir, MPIDR(0, 0, 0, 1), self));
	assert_true(gic_sgi1r_targets(sgir, MPIDR(2, 1, 3, 1), self));
}

static void test_sgi1r_roundtrip(void **state)
{
	static const u64 cpus[] = {
		MPIDR(0, 0, 0, 0), MPIDR(0, 0, 0, 3), MPIDR(0, 0, 1, 0),
		MPIDR(0, 0, 1, 15), MPIDR(0, 2, 0, 5), MPIDR(3, 0, 0, 1),
	};
	unsigned int n, m;
	u64 sgir;

	for (n = 0; n < ARRAY_SIZE(cpus); n++) {
		sgir = gic_sgi1r_for(cpus[n], 1);
		assert_int_equal(gic_sgi1r_intid(sgir), 1);
		assert_false(sgir & SGIR_IRM);
		for (m = 0; m < ARRAY_SIZE(cpus); m++)
			assert_int_equal(gic_sgi1r_targets(sgir, cpus[m],
							   cpus[0]), n == m);
	}
}

static void test_irouter(void **state)
{
	assert_true(gic_irouter_names(0x100000203UL, MPIDR(1, 0, 2, 3)));
	assert_false(gic_irouter_names(0x100000203UL, MPIDR(0, 0, 2, 3)));
	assert_false(gic_irouter_names(0x100000203UL | GICD_IROUTER_IRM,
				       MPIDR(1, 0, 2, 3)));
	assert_int_equal(gic_mpidr_to_rdist_aff(MPIDR(1, 2, 3, 4)),
			 0x01020304);
}

static unsigned int test_prio[1024];
static unsigned int prio_calls;

static unsigned int prio_of(void *ctx, unsigned int irq)
{
	assert_ptr_equal(ctx, test_prio);
	prio_calls++;
	return test_prio[irq];
}

/* the words of bitmap that hold a bit */
static u32 used_words(void)
{
	u32 words = 0;
	unsigned int n;

	for (n = 0; n < GIC_BITMAP_WORDS; n++)
		if (bitmap[n])
			words |= 1U << n;
	return words;
}

static int pick(u32 words, unsigned int *prio)
{
	return gic_pending_pick(bitmap, words, prio_of, test_prio, prio);
}

static void test_pending_pick(void **state)
{
	static const unsigned int order[] = { 40, 100, 3, 27, 1019 };
	unsigned int n, prio;
	int irq;

	memset(test_prio, 0, sizeof(test_prio));
	assert_int_equal(pick(used_words(), &prio), -1);

	set_irq(3);
	test_prio[3] = 0xa0;
	set_irq(27);
	test_prio[27] = 0xc0;
	set_irq(40);
	test_prio[40] = 0x80;
	set_irq(100);
	test_prio[100] = 0x80;
	set_irq(1019);
	test_prio[1019] = 0xf0;

	/* by priority, the lower INTID first among equals */
	for (n = 0; n < ARRAY_SIZE(order); n++) {
		irq = pick(used_words(), &prio);
		assert_int_equal(irq, order[n]);
		assert_int_equal(prio, test_prio[order[n]]);
		bitmap[irq / 32] &= ~(1U << (irq % 32));
	}
	assert_int_equal(pick(used_words(), &prio), -1);
}

static void test_pending_pick_words(void **state)
{
	unsigned int prio;

	memset(test_prio, 0, sizeof(test_prio));
	set_irq(5);
	test_prio[5] = 0xa0;
	set_irq(70);
	test_prio[70] = 0x10;

	/* words not marked are not looked at */
	assert_int_equal(pick(1U << 0, &prio), 5);
	assert_int_equal(prio, 0xa0);
	assert_int_equal(pick(1U << 2, &prio), 70);
	assert_int_equal(pick(1U << 0 | 1U << 2, &prio), 70);
	assert_int_equal(prio, 0x10);

	/* marked but empty words hold nothing */
	assert_int_equal(pick(1U << 0 | 1U << 7 | 1U << 31, &prio), 5);
	assert_int_equal(pick(1U << 9, &prio), -1);
	assert_int_equal(pick(0, &prio), -1);
}

static void test_pending_pick_single(void **state)
{
	unsigned int prio;

	/* a single waiting SGI: one priority read, no comparisons */
	memset(test_prio, 0, sizeof(test_prio));
	test_prio[2] = 0x90;
	set_irq(2);
	prio_calls = 0;
	assert_int_equal(pick(used_words(), &prio), 2);
	assert_int_equal(prio, 0x90);
	assert_int_equal(prio_calls, 1);

	/* n waiting: n + 1 at most */
	set_irq(9);
	set_irq(33);
	prio_calls = 0;
	assert_int_equal(pick(used_words(), &prio), 9);
	assert_true(prio_calls <= 4);
}

static void test_sgi_cpus(void **state)
{
	/* CPUs 0..3: Aff0 0..3; CPU 4: Aff1 1, Aff0 0; CPU 5: Aff0 17 */
	static const u64 mpidr[] = {
		MPIDR(0, 0, 0, 0), MPIDR(0, 0, 0, 1), MPIDR(0, 0, 0, 2),
		MPIDR(0, 0, 0, 3), MPIDR(0, 0, 1, 0), MPIDR(0, 0, 0, 17),
	};
	struct gic_sgi_group groups[4];
	u64 all = 0x3f, cell = 1U << 1 | 1U << 2, sgir, targets;
	unsigned int n, m, num_groups = 0;

	/* entered in any order */
	for (n = ARRAY_SIZE(mpidr); n-- > 0; )
		assert_true(gic_sgi_groups_add(groups, &num_groups, 4,
					       mpidr[n], n));
	assert_int_equal(num_groups, 3);

	/* the same answer as the one-CPU decoder, for every CPU */
	for (n = 0; n < ARRAY_SIZE(mpidr); n++) {
		sgir = gic_sgi1r_for(mpidr[n], 7);
		targets = gic_sgi1r_cpus(sgir, groups, num_groups, all, 1);
		for (m = 0; m < ARRAY_SIZE(mpidr); m++)
			assert_int_equal((targets >> m) & 1,
					 gic_sgi1r_targets(sgir, mpidr[m],
							   mpidr[1]));
		assert_true(targets == 1ULL << n);
	}

	/* SGI 3 to Aff0 0, 1 and 2 in cluster 0 from CPU 1 of the cell
	 * {1, 2}: CPU 0 lies outside, which the caller reports */
	sgir = 3UL << SGIR_INTID_SHIFT | 0x7;
	targets = gic_sgi1r_cpus(sgir, groups, num_groups, all, 1);
	assert_true(targets == 0x7);
	assert_true((targets & cell) == 0x6);
	assert_true((targets & ~cell) == 0x1);
	/* the sender may target itself */
	assert_true(gic_sgi1r_cpus(0x2, groups, num_groups, all, 1) == 0x2);

	/* the cluster must match: Aff1 1 holds only CPU 4 */
	sgir = 1UL << SGIR_AFF1_SHIFT | 0x3;
	assert_true(gic_sgi1r_cpus(sgir, groups, num_groups, all, 1) ==
		    1U << 4);
	/* Aff0 17: range selector 1, bit 1 */
	sgir = 1UL << SGIR_RS_SHIFT | 0x2;
	assert_true(gic_sgi1r_cpus(sgir, groups, num_groups, all, 1) ==
		    1U << 5);
	/* nobody there */
	sgir = 2UL << SGIR_AFF2_SHIFT | 0xffff;
	assert_true(gic_sgi1r_cpus(sgir, groups, num_groups, all, 1) == 0);
	assert_true(gic_sgi1r_cpus(0xfff0, groups, num_groups, all, 1) == 0);

	/* IRM: all given CPUs but the sender; the caller gives the cell's */
	sgir = SGIR_IRM | 5UL << SGIR_INTID_SHIFT;
	assert_true(gic_sgi1r_cpus(sgir, groups, num_groups, all, 1) ==
		    (all & ~2ULL));
	assert_true(gic_sgi1r_cpus(sgir, groups, num_groups, cell, 1) ==
		    1U << 2);

	/* the table is full: a CPU of a fourth cluster is refused */
	assert_true(gic_sgi_groups_add(groups, &num_groups, 4,
				       MPIDR(0, 0, 2, 0), 6));
	assert_false(gic_sgi_groups_add(groups, &num_groups, 4,
					MPIDR(0, 0, 3, 0), 7));
	assert_int_equal(num_groups, 4);
}

static void test_irouter_cpu(void **state)
{
	static const u64 mpidr[] = {
		MPIDR(0, 0, 0, 0), MPIDR(0, 0, 0, 1), MPIDR(0, 0, 0, 2),
		MPIDR(0, 0, 1, 0),
	};

	assert_int_equal(gic_irouter_cpu(0x1, mpidr, 0xf), 1);
	assert_int_equal(gic_irouter_cpu(0x100, mpidr, 0xf), 3);
	/* a CPU outside the set given (another cell's, or parked) */
	assert_int_equal(gic_irouter_cpu(0x1, mpidr, 0xd), -1);
	/* no such CPU; 1-of-N routing names none */
	assert_int_equal(gic_irouter_cpu(0x3, mpidr, 0xf), -1);
	assert_int_equal(gic_irouter_cpu(GICD_IROUTER_IRM | 0x1, mpidr, 0xf),
			 -1);
	/* the IRM-free value to route to a CPU is its affinity */
	assert_int_equal(gic_irouter_cpu(mpidr[2] & GICD_IROUTER_AFF_MASK,
					 mpidr, 0xf), 2);
	assert_int_equal(gic_irouter_cpu(0, mpidr, 0), -1);
}

/* config with one GICD irqchip entry: pin_base 32, bitmap words */
struct one_chip_cell {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed));

static void make_cell(struct one_chip_cell *cfg, u32 w0, u32 w1, u32 w2,
		      u32 w3)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->cell.cpu_set_size = sizeof(__u64);
	cfg->cell.num_irqchips = 1;
	cfg->irqchips[0].address = 0x08000000;
	cfg->irqchips[0].pin_base = 32;
	cfg->irqchips[0].pin_bitmap[0] = w0;
	cfg->irqchips[0].pin_bitmap[1] = w1;
	cfg->irqchips[0].pin_bitmap[2] = w2;
	cfg->irqchips[0].pin_bitmap[3] = w3;
}

static void test_spi_transfer(void **state)
{
	struct one_chip_cell root_cfg, cell_cfg, other_cfg;
	u32 root[GIC_BITMAP_WORDS], root_config[GIC_BITMAP_WORDS];
	u32 cell[GIC_BITMAP_WORDS], other[GIC_BITMAP_WORDS];
	u32 before[GIC_BITMAP_WORDS];

	/* the QEMU root: INTIDs 32..159; the inmate demo: 32+108 = 140;
	 * another cell: 32+1 = 33 (the UART) and 32+64 = 96 */
	make_cell(&root_cfg, ~0U, ~0U, ~0U, ~0U);
	make_cell(&cell_cfg, 0, 0, 0, 1U << 12);
	make_cell(&other_cfg, 1U << 1, 0, 1U << 0, 0);
	gic_build_irq_bitmap(root_config, &root_cfg.cell, 0x08000000, 25);
	gic_build_irq_bitmap(cell, &cell_cfg.cell, 0x08000000, 25);
	gic_build_irq_bitmap(other, &other_cfg.cell, 0x08000000, 25);
	memcpy(root, root_config, sizeof(root));
	memcpy(before, root, sizeof(root));

	/* creation: the root loses exactly the cell's SPIs */
	gic_bitmap_take_spis(root, cell);
	assert_false(gic_irq_in_bitmap(root, 140));
	assert_true(gic_irq_in_bitmap(root, 139));
	assert_true(gic_irq_in_bitmap(root, 141));
	assert_true(gic_irq_in_bitmap(root, 33));
	/* private IRQs stay: every CPU has its own */
	assert_int_equal(root[0], before[0]);
	assert_int_equal(root[4], before[4] & ~(1U << 12));

	gic_bitmap_take_spis(root, other);
	assert_false(gic_irq_in_bitmap(root, 33));
	assert_false(gic_irq_in_bitmap(root, 96));
	assert_true(gic_irq_in_bitmap(root, 34));

	/* destruction of the first cell: 140 comes back, 33 stays away */
	gic_bitmap_return_spis(root, cell, root_config);
	assert_true(gic_irq_in_bitmap(root, 140));
	assert_false(gic_irq_in_bitmap(root, 33));
	gic_bitmap_return_spis(root, other, root_config);
	assert_memory_equal(root, before, sizeof(root));

	/* a cell SPI the root's config never had is not handed to the root
	 * (only possible if the core let it through) */
	make_cell(&cell_cfg, 0, 0, 0, 0);
	cell_cfg.irqchips[0].pin_base = 512;
	cell_cfg.irqchips[0].pin_bitmap[0] = 1;
	gic_build_irq_bitmap(cell, &cell_cfg.cell, 0x08000000, 25);
	assert_true(gic_irq_in_bitmap(cell, 512));
	gic_bitmap_take_spis(root, cell);
	gic_bitmap_return_spis(root, cell, root_config);
	assert_false(gic_irq_in_bitmap(root, 512));
	assert_memory_equal(root, before, sizeof(root));

	/* a cell that failed before the commit: giving back is a no-op */
	gic_bitmap_return_spis(root, other, root_config);
	assert_memory_equal(root, before, sizeof(root));
}

static void test_cell_filter(void **state)
{
	struct one_chip_cell cell_cfg;
	u32 cell[GIC_BITMAP_WORDS];
	struct gic_reg_filter f;

	/* a cell with SPI 140 only: ISENABLER1 (32..63, the UART 33) is
	 * all foreign, IROUTER 140 its own, IROUTER 33 foreign */
	make_cell(&cell_cfg, 0, 0, 0, 1U << 12);
	gic_build_irq_bitmap(cell, &cell_cfg.cell, 0x08000000, 25);

	f = classify(GICD_ISENABLER + 4, 4, 1024);
	assert_int_equal(gic_irq_access_mask(cell, &f, 4), 0);
	f = classify(GICD_ISENABLER + 16, 4, 1024);
	assert_int_equal(gic_irq_access_mask(cell, &f, 4), 1U << 12);
	f = classify(GICD_IROUTER + 33 * 8, 8, 1024);
	assert_true(gic_irq_access_mask(cell, &f, 8) == 0);
	f = classify(GICD_IROUTER + 140 * 8, 8, 1024);
	assert_true(gic_irq_access_mask(cell, &f, 8) == ~0ULL);
	f = classify(GICD_IPRIORITYR + 140, 1, 1024);
	assert_int_equal(gic_irq_access_mask(cell, &f, 1), 0xff);
	f = classify(GICD_IPRIORITYR + 33, 1, 1024);
	assert_int_equal(gic_irq_access_mask(cell, &f, 1), 0);
}

static void test_lr_value(void **state)
{
	assert_true(gic_lr_value(27, 0xa0, true) == 0x70a0001b0000001bULL);
	assert_true(gic_lr_value(1, 0x80, false) == 0x5080000000000001ULL);
	assert_true(gic_lr_value(33, 0x1a0, false) == 0x50a0000000000021ULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_classify_dist, reset_bitmap),
		cmocka_unit_test_setup(test_classify_other, reset_bitmap),
		cmocka_unit_test_setup(test_classify_redist, reset_bitmap),
		cmocka_unit_test_setup(test_mask, reset_bitmap),
		cmocka_unit_test_setup(test_mask_private, reset_bitmap),
		cmocka_unit_test_setup(test_build_bitmap, reset_bitmap),
		cmocka_unit_test_setup(test_build_bitmap_empty_entries,
				       reset_bitmap),
		cmocka_unit_test(test_sgi1r),
		cmocka_unit_test(test_sgi1r_roundtrip),
		cmocka_unit_test(test_irouter),
		cmocka_unit_test_setup(test_pending_pick, reset_bitmap),
		cmocka_unit_test_setup(test_pending_pick_words, reset_bitmap),
		cmocka_unit_test_setup(test_pending_pick_single, reset_bitmap),
		cmocka_unit_test(test_sgi_cpus),
		cmocka_unit_test(test_irouter_cpu),
		cmocka_unit_test(test_spi_transfer),
		cmocka_unit_test(test_cell_filter),
		cmocka_unit_test(test_lr_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
