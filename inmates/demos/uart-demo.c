// SPDX-License-Identifier: GPL-2.0
/*
 * Prints a numbered greeting once per period (period-ms=, default 1000)
 * and answers the hypervisor's shutdown requests.
 */
#include <inmate.h>

/* how often a running delay looks at the comm region */
#define POLL_INTERVAL_US	10000

static void delay_and_poll(unsigned long us)
{
	unsigned long step;

	while (us) {
		step = us < POLL_INTERVAL_US ? us : POLL_INTERVAL_US;
		delay_us(step);
		us -= step;

		if (comm_region_poll() == JAILHOUSE_MSG_SHUTDOWN_REQUEST) {
			printk("Shutdown request received, stopping.\n");
			inmate_shutdown_approve();
			inmate_halt();
		}
	}
}

void inmate_main(void)
{
	unsigned long period_us = cmdline_parse_int("period-ms", 1000) * 1000;
	unsigned int n;

	for (n = 1; ; n++) {
		printk("Hello %d from cell!\n", n);
		delay_and_poll(period_us);
	}
}
