// SPDX-License-Identifier: GPL-2.0
/*
 * Image placement for `jailhouse cell linux`.  The addresses are the ones
 * Jailhouse's helper computes, so that DTBs and command lines written for
 * it stay valid.  It differs only in refusing what cannot boot: the region
 * must also hold the initrd itself and the kernel's bss (the header's
 * image_size), which Jailhouse did not count.
 */
#include <stdio.h>

#include "error_text.h"
#include "kernel_image.h"
#include "linux_placement.h"

#define RAM_FLAGS	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA)
#define NOT_RAM_FLAGS	(JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION | \
			 JAILHOUSE_MEM_ROOTSHARED)
/* a region at 0 up to this size holds the loader, not kernel memory */
#define LOADER_REGION_MAX	0x10000ULL

static __u64 align_up(__u64 value, __u64 align)
{
	return (value + align - 1) & ~(align - 1);
}

bool linux_region_is_ram(const struct jailhouse_memory *mem)
{
	return (mem->flags & (RAM_FLAGS | NOT_RAM_FLAGS)) == RAM_FLAGS;
}

bool linux_region_is_memory(const struct jailhouse_memory *mem)
{
	return linux_region_is_ram(mem) &&
		(mem->virt_start > 0 || mem->size > LOADER_REGION_MAX);
}

/* Addresses in @mem; returns the end of what is placed there. */
static __u64 place_in(const struct jailhouse_memory *mem,
		      const struct linux_sizes *sizes, __u64 kernel_space,
		      struct linux_placement *place)
{
	__u64 kernel_end, initrd_end;

	place->dtb = mem->virt_start;
	if (place->dtb == 0)
		place->dtb += LINUX_LOADER_ROOM;
	place->kernel = align_up(place->dtb + place->dtb_space,
				 ARM64_KERNEL_ALIGN) + sizes->text_offset;
	place->initrd = place->kernel + kernel_space;

	kernel_end = place->kernel + sizes->kernel_image;
	initrd_end = place->initrd + sizes->initrd;
	return kernel_end > initrd_end ? kernel_end : initrd_end;
}

int linux_place(const struct jailhouse_cell_desc *cell,
		const struct linux_sizes *sizes,
		struct linux_placement *place, char *error, size_t len)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	__u64 kernel_space, gap = 0, needed, end, largest = 0;
	unsigned int n, num_ram = 0, factor, largest_index = 0;

	factor = sizes->decomp_factor;
	kernel_space = align_up(sizes->kernel, LINUX_PAGE_SIZE);
	if (sizes->has_initrd)
		gap = factor * kernel_space;
	kernel_space += gap;

	place->loader = cell->cpu_reset_address;
	place->params = cell->cpu_reset_address + LINUX_PARAMS_OFFSET;
	place->dtb_space = align_up(sizes->dtb, LINUX_PAGE_SIZE) +
		LINUX_PAGE_SIZE;

	/* Jailhouse's sum: 2 MiB for the alignment, 2 pages of slack */
	needed = sizes->text_offset + kernel_space + ARM64_KERNEL_ALIGN +
		place->dtb_space + LINUX_LOADER_ROOM + sizes->initrd;
	place->needed = needed;

	for (n = 0; n < cell->num_memory_regions; n++) {
		if (!linux_region_is_ram(&mem[n]))
			continue;
		num_ram++;
		if (mem[n].size > largest) {
			largest = mem[n].size;
			largest_index = n;
		}
		if (mem[n].size < needed)
			continue;
		end = place_in(&mem[n], sizes, kernel_space, place);
		if (end > mem[n].virt_start + mem[n].size)
			continue;
		place->region = n;
		return 0;
	}

	if (num_ram == 0)
		return set_error(error, len, "cell \"%.*s\" has no RAM region to "
			    "boot Linux in (one with flags "
			    "READ|WRITE|EXECUTE|DMA and without "
			    "IO/COMM_REGION/ROOTSHARED)",
			    JAILHOUSE_CELL_NAME_MAXLEN, cell->name);
	return set_error(error, len, "cell \"%.*s\" has too little RAM: kernel "
		    "0x%llx + initrd 0x%llx + decompression gap 0x%llx + "
		    "device tree 0x%llx need a region of 0x%llx bytes (%llu "
		    "MiB), the largest is mem_regions[%u] with 0x%llx (%llu "
		    "MiB)", JAILHOUSE_CELL_NAME_MAXLEN, cell->name,
		    (unsigned long long)sizes->kernel_image,
		    (unsigned long long)sizes->initrd,
		    (unsigned long long)gap,
		    (unsigned long long)place->dtb_space,
		    (unsigned long long)needed,
		    (unsigned long long)((needed + (1 << 20) - 1) >> 20),
		    largest_index, (unsigned long long)largest,
		    (unsigned long long)(largest >> 20));
}
