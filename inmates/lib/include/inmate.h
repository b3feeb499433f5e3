/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inmate library: a bare-metal runtime for code that runs in a
 * Jailhouse cell.  A demo provides inmate_main(); the library's start code
 * has by then set up the stack, the exception vectors, the MMU (identity
 * map, the image and the comm region cacheable, all else device memory),
 * checked the comm region and opened the console.
 *
 * Conventions of the cell (Jailhouse's): the image is loaded at IPA 0 and
 * entered there at EL1 with the MMU off; the comm region is at IPA
 * COMM_REGION_BASE; `jailhouse cell load ... -s "args" -a 0x1000` puts a
 * command line into the image's .cmdline buffer at offset 0x1000.
 */
#ifndef _INMATE_H
#define _INMATE_H

#include <jailhouse/types.h>
#include <jailhouse/hypercall.h>
/* shared with the hypervisor: memcpy() & co., vsnprintf(), snprintf() */
#include <jailhouse/string.h>
#include <jailhouse/format.h>
#include <asm/inmate_arch.h>

#define COMM_REGION_BASE	0x80000000UL

#define CMDLINE_OFFSET		0x1000
#define CMDLINE_BUFFER_SIZE	256

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

/* provided by the inmate */
void inmate_main(void);

/* masks interrupts and sleeps forever */
void __attribute__((noreturn)) inmate_halt(void);

/* --- comm region ------------------------------------------------------ */

extern struct jailhouse_comm_region *const comm_region;

/*
 * Handles a pending message from the hypervisor and returns it
 * (JAILHOUSE_MSG_NONE if there was none).  RECONFIG_COMPLETED is
 * acknowledged and unknown messages are answered with MSG_UNKNOWN here; a
 * SHUTDOWN_REQUEST is returned unanswered: reply with
 * inmate_shutdown_approve() or inmate_shutdown_deny().
 */
u32 comm_region_poll(void);
void inmate_shutdown_approve(void);
void inmate_shutdown_deny(void);
/*
 * The end of an inmate that only waits to be stopped: sleeps until a
 * SHUTDOWN_REQUEST comes (answering other messages meanwhile), then stops
 * the timer and approves.  It looks only when an interrupt wakes the CPU:
 * keep a periodic one, e.g. the timer, running.
 */
void inmate_idle_until_shutdown(void);
/*
 * Announces the cell's state in the comm region: JAILHOUSE_CELL_RUNNING,
 * or JAILHOUSE_CELL_RUNNING_LOCKED, under which the hypervisor refuses to
 * create or destroy any other cell.  The other states are the
 * hypervisor's to set: -1 for them, else 0.
 */
int inmate_set_cell_state(u32 state);

/* --- console and printk ----------------------------------------------- */

/*
 * The console is chosen at start-up, in this order: the command line
 * (con-virtual, or con-type=PL011|8250|IMX|IMX-LPUART|none with con-base=,
 * con-divider=, con-regdist-1), the comm region's DBG_PUTC_ACTIVE flag
 * (hypercall 8), the comm region's console (PL011, 8250, IMX or
 * IMX-LPUART, MMIO).  Otherwise output is dropped.
 */
void console_init(void);
void console_write(const char *msg);

/* the formats of vsnprintf() (<jailhouse/format.h>); cut at 255 chars */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --- command line ----------------------------------------------------- */

/*
 * The command line is a list of words separated by spaces: "name" or
 * "name=value".  Names are given without the '='.
 */
extern char cmdline[CMDLINE_BUFFER_SIZE];

/* decimal, 0x hex or 0 octal, with optional '-'; default if absent/bad */
long long cmdline_parse_int(const char *name, long long default_value);
/*
 * "name" alone or name=1|true|yes|on is true, name=0|false|no|off false,
 * anything else gives the default.
 */
bool cmdline_parse_bool(const char *name, bool default_value);
/*
 * Copies the value (or the default, if name is absent) into buf,
 * NUL-terminated and cut to size - 1 characters; returns buf.
 */
const char *cmdline_parse_str(const char *name, char *buf, size_t size,
			      const char *default_value);

/* --- memory map ------------------------------------------------------- */

#define MAP_CACHED	0
#define MAP_UNCACHED	1

/*
 * Identity-maps [start, start + size) in 2 MiB blocks as normal cacheable
 * memory or as device memory.  Returns 0, or -1 if the library's
 * translation table pool is exhausted or the range is beyond the 512 GiB
 * the tables cover.
 */
int map_range(unsigned long start, unsigned long size, unsigned int flags);

/* --- PCI (the cell's virtual PCI host, ECAM) --------------------------- */

#include <jailhouse/pci_defs.h>

#define PCI_ID_ANY		0xffff

/* Finds the ECAM window in the comm region; -1 if the cell has none. */
int pci_init(void);
/* size 1, 2 or 4, reg aligned to it; each access is one hypervisor exit */
u32 pci_read_config(u16 bdf, unsigned int reg, unsigned int size);
void pci_write_config(u16 bdf, unsigned int reg, u32 value, unsigned int size);
/* first function from start_bdf on bus 0 with the IDs, or -1 */
int pci_find_device(u16 vendor, u16 device, u16 start_bdf);
/* offset of the first capability cap, or -1 */
int pci_find_cap(u16 bdf, u16 cap);
/* MSI-X vector -> INTID irq (ARM without ITS: the data is the INTID) */
void pci_msix_set_vector(u16 bdf, unsigned int irq, u32 vector);
/* config-space accesses so far (the exits they cost) */
extern unsigned int pci_config_accesses;

/* --- ivshmem 2.0 ------------------------------------------------------ */

#include <jailhouse/ivshmem_device.h>

struct ivshmem_device {
	u16 bdf;
	volatile struct ivshmem_regs *regs;
	u32 id;
	u32 max_peers;
	/* INTID of vector 0 (INTx or MSI-X vector 0), 0 if none */
	unsigned int irq;
	volatile u32 *state_table;
	u32 state_table_size;
	volatile void *rw_section;
	u64 rw_section_size;
	/* peer n's output section is at output_sections + n * size */
	volatile void *output_sections;
	u64 output_section_size;
};

/*
 * Finds the index-th (from 0) ivshmem device, puts its register BAR at
 * bar_base (one page, uncached), enables it, maps the shared memory
 * (cached) and routes its interrupt (INTx pin, or MSI-X vector 0 to
 * irq_base if it has MSI-X) to this CPU.  Interrupt generation stays off
 * (ivshmem_enable_irq()).  0, or -1 with the reason printed.
 */
int ivshmem_setup(struct ivshmem_device *dev, unsigned int index,
		  unsigned long bar_base);
static inline void ivshmem_enable_irq(struct ivshmem_device *dev, bool on)
{
	dev->regs->int_control = on;
}
static inline void ivshmem_set_state(struct ivshmem_device *dev, u32 state)
{
	dev->regs->state = state;
}
static inline void ivshmem_ring(struct ivshmem_device *dev, u32 peer,
				u32 vector)
{
	asm volatile("dsb st" : : : "memory");
	dev->regs->doorbell = IVSHMEM_DOORBELL(peer, vector);
}
static inline volatile void *ivshmem_output_section(struct ivshmem_device *dev,
						    u32 peer)
{
	return (volatile u8 *)dev->output_sections +
		peer * dev->output_section_size;
}

#endif /* !_INMATE_H */
