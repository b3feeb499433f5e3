/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_EXTENSION_H
#define _JAILHOUSE_TOOLS_EXTENSION_H

#include "cli.h"

#ifndef LIBEXECDIR
#define LIBEXECDIR "/usr/libexec"
#endif

/*
 * Runs the helper program of an extension command (`cell linux`,
 * `config create`, ...) in place of this process.  Returns only on
 * failure, with the exit status, after saying why.
 */
int extension_run(const struct cli_command *cmd, const char *argv0);

#endif /* !_JAILHOUSE_TOOLS_EXTENSION_H */
