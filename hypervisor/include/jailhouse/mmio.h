/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Emulation of guest accesses to physical addresses that are not mapped in
 * the cell's stage 2 (interrupt controller, sub-page regions, virtual PCI).
 * A stage-2 data abort is decoded into a struct mmio_access and handed to
 * the handler whose region contains the address.
 */
#ifndef _JAILHOUSE_MMIO_H
#define _JAILHOUSE_MMIO_H

#include <jailhouse/types.h>

struct cell;

struct mmio_access {
	/* on entry to a handler: offset into the registered region */
	unsigned long address;
	/* 1, 2, 4 or 8 bytes */
	unsigned int size;
	bool is_write;
	/* written value, or the place for the value read (zero-extended) */
	unsigned long value;
};

enum mmio_result {
	MMIO_HANDLED,	/* done; for reads, value holds the result */
	MMIO_UNHANDLED,	/* not for this handler: the access is a violation */
	MMIO_ERROR,	/* forbidden access: report it as a violation */
	/* the device answered with an external abort: a violation too */
	MMIO_DEVICE_ERROR,
};

typedef enum mmio_result (*mmio_handler)(void *arg, struct mmio_access *mmio);

/*
 * Register [start, start + size) of the cell's guest-physical space.
 * Regions must not overlap.  Returns 0 or -ENOMEM when the cell's table
 * is full.
 */
int mmio_region_register(struct cell *cell, unsigned long start,
			 unsigned long size, mmio_handler handler, void *arg);
void mmio_region_unregister(struct cell *cell, unsigned long start);

/*
 * Perform the access on the real device at hypervisor virtual address
 * base + mmio->address, with the guest's width.
 */
void mmio_perform_access(void *base, struct mmio_access *mmio);

/*
 * Dispatch an access at guest-physical mmio->address (absolute) for the
 * current CPU's cell.
 */
enum mmio_result mmio_handle_access(struct mmio_access *mmio);

struct jailhouse_memory;

/*
 * Emulate a memory region that is not page granular (JAILHOUSE_MEM_IO,
 * access checks from its flags: direction, JAILHOUSE_MEM_IO_<width>,
 * JAILHOUSE_MEM_IO_UNALIGNED).
 */
int mmio_subpage_register(struct cell *cell,
			  const struct jailhouse_memory *mem);

/*
 * While lent is true, accesses to the cell's sub-page region mem (the
 * very config entry it was registered with) are not performed but
 * unhandled: another cell owns the device page now.
 */
void mmio_subpage_lend(struct cell *cell, const struct jailhouse_memory *mem,
		       bool lent);

/* Unregister and free the cell's sub-page regions. */
void mmio_cell_exit(struct cell *cell);

#endif /* !_JAILHOUSE_MMIO_H */
