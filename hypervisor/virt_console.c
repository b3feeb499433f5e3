// SPDX-License-Identifier: GPL-2.0
/*
 * Writer side of the console page; layout and protocol are described with
 * struct jailhouse_virt_console in <jailhouse/console.h>.
 */
#include <asm/processor.h>
#include <jailhouse/virt_console.h>

_Static_assert(sizeof(struct jailhouse_virt_console) <=
	       JAILHOUSE_VIRT_CONSOLE_PAGE_SIZE,
	       "the console does not fit into its page");

struct jailhouse_virt_console virt_console
__attribute__((section(".console"), aligned(JAILHOUSE_VIRT_CONSOLE_PAGE_SIZE)));

/* enable_log[] still takes what is printed */
static bool enable_log_open = true;

void virt_console_write(const char *msg, bool root)
{
	u32 tail = virt_console.tail;
	u32 root_tail = virt_console.root_tail;
	u32 enable_len = virt_console.enable_len;

	/* enable_log[] must stay the start of content[]'s stream */
	if (!root)
		enable_log_open = false;

	virt_console.busy = 1;
	store_barrier();

	for (; *msg; msg++) {
		virt_console.content[tail++ % JAILHOUSE_VIRT_CONSOLE_SIZE] =
			*msg;
		if (!root)
			continue;
		virt_console.root_content[root_tail++ %
					  JAILHOUSE_VIRT_CONSOLE_ROOT_SIZE] =
			*msg;
		if (enable_log_open &&
		    enable_len < JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE)
			virt_console.enable_log[enable_len++] = *msg;
	}

	store_barrier();
	virt_console.tail = tail;
	virt_console.root_tail = root_tail;
	virt_console.enable_len = enable_len;
	store_barrier();
	virt_console.busy = 0;
}

void virt_console_close_enable_log(void)
{
	enable_log_open = false;
}
