// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's console page end to end, both sides compiled unchanged:
 * the writer (hypervisor/virt_console.c, included here to reset its state
 * between tests) and what the driver makes of a copy of the page
 * (driver/console_text.c): the text `jailhouse console` and sysfs show,
 * and the reason of a refused request.  Security review M3: whatever a
 * cell makes the hypervisor print, the log of enabling stays visible, and
 * the reason is never a line a cell provoked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hypervisor/virt_console.c"
#include "driver/console_text.h"

#define RING		JAILHOUSE_VIRT_CONSOLE_SIZE
#define ENABLE_LOG	JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE

/* everything written, as one stream */
static char stream[1 << 20];
static size_t stream_len;
static char out[8192];
static char scratch[CONSOLE_TEXT_REASON_SCRATCH];

static int reset(void **state)
{
	memset(&virt_console, 0, sizeof(virt_console));
	enable_log_open = true;
	stream_len = 0;
	memset(out, 0, sizeof(out));
	return 0;
}

static void put(bool root, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	assert_true(stream_len + strlen(line) < sizeof(stream));
	memcpy(stream + stream_len, line, strlen(line));
	stream_len += strlen(line);
	virt_console_write(line, root);
}

static void enable_log(unsigned int cpus)
{
	unsigned int cpu;

	put(true, "\nInitializing Jailhouse hypervisor v0.12 on CPU 0\n");
	put(true, "Initializing processors:\n");
	for (cpu = 0; cpu < cpus; cpu++)
		put(true, " CPU %u... OK\n", cpu);
	put(true, "Activating hypervisor\n");
	virt_console_close_enable_log();
}

static void cell_flood(unsigned int lines)
{
	unsigned int n;

	for (n = 0; n < lines; n++)
		put(false, "Attempt to route IRQ79 outside of cell \"attack\" "
		    "(IROUTER 0x0), write ignored %u\n", n);
}

static size_t all(void)
{
	memset(out, 0, sizeof(out));
	return console_text_all(&virt_console, out, 4096);
}

static void test_layout(void **state)
{
	assert_int_equal(sizeof(struct jailhouse_virt_console), 4096);
	assert_int_equal(offsetof(struct jailhouse_virt_console, tail), 4);
	assert_int_equal(offsetof(struct jailhouse_virt_console, content), 8);
	assert_int_equal(offsetof(struct jailhouse_virt_console, root_tail),
			 8 + RING);
	assert_int_equal(offsetof(struct jailhouse_virt_console, enable_log),
			 16 + RING);
}

/* nothing lost: the stream as it was written, no separator */
static void test_short_log_as_is(void **state)
{
	size_t len;

	enable_log(4);
	put(false, "cell line\n");
	put(true, "Created cell \"x\"\n");
	len = all();
	assert_int_equal(len, stream_len);
	assert_memory_equal(out, stream, len);
	assert_null(strstr(out, "-----"));
	assert_int_equal(virt_console.busy, 0);
}

/* the ring lost only part of the enable log: it fills in, seamlessly */
static void test_enable_log_fills_in(void **state)
{
	size_t len;

	enable_log(16);
	while (stream_len < RING + 100)
		put(false, "x\n");
	assert_true(virt_console.enable_len > stream_len - RING);
	len = all();
	assert_int_equal(len, stream_len);
	assert_memory_equal(out, stream, len);
}

/* a flood: the enable log, a separator with the bytes lost, the newest */
static void test_flood_keeps_enable_log(void **state)
{
	char separator[128];
	size_t len, enable_len, missed;
	char *rest;

	enable_log(16);
	enable_len = stream_len;
	assert_int_equal(virt_console.enable_len, enable_len);
	put(true, "Created cell \"attack\"\n");
	cell_flood(3000);

	len = all();
	assert_memory_equal(out, stream, enable_len);
	missed = stream_len - RING - enable_len;
	snprintf(separator, sizeof(separator),
		 "----- end of the enable log; %zu bytes after it were "
		 "overwritten, the newest follow -----\n", missed);
	assert_memory_equal(out + enable_len, separator, strlen(separator));
	rest = out + enable_len + strlen(separator);
	assert_int_equal(len, enable_len + strlen(separator) + RING);
	assert_memory_equal(rest, stream + stream_len - RING, RING);
	/* sysfs gets a page: all of it fits */
	assert_true(ENABLE_LOG + CONSOLE_TEXT_NOTICE_MAX + RING <= 4096);
}

/* more than the enable log holds: its start is kept */
static void test_enable_log_cut(void **state)
{
	enable_log(200);
	assert_int_equal(virt_console.enable_len, ENABLE_LOG);
	/* closed: root lines later do not go in */
	put(true, "Created cell \"attack\"\n");
	assert_int_equal(virt_console.enable_len, ENABLE_LOG);
	cell_flood(100);
	all();
	assert_memory_equal(out, stream, ENABLE_LOG);
	assert_non_null(strstr(out, "----- end of the enable log; "));
}

/* a cell printing before enabling is over closes the log (no gap in it) */
static void test_enable_log_closed_by_cell_output(void **state)
{
	put(true, "Initializing\n");
	put(false, "cell\n");
	put(true, "root again\n");
	assert_int_equal(virt_console.enable_len, strlen("Initializing\n"));
}

/* a reader following in pieces gets the same, then only what is new */
static void test_reader_in_pieces(void **state)
{
	static char got[1 << 16];
	size_t len = 0, piece;
	u32 head = 0;

	enable_log(8);
	cell_flood(500);
	while ((piece = console_text_next(&virt_console, &head, got + len,
					  100)) != 0) {
		assert_true(piece <= 100);
		len += piece;
	}
	assert_int_equal(len, all());
	assert_memory_equal(got, out, len);
	assert_int_equal(head, virt_console.tail);

	/* up to date; then new text only */
	assert_int_equal(console_text_next(&virt_console, &head, got, 100),
			 0);
	put(true, "Closing cell \"attack\"\n");
	piece = console_text_next(&virt_console, &head, got, 100);
	assert_int_equal(piece, strlen("Closing cell \"attack\"\n"));
	assert_memory_equal(got, "Closing cell \"attack\"\n", piece);

	/* lapped after the enable log: a notice, then the newest */
	cell_flood(100);
	piece = console_text_next(&virt_console, &head, got, 200);
	got[piece] = '\0';
	assert_non_null(strstr(got, "<missed "));
	assert_int_equal(virt_console.tail - head, RING);
}

static void test_reason_root_error(void **state)
{
	char line[200];
	u32 mark;

	enable_log(4);
	mark = virt_console.root_tail;
	put(true, "ERROR: cell create: id 3 is in use\n");
	/* what a cell provokes meanwhile is not the reason */
	put(false, "ERROR: write to ICC_SGI1R_EL1 refused: cell \"a\"\n");
	put(false, "Attempt to route IRQ79 outside of cell \"a\"\n");
	console_text_reason(&virt_console, mark, scratch, line, sizeof(line));
	assert_string_equal(line, "cell create: id 3 is in use");

	/* no error: the last root line; relayed cell output is skipped */
	mark = virt_console.root_tail;
	put(true, "Cell \"a\" is locked: no cell can be created\n");
	put(true, "[a] hello\n");
	put(false, "ERROR: cell provoked\n");
	console_text_reason(&virt_console, mark, scratch, line, sizeof(line));
	assert_string_equal(line,
			    "Cell \"a\" is locked: no cell can be created");

	/* nothing since the mark */
	mark = virt_console.root_tail;
	cell_flood(50);
	console_text_reason(&virt_console, mark, scratch, line, sizeof(line));
	assert_string_equal(line, "");
}

/*
 * A failed enable (mark 0) printed more than the root's ring holds: the
 * enable log has the rest, the error is found there.
 */
static void test_reason_failed_enable(void **state)
{
	char line[200];
	unsigned int cpu;

	put(true, "Initializing Jailhouse hypervisor\n");
	put(true, "ERROR: CPU 5 did not finish its CPU setup within 5 s\n");
	for (cpu = 0; cpu < 40; cpu++)
		put(true, " CPU %u... FAILED (-110)\n", cpu);
	put(true, "Jailhouse enable failed: -110\n");
	assert_true(virt_console.root_tail > JAILHOUSE_VIRT_CONSOLE_ROOT_SIZE);
	console_text_reason(&virt_console, 0, scratch, line, sizeof(line));
	assert_string_equal(line,
			    "CPU 5 did not finish its CPU setup within 5 s");
}

/*
 * Bytes lost between the enable log and the root's ring: the lines the
 * gap cuts are left out, whatever they say.
 */
static void test_reason_gap(void **state)
{
	char line[200];
	unsigned int n;

	put(true, "Activating hypervisor\n");
	virt_console_close_enable_log();
	put(true, "ERROR: lost in the gap, never the reason\n");
	for (n = 0; n < 100; n++)
		put(true, "line %u\n", n);
	console_text_reason(&virt_console, 0, scratch, line, sizeof(line));
	assert_string_equal(line, "line 99");

	/* a line cut by the gap is not taken for a whole one */
	reset(NULL);
	put(true, "ERROR: enable log cut here");
	virt_console_close_enable_log();
	put(true, " and the rest\n");
	for (n = 0; n < 300; n++)
		put(true, "%c", n % 10 == 9 ? '\n' : 'x');
	/* the ring starts inside this line, where it looks like an error */
	put(true, "note: padding to the cut: pppppppppp"
	    "ERROR: cut line, never the reason\n");
	for (n = 0; n <= 60; n++)
		put(true, "line %u\n", n);
	assert_int_equal(virt_console.root_tail - 512, 376);
	console_text_reason(&virt_console, 0, scratch, line, sizeof(line));
	assert_string_equal(line, "line 60");
}

/* the root's ring lapped: the oldest, partial line is not used */
static void test_reason_lapped(void **state)
{
	char line[200];
	unsigned int n;

	virt_console_close_enable_log();
	put(true, "ERROR: config: a very long line that gets cut in the "
	    "middle when the root's ring laps over it, 1234567890\n");
	for (n = 0; n < 60; n++)
		put(true, "line %u\n", n);
	console_text_reason(&virt_console, 0, scratch, line, sizeof(line));
	assert_string_equal(line, "line 59");

	/* the reason is cut to the caller's buffer */
	put(true, "ERROR: abcdefgh\n");
	console_text_reason(&virt_console, 0, scratch, line, 5);
	assert_string_equal(line, "abcd");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_layout, reset),
		cmocka_unit_test_setup(test_short_log_as_is, reset),
		cmocka_unit_test_setup(test_enable_log_fills_in, reset),
		cmocka_unit_test_setup(test_flood_keeps_enable_log, reset),
		cmocka_unit_test_setup(test_enable_log_cut, reset),
		cmocka_unit_test_setup(test_enable_log_closed_by_cell_output,
				       reset),
		cmocka_unit_test_setup(test_reader_in_pieces, reset),
		cmocka_unit_test_setup(test_reason_root_error, reset),
		cmocka_unit_test_setup(test_reason_failed_enable, reset),
		cmocka_unit_test_setup(test_reason_gap, reset),
		cmocka_unit_test_setup(test_reason_lapped, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
