// SPDX-License-Identifier: GPL-2.0
/*
 * Memory and /chosen of an inmate device tree.  Jailhouse's helper adds a
 * node named plain "memory" next to whatever "memory@..." node the DTB
 * had, so the kernel saw both; here the old ones are removed first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "fdt_cell.h"
#include "linux_placement.h"

/* the root's address format, which /chosen's initrd values use too */
static int root_address_cells(const void *fdt)
{
	int cells = fdt_address_cells(fdt, 0);

	return cells == 1 ? 1 : 2;
}

static int append_cells(void *fdt, int node, const char *name, __u64 value,
			int cells)
{
	if (cells == 1)
		return fdt_appendprop_u32(fdt, node, name, (__u32)value);
	return fdt_appendprop_u64(fdt, node, name, value);
}

int fdt_cell_set_memory(void *fdt, const struct jailhouse_cell_desc *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	int node, err, addr_cells, size_cells;
	char name[32];
	unsigned int n;
	bool named = false;

	while ((node = fdt_node_offset_by_prop_value(fdt, -1, "device_type",
						     "memory", 7)) >= 0) {
		err = fdt_del_node(fdt, node);
		if (err)
			return err;
	}

	addr_cells = root_address_cells(fdt);
	size_cells = fdt_size_cells(fdt, 0) == 1 ? 1 : 2;
	node = -FDT_ERR_NOTFOUND;
	for (n = 0; n < cell->num_memory_regions; n++) {
		if (!linux_region_is_memory(&mem[n]))
			continue;
		if (!named) {
			snprintf(name, sizeof(name), "memory@%llx",
				 (unsigned long long)mem[n].virt_start);
			node = fdt_add_subnode(fdt, 0, name);
			if (node < 0)
				return node;
			err = fdt_setprop_string(fdt, node, "device_type",
						 "memory");
			if (err)
				return err;
			named = true;
		}
		err = append_cells(fdt, node, "reg", mem[n].virt_start,
				   addr_cells);
		if (!err)
			err = append_cells(fdt, node, "reg", mem[n].size,
					   size_cells);
		if (err)
			return err;
	}
	/* no RAM at all: placement refuses that, naming the cell */
	return 0;
}

static int chosen_node(void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen");

	if (node == -FDT_ERR_NOTFOUND)
		node = fdt_add_subnode(fdt, 0, "chosen");
	return node;
}

static int set_address(void *fdt, int node, const char *name, __u64 value)
{
	if (root_address_cells(fdt) == 1)
		return fdt_setprop_u32(fdt, node, name, (__u32)value);
	return fdt_setprop_u64(fdt, node, name, value);
}

int fdt_cell_set_chosen(void *fdt, const char *cmdline, bool has_initrd)
{
	int node = chosen_node(fdt), err = 0;

	if (node < 0)
		return node;
	if (cmdline)
		err = fdt_setprop_string(fdt, node, "bootargs", cmdline);
	if (!err && has_initrd)
		err = set_address(fdt, node, "linux,initrd-start", 0);
	if (!err && has_initrd)
		err = set_address(fdt, node, "linux,initrd-end", 0);
	if (!err && !has_initrd) {
		/* a given DTB's initrd would point at whatever is there now */
		err = fdt_delprop(fdt, node, "linux,initrd-start");
		if (!err || err == -FDT_ERR_NOTFOUND)
			err = fdt_delprop(fdt, node, "linux,initrd-end");
		if (err == -FDT_ERR_NOTFOUND)
			err = 0;
	}
	return err;
}

static int set_address_inplace(void *fdt, int node, const char *name,
			       __u64 value)
{
	if (root_address_cells(fdt) == 1)
		return fdt_setprop_inplace_u32(fdt, node, name, (__u32)value);
	return fdt_setprop_inplace_u64(fdt, node, name, value);
}

int fdt_cell_set_initrd(void *fdt, __u64 start, __u64 end)
{
	int node = fdt_path_offset(fdt, "/chosen"), err;

	if (node < 0)
		return node;
	err = set_address_inplace(fdt, node, "linux,initrd-start", start);
	if (!err)
		err = set_address_inplace(fdt, node, "linux,initrd-end", end);
	return err;
}

void *fdt_cell_patch(const void *dtb, size_t dtb_size,
		     const struct jailhouse_cell_desc *cell,
		     const char *cmdline, bool has_initrd, char *error,
		     size_t len)
{
	size_t room;
	void *fdt;
	int err;

	if (dtb_size < sizeof(struct fdt_header) ||
	    fdt_magic(dtb) != FDT_MAGIC) {
		snprintf(error, len, "not a device tree blob (no magic "
			 "0xd00dfeed at its start)");
		return NULL;
	}
	err = fdt_check_full(dtb, dtb_size);
	if (err) {
		snprintf(error, len, "damaged device tree blob: %s",
			 fdt_strerror(err));
		return NULL;
	}
	room = dtb_size + 0x1000 + (cmdline ? strlen(cmdline) : 0) +
		16 * (cell->num_memory_regions + 4);
	fdt = malloc(room);
	if (!fdt) {
		snprintf(error, len, "out of memory");
		return NULL;
	}
	err = fdt_open_into(dtb, fdt, room);
	if (!err)
		err = fdt_cell_set_memory(fdt, cell);
	if (!err)
		err = fdt_cell_set_chosen(fdt, cmdline, has_initrd);
	if (!err)
		err = fdt_pack(fdt);
	if (err) {
		snprintf(error, len, "cannot update the device tree: %s",
			 fdt_strerror(err));
		free(fdt);
		return NULL;
	}
	return fdt;
}
