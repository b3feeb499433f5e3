// SPDX-License-Identifier: GPL-2.0
/*
 * Every shipped board config, compiled here from its source with the host
 * compiler, must pass the checker without a single finding: the system
 * config alone, its inmate demo against it, and the two as a set - what
 * "jailhouse config check SYS DEMO" does.  The configs cannot run in QEMU,
 * so this is what keeps them honest.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/config_check.h>

#define config imx8mq_config
#include "configs/arm64/imx8mq.c"
#undef config
#define config imx8mq_demo_config
#include "configs/arm64/imx8mq-inmate-demo.c"
#undef config
#define config imx8mm_config
#include "configs/arm64/imx8mm.c"
#undef config
#define config imx8mm_demo_config
#include "configs/arm64/imx8mm-inmate-demo.c"
#undef config
#define config imx8mp_config
#include "configs/arm64/imx8mp.c"
#undef config
#define config imx8mp_demo_config
#include "configs/arm64/imx8mp-inmate-demo.c"
#undef config
#define config imx8qm_config
#include "configs/arm64/imx8qm.c"
#undef config
#define config imx8qm_demo_config
#include "configs/arm64/imx8qm-inmate-demo.c"
#undef config
#define config am625_config
#include "configs/arm64/k3-am625-sk.c"
#undef config
#define config am625_demo_config
#include "configs/arm64/k3-am625-sk-inmate-demo.c"
#undef config

struct board {
	const char *name;
	const void *sys;
	size_t sys_size;
	const void *demo;
	size_t demo_size;
	__u16 console_type;
};

#define BOARD(b, type) {						\
	.name = #b,							\
	.sys = &b##_config, .sys_size = sizeof(b##_config),		\
	.demo = &b##_demo_config, .demo_size = sizeof(b##_demo_config),	\
	.console_type = type,						\
}

static const struct board boards[] = {
	BOARD(imx8mq, JAILHOUSE_CON_TYPE_IMX),
	BOARD(imx8mm, JAILHOUSE_CON_TYPE_IMX),
	BOARD(imx8mp, JAILHOUSE_CON_TYPE_IMX),
	BOARD(imx8qm, JAILHOUSE_CON_TYPE_IMX_LPUART),
	BOARD(am625, JAILHOUSE_CON_TYPE_8250),
};

struct findings {
	unsigned int count;
	char text[4096];
};

static void record(void *ctx, const struct config_check_finding *f)
{
	struct findings *r = ctx;
	size_t used = strlen(r->text);

	config_check_format(f, r->text + used, sizeof(r->text) - used);
	r->count++;
}

static void expect_clean(const struct board *b, const char *what,
			 int errors, const struct findings *r)
{
	if (errors || r->count)
		print_message("%s, %s: %d errors, %u findings:\n%s", b->name,
			      what, errors, r->count, r->text);
	assert_int_equal(errors, 0);
	assert_int_equal(r->count, 0);
}

static void test_board_configs_clean(void **state)
{
	unsigned int n;

	for (n = 0; n < sizeof(boards) / sizeof(boards[0]); n++) {
		const struct board *b = &boards[n];
		const struct jailhouse_system *sys = b->sys;
		const struct jailhouse_cell_desc *demo = b->demo;
		struct findings r;

		/* the struct in the source is exactly what the header says */
		assert_int_equal(jailhouse_system_config_size(sys),
				 b->sys_size);
		assert_int_equal(jailhouse_cell_config_size(demo),
				 b->demo_size);
		/* both sides print to the board's console UART */
		assert_int_equal(sys->debug_console.type, b->console_type);
		assert_int_equal(demo->console.type, b->console_type);
		assert_int_equal(demo->console.address,
				 sys->debug_console.address);

		memset(&r, 0, sizeof(r));
		expect_clean(b, "system",
			     config_check_system(sys, b->sys_size, record, &r),
			     &r);
		expect_clean(b, "inmate demo",
			     config_check_cell(sys, demo, b->demo_size,
					       record, &r), &r);
		expect_clean(b, "set",
			     config_check_cells(sys, &demo, 1, record, &r),
			     &r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_board_configs_clean),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
