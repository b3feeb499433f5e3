// SPDX-License-Identifier: GPL-2.0
/*
 * Reversal of a tree built with libfdt's read-write calls (fdt_order.h),
 * written out again with its sequential-write calls.
 */
#include <stdlib.h>
#include <libfdt.h>

#include "fdt_order.h"

#define MAX_ENTRIES	1024	/* properties or children of one node */

static int emit_node(const void *tree, int node, void *out)
{
	int offsets[MAX_ENTRIES], count = 0, prop, child, len, err;
	const char *name;
	const void *value;

	fdt_for_each_property_offset(prop, tree, node) {
		if (count == MAX_ENTRIES)
			return -FDT_ERR_NOSPACE;
		offsets[count++] = prop;
	}
	while (count-- > 0) {
		value = fdt_getprop_by_offset(tree, offsets[count], &name,
					      &len);
		if (!value)
			return len;
		err = fdt_property(out, name, value, len);
		if (err)
			return err;
	}

	count = 0;
	fdt_for_each_subnode(child, tree, node) {
		if (count == MAX_ENTRIES)
			return -FDT_ERR_NOSPACE;
		offsets[count++] = child;
	}
	while (count-- > 0) {
		err = fdt_begin_node(out, fdt_get_name(tree, offsets[count],
						       NULL));
		if (!err)
			err = emit_node(tree, offsets[count], out);
		if (!err)
			err = fdt_end_node(out);
		if (err)
			return err;
	}
	return 0;
}

void *fdt_in_build_order(const void *tree, size_t *size)
{
	size_t room = fdt_totalsize(tree) + 0x1000;
	void *out = malloc(room);
	int err;

	if (!out)
		return NULL;
	err = fdt_create(out, room);
	if (!err)
		err = fdt_finish_reservemap(out);
	if (!err)
		err = fdt_begin_node(out, "");
	if (!err)
		err = emit_node(tree, 0, out);
	if (!err)
		err = fdt_end_node(out);
	if (!err)
		err = fdt_finish(out);
	if (err) {
		free(out);
		return NULL;
	}
	*size = fdt_totalsize(out);
	return out;
}
