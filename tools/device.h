/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Access to /dev/jailhouse with failures explained: a missing module, a
 * missing root privilege, and for a failed ioctl the reason the driver
 * recorded.
 */
#ifndef _JAILHOUSE_TOOLS_DEVICE_H
#define _JAILHOUSE_TOOLS_DEVICE_H

#include <stddef.h>

#define JAILHOUSE_DEVICE	"/dev/jailhouse"

/* Opens the device with @flags; prints why on failure and returns -1. */
int device_open(int flags);

/*
 * Edits the driver's reason (a string in a buffer of @size bytes) before
 * it is printed, to put in what only the tool knows (file names).
 */
typedef void (*device_reason_rewrite_t)(char *reason, size_t size,
					void *ctx);

/*
 * Issues @request; on failure prints one line, "@name: strerror" like
 * Jailhouse, followed by ": " and the driver's reason if it gives one
 * (passed through @rewrite with @ctx first, unless @rewrite is NULL),
 * and returns -1.
 */
int device_ioctl(int fd, unsigned long request, void *arg, const char *name,
		 device_reason_rewrite_t rewrite, void *ctx);

#endif /* !_JAILHOUSE_TOOLS_DEVICE_H */
