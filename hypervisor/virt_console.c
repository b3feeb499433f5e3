// SPDX-License-Identifier: GPL-2.0
/*
 * Writer side of the console ring; the protocol is described with
 * struct jailhouse_virt_console in <jailhouse/console.h>.
 */
#include <jailhouse/arch.h>
#include <jailhouse/virt_console.h>

struct jailhouse_virt_console virt_console
__attribute__((section(".console"), aligned(PAGE_SIZE)));

void virt_console_write(const char *msg)
{
	u32 tail = virt_console.tail;

	virt_console.busy = 1;
	store_barrier();

	for (; *msg; msg++, tail++)
		virt_console.content[tail % JAILHOUSE_VIRT_CONSOLE_SIZE] = *msg;

	store_barrier();
	virt_console.tail = tail;
	store_barrier();
	virt_console.busy = 0;
}
