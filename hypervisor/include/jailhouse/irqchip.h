/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface between the core/trap code and the interrupt controller
 * driver (arch/arm64/gic-v3.c; GICv2 later).  All functions run at EL2 on
 * the CPU given or the current one.
 *
 * Reserved software-generated interrupts (never given to cells):
 *   SGI_INJECT (0): another CPU queued a virtual IRQ for this one
 *   SGI_EVENT  (1): management request (park, reset, flush, shut down)
 */
#ifndef _JAILHOUSE_IRQCHIP_H
#define _JAILHOUSE_IRQCHIP_H

#include <jailhouse/types.h>

#define SGI_INJECT	0
#define SGI_EVENT	1

/* INTIDs 0..1019 are covered by cell bitmaps */
#define MAX_IRQS	1024

struct cell;
struct per_cpu;

/* Once, on the first CPU, with the system config available: map the
 * distributor and redistributors, check the configuration (e.g. ARE). */
int irqchip_init(void);

/* On each CPU during enable: take over the physical CPU interface (copy
 * Linux's PMR/group enables/EOI mode into the virtual CPU interface,
 * enable ICH_HCR_EL2), locate this CPU's redistributor. */
int irqchip_cpu_init(struct per_cpu *cpu_data);

/* On each CPU on disable or failed enable: hand the physical interface
 * back with the state the guest left in the virtual one; virtual IRQs
 * still pending are made pending physically again. */
void irqchip_cpu_shutdown(struct per_cpu *cpu_data);

/*
 * Build cell->irq_bitmap from the cell's irqchip config entries and
 * register the GICD/GICR MMIO handlers for the cell (root and non-root
 * cells; for a non-root cell the core calls it after the cell's CPUs left
 * the root, cell->cpu_set is final).  Must free what it allocated on
 * failure.  irqchip_cell_exit() undoes it: for a non-root cell the SPIs
 * go back to the root as far as the root's original config has them.
 */
int irqchip_cell_init(struct cell *cell);
void irqchip_cell_exit(struct cell *cell);

/*
 * Make the interrupt routing match a new ownership, on a root CPU while
 * the cell's CPUs are parked:
 *  - cell != NULL, right after the cell was created (its irq_bitmap built
 *    by irqchip_cell_init, its CPUs already out of root_cell.cpu_set): the
 *    cell's SPIs leave root_cell.irq_bitmap and are routed (GICD_IROUTER)
 *    to the cell's first CPU; root SPIs routed to a CPU that is no longer
 *    in the root go to a root CPU that is running (e.g. the calling one).
 *  - cell == NULL, after a cell was destroyed (irqchip_cell_exit already
 *    gave its SPIs back to the root; its CPUs are in the root again but
 *    still parked, power_state CPU_POWER_OFF): root SPIs routed to a
 *    parked CPU or outside the root go to a running root CPU.
 */
void irqchip_config_commit(struct cell *cell);

/*
 * Quiesce every interrupt of a non-root cell: its SPIs disabled,
 * deactivated, pending cleared; likewise the SGIs/PPIs of its CPUs.  At
 * cell start and at shutdown/destroy, while the cell's CPUs are parked.
 */
void irqchip_cell_reset(struct cell *cell);

/*
 * On the CPU itself, when it is (re)started into a cell: list registers
 * cleared, the software pending queue emptied, the virtual CPU interface
 * (ICH_VMCR_EL2) and ICH_HCR_EL2 in their reset state for a fresh guest.
 */
void irqchip_cpu_reset(struct per_cpu *cpu_data);

/* The CPU parks: deactivate what its guest had in flight, now, while the
 * IRQs are still that guest's; the root's pending SPIs are handed back to
 * the distributor, a cell's are dropped. */
void irqchip_cpu_park(struct per_cpu *cpu_data);

/* IRQ exception from a lower EL: acknowledge every pending physical
 * interrupt, inject it (or handle SGI_INJECT/SGI_EVENT/maintenance). */
void irqchip_handle_irq(void);

/* Trapped guest write of ICC_SGI1R_EL1: deliver the SGI to the targets
 * that are in the caller's cell; returns false if the write is refused. */
bool irqchip_handle_sgi1r_write(u64 value);

/* Make a virtual interrupt pending on cpu_data's CPU.  Must run on that
 * CPU; use irqchip_send_sgi(cpu, SGI_INJECT) to kick a remote one. */
void irqchip_set_pending(struct per_cpu *cpu_data, u16 irq_id);

/* Send a physical SGI to a CPU (by logical CPU id). */
void irqchip_send_sgi(unsigned int cpu_id, u16 sgi_id);

/* Provided by the core: an SGI_EVENT arrived on this CPU. */
void arch_handle_sgi_event(struct per_cpu *cpu_data);

#endif /* !_JAILHOUSE_IRQCHIP_H */
