// SPDX-License-Identifier: GPL-2.0
/*
 * The root's setup of the SPIs it lends to a cell (hypervisor/arch/arm64/
 * gic-filter.c, gic_root_spis_*): saved when a cell takes them, written
 * back when they return, against a distributor kept in memory whose
 * set/clear banks behave as the hardware's do.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hypervisor/arch/arm64/gic-filter.c"

/* a distributor in memory, with a log of the accesses that change it */
struct dist_access {
	unsigned long offset;	/* ~0UL: sync() */
	unsigned int size;
	u64 value;
};

static u8 fake_dist[GICD_SIZE];
static struct dist_access dist_log[256];
static unsigned int dist_log_len;
static struct gic_root_spis root_spis;

static u64 fake_read(void *ctx, unsigned long offset, unsigned int size)
{
	u64 value = 0;

	assert_true(size == 1 || size == 4 || size == 8);
	assert_int_equal(offset % size, 0);
	memcpy(&value, &fake_dist[offset], size);
	return value;
}

static void fake_write(void *ctx, unsigned long offset, unsigned int size,
		       u64 value)
{
	assert_true(size == 1 || size == 4 || size == 8);
	assert_int_equal(offset % size, 0);
	assert_true(dist_log_len < 256);
	dist_log[dist_log_len++] = (struct dist_access){ offset, size, value };

	/* set/clear banks act on the bits written, as the hardware does */
	if (offset >= GICD_ISENABLER && offset < GICD_IPRIORITYR) {
		unsigned long bank = (offset - GICD_ISENABLER) / 0x80;
		unsigned long reg = GICD_ISENABLER + bank / 2 * 0x100 +
			(offset & 0x7f);
		u32 word;

		memcpy(&word, &fake_dist[reg], 4);
		word = bank % 2 ? word & ~(u32)value : word | (u32)value;
		memcpy(&fake_dist[reg], &word, 4);
		return;
	}
	memcpy(&fake_dist[offset], &value, size);
}

static void fake_sync(void *ctx)
{
	assert_true(dist_log_len < 256);
	dist_log[dist_log_len++] = (struct dist_access){ ~0UL, 0, 0 };
}

static const struct gic_dist_ops fake_ops = {
	.read = fake_read,
	.write = fake_write,
	.sync = fake_sync,
};

static int reset_dist(void **state)
{
	memset(fake_dist, 0, sizeof(fake_dist));
	memset(&root_spis, 0, sizeof(root_spis));
	dist_log_len = 0;
	return 0;
}

static u32 dist_word(unsigned long offset)
{
	return fake_read(NULL, offset, 4);
}

static void set_dist_word(unsigned long offset, u32 value)
{
	memcpy(&fake_dist[offset], &value, 4);
}

static u64 dist_route(unsigned int irq)
{
	return fake_read(NULL, GICD_IROUTER + irq * 8, 8);
}

static void set_dist_route(unsigned int irq, u64 route)
{
	memcpy(&fake_dist[GICD_IROUTER + irq * 8], &route, 8);
}

/* index of the first logged access to offset, -1 if none */
static int logged(unsigned long offset)
{
	unsigned int n;

	for (n = 0; n < dist_log_len; n++)
		if (dist_log[n].offset == offset)
			return n;
	return -1;
}

static void one_irq(u32 *map, unsigned int irq)
{
	memset(map, 0, GIC_BITMAP_WORDS * sizeof(u32));
	map[irq / 32] = 1U << (irq % 32);
}

static void all_spis(u32 *map)
{
	unsigned int n;

	map[0] = 0;
	for (n = 1; n < GIC_BITMAP_WORDS; n++)
		map[n] = ~0U;
}

/*
 * The root's UART SPI 33: edge, priority 0xa0, group 1, enabled, routed
 * to 0.0.1.0; SPI 34 next to it, level, priority 0x80, disabled.  A cell
 * takes 33 and leaves it in another state; the root gets it back as it
 * was, and 34 keeps whatever the root did to it meanwhile.
 */
static void test_root_spis_roundtrip(void **state)
{
	u32 root[GIC_BITMAP_WORDS], cell[GIC_BITMAP_WORDS];
	u32 root_config[GIC_BITMAP_WORDS];

	set_dist_word(GICD_ICFGR + 8, 2U << 2);		/* 33: edge */
	set_dist_word(GICD_IPRIORITYR + 32, 0x0080a000);
	set_dist_word(GICD_IGROUPR + 4, 3U << 1);
	set_dist_word(GICD_ISENABLER + 4, 1U << 1 | 1U << 7);
	set_dist_route(33, 0x100);
	set_dist_route(34, 0x200);

	all_spis(root);
	all_spis(root_config);
	one_irq(cell, 33);
	gic_root_spis_save(&root_spis, root, cell, 4, &fake_ops);
	assert_int_equal(dist_log_len, 0);
	assert_int_equal(root_spis.saved[1], 1U << 1);
	assert_int_equal(gic_root_spis_lost(&root_spis, 1, ~0U), 1U << 1);

	/* the cell's time: 33 level, other priority and route, active and
	 * pending; the root sets up 34 and enables it */
	set_dist_word(GICD_ICFGR + 8, 2U << 4);
	set_dist_word(GICD_IPRIORITYR + 32, 0x00401000);
	set_dist_word(GICD_ISENABLER + 4, 1U << 2 | 1U << 7);
	set_dist_word(GICD_ISPENDR + 4, 1U << 1);
	set_dist_word(GICD_ISACTIVER + 4, 1U << 1);
	set_dist_route(33, 0x3);

	gic_root_spis_restore(&root_spis, cell, root_config, 4, &fake_ops);
	assert_int_equal(dist_word(GICD_ICFGR + 8), 2U << 2 | 2U << 4);
	assert_int_equal(dist_word(GICD_IPRIORITYR + 32), 0x0040a000);
	assert_int_equal(dist_word(GICD_IGROUPR + 4), 3U << 1);
	assert_int_equal(dist_word(GICD_ISENABLER + 4),
			 1U << 1 | 1U << 2 | 1U << 7);
	assert_int_equal(dist_word(GICD_ISPENDR + 4), 0);
	assert_int_equal(dist_word(GICD_ISACTIVER + 4), 0);
	assert_true(dist_route(33) == 0x100);
	assert_true(dist_route(34) == 0x200);
	assert_int_equal(root_spis.saved[1], 0);

	/* disabled and quiet before it is reconfigured, enabled last */
	assert_int_equal(logged(GICD_ICENABLER + 4), 0);
	assert_true(dist_log[0].value == 1U << 1);
	assert_true(dist_log[1].offset == ~0UL);
	assert_true(logged(GICD_ICACTIVER + 4) < logged(GICD_ICFGR + 8));
	assert_true(logged(GICD_ICFGR + 8) < logged(GICD_ICPENDR + 4));
	assert_true(logged(GICD_IROUTER + 33 * 8) < logged(GICD_ICPENDR + 4));
	assert_int_equal(logged(GICD_ISENABLER + 4), dist_log_len - 1);
	assert_true(dist_log[dist_log_len - 1].value == 1U << 1);
	/* only 33's bits of the set/clear registers are written */
	assert_true(dist_log[logged(GICD_ICPENDR + 4)].value == 1U << 1);
	assert_true(dist_log[logged(GICD_ICACTIVER + 4)].value == 1U << 1);

	/* a second destroy of the same pins finds nothing saved */
	dist_log_len = 0;
	gic_root_spis_restore(&root_spis, cell, root_config, 4, &fake_ops);
	assert_int_equal(dist_log_len, 0);
}

/* the root disables or enables an SPI it lost: that is what it gets back */
static void test_root_spis_enable_write(void **state)
{
	u32 root[GIC_BITMAP_WORDS], cell[GIC_BITMAP_WORDS];

	all_spis(root);
	memset(cell, 0, sizeof(cell));
	cell[1] = 1U << 1;
	cell[4] = 1U << 12;		/* 140 */
	set_dist_word(GICD_ISENABLER + 4, 1U << 1);
	gic_root_spis_save(&root_spis, root, cell, 8, &fake_ops);
	assert_true(root_spis.setup[33].enabled);
	assert_false(root_spis.setup[140].enabled);

	/* Linux frees 33 and requests 140 while the cell has both; bits of
	 * SPIs it still owns are none of this */
	gic_root_spis_enable_write(&root_spis, 1, 1U << 1 | 1U << 2, false);
	gic_root_spis_enable_write(&root_spis, 4, 1U << 12 | 1U << 13, true);
	assert_false(root_spis.setup[33].enabled);
	assert_false(root_spis.setup[34].enabled);
	assert_true(root_spis.setup[140].enabled);
	assert_false(root_spis.setup[141].enabled);
	gic_root_spis_enable_write(&root_spis, 40, ~0U, true);

	gic_root_spis_restore(&root_spis, cell, root, 8, &fake_ops);
	assert_int_equal(dist_word(GICD_ISENABLER + 4), 0);
	assert_int_equal(dist_word(GICD_ISENABLER + 16), 1U << 12);
	assert_int_equal(logged(GICD_ISENABLER + 4), -1);

	/* back in the root: its writes are its own again */
	gic_root_spis_enable_write(&root_spis, 1, 1U << 1, true);
	assert_false(root_spis.setup[33].enabled);
}

/*
 * Only SPIs the root had are saved, only those its config lists are
 * restored (the rest are forgotten), and a cell that never took its SPIs
 * (failed creation) restores nothing.
 */
static void test_root_spis_partial(void **state)
{
	u32 root[GIC_BITMAP_WORDS], cell[GIC_BITMAP_WORDS];
	u32 root_config[GIC_BITMAP_WORDS], other[GIC_BITMAP_WORDS];

	memset(root, 0, sizeof(root));
	memset(cell, 0, sizeof(cell));
	root[1] = 1U << 1 | 1U << 2;
	cell[1] = 1U << 1 | 1U << 2 | 1U << 3;
	cell[0] = ~0U;			/* private IRQs never move */
	set_dist_word(GICD_ISENABLER + 4, 1U << 1 | 1U << 2 | 1U << 3);
	set_dist_word(GICD_ISENABLER, ~0U);
	gic_root_spis_save(&root_spis, root, cell, 32, &fake_ops);
	assert_int_equal(root_spis.saved[0], 0);
	assert_int_equal(root_spis.saved[1], 1U << 1 | 1U << 2);

	/* a failed cell with the same pins would be refused by the config
	 * checks; one with other pins finds nothing of its own */
	one_irq(other, 100);
	gic_root_spis_restore(&root_spis, other, root, 32, &fake_ops);
	assert_int_equal(dist_log_len, 0);
	assert_int_equal(root_spis.saved[1], 1U << 1 | 1U << 2);

	set_dist_word(GICD_ISENABLER + 4, 0);
	one_irq(root_config, 34);
	gic_root_spis_restore(&root_spis, cell, root_config, 32, &fake_ops);
	assert_int_equal(dist_word(GICD_ISENABLER + 4), 1U << 2);
	assert_int_equal(dist_word(GICD_ISENABLER), ~0U);
	assert_int_equal(root_spis.saved[1], 0);

	/* beyond the implemented words nothing is touched */
	reset_dist(NULL);
	one_irq(cell, 1000);
	all_spis(root);
	gic_root_spis_save(&root_spis, root, cell, 2, &fake_ops);
	assert_int_equal(root_spis.saved[31], 0);
	gic_root_spis_save(&root_spis, root, cell, 99, &fake_ops);
	assert_int_equal(root_spis.saved[31], 1U << 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_root_spis_roundtrip, reset_dist),
		cmocka_unit_test_setup(test_root_spis_enable_write,
				       reset_dist),
		cmocka_unit_test_setup(test_root_spis_partial, reset_dist),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
