/* SPDX-License-Identifier: GPL-2.0 */
/*
 * State and helpers shared by the GICv3 driver's files: gic-v3.c (CPU
 * interface, list registers, IRQ path), gic-v3-cpu.c (the CPUs' life
 * cycle), gic-dist.c (emulation of the distributor and redistributor
 * registers for the cells) and gic-spi-handover.c (SPIs changing owner).
 */
#ifndef _JAILHOUSE_ASM_GIC_INTERNAL_H
#define _JAILHOUSE_ASM_GIC_INTERNAL_H

#include <jailhouse/types.h>
#include <jailhouse/cell.h>
#include <jailhouse/utils.h>
#include <asm/gic_v3.h>
#include <asm/spinlock.h>
#include <asm/sysregs.h>

/* a redistributor found at irqchip_init */
struct gic_rdist {
	unsigned long phys;
	void *base;		/* RD_base; SGI_base at + GICR_SGI_BASE */
	u64 typer;
	/* the logical CPU it belongs to, -1 if none entered the hypervisor */
	int cpu;
};

/* one redistributor per CPU */
#define GIC_MAX_RDISTS		MAX_CPUS

extern void *gicd_base;
extern struct gic_rdist gic_rdists[GIC_MAX_RDISTS];
extern unsigned int gic_num_rdists;
extern unsigned long gic_rdist_stride;
extern unsigned int gic_maint_irq;

/*
 * Per logical CPU, filled as each enters: MPIDR affinity, and the
 * ICC_SGI1R_EL1 value that targets it (with INTID 0).  gic_cpus_up: bit n
 * set once CPU n is under the hypervisor.
 */
extern u64 gic_cpu_mpidr[MAX_CPUS];
extern u64 gic_sgi_keys[MAX_CPUS];
extern u64 gic_cpus_up;

/* device accesses of 1, 4 or 8 bytes (the widths GICv3 registers allow) */
u64 gic_mmio_read(void *addr, unsigned int size);
void gic_mmio_write(void *addr, unsigned int size, u64 val);

struct per_cpu;

/* gic-owner.c: the CPU's SGI/PPI setup at enable, restored for each new
 * owner with the rest of what gic_owner_reset() resets */
void gic_private_config_save(struct per_cpu *cpu_data);
void gic_owner_reset(struct per_cpu *cpu_data);

/*
 * gic-dist.c: the cell's distributor and redistributor MMIO handlers;
 * gic_dist_lock serialises the distributor's read-modify-writes with the
 * SPIs changing owner (gic-spi-handover.c).
 */
extern spinlock_t gic_dist_lock;
int gic_dist_register(struct cell *cell);
void gic_dist_unregister(struct cell *cell);

/* gic-spi-handover.c: the root enables or disables SPIs (GICD_ISENABLER<n>
 * or ICENABLER<n> at offset), some of which a cell may hold */
void gic_root_spi_enable_write(unsigned long offset, u32 bits);

#endif /* !_JAILHOUSE_ASM_GIC_INTERNAL_H */
