/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device register accessors.  The explicit ldr/str keep the compiler from
 * merging, splitting or reordering device accesses.
 */
#ifndef _JAILHOUSE_ASM_MMIO_H
#define _JAILHOUSE_ASM_MMIO_H

#include <jailhouse/types.h>

static inline u8 mmio_read8(void *addr)
{
	u8 val;

	asm volatile("ldrb %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write8(void *addr, u8 val)
{
	asm volatile("strb %w0, [%1]" : : "r" (val), "r" (addr) : "memory");
}

static inline u16 mmio_read16(void *addr)
{
	u16 val;

	asm volatile("ldrh %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write16(void *addr, u16 val)
{
	asm volatile("strh %w0, [%1]" : : "r" (val), "r" (addr) : "memory");
}

static inline u32 mmio_read32(void *addr)
{
	u32 val;

	asm volatile("ldr %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write32(void *addr, u32 val)
{
	asm volatile("str %w0, [%1]" : : "r" (val), "r" (addr) : "memory");
}

static inline u64 mmio_read64(void *addr)
{
	u64 val;

	asm volatile("ldr %0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write64(void *addr, u64 val)
{
	asm volatile("str %0, [%1]" : : "r" (val), "r" (addr) : "memory");
}

#endif /* !_JAILHOUSE_ASM_MMIO_H */
