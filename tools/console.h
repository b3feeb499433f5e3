/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_CONSOLE_H
#define _JAILHOUSE_TOOLS_CONSOLE_H

#include <stdbool.h>

/*
 * `jailhouse console [-f]`: copies the hypervisor console from
 * /dev/jailhouse to stdout, what is there now, or with @follow everything
 * that comes until interrupted.  Returns the exit status.
 */
int console_dump(bool follow);

#endif /* !_JAILHOUSE_TOOLS_CONSOLE_H */
