// SPDX-License-Identifier: GPL-2.0
/*
 * JAILHOUSE_CELL_LOAD: shut the cell down and make its LOADABLE memory
 * reachable for the root (the SET_LOADABLE hypercall), then copy each image
 * to its address in the cell.  With no images this is `cell shutdown`.
 *
 * Every image is checked against the cell's LOADABLE regions before the
 * hypervisor is asked for anything, so a request with a bad target changes
 * nothing, not even the state of the running cell.  The physical memory
 * an image goes to must also be memory the cell owns: the root writes it
 * through the kernel's own mapping, so a LOADABLE region that names other
 * memory would let a config write anywhere (security review M2).  Images are written
 * through the root's own mapping of the physical memory and flushed to the
 * point of coherency: the cell's CPUs start with MMU and caches off and
 * read memory directly.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>

#include "cell.h"
#include "enable.h"
#include "jailhouse.h"

/* Far more than any loader needs; bounds the kernel's copy of the list. */
#define MAX_IMAGES	64

static bool region_holds(const struct jailhouse_memory *mem, u64 target,
			 u64 size)
{
	u64 offset = target - mem->virt_start;

	return (mem->flags & JAILHOUSE_MEM_LOADABLE) &&
		target >= mem->virt_start && offset <= mem->size &&
		size <= mem->size - offset;
}

static const struct jailhouse_memory *
loadable_region(const struct jailhouse_cell *cell, u64 target, u64 size)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_memory_regions; n++)
		if (region_holds(&mem[n], target, size))
			return &mem[n];
	return NULL;
}

/* "0x0-0xffff, 0x70000000-0x77ffffff" or "none" */
static void loadable_ranges(const struct jailhouse_cell *cell, char *buf,
			    size_t size)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	size_t len = 0;
	unsigned int n;

	buf[0] = '\0';
	for (n = 0; n < cell->config->num_memory_regions; n++) {
		if (!(mem[n].flags & JAILHOUSE_MEM_LOADABLE) || !mem[n].size)
			continue;
		len += scnprintf(buf + len, size - len, "%s0x%llx-0x%llx",
				 len ? ", " : "", (u64)mem[n].virt_start,
				 (u64)(mem[n].virt_start + mem[n].size - 1));
	}
	if (!len)
		strscpy(buf, "none", size);
}

/*
 * Refuses, with one line, an image that would land outside memory the cell
 * owns, although inside a LOADABLE region of its config:
 *  - the comm region: the hypervisor backs it with a page of its own, so
 *    its phys_start means nothing (the checker only warns about LOADABLE
 *    on it, and create does not look at its address at all);
 *  - hypervisor memory;
 *  - RAM Linux uses: create refuses regions there, except ROOTSHARED ones
 *    (and the comm region), which a cell shares rather than owns.
 */
static long check_load_target(struct jailhouse_file *jf,
			      const struct jailhouse_cell *cell,
			      const struct jailhouse_memory *mem,
			      const struct jailhouse_preload_image *image,
			      unsigned int number)
{
	const struct jailhouse_memory *hv =
		&jailhouse_root.config->hypervisor_memory;
	u64 phys = mem->phys_start + (image->target_address - mem->virt_start);
	unsigned int index = mem - jailhouse_cell_mem_regions(cell->config);
	const char *what;

	if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
		return jailhouse_fail(jf, -EINVAL,
				      "image #%u at 0x%llx is in the comm region of cell %s (mem_regions[%u]), which the hypervisor provides: it cannot be loaded, remove LOADABLE from that region",
				      number, image->target_address,
				      cell->name, index);
	if (!image->size)
		return 0;
	if (phys < hv->phys_start + hv->size &&
	    hv->phys_start < phys + image->size)
		what = "hypervisor memory";
	else if (region_intersects(phys, image->size, IORESOURCE_SYSTEM_RAM,
				   IORES_DESC_NONE) != REGION_DISJOINT)
		what = "RAM in use by Linux";
	else
		return 0;
	return jailhouse_fail(jf, -EINVAL,
			      "image #%u at 0x%llx of cell %s would be written to 0x%llx-0x%llx (mem_regions[%u]), which is %s, not memory of the cell: refused",
			      number, image->target_address, cell->name, phys,
			      phys + image->size - 1, index, what);
}

/*
 * The image list in kernel memory with every target checked, or an
 * ERR_PTR after jailhouse_fail().  Images are numbered from 1 in messages,
 * as "image #N": the tool replaces that with the file or string.
 */
static struct jailhouse_preload_image *
fetch_images(struct jailhouse_file *jf, const struct jailhouse_cell *cell,
	     const struct jailhouse_preload_image __user *uimages,
	     unsigned int num)
{
	struct jailhouse_preload_image *images, *image;
	const struct jailhouse_memory *mem;
	char ranges[256];
	unsigned int n;
	long err;

	images = kcalloc(num, sizeof(*images), GFP_KERNEL);
	if (!images)
		return ERR_PTR(jailhouse_fail(jf, -ENOMEM, "out of memory"));
	if (copy_from_user(images, uimages, num * sizeof(*images))) {
		err = jailhouse_fail(jf, -EFAULT,
				     "cannot read the image list from user space");
		goto out_free;
	}

	for (n = 0; n < num; n++) {
		image = &images[n];
		mem = loadable_region(cell, image->target_address, image->size);
		if (mem) {
			err = check_load_target(jf, cell, mem, image, n + 1);
			if (err)
				goto out_free;
			continue;
		}
		loadable_ranges(cell, ranges, sizeof(ranges));
		err = jailhouse_fail(jf, -EINVAL,
				     "image #%u (%llu bytes) at 0x%llx is outside the loadable memory of cell %s (loadable: %s)",
				     n + 1, image->size, image->target_address,
				     cell->name, ranges);
		goto out_free;
	}
	return images;

out_free:
	kfree(images);
	return ERR_PTR(err);
}

static long copy_image(struct jailhouse_file *jf,
		       const struct jailhouse_cell *cell,
		       const struct jailhouse_preload_image *image,
		       unsigned int number)
{
	const struct jailhouse_memory *mem =
		loadable_region(cell, image->target_address, image->size);
	phys_addr_t phys, map_start;
	size_t map_size;
	void *map;
	long err = 0;

	if (!image->size)
		return 0;

	phys = mem->phys_start + (image->target_address - mem->virt_start);
	map_start = phys & PAGE_MASK;
	map_size = PAGE_ALIGN(phys + image->size) - map_start;
	map = memremap(map_start, map_size, MEMREMAP_WB);
	if (!map)
		return jailhouse_fail(jf, -ENOMEM,
				      "cannot map 0x%llx-0x%llx to load image #%u into cell %s",
				      (u64)map_start,
				      (u64)(map_start + map_size - 1), number,
				      cell->name);

	if (copy_from_user(map + (phys - map_start),
			   (const void __user *)(uintptr_t)image->source_address,
			   image->size))
		err = jailhouse_fail(jf, -EFAULT,
				     "cannot read image #%u (%llu bytes) from user space",
				     number, image->size);
	else
		jailhouse_flush_to_poc(map + (phys - map_start), image->size);

	memunmap(map);
	return err;
}

long jailhouse_cmd_cell_load(struct jailhouse_file *jf,
			     const struct jailhouse_cell_load __user *arg)
{
	struct jailhouse_preload_image *images = NULL;
	struct jailhouse_cell_load load;
	struct jailhouse_cell *cell;
	unsigned int n;
	u32 mark;
	long err;

	if (copy_from_user(&load, arg, sizeof(load)))
		return jailhouse_fail(jf, -EFAULT,
				      "cannot read the load request from user space");
	cell = jailhouse_cell_find(jf, &load.cell_id, CELL_OP_LOAD);
	if (IS_ERR(cell))
		return PTR_ERR(cell);

	if (load.num_preload_images > MAX_IMAGES)
		return jailhouse_fail(jf, -E2BIG,
				      "%u images for cell %s: at most %u at once",
				      load.num_preload_images, cell->name,
				      MAX_IMAGES);
	if (load.num_preload_images) {
		images = fetch_images(jf, cell, arg->image,
				      load.num_preload_images);
		if (IS_ERR(images))
			return PTR_ERR(images);
	}

	mark = jailhouse_console_mark();
	err = jailhouse_hypercall(JAILHOUSE_HC_CELL_SET_LOADABLE, cell->id, 0);
	if (err) {
		jailhouse_cell_hv_refused(jf, err, mark,
					  images ? "load" : "shut down",
					  cell->name);
		goto out;
	}

	for (n = 0; n < load.num_preload_images; n++) {
		err = copy_image(jf, cell, &images[n], n + 1);
		if (err)
			goto out;
	}

out:
	kfree(images);
	return err;
}
