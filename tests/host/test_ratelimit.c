// SPDX-License-Identifier: GPL-2.0
/*
 * The rate limit of cell-provoked hypervisor messages (security review
 * M3), hypervisor/ratelimit.c compiled unchanged: a burst of
 * RATELIMIT_BURST, then one message a second, the suppressed ones counted
 * and handed out once with the next message that passes.  Time is
 * injected: a counter of FREQ ticks a second.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/ratelimit.h>

#define FREQ		62500000ULL	/* QEMU virt's CNTFRQ */
#define START		(1000 * FREQ + 12345)

static struct ratelimit limit;
static unsigned int report;

static int reset(void **state)
{
	memset(&limit, 0, sizeof(limit));
	report = 0xdead;
	return 0;
}

static bool allow(u64 now)
{
	return ratelimit_allow(&limit, now, FREQ, &report);
}

/* how many of n messages sent at time now pass */
static unsigned int passed(u64 now, unsigned int n)
{
	unsigned int count = 0;

	while (n--)
		count += allow(now);
	return count;
}

static void test_burst_then_nothing(void **state)
{
	unsigned int n;

	for (n = 0; n < RATELIMIT_BURST; n++) {
		assert_true(allow(START + n));
		assert_int_equal(report, 0);
	}
	assert_int_equal(passed(START + RATELIMIT_BURST, 5000), 0);
	/* still within the first second */
	assert_int_equal(passed(START + FREQ - 1, 100), 0);
	assert_int_equal(ratelimit_take_suppressed(&limit), 5100);
	assert_int_equal(ratelimit_take_suppressed(&limit), 0);
}

static void test_one_a_second_with_count(void **state)
{
	unsigned int second;

	assert_int_equal(passed(START, RATELIMIT_BURST + 7), RATELIMIT_BURST);
	for (second = 1; second <= 5; second++) {
		/* the first message of each second passes, with the count */
		assert_true(allow(START + second * FREQ));
		assert_int_equal(report, second == 1 ? 7 : 999);
		assert_int_equal(passed(START + second * FREQ + 1, 999), 0);
	}
	assert_int_equal(ratelimit_take_suppressed(&limit), 999);
}

/* a flood over 10 s lets through the burst plus one a second, no more */
static void test_flood_bounded(void **state)
{
	const unsigned int seconds = 10, per_tick = 3;
	unsigned int count = 0, reports = 0;
	u64 t;

	for (t = 0; t < seconds * FREQ; t += FREQ / 1000) {
		unsigned int n;

		for (n = 0; n < per_tick; n++) {
			count += allow(START + t);
			reports += report != 0 && report != 0xdead;
			report = 0xdead;
		}
	}
	assert_int_equal(count, RATELIMIT_BURST + seconds - 1);
	assert_int_equal(reports, seconds - 1);
}

static void test_refills_to_burst_only(void **state)
{
	assert_int_equal(passed(START, RATELIMIT_BURST), RATELIMIT_BURST);
	/* a long quiet time earns one burst, not more */
	assert_int_equal(passed(START + 3600 * FREQ, 100), RATELIMIT_BURST);
	assert_int_equal(ratelimit_take_suppressed(&limit),
			 100 - RATELIMIT_BURST);
	/* three seconds: three messages */
	assert_int_equal(passed(START + 3603 * FREQ, 100), 3);
}

/* the fraction of a second is kept: tokens come every FREQ ticks */
static void test_fractions_kept(void **state)
{
	u64 t = START;
	unsigned int n;

	assert_int_equal(passed(t, RATELIMIT_BURST), RATELIMIT_BURST);
	for (n = 0; n < 20; n++) {
		t += FREQ * 7 / 10;
		allow(t);
	}
	/* 14 s: 14 tokens, each used as it came */
	assert_int_equal(passed(t, 100), 0);
	assert_true(allow(START + 15 * FREQ));
}

static void test_time_going_back(void **state)
{
	assert_int_equal(passed(START, RATELIMIT_BURST), RATELIMIT_BURST);
	assert_false(allow(START - 5 * FREQ));
	assert_false(allow(START));
	assert_true(allow(START + FREQ));
	assert_int_equal(report, 2);
}

static void test_counter_saturates(void **state)
{
	assert_int_equal(passed(START, RATELIMIT_BURST), RATELIMIT_BURST);
	limit.suppressed = ~0U - 1;
	assert_false(allow(START));
	assert_false(allow(START));
	assert_int_equal(limit.suppressed, ~0U);
	assert_true(allow(START + FREQ));
	assert_int_equal(report, ~0U);
}

static void test_zero_frequency(void **state)
{
	unsigned int n;

	for (n = 0; n < RATELIMIT_BURST; n++)
		assert_true(ratelimit_allow(&limit, 0, 0, &report));
	assert_false(ratelimit_allow(&limit, 0, 0, &report));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_burst_then_nothing, reset),
		cmocka_unit_test_setup(test_one_a_second_with_count, reset),
		cmocka_unit_test_setup(test_flood_bounded, reset),
		cmocka_unit_test_setup(test_refills_to_burst_only, reset),
		cmocka_unit_test_setup(test_fractions_kept, reset),
		cmocka_unit_test_setup(test_time_going_back, reset),
		cmocka_unit_test_setup(test_counter_saturates, reset),
		cmocka_unit_test_setup(test_zero_frequency, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
