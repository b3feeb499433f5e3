// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt latency demo: the virtual timer fires at 10 Hz and every IRQ
 * prints how late it arrived (time from the programmed expiry to the
 * counter read in the handler), with the minimum and maximum so far.
 */
#include <inmate.h>

#define BEATS_PER_SEC		10

static u64 ticks_per_beat;
static volatile u64 expected_ticks;
static u64 min_jitter_ns = ~0ULL, max_jitter_ns;

static void handle_irq(unsigned int irq)
{
	u64 now = timer_get_ticks();
	u64 jitter_ns;

	if (irq != TIMER_IRQ) {
		printk("Unexpected IRQ %u\n", irq);
		return;
	}

	/* the IRQ cannot arrive early; 0 if the counter says otherwise */
	jitter_ns = now > expected_ticks ?
		timer_ticks_to_ns(now - expected_ticks) : 0;
	if (jitter_ns < min_jitter_ns)
		min_jitter_ns = jitter_ns;
	if (jitter_ns > max_jitter_ns)
		max_jitter_ns = jitter_ns;

	printk("Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns\n",
	       (long)jitter_ns, (long)min_jitter_ns, (long)max_jitter_ns);

	expected_ticks = timer_get_ticks() + ticks_per_beat;
	timer_start(ticks_per_beat);
}

void inmate_main(void)
{
	printk("Initializing the GIC...\n");
	if (irq_init(handle_irq)) {
		printk("Cannot use the GIC, stopping.\n");
		return;
	}
	irq_enable(TIMER_IRQ);

	printk("Initializing the timer...\n");
	ticks_per_beat = timer_get_frequency() / BEATS_PER_SEC;
	expected_ticks = timer_get_ticks() + ticks_per_beat;
	timer_start(ticks_per_beat);

	inmate_idle_until_shutdown();
}
