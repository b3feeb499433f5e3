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
 * The hypervisor's console ring, in a page of its own (header.console_page
 * is its offset in the image); the driver shows it as `jailhouse console`
 * and the root may be given read-only access.
 *
 * content[] is a ring; tail counts every byte ever written and wraps at
 * 2^32, a multiple of the ring size, so the newest byte is
 * content[(tail - 1) % JAILHOUSE_VIRT_CONSOLE_SIZE].  busy is non-zero
 * while a writer is inside: it changes 0 -> 1 before the bytes are written
 * and 1 -> 0 after tail is updated, each step behind a store barrier.  A
 * reader copies the ring, rereads busy and tail, and retries if busy was
 * set or tail moved.
 */
#define JAILHOUSE_VIRT_CONSOLE_SIZE	2048

struct jailhouse_virt_console {
	volatile __u32 busy;
	volatile __u32 tail;
	char content[JAILHOUSE_VIRT_CONSOLE_SIZE];
};

#endif /* !_JAILHOUSE_CONSOLE_H */
