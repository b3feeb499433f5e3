// SPDX-License-Identifier: GPL-2.0
/*
 * The hardware-free part of the GICv3 driver (hypervisor/arch/arm64/
 * gic-filter.c): register filtering by the cell's IRQ bitmap, the cell
 * bitmap built from the config, ICC_SGI1R_EL1 decoding, the choice of the
 * next queued IRQ and the list register format.
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

static unsigned int prio_of(void *ctx, unsigned int irq)
{
	assert_ptr_equal(ctx, test_prio);
	return test_prio[irq];
}

static void test_pending_pick(void **state)
{
	static const unsigned int order[] = { 40, 100, 3, 27, 1019 };
	unsigned int n;
	int irq;

	memset(test_prio, 0, sizeof(test_prio));
	assert_int_equal(gic_pending_pick(bitmap, prio_of, test_prio), -1);

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
		irq = gic_pending_pick(bitmap, prio_of, test_prio);
		assert_int_equal(irq, order[n]);
		bitmap[irq / 32] &= ~(1U << (irq % 32));
	}
	assert_int_equal(gic_pending_pick(bitmap, prio_of, test_prio), -1);
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
		cmocka_unit_test(test_sgi1r),
		cmocka_unit_test(test_sgi1r_roundtrip),
		cmocka_unit_test(test_irouter),
		cmocka_unit_test_setup(test_pending_pick, reset_bitmap),
		cmocka_unit_test(test_lr_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
