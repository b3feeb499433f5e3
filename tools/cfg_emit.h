/* SPDX-License-Identifier: GPL-2.0 */
/* Writers of the generated C configs (root cell, inmate-demo, linux-demo). */
#ifndef _JAILHOUSE_TOOLS_CFG_EMIT_H
#define _JAILHOUSE_TOOLS_CFG_EMIT_H

#include <stdio.h>

#include "cfg_plan.h"

struct cfg_emit_info {
	const char *command_line;	/* how the file was made */
	const char *source;		/* where the facts came from */
	const char *root_file;		/* base name of the root's .c */
};

void cfg_emit_root(FILE *f, const struct cfg_board *b,
		   const struct cfg_plan *p, const struct cfg_emit_info *info);
void cfg_emit_inmate_demo(FILE *f, const struct cfg_board *b,
			  const struct cfg_plan *p,
			  const struct cfg_emit_info *info);
void cfg_emit_linux_demo(FILE *f, const struct cfg_board *b,
			 const struct cfg_plan *p,
			 const struct cfg_emit_info *info);
/* The boot change the carve-out needs, for the user and the C file. */
void cfg_emit_boot_advice(FILE *f, const struct cfg_board *b,
			  const struct cfg_plan *p, const char *prefix);

/* helpers shared by the writers (cfg_emit_common.c) */
void cfg_emit_region(FILE *f, const char *comment, uint64_t phys,
		     uint64_t virt, uint64_t size, const char *flags);
void cfg_emit_ivshmem_demo(FILE *f, uint64_t base, unsigned int peer,
			   bool rootshared);
void cfg_emit_console(FILE *f, const struct cfg_board *b, const char *field);
void cfg_emit_irqchip(FILE *f, const struct cfg_board *b,
		      unsigned int pin_base, const uint32_t bitmap[4],
		      const char *comment);
void cfg_emit_ivshmem_dev(FILE *f, const struct cfg_plan *p, unsigned int bdf,
			  unsigned int regions_start, unsigned int dev_id,
			  unsigned int peers, bool net, const char *comment);
const char *cfg_size_str(uint64_t size, char *buf, size_t len);

#endif /* !_JAILHOUSE_TOOLS_CFG_EMIT_H */
