/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_CONTROL_H
#define _JAILHOUSE_TOOLS_CONTROL_H

#include "cli.h"

/*
 * The commands that are one ioctl on /dev/jailhouse: enable, disable,
 * cell create/load/start/shutdown/destroy.  Returns the exit status.
 */
int control_command(const struct cli_command *cmd);

/* The same ioctls for other commands (cell linux), on buffers. */
struct control_image {
	const void *data;
	size_t size;
	__u64 target;
	const char *name;	/* file or string, for messages */
};

int control_cell_create(const char *path, const void *config, size_t size);
/* One CELL_LOAD with all @images. */
int control_cell_load(const struct cli_cell_ref *cell,
		      const struct control_image *images, unsigned int num);
int control_cell_start(const struct cli_cell_ref *cell);
int control_cell_destroy(const struct cli_cell_ref *cell);

#endif /* !_JAILHOUSE_TOOLS_CONTROL_H */
