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
/* EL2 exception vector table (arch/arm64/entry.S) */
extern u8 hyp_vectors[];

#define image_offset(sym)	((unsigned long)(sym) - JAILHOUSE_BASE)

#endif /* !_JAILHOUSE_IMAGE_H */
