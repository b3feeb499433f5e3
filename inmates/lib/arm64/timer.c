// SPDX-License-Identifier: GPL-2.0
/*
 * The EL1 virtual timer and counter.  Under Jailhouse the hypervisor
 * neither traps nor offsets them differently per cell, so they are as
 * precise as the hardware.
 */
#include <inmate.h>

#define CNTV_CTL_ENABLE		(1 << 0)
#define NSEC_PER_SEC		1000000000ULL
#define USEC_PER_SEC		1000000ULL

u64 timer_get_frequency(void)
{
	return read_sysreg(cntfrq_el0);
}

u64 timer_get_ticks(void)
{
	/* without the isb the counter may be read ahead of earlier code */
	asm volatile("isb" : : : "memory");
	return read_sysreg(cntvct_el0);
}

u64 timer_ticks_to_ns(u64 ticks)
{
	u64 freq = timer_get_frequency();

	/* split so that ticks * 10^9 cannot overflow */
	return ticks / freq * NSEC_PER_SEC +
		ticks % freq * NSEC_PER_SEC / freq;
}

void timer_start(u64 ticks)
{
	write_sysreg(cntv_tval_el0, ticks);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	asm volatile("isb" : : : "memory");
}

void timer_stop(void)
{
	write_sysreg(cntv_ctl_el0, 0);
	asm volatile("isb" : : : "memory");
}

void delay_us(unsigned long us)
{
	u64 freq = timer_get_frequency();
	u64 end = timer_get_ticks() +
		us / USEC_PER_SEC * freq + us % USEC_PER_SEC * freq / USEC_PER_SEC;

	while (timer_get_ticks() < end)
		cpu_relax();
}
