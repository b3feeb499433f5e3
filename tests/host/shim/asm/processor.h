/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for the hypervisor's <asm/processor.h>, for hypervisor
 * files the host tests compile: the same primitives, with the compiler's
 * barriers instead of arm64 instructions.
 */
#ifndef _JAILHOUSE_HOST_SHIM_PROCESSOR_H
#define _JAILHOUSE_HOST_SHIM_PROCESSOR_H

static inline void cpu_relax(void)
{
}

static inline void memory_barrier(void)
{
	__sync_synchronize();
}

static inline void store_barrier(void)
{
	__sync_synchronize();
}

#endif
