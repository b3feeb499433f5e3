/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Everything the arch-neutral core needs from the architecture: inline
 * primitives from <asm/...> and the arch_* hooks declared below.  The core
 * includes nothing else from hypervisor/arch/.
 */
#ifndef _JAILHOUSE_ARCH_H
#define _JAILHOUSE_ARCH_H

#include <jailhouse/types.h>
#include <asm/layout.h>
#include <asm/processor.h>
#include <asm/spinlock.h>

struct uart_driver;
struct cell;
struct per_cpu;
struct jailhouse_memory;
struct hv_window;
struct trap_context;

/*
 * The UART driver for a JAILHOUSE_CON_TYPE_* value and access flags
 * (JAILHOUSE_CON_ACCESS_*, REGDIST_*), or NULL if the architecture has
 * none that fits.
 */
const struct uart_driver *arch_uart_driver(u16 type, u16 flags);

/* Once, on the first CPU, after the pools and the config are set up. */
int arch_init_early(void);

/* Each CPU, after the first one's early setup: switch to the hypervisor's
 * page tables, set up the EL2 registers that do not affect the guest. */
int arch_cpu_init(struct per_cpu *cpu_data);

/* Each CPU, last step of enable: start trapping the guest. */
void arch_cpu_activate(struct per_cpu *cpu_data);

/*
 * Leave the hypervisor on this CPU: Linux's EL2 state back, the stub-ABI
 * vectors installed, MMU off, then return to the guest frame with x0 =
 * result, or (power_off) switch the CPU off through the firmware.
 */
void __attribute__((noreturn))
arch_cpu_exit(struct per_cpu *cpu_data, struct trap_context *frame,
	      long result, bool power_off);

/*
 * The physical windows of the platform the hypervisor owns (interrupt
 * controller, IOMMU units, virtual PCI config space), known once
 * irqchip_init() has run.  Writes at most max of them and returns their
 * number, or -E2BIG.  The core maps every cell region around them.
 */
int arch_hv_windows(struct hv_window *windows, unsigned int max);

/* Stage-2 translation of a cell: root table and VMID. */
int arch_cell_init(struct cell *cell);
/* Frees the cell's stage-2 tables (the memory stays where it is). */
void arch_cell_destroy(struct cell *cell);
int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem);
int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem);
/* [phys, phys + size) lies within the CPUs' physical address size */
bool arch_phys_range_valid(unsigned long phys, unsigned long size);
/* the CPUs' physical address size in bits */
unsigned int arch_phys_addr_bits(void);
/*
 * After unmapping from the stage 2 of the cell this CPU runs (the root):
 * invalidate that VMID's TLB entries on every CPU.
 */
void arch_flush_current_stage2(void);

/*
 * Start this CPU afresh in cpu_data->cell: EL1 in its reset state (MMU
 * and caches off, timers off), AArch64 EL1h with DAIF masked, x0 =
 * context, all other registers 0, PC = entry; the cell's stage 2 loaded.
 */
void __attribute__((noreturn))
arch_cpu_start(struct per_cpu *cpu_data, unsigned long entry,
	       unsigned long context);
/* The CPU stops running its guest (it parks; the root's too): silence
 * what could still fire and settle the interrupts it had in flight. */
void arch_cpu_stop_guest(void);

/* Write back (and invalidate) [start, start + size) to the point of
 * coherency: memory a cell reads with its MMU off, or wrote so. */
void arch_dcache_clean_inval(const void *start, unsigned long size);

/* The free-running system counter, and its ticks per second. */
u64 arch_counter_ticks(void);
u64 arch_counter_freq(void);

/* Busy-wait (yielding) for about us microseconds. */
void arch_delay_us(unsigned long us);

/* Drop the hypervisor's own TLB entries on every CPU (after unmapping). */
void arch_paging_invalidate_hv(void);

/* Switch this CPU from its bootstrap tables to hv_paging (idempotent). */
void arch_paging_activate_hv(void);

/* Make new entries in the hypervisor's own tables visible. */
void arch_paging_flush_hv(void);

/* Wait for an interrupt with interrupts masked at EL2; pending physical
 * interrupts are then handled (injected or management events). */
void arch_cpu_idle(void);

/* Wake CPUs waiting in arch_wait_for_event() */
static inline void arch_send_event(void)
{
	asm volatile("dsb ish; sev" : : : "memory");
}

static inline void arch_wait_for_event(void)
{
	asm volatile("wfe" : : : "memory");
}

#endif /* !_JAILHOUSE_ARCH_H */
