/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_CONTROL_H
#define _JAILHOUSE_TOOLS_CONTROL_H

#include "cli.h"

/*
 * The commands that are one ioctl on /dev/jailhouse: enable, disable,
 * cell create/load/start/shutdown/destroy.  Returns the exit status.
 */
int control_command(const struct cli_command *cmd);

#endif /* !_JAILHOUSE_TOOLS_CONTROL_H */
