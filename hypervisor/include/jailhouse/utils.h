/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers used all over the hypervisor.
 */
#ifndef _JAILHOUSE_UTILS_H
#define _JAILHOUSE_UTILS_H

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif

#define MIN(a, b)		((a) <= (b) ? (a) : (b))
#define MAX(a, b)		((a) >= (b) ? (a) : (b))

/* align must be a power of two */
#define ALIGN_UP(x, align)	(((x) + (align) - 1) & ~((align) - 1))

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), #cond)

#endif /* !_JAILHOUSE_UTILS_H */
