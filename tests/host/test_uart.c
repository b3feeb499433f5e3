// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's UART loop (hypervisor/uart.c, compiled unchanged) on a
 * fake transmitter that a test can stop and start, as a cell sharing the
 * debug UART can (security review H4): a stopped transmitter costs one
 * bounded wait, then nothing at all until it takes characters again, and
 * the caller learns how much of its text went out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

/* uart.c's arch dependencies, for the host */
#define _JAILHOUSE_ARCH_H
#include <jailhouse/types.h>
#include <jailhouse/uart.h>

#define FREQ	62500000ULL	/* QEMU virt's CNTFRQ */

static u64 now;
static unsigned int counter_reads;
static bool tx_stopped;
static char sent[256];
static unsigned int sent_len;

static u64 arch_counter_ticks(void)
{
	counter_reads++;
	/* each poll of a busy transmitter takes 1 us */
	now += FREQ / 1000000;
	return now;
}

static u64 arch_counter_freq(void)
{
	return FREQ;
}

static void cpu_relax(void)
{
}

static void fake_init(struct uart_chip *chip)
{
}

static unsigned int busy_polls;

static bool fake_is_busy(struct uart_chip *chip)
{
	busy_polls++;
	return tx_stopped;
}

static void fake_write_char(struct uart_chip *chip, char c)
{
	if (sent_len < sizeof(sent))
		sent[sent_len++] = c;
}

static const struct uart_driver fake_driver = {
	.name = "fake",
	.init = fake_init,
	.is_busy = fake_is_busy,
	.write_char = fake_write_char,
};

static const struct uart_driver *arch_uart_driver(u16 type, u16 flags)
{
	return &fake_driver;
}

#include "../../hypervisor/uart.c"

static struct uart_chip chip;
static const struct jailhouse_console con = {
	.type = JAILHOUSE_CON_TYPE_PL011,
};

static int setup(void **state)
{
	now = 0;
	counter_reads = busy_polls = sent_len = 0;
	tx_stopped = false;
	memset(sent, 0, sizeof(sent));
	assert_int_equal(uart_init(&chip, &con, NULL), 0);
	return 0;
}

static void test_writes_all_with_crlf(void **state)
{
	assert_int_equal(uart_write(&chip, "ab\nc"), 4);
	assert_int_equal(sent_len, 5);
	assert_memory_equal(sent, "ab\r\nc", 5);
	assert_false(chip.stalled);
}

static void test_stopped_tx_bounded_then_free(void **state)
{
	u64 before;

	tx_stopped = true;
	assert_int_equal(uart_write(&chip, "hello"), 0);
	assert_true(chip.stalled);
	assert_int_equal(chip.stalls, 1);
	/* one wait of about 10 ms, not more */
	assert_true(now <= FREQ / 100 + 2 * (FREQ / 1000000));
	assert_true(now >= FREQ / 100);

	/* while it stays stopped: no waiting at all, one poll per call */
	before = now;
	busy_polls = 0;
	assert_int_equal(uart_write(&chip, "more"), 0);
	assert_int_equal(uart_write(&chip, "more"), 0);
	assert_int_equal(now, before);
	assert_int_equal(busy_polls, 2);
	assert_int_equal(chip.stalls, 1);
	assert_int_equal(sent_len, 0);
}

static void test_resumes_when_tx_runs_again(void **state)
{
	tx_stopped = true;
	assert_int_equal(uart_write(&chip, "x"), 0);
	assert_true(chip.stalled);

	tx_stopped = false;
	assert_true(uart_takes_chars(&chip));
	assert_false(chip.stalled);
	assert_int_equal(uart_write(&chip, "back"), 4);
	assert_memory_equal(sent, "back", 4);
}

/* a transmitter stopping half-way: the count says where to go on */
static bool stop_after_two(struct uart_chip *c)
{
	return sent_len >= 2;
}

static void test_partial_write_counted(void **state)
{
	static const struct uart_driver stopping = {
		.name = "stopping",
		.init = fake_init,
		.is_busy = stop_after_two,
		.write_char = fake_write_char,
	};

	chip.driver = &stopping;
	assert_int_equal(uart_write(&chip, "abcd"), 2);
	assert_true(chip.stalled);
	assert_memory_equal(sent, "ab", 2);
}

static void test_no_driver_writes_nothing(void **state)
{
	static const struct jailhouse_console none = {
		.type = JAILHOUSE_CON_TYPE_NONE,
	};

	assert_int_equal(uart_init(&chip, &none, NULL), -ENODEV);
	assert_int_equal(uart_write(&chip, "x"), 0);
	assert_false(uart_takes_chars(&chip));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_writes_all_with_crlf, setup),
		cmocka_unit_test_setup(test_stopped_tx_bounded_then_free,
				       setup),
		cmocka_unit_test_setup(test_resumes_when_tx_runs_again, setup),
		cmocka_unit_test_setup(test_partial_write_counted, setup),
		cmocka_unit_test_setup(test_no_driver_writes_nothing, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
