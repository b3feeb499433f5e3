/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU state of the interrupt controller driver, embedded in struct
 * per_cpu.  Owned by arch/arm64/gic-v3.c.
 */
#ifndef _JAILHOUSE_ASM_GIC_PERCPU_H
#define _JAILHOUSE_ASM_GIC_PERCPU_H

#include <jailhouse/types.h>
#include <asm/gic_lpi.h>

/* one bit per INTID 0..1023 */
#define GIC_PENDING_WORDS	(1024 / 32)

struct gic_percpu {
	/*
	 * INTID of the maintenance PPI, copied here so that the IRQ fast
	 * path finds it next to the per-CPU pointer it already has.
	 */
	u32 maint_irq;
	/* number of list registers (ICH_VTR_EL2.ListRegs + 1) */
	unsigned int num_lrs;
	/* this CPU's redistributor: RD_base (SGI_base follows at +64 KiB) */
	void *redist_base;
	unsigned long redist_phys;
	/* set once irqchip_cpu_init succeeded, cleared by the shutdown */
	volatile bool active;
	/*
	 * Virtual IRQs waiting for a free list register.  A bit per INTID
	 * rather than a FIFO: duplicates merge the way a GIC pending latch
	 * does and nothing can overflow.  The drain always takes the waiting
	 * IRQ of highest priority.  INTIDs 0..15 are virtual SGIs; any other
	 * one is a physical IRQ that the hypervisor acknowledged (injected
	 * with the HW bit) unless its pending_virt bit says it was raised by
	 * software.  Only the CPU itself touches these, with IRQs masked.
	 */
	u32 pending[GIC_PENDING_WORDS];
	/* bit n set if and only if pending[n] is not 0 */
	u32 pending_words;
	u32 pending_virt[GIC_PENDING_WORDS];
	/*
	 * SGIs other CPUs of the cell sent to this one (bit n: SGI n), set
	 * atomically by them; the CPU takes them all at once into pending.
	 */
	u32 sgi_inbox;
	/*
	 * Virtual LPIs (root cell only) waiting for a list register: their
	 * INTIDs lie beyond pending[], and their priority is the one they
	 * were taken with.
	 */
	struct gic_lpi_queue lpis;
	/* LPIs dropped on a CPU of another cell, reported once */
	unsigned int lpis_dropped;
	/*
	 * The SGI/PPI setup of the redistributor right after enable, for
	 * every new owner of the CPU (gic-owner.c).
	 */
	u32 saved_group;
	u32 saved_grpmod;
	u32 saved_ppi_cfg;
	u8 saved_priority[32];
};

#endif /* !_JAILHOUSE_ASM_GIC_PERCPU_H */
