/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_CELL_LINUX_H
#define _JAILHOUSE_TOOLS_CELL_LINUX_H

#include "linux_args.h"

/*
 * `jailhouse cell linux`: boots Linux in a non-root cell, or with -w
 * writes its device tree and prints the equivalent commands.  Everything
 * is read and checked before the cell is created; a failure after that
 * destroys the cell it created.  Returns the exit status.
 */
int cell_linux(const struct linux_args *args, const char *argv0);

#endif /* !_JAILHOUSE_TOOLS_CELL_LINUX_H */
