/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Fixed-width types for every place the ABI headers are compiled: the Linux
 * driver (which already has them from <linux/types.h>), the freestanding
 * hypervisor, inmates and configs, and hosted user space (CLI, host tests).
 */
#ifndef _JAILHOUSE_TYPES_H
#define _JAILHOUSE_TYPES_H

#if defined(__KERNEL__) && !defined(__JAILHOUSE_FREESTANDING__)
#include <linux/types.h>
#else

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;

typedef s8 __s8;
typedef u8 __u8;
typedef s16 __s16;
typedef u16 __u16;
typedef s32 __s32;
typedef u32 __u32;
typedef s64 __s64;
typedef u64 __u64;

#if defined(__JAILHOUSE_FREESTANDING__)
typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned long uintptr_t;
#ifndef __cplusplus
typedef _Bool bool;
#define true	1
#define false	0
#endif
#ifndef NULL
#define NULL	((void *)0)
#endif
#else
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#endif

#endif /* __KERNEL__ */
#endif /* !_JAILHOUSE_TYPES_H */
