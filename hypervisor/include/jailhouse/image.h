/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Symbols of the image layout (hypervisor.lds.S) and the header at its
 * start.  Convert a link address to the offset the driver sees with
 * image_offset().
 */
#ifndef _JAILHOUSE_IMAGE_H
#define _JAILHOUSE_IMAGE_H

#include <jailhouse/header.h>
#include <asm/layout.h>

extern struct jailhouse_header hypervisor_header;

/* first byte after the image: per-CPU data, system config, then pages */
extern u8 __page_pool[];
/* EL2 exception vector tables (arch/arm64/entry.S): the cells' traps,
 * and the stub-ABI table at a fixed offset that header.entry names */
extern u8 hyp_vectors[];
extern u8 stub_vectors[];

#define image_offset(sym)	((unsigned long)(sym) - JAILHOUSE_BASE)

#endif /* !_JAILHOUSE_IMAGE_H */
