/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory and string helpers.  There is no libc under the hypervisor, and
 * the compiler may emit calls to memcpy/memset for structure copies, so
 * these must exist with the standard names and semantics.
 */
#ifndef _JAILHOUSE_STRING_H
#define _JAILHOUSE_STRING_H

#include <jailhouse/types.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
char *strncpy(char *dest, const char *src, size_t n);

#endif /* !_JAILHOUSE_STRING_H */
