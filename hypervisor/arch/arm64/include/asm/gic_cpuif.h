/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GICv3 CPU interface's primitives that both the IRQ path (gic-v3.c)
 * and the CPUs' life cycle (gic-v3-cpu.c: enter, leave, park, new owner)
 * use.  Inline: the IRQ path's cost is counted in instructions
 * (scripts/bench), and a call to another file would add to it.
 */
#ifndef _JAILHOUSE_ASM_GIC_CPUIF_H
#define _JAILHOUSE_ASM_GIC_CPUIF_H

#include <jailhouse/percpu.h>
#include <asm/gic_filter.h>
#include <asm/gic_internal.h>
#include <asm/processor.h>

/* CPUs by ICC_SGI1R_EL1 group, for decoding trapped SGIs (gic-v3.c); each
 * CPU adds itself as it enters (gic-v3-cpu.c) */
extern struct gic_sgi_group gic_sgi_groups[MAX_CPUS];
extern unsigned int gic_num_sgi_groups;
extern spinlock_t gic_sgi_groups_lock;

static inline u32 atomic_xchg_zero(u32 *word)
{
	u32 old, fail;

	asm volatile(
	"1:	ldaxr	%w0, %2\n"
	"	stxr	%w1, wzr, %2\n"
	"	cbnz	%w1, 1b"
	: "=&r" (old), "=&r" (fail), "+Q" (*word) : : "memory");
	return old;
}

static inline u32 read_once_u32(const u32 *p)
{
	return *(volatile const u32 *)p;
}

/* LR<n> are separate system registers: one access instruction each */
#define LR_CASES(op)							\
	op(0, 12, 0) op(1, 12, 1) op(2, 12, 2) op(3, 12, 3)		\
	op(4, 12, 4) op(5, 12, 5) op(6, 12, 6) op(7, 12, 7)		\
	op(8, 13, 0) op(9, 13, 1) op(10, 13, 2) op(11, 13, 3)		\
	op(12, 13, 4) op(13, 13, 5) op(14, 13, 6) op(15, 13, 7)

static inline u64 read_lr(unsigned int n)
{
#define READ_LR(n, crm, op2)						\
	case n: return read_sysreg(ICH_LR_EL2(crm, op2));
	switch (n) {
	LR_CASES(READ_LR)
	}
#undef READ_LR
	return 0;
}

static inline void write_lr(unsigned int n, u64 val)
{
#define WRITE_LR(n, crm, op2)						\
	case n: write_sysreg(ICH_LR_EL2(crm, op2), val); break;
	switch (n) {
	LR_CASES(WRITE_LR)
	}
#undef WRITE_LR
}

static inline void *rdist_sgi_base(struct per_cpu *cpu_data)
{
	return cpu_data->gic.redist_base + GICR_SGI_BASE;
}

/* the configured priority of irq for the CPU cpu_data */
static inline unsigned int irq_priority(void *ctx, unsigned int irq)
{
	struct per_cpu *cpu_data = ctx;
	void *base = irq < GIC_NUM_PRIVATE ? rdist_sgi_base(cpu_data) :
		gicd_base;

	return gic_mmio_read(base + GICD_IPRIORITYR + irq, 1);
}

/* take irq off the CPU's queue (gic-v3.c) */
void gic_unqueue_irq(struct gic_percpu *gic, unsigned int irq);

/* move the SGIs other CPUs posted into the queue (gic-v3.c) */
void gic_collect_sgi_inbox(struct gic_percpu *gic);

#endif /* !_JAILHOUSE_ASM_GIC_CPUIF_H */
