/* SPDX-License-Identifier: GPL-2.0 */
/*
 * String formatting shared by the hypervisor and the inmate library (both
 * compile common/format.c).  Supported conversions: %s %c %d %i %u %x
 * %X %p %%, the length modifiers l and ll, a field width, and the flags
 * '0' (zero padding) and '-' (left adjust).  Anything else is copied to
 * the output verbatim so that a wrong format is visible, not silent.
 */
#ifndef _JAILHOUSE_FORMAT_H
#define _JAILHOUSE_FORMAT_H

#include <jailhouse/types.h>

typedef __builtin_va_list va_list;
#define va_start(ap, last)	__builtin_va_start(ap, last)
#define va_arg(ap, type)	__builtin_va_arg(ap, type)
#define va_end(ap)		__builtin_va_end(ap)

/*
 * Like C's: always NUL-terminates when size > 0 and returns the length the
 * full output would have had.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* !_JAILHOUSE_FORMAT_H */
