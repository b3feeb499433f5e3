// SPDX-License-Identifier: GPL-2.0
/*
 * Answers the hypervisor's shutdown requests with a refusal first: the
 * first N requests are denied (deny=N on the command line, default 1;
 * deny=-1 denies every one), the next one is approved.  So `jailhouse cell
 * shutdown/destroy/load` of this cell fails N times before it works.
 * With "silent" it never answers, so the hypervisor's reply timeout
 * decides.
 *
 * lock=S puts the cell into RUNNING_LOCKED for its first S seconds: the
 * hypervisor then refuses to create or destroy any other cell, and the
 * demo itself denies every shutdown request meanwhile (without counting
 * them against deny=N), as a locked cell is one that must not be
 * disturbed.
 */
#include <inmate.h>

#define POLL_HZ		100

static u64 poll_ticks;
static volatile unsigned long ticks;

static void handle_irq(unsigned int irq)
{
	if (irq == TIMER_IRQ) {
		ticks++;
		timer_start(poll_ticks);
	} else
		printk("shutdown-demo: unexpected IRQ %u\n", irq);
}

void inmate_main(void)
{
	long long to_deny = cmdline_parse_int("deny", 1);
	bool silent = cmdline_parse_bool("silent", false);
	long long lock_seconds = cmdline_parse_int("lock", 0);
	bool locked = false;
	unsigned long unlock_tick = 0;
	bool request_seen = false;
	unsigned int requests = 0;
	u32 msg;

	if (silent)
		printk("shutdown-demo: not answering shutdown requests\n");
	else if (to_deny < 0)
		printk("shutdown-demo: denying every shutdown request\n");
	else
		printk("shutdown-demo: denying %lld shutdown request(s)\n",
		       to_deny);

	if (irq_init(handle_irq))
		return;
	poll_ticks = timer_get_frequency() / POLL_HZ;
	irq_enable(TIMER_IRQ);
	timer_start(poll_ticks);

	/*
	 * Printed before the state changes, so that on the console whatever
	 * the lock (or its end) causes comes after the line.
	 */
	if (lock_seconds > 0) {
		printk("shutdown-demo: locked\n");
		inmate_set_cell_state(JAILHOUSE_CELL_RUNNING_LOCKED);
		locked = true;
		unlock_tick = ticks + lock_seconds * POLL_HZ;
	}

	for (;;) {
		wait_for_interrupt();
		if (locked && (long)(ticks - unlock_tick) >= 0) {
			printk("shutdown-demo: unlocked\n");
			inmate_set_cell_state(JAILHOUSE_CELL_RUNNING);
			locked = false;
		}
		msg = comm_region_poll();
		if (msg != JAILHOUSE_MSG_SHUTDOWN_REQUEST) {
			request_seen = false;
			continue;
		}
		/* unanswered, a request stays in the comm region */
		if (request_seen)
			continue;

		requests++;
		/*
		 * Print before replying: the hypervisor prints its own line
		 * on the same UART as soon as it sees the reply.
		 */
		if (locked) {
			printk("shutdown-demo: request %u denied (locked)\n",
			       requests);
			inmate_shutdown_deny();
			continue;
		}
		if (silent) {
			request_seen = true;
			printk("shutdown-demo: request %u ignored\n", requests);
			continue;
		}
		if (to_deny != 0) {
			if (to_deny > 0)
				to_deny--;
			printk("shutdown-demo: request %u denied\n", requests);
			inmate_shutdown_deny();
			continue;
		}
		timer_stop();
		printk("shutdown-demo: request %u approved, stopping.\n",
		       requests);
		inmate_shutdown_approve();
		return;
	}
}
