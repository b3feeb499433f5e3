// SPDX-License-Identifier: GPL-2.0
/*
 * Stopping the CPU for good: the end of every inmate, normal or not.
 */
#include <inmate.h>

void inmate_halt(void)
{
	asm volatile("msr daifset, #0xf" : : : "memory");
	for (;;)
		wait_for_interrupt();
}
