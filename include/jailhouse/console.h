/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Debug console description, shared by the system config (the hypervisor's
 * UART), cell configs (the inmate's UART) and the communication region.
 */
#ifndef _JAILHOUSE_CONSOLE_H
#define _JAILHOUSE_CONSOLE_H

#include <jailhouse/types.h>

#define JAILHOUSE_CON_TYPE_NONE		0x0000
#define JAILHOUSE_CON_TYPE_EFIFB	0x0001
#define JAILHOUSE_CON_TYPE_8250		0x0002
#define JAILHOUSE_CON_TYPE_PL011	0x0003
#define JAILHOUSE_CON_TYPE_XUARTPS	0x0004
#define JAILHOUSE_CON_TYPE_MVEBU	0x0005
#define JAILHOUSE_CON_TYPE_HSCIF	0x0006
#define JAILHOUSE_CON_TYPE_SCIFA	0x0007
#define JAILHOUSE_CON_TYPE_IMX		0x0008
#define JAILHOUSE_CON_TYPE_IMX_LPUART	0x0009
#define JAILHOUSE_CON_TYPE_SCIF		0x000a

/* Bit 0 selects port I/O (x86 only) or MMIO. */
#define JAILHOUSE_CON_ACCESS_PIO	0x0000
#define JAILHOUSE_CON_ACCESS_MMIO	0x0001
#define CON_IS_MMIO(flags)		!!((flags) & JAILHOUSE_CON_ACCESS_MMIO)

/* Bit 1: distance between UART registers, 1 or 4 bytes. */
#define JAILHOUSE_CON_REGDIST_1		0x0000
#define JAILHOUSE_CON_REGDIST_4		0x0002
#define CON_USES_REGDIST_1(flags)	!((flags) & JAILHOUSE_CON_REGDIST_4)

/* Bit 2: frame buffer resolution (EFIFB). */
#define JAILHOUSE_CON_FB_1024x768	0x0000
#define JAILHOUSE_CON_FB_1920x1080	0x0004
#define FB_IS_1920x1080(flags)		!!((flags) & JAILHOUSE_CON_FB_1920x1080)

/* Bit 12: clock gate bit is active-low. */
#define JAILHOUSE_CON_INVERTED_GATE	0x1000
#define CON_HAS_INVERTED_GATE(flags)	!!((flags) & JAILHOUSE_CON_INVERTED_GATE)

/* Bit 13: 8250 UARTs that need the MDR1 register programmed. */
#define JAILHOUSE_CON_MDR_QUIRK		0x2000
#define CON_HAS_MDR_QUIRK(flags)	!!((flags) & JAILHOUSE_CON_MDR_QUIRK)

struct jailhouse_console {
	__u64 address;
	__u32 size;
	__u16 type;
	__u16 flags;
	__u32 divider;
	__u32 gate_nr;
	__u64 clock_reg;
} __attribute__((packed));

/*
 * The hypervisor's console page (header.console_page is its offset in the
 * image; the root may be given read-only access).  This is the interface
 * between the hypervisor and its driver, which shows it as `jailhouse
 * console`; it is not Jailhouse's.  Three logs, all written by one writer
 * at a time:
 *
 * content[]: every message, in order: a ring.  tail counts every byte
 *   ever written and wraps at 2^32, a multiple of the ring size, so the
 *   byte at stream position p is content[p % JAILHOUSE_VIRT_CONSOLE_SIZE]
 *   while tail - p <= JAILHOUSE_VIRT_CONSOLE_SIZE.
 * enable_log[]: the first enable_len bytes of that stream, everything
 *   printed until enabling finished (cut if longer); never overwritten
 *   afterwards.  When the ring has lost part of it, readers show
 *   enable_log[] first, then a separator if bytes after it are lost too,
 *   then the ring.
 * root_content[]: a second ring of only what was printed on behalf of the
 *   root (during enable, and by root CPUs: management and its errors),
 *   with its own byte counter root_tail.  Nothing a non-root cell makes
 *   the hypervisor print lands here: the driver takes the reason of a
 *   refused request from it.
 *
 * busy is non-zero while a writer is inside: it changes 0 -> 1 before any
 * byte is written and 1 -> 0 after tail, root_tail and enable_len are
 * updated, each step behind a store barrier.  A reader copies the page,
 * rereads busy and tail, and retries if busy was set or tail moved.
 */
#define JAILHOUSE_VIRT_CONSOLE_SIZE		2048
#define JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE	1520
#define JAILHOUSE_VIRT_CONSOLE_ROOT_SIZE	512

struct jailhouse_virt_console {
	volatile __u32 busy;
	volatile __u32 tail;
	char content[JAILHOUSE_VIRT_CONSOLE_SIZE];
	volatile __u32 root_tail;
	volatile __u32 enable_len;
	char enable_log[JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE];
	char root_content[JAILHOUSE_VIRT_CONSOLE_ROOT_SIZE];
};

/* the page holds it all (the hypervisor maps one page to the root) */
#define JAILHOUSE_VIRT_CONSOLE_PAGE_SIZE	4096

#endif /* !_JAILHOUSE_CONSOLE_H */
