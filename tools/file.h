/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_FILE_H
#define _JAILHOUSE_TOOLS_FILE_H

#include <stddef.h>

/*
 * Reads the whole of @path into a new buffer (free() it) and stores its
 * length in *@size.  On failure prints why, naming the file, and returns
 * NULL.  Empty files count as failures: no config or image is empty.
 */
void *file_read_all(const char *path, size_t *size);

#endif /* !_JAILHOUSE_TOOLS_FILE_H */
