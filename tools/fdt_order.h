/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_FDT_ORDER_H
#define _JAILHOUSE_TOOLS_FDT_ORDER_H

#include <stddef.h>

/*
 * libfdt's read-write calls put each new node and property first in its
 * parent, so a tree built by them lists everything in reverse.  Returns a
 * new, compact copy of @tree (free() it) with every list reversed, i.e. in
 * the order it was built (cpu@2 before cpu@3, reg after compatible), or
 * NULL on failure.
 */
void *fdt_in_build_order(const void *tree, size_t *size);

#endif /* !_JAILHOUSE_TOOLS_FDT_ORDER_H */
