// SPDX-License-Identifier: GPL-2.0
/*
 * The RTOS hooks (rtos_hooks.h) on arm64: the EL1 virtual timer in
 * compare-value mode for the tick, the library's GIC front end with a
 * handler table, SGI 1 for yield.
 */
#include <rtos_hooks.h>

#define CNTV_CTL_ENABLE		(1 << 0)

struct irq_entry {
	unsigned int irq;
	rtos_irq_fn handler;
	void *arg;
};

static struct irq_entry irq_table[RTOS_MAX_IRQ_HANDLERS];
static unsigned int irq_entries;

static u64 tick_start, tick_period, tick_next;
static volatile u64 ticks;
static void (*tick_hook)(void);
static void (*yield_hook)(void);
volatile unsigned long rtos_yields;

static u8 irq_stacks[SMP_MAX_CPUS][RTOS_IRQ_STACK_SIZE]
	__attribute__((aligned(16)));

static void dispatch(unsigned int irq)
{
	unsigned int n;

	for (n = 0; n < irq_entries; n++)
		if (irq_table[n].irq == irq) {
			irq_table[n].handler(irq, irq_table[n].arg);
			return;
		}
}

int rtos_irq_init(void)
{
	return irq_init(dispatch);
}

int rtos_irq_register(unsigned int irq, rtos_irq_fn handler, void *arg)
{
	unsigned int n;

	for (n = 0; n < irq_entries; n++)
		if (irq_table[n].irq == irq)
			break;
	if (n == RTOS_MAX_IRQ_HANDLERS)
		return -1;
	irq_table[n].arg = arg;
	irq_table[n].handler = handler;
	irq_table[n].irq = irq;
	if (n == irq_entries)
		irq_entries++;
	irq_enable(irq);
	return 0;
}

static void timer_irq(unsigned int irq, void *arg)
{
	/* absolute deadlines: a late tick does not shift the next ones */
	tick_next += tick_period;
	write_sysreg(cntv_cval_el0, tick_next);
	asm volatile("isb" : : : "memory");
	ticks++;
	if (tick_hook)
		tick_hook();
}

int rtos_tick_start(unsigned int hz, void (*tick)(void))
{
	if (hz == 0 || hz > timer_get_frequency())
		return -1;
	tick_hook = tick;
	tick_period = timer_get_frequency() / hz;
	tick_start = timer_get_ticks();
	tick_next = tick_start + tick_period;
	ticks = 0;
	if (rtos_irq_register(TIMER_IRQ, timer_irq, NULL))
		return -1;
	write_sysreg(cntv_cval_el0, tick_next);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	asm volatile("isb" : : : "memory");
	return 0;
}

void rtos_tick_stop(void)
{
	timer_stop();
}

u64 rtos_tick_count(void)
{
	return ticks;
}

u64 rtos_time_us(void)
{
	return timer_ticks_to_ns(timer_get_ticks() - tick_start) / 1000;
}

u32 rtos_time_ms(void)
{
	return rtos_time_us() / 1000;
}

static void yield_irq(unsigned int irq, void *arg)
{
	rtos_yields++;
	if (yield_hook)
		yield_hook();
}

void rtos_set_yield_handler(void (*handler)(void))
{
	yield_hook = handler;
	rtos_irq_register(RTOS_YIELD_SGI, yield_irq, NULL);
}

void rtos_yield(void)
{
	irq_send_sgi(RTOS_YIELD_SGI, cpu_mpidr());
}

void *rtos_irq_stack_top(unsigned int cpu)
{
	if (cpu >= SMP_MAX_CPUS)
		return NULL;
	return irq_stacks[cpu] + RTOS_IRQ_STACK_SIZE;
}
