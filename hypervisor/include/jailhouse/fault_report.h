/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One-line reports of what a cell did wrong, arch-neutral part: the line
 * buffer and what a guest-physical address is.  The arch's trap code
 * builds the line ("cell "NAME" CPU N: <what> at PC .. IPA .. (<target>),
 * <access>") and prints it once, so that nothing another CPU prints can
 * end up in the middle of it.
 */
#ifndef _JAILHOUSE_FAULT_REPORT_H
#define _JAILHOUSE_FAULT_REPORT_H

#include <jailhouse/printk.h>

struct cell;

/*
 * An access this close to a region of the cell (before its start or past
 * its end) names that region: it is most likely the region that is too
 * small or misplaced in the config.  64 KiB is the largest register
 * window of a typical device and the granule configs round regions to;
 * anything farther is unrelated to the region, and naming it (often the
 * UART, megabytes away) would mislead.
 */
#define FAULT_NEAR_DISTANCE	0x10000UL

/* A report line under construction; printed with fault_line_print(). */
struct fault_line {
	char text[PRINTK_MAX_LEN];
	unsigned int len;
};

void fault_line_init(struct fault_line *line);
void fault_line_add(struct fault_line *line, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints the line and a newline, as one message. */
void fault_line_print(struct fault_line *line);

/*
 * Adds what ipa is for the cell: a region of its own, or, for an address
 * outside its regions, the owner of the same physical address (hypervisor
 * memory, RAM or a device of a cell: a cell that reaches outside its
 * address space has usually taken the address from the board's memory map
 * or another cell's config), else "unmapped".  Adds the nearest region of
 * the cell when it is within FAULT_NEAR_DISTANCE.
 */
void fault_line_add_target(struct fault_line *line, const struct cell *cell,
			   unsigned long ipa);

/*
 * True if phys is in the RAM the cell's config gives it (page-granular,
 * not a device, not the comm region): memory the hypervisor may read
 * through a cacheable mapping to show what the cell executed.
 */
bool fault_phys_is_cell_ram(const struct cell *cell, unsigned long phys);

#endif /* !_JAILHOUSE_FAULT_REPORT_H */
