/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where `jailhouse cell linux` puts things in the cell, as Jailhouse's
 * helper does: the first RAM region large enough takes the device tree at
 * its start (0x2000 further if it starts at 0, room for the loader), the
 * kernel at the next 2 MiB boundary plus text_offset, and the initrd after
 * the kernel and a decompression gap of FACTOR x kernel size.  The loader
 * sits at the reset address, its "kernel=... dtb=..." 0x1000 above.
 * Pure arithmetic on the cell config: no I/O.
 */
#ifndef _JAILHOUSE_TOOLS_LINUX_PLACEMENT_H
#define _JAILHOUSE_TOOLS_LINUX_PLACEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define LINUX_PAGE_SIZE			0x1000ULL
#define LINUX_PARAMS_OFFSET		0x1000ULL	/* from reset address */
#define LINUX_LOADER_ROOM		0x2000ULL
#define LINUX_DEFAULT_DECOMP_FACTOR	1

struct linux_sizes {
	__u64 kernel;		/* bytes of the (uncompressed) Image */
	__u64 text_offset;
	__u64 kernel_image;	/* header image_size: Image + bss */
	__u64 initrd;		/* 0: no initrd */
	bool has_initrd;
	__u64 dtb;		/* bytes of the device tree */
	unsigned int decomp_factor;
};

struct linux_placement {
	unsigned int region;	/* index into the cell's mem_regions */
	__u64 loader;		/* linux-loader.bin */
	__u64 params;		/* its command line */
	__u64 dtb;
	__u64 dtb_space;	/* room for the DTB: page_align(size) + 1 page */
	__u64 kernel;
	__u64 initrd;
	__u64 needed;		/* bytes the region must have (Jailhouse's sum,
				   plus the initrd itself) */
};

/* RAM in Jailhouse's sense: R|W|X|DMA, not IO, COMM_REGION, ROOTSHARED. */
bool linux_region_is_ram(const struct jailhouse_memory *mem);

/* RAM the kernel is told about: not the small loader region at 0. */
bool linux_region_is_memory(const struct jailhouse_memory *mem);

/*
 * Places the images in @cell (a checked config).  Returns 0, or -1 with one
 * line in @error that names the numbers (sizes needed and available).
 */
int linux_place(const struct jailhouse_cell_desc *cell,
		const struct linux_sizes *sizes,
		struct linux_placement *place, char *error, size_t len);

#endif /* !_JAILHOUSE_TOOLS_LINUX_PLACEMENT_H */
