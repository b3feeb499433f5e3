// SPDX-License-Identifier: GPL-2.0
/*
 * LPI decisions of the GICv3 driver (hypervisor/arch/arm64/gic-lpi.c):
 * which redistributor registers are the LPI machinery and which widths
 * each register takes, what cells see of GICR_TYPER and GICD_TYPER, what
 * becomes of an acknowledged LPI, and the queue of virtual LPIs waiting
 * for a list register.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hypervisor/arch/arm64/gic-lpi.c"

static void test_rd_lpi_registers(void **state)
{
	static const unsigned long lpi_regs[] = {
		GICR_SETLPIR, GICR_CLRLPIR, GICR_PROPBASER, GICR_PENDBASER,
		GICR_INVLPIR, GICR_INVALLR,
	};
	unsigned int n;

	for (n = 0; n < sizeof(lpi_regs) / sizeof(lpi_regs[0]); n++) {
		/* a double word, or either of its words */
		assert_true(gic_rd_reg_is_lpi(gic_rd_classify(lpi_regs[n],
							      8)));
		assert_true(gic_rd_reg_is_lpi(gic_rd_classify(lpi_regs[n],
							      4)));
		assert_true(gic_rd_reg_is_lpi(gic_rd_classify(lpi_regs[n] + 4,
							      4)));
	}
	assert_int_equal(gic_rd_classify(GICR_PROPBASER, 8),
			 GIC_RD_LPI_TABLES);
	assert_int_equal(gic_rd_classify(GICR_PENDBASER + 4, 4),
			 GIC_RD_LPI_TABLES);
	assert_int_equal(gic_rd_classify(GICR_SETLPIR, 8),
			 GIC_RD_LPI_COMMAND);
	assert_int_equal(gic_rd_classify(GICR_INVALLR, 8),
			 GIC_RD_LPI_COMMAND);
	assert_int_equal(gic_rd_classify(GICR_SYNCR, 4), GIC_RD_SYNCR);
	assert_true(gic_rd_reg_is_lpi(GIC_RD_SYNCR));

	/* the rest of RD_base is not */
	assert_false(gic_rd_reg_is_lpi(gic_rd_classify(GICR_CTLR, 4)));
	assert_false(gic_rd_reg_is_lpi(gic_rd_classify(GICR_TYPER, 8)));
	assert_false(gic_rd_reg_is_lpi(gic_rd_classify(GICR_WAKER, 4)));
	assert_false(gic_rd_reg_is_lpi(gic_rd_classify(0xa8, 8)));
	assert_false(gic_rd_reg_is_lpi(gic_rd_classify(0x50, 8)));
}

static void test_rd_widths(void **state)
{
	/* 32-bit registers: words only (L8) */
	assert_int_equal(gic_rd_classify(GICR_CTLR, 4), GIC_RD_CTLR);
	assert_int_equal(gic_rd_classify(GICR_CTLR, 8), GIC_RD_INVALID);
	assert_int_equal(gic_rd_classify(GICR_IIDR, 4), GIC_RD_IIDR);
	assert_int_equal(gic_rd_classify(GICR_STATUSR, 4), GIC_RD_STATUSR);
	assert_int_equal(gic_rd_classify(GICR_STATUSR, 8), GIC_RD_INVALID);
	assert_int_equal(gic_rd_classify(GICR_WAKER, 4), GIC_RD_WAKER);
	assert_int_equal(gic_rd_classify(GICR_SYNCR, 8), GIC_RD_INVALID);
	assert_int_equal(gic_rd_classify(GICR_ID_FIRST, 4), GIC_RD_ID);
	assert_int_equal(gic_rd_classify(0xffe8, 4), GIC_RD_ID);
	assert_int_equal(gic_rd_classify(0xffe8, 8), GIC_RD_INVALID);

	/* 64-bit ones: both */
	assert_int_equal(gic_rd_classify(GICR_TYPER, 8), GIC_RD_TYPER);
	assert_int_equal(gic_rd_classify(GICR_TYPER, 4), GIC_RD_TYPER);
	assert_int_equal(gic_rd_classify(GICR_TYPER + 4, 4), GIC_RD_TYPER);

	/* misaligned, odd sizes, beyond RD_base */
	assert_int_equal(gic_rd_classify(GICR_TYPER + 4, 8), GIC_RD_INVALID);
	assert_int_equal(gic_rd_classify(GICR_PROPBASER + 2, 4),
			 GIC_RD_INVALID);
	assert_int_equal(gic_rd_classify(GICR_CTLR, 1), GIC_RD_INVALID);
	assert_int_equal(gic_rd_classify(GICR_CTLR, 2), GIC_RD_INVALID);
	assert_int_equal(gic_rd_classify(GICR_SGI_BASE, 4), GIC_RD_INVALID);

	/* reserved space reads as zero in words and double words */
	assert_int_equal(gic_rd_classify(0x18, 8), GIC_RD_RESERVED);
	assert_int_equal(gic_rd_classify(0x1c, 4), GIC_RD_RESERVED);
	assert_int_equal(gic_rd_classify(0xa8, 8), GIC_RD_RESERVED);
	assert_int_equal(gic_rd_classify(0x1000, 8), GIC_RD_RESERVED);
	assert_int_equal(gic_rd_classify(0xffc8, 8), GIC_RD_RESERVED);
}

static void test_typer_for_cell(void **state)
{
	/* QEMU with its=on: PLPIS, Last, affinity 1.0.0.3 */
	u64 rd_typer = 0x0100000300000011ULL | GICR_TYPER_DIRECT_LPI;
	/* LPIS, 16 ID bits, MBIS, 8 ITLines */
	u32 dist_typer = GICD_TYPER_LPIS | 15 << 19 | 1 << 16 | 7;

	assert_int_equal(gic_rd_typer_for_cell(rd_typer, true), rd_typer);
	assert_int_equal(gic_rd_typer_for_cell(rd_typer, false),
			 0x0100000300000010ULL);
	/* VLPIS stays: it sets the frame stride the guest walks */
	assert_int_equal(gic_rd_typer_for_cell(GICR_TYPER_VLPIS |
					       GICR_TYPER_PLPIS, false),
			 GICR_TYPER_VLPIS);

	assert_int_equal(gic_dist_typer_for_cell(dist_typer, true),
			 dist_typer);
	assert_int_equal(gic_dist_typer_for_cell(dist_typer, false),
			 15 << 19 | 1 << 16 | 7);
	assert_int_equal(gic_dist_typer_for_cell(GICD_TYPER_DVIS, false), 0);
}

static void test_lpi_action(void **state)
{
	assert_int_equal(gic_lpi_action(27, true), GIC_LPI_NONE);
	assert_int_equal(gic_lpi_action(1019, false), GIC_LPI_NONE);
	assert_int_equal(gic_lpi_action(1023, true), GIC_LPI_NONE);
	assert_int_equal(gic_lpi_action(8191, true), GIC_LPI_NONE);
	assert_int_equal(gic_lpi_action(8192, true), GIC_LPI_FORWARD);
	assert_int_equal(gic_lpi_action(8192, false), GIC_LPI_DROP);
	assert_int_equal(gic_lpi_action(16388, true), GIC_LPI_FORWARD);
	/* 24-bit INTIDs */
	assert_int_equal(gic_lpi_action(0xffffff, false), GIC_LPI_DROP);
	assert_false(gic_intid_is_lpi(GIC_SPURIOUS));
	assert_true(gic_intid_is_lpi(GIC_FIRST_LPI));
}

static void test_lpi_queue_order(void **state)
{
	struct gic_lpi_queue q = { 0 };
	u32 intid;
	u8 prio;

	assert_int_equal(gic_lpi_queue_best_prio(&q), -1);
	assert_false(gic_lpi_queue_take(&q, &intid, &prio));

	assert_true(gic_lpi_queue_add(&q, 16384, 0xa0));
	assert_true(gic_lpi_queue_add(&q, 16385, 0xa0));
	assert_true(gic_lpi_queue_add(&q, 16386, 0x80));
	assert_true(gic_lpi_queue_add(&q, 16387, 0xa0));
	assert_int_equal(q.count, 4);
	assert_int_equal(gic_lpi_queue_best_prio(&q), 0x80);

	/* highest priority first, then in the order they came */
	assert_true(gic_lpi_queue_take(&q, &intid, &prio));
	assert_int_equal(intid, 16386);
	assert_int_equal(prio, 0x80);
	assert_true(gic_lpi_queue_take(&q, &intid, &prio));
	assert_int_equal(intid, 16384);
	assert_true(gic_lpi_queue_take(&q, &intid, &prio));
	assert_int_equal(intid, 16385);
	assert_true(gic_lpi_queue_take(&q, &intid, &prio));
	assert_int_equal(intid, 16387);
	assert_int_equal(prio, 0xa0);
	assert_false(gic_lpi_queue_take(&q, &intid, &prio));
	assert_int_equal(q.count, 0);
	assert_int_equal(q.lost, 0);
}

static void test_lpi_queue_merge_and_full(void **state)
{
	struct gic_lpi_queue q = { 0 };
	unsigned int n;
	u32 intid;
	u8 prio;

	/* a second one of a waiting LPI merges, at the higher priority */
	assert_true(gic_lpi_queue_add(&q, 8192, 0xa0));
	assert_true(gic_lpi_queue_add(&q, 8192, 0x90));
	assert_true(gic_lpi_queue_add(&q, 8192, 0xb0));
	assert_int_equal(q.count, 1);
	assert_int_equal(gic_lpi_queue_best_prio(&q), 0x90);

	for (n = 1; n < GIC_LPI_QUEUE_LEN; n++)
		assert_true(gic_lpi_queue_add(&q, 8192 + n, 0xa0));
	assert_int_equal(q.count, GIC_LPI_QUEUE_LEN);
	/* full: a new one is lost and counted, a waiting one still merges */
	assert_false(gic_lpi_queue_add(&q, 9000, 0xa0));
	assert_int_equal(q.lost, 1);
	assert_true(gic_lpi_queue_add(&q, 8193, 0xa0));
	assert_int_equal(q.count, GIC_LPI_QUEUE_LEN);

	for (n = 0; n < GIC_LPI_QUEUE_LEN; n++) {
		assert_true(gic_lpi_queue_take(&q, &intid, &prio));
		assert_int_equal(intid, 8192 + n);
	}
	assert_int_equal(q.count, 0);
	assert_true(gic_lpi_queue_add(&q, 9000, 0xa0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rd_lpi_registers),
		cmocka_unit_test(test_rd_widths),
		cmocka_unit_test(test_typer_for_cell),
		cmocka_unit_test(test_lpi_action),
		cmocka_unit_test(test_lpi_queue_order),
		cmocka_unit_test(test_lpi_queue_merge_and_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
