/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_CONSOLE_H
#define _JAILHOUSE_TOOLS_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * `jailhouse console [-f]`: copies the hypervisor console from
 * /dev/jailhouse to stdout, what is there now, or with @follow everything
 * that comes until interrupted.  Returns the exit status.
 */
int console_dump(bool follow);

/*
 * What console_read() passes each piece of the console it reads to:
 * false stops the reading (with errno EPIPE: quietly, a closed pipe).
 */
typedef bool (*console_sink)(const char *data, size_t len, void *ctx);

/*
 * The hypervisor console from /dev/jailhouse, piece by piece to sink:
 * what is there now, or with @follow until interrupted.  Errors are
 * reported as "@who: ...".  Returns the exit status.
 */
int console_read(bool follow, console_sink sink, void *ctx, const char *who);

#endif /* !_JAILHOUSE_TOOLS_CONSOLE_H */
