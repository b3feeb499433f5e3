// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 driver: the physical CPU interface at EL2, the virtual CPU
 * interface of the cells (list registers), and the IRQ path.
 *
 * Every physical IRQ traps to EL2 (HCR_EL2.IMO).  The hypervisor runs its
 * CPU interface with EOImode 1: for an IRQ it forwards, it only drops the
 * priority and puts the INTID into a list register with the HW bit, so the
 * guest's own deactivation deactivates the physical IRQ and no second exit
 * happens.  IRQs the hypervisor consumes itself (SGI_INJECT, SGI_EVENT,
 * maintenance) are dropped and deactivated here.
 *
 * Entry points for the core's exception vectors:
 *
 *   gic_v3_irq_entry  (assembly, below) - the fast path.  The lower-EL
 *     AArch64 IRQ vector may simply branch to it ("b gic_v3_irq_entry")
 *     with all guest registers untouched and SP_EL2 at the top of the
 *     per-CPU stack and TPIDR_EL2 == this_cpu_data() (the core's
 *     convention).  It counts the exit itself (VMEXITS_TOTAL) and ends
 *     in eret.  A forwarded IRQ with a free list register costs about 40
 *     instructions from the vector to the eret; everything else, and
 *     any IRQ while a park request is pending, builds a full trap frame
 *     and calls C, which parks the CPU or returns to the guest.
 *
 *   irqchip_handle_irq()  (C) - for a vector that saved the guest state
 *     itself, and for park loops; it does not count VMEXITS_TOTAL.
 *
 * Enable, a CPU entering and leaving, parking and a new owner are in
 * gic-v3-cpu.c.
 */
#include <jailhouse/cell.h>
#include <jailhouse/cell_printk.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/irqchip.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/gic_cpuif.h>
#include <asm/gic_filter.h>
#include <asm/gic_internal.h>
#include <asm/gic_lpi.h>
#include <asm/traps.h>
#include <asm/processor.h>

void *gicd_base;
struct gic_rdist gic_rdists[GIC_MAX_RDISTS];
unsigned int gic_num_rdists;
unsigned long gic_rdist_stride;
unsigned int gic_maint_irq;
u64 gic_cpu_mpidr[MAX_CPUS];
u64 gic_sgi_keys[MAX_CPUS];
u64 gic_cpus_up;

struct gic_sgi_group gic_sgi_groups[MAX_CPUS];
unsigned int gic_num_sgi_groups;
spinlock_t gic_sgi_groups_lock = SPINLOCK_INIT;

u64 gic_mmio_read(void *addr, unsigned int size)
{
	u64 val;

	switch (size) {
	case 1:
		asm volatile("ldrb %w0, [%1]" : "=r" (val) : "r" (addr)
			     : "memory");
		break;
	case 4:
		asm volatile("ldr %w0, [%1]" : "=r" (val) : "r" (addr)
			     : "memory");
		break;
	default:
		asm volatile("ldr %0, [%1]" : "=r" (val) : "r" (addr)
			     : "memory");
		break;
	}
	return val;
}

void gic_mmio_write(void *addr, unsigned int size, u64 val)
{
	switch (size) {
	case 1:
		asm volatile("strb %w0, [%1]" : : "r" (val), "r" (addr)
			     : "memory");
		break;
	case 4:
		asm volatile("str %w0, [%1]" : : "r" (val), "r" (addr)
			     : "memory");
		break;
	default:
		asm volatile("str %0, [%1]" : : "r" (val), "r" (addr)
			     : "memory");
		break;
	}
}

static void atomic_set_bit(u32 *bitmap, unsigned int bit)
{
	u32 *word = &bitmap[bit / 32], tmp, fail;

	asm volatile(
	"1:	ldxr	%w0, %2\n"
	"	orr	%w0, %w0, %w3\n"
	"	stlxr	%w1, %w0, %2\n"
	"	cbnz	%w1, 1b"
	: "=&r" (tmp), "=&r" (fail), "+Q" (*word)
	: "r" (1U << (bit % 32)) : "memory");
}

/* returns whether the bit was set */
static bool atomic_test_and_clear_bit(u32 *bitmap, unsigned int bit)
{
	u32 *word = &bitmap[bit / 32], old, tmp, fail;

	asm volatile(
	"1:	ldaxr	%w0, %3\n"
	"	bic	%w1, %w0, %w4\n"
	"	stxr	%w2, %w1, %3\n"
	"	cbnz	%w2, 1b"
	: "=&r" (old), "=&r" (tmp), "=&r" (fail), "+Q" (*word)
	: "r" (1U << (bit % 32)) : "memory");
	return (old >> (bit % 32)) & 1;
}

static void update_underflow_irq(struct per_cpu *cpu_data)
{
	u64 hcr = read_sysreg(ICH_HCR_EL2);
	bool waiting = cpu_data->gic.pending_words || cpu_data->gic.lpis.count;
	u64 want = waiting ? hcr | ICH_HCR_UIE : hcr & ~ICH_HCR_UIE;

	if (want != hcr)
		write_sysreg(ICH_HCR_EL2, want);
}

/*
 * On the CPU itself, like all queue operations but the SGI inbox.  prio
 * only counts for LPIs, which have no priority register to read it back.
 */
static void queue_irq(struct per_cpu *cpu_data, unsigned int irq,
		      unsigned int prio, bool hw)
{
	struct gic_percpu *gic = &cpu_data->gic;

	if (gic_intid_is_lpi(irq)) {
		/* a full queue counts it lost, reported at shutdown */
		gic_lpi_queue_add(&gic->lpis, irq, prio);
		return;
	}
	if (irq >= GIC_NUM_SGIS) {
		if (hw)
			gic->pending_virt[irq / 32] &= ~(1U << (irq % 32));
		else
			gic->pending_virt[irq / 32] |= 1U << (irq % 32);
	}
	gic->pending[irq / 32] |= 1U << (irq % 32);
	gic->pending_words |= 1U << (irq / 32);
}

/*
 * This and gic_collect_sgi_inbox() are out of line, as the compiler chose
 * while they were static here: the IRQ path and gic-v3-cpu.c share them.
 */
void gic_unqueue_irq(struct gic_percpu *gic, unsigned int irq)
{
	unsigned int word = irq / 32;

	gic->pending[word] &= ~(1U << (irq % 32));
	if (!gic->pending[word])
		gic->pending_words &= ~(1U << word);
}

/* move the SGIs other CPUs posted into the queue */
void gic_collect_sgi_inbox(struct gic_percpu *gic)
{
	u32 sgis;

	if (!read_once_u32(&gic->sgi_inbox))
		return;
	sgis = atomic_xchg_zero(&gic->sgi_inbox);
	if (sgis) {
		gic->pending[0] |= sgis;
		gic->pending_words |= 1;
	}
}

/* queue on the current CPU: the underflow IRQ brings it in later */
static void queue_local_irq(struct per_cpu *cpu_data, unsigned int irq,
			    unsigned int prio, bool hw)
{
	queue_irq(cpu_data, irq, prio, hw);
	write_sysreg(ICH_HCR_EL2, read_sysreg(ICH_HCR_EL2) | ICH_HCR_UIE);
}

/*
 * Put irq into a list register of the current CPU.  A virtual IRQ that is
 * already in one merges with it.  With all registers busy, an IRQ of
 * higher priority than a merely pending one takes its register and the
 * displaced one waits in the queue.  Returns false if irq must wait.
 */
static bool lr_insert(struct per_cpu *cpu_data, unsigned int irq,
		      unsigned int prio, bool hw)
{
	unsigned int num_lrs = cpu_data->gic.num_lrs, n, lr_prio;
	u64 elrsr = read_sysreg(ICH_ELRSR_EL2), lr, value, used;
	int victim = -1;

	value = gic_lr_value(irq, prio, hw);

	if (!hw) {
		used = ~elrsr & ((1ULL << num_lrs) - 1);
		while (used) {
			n = __builtin_ctzll(used);
			used &= used - 1;
			lr = read_lr(n);
			if ((lr & ICH_LR_VINTID_MASK) != irq)
				continue;
			/* an active one may become active and pending */
			if (!(lr & ICH_LR_PENDING))
				write_lr(n, lr | ICH_LR_PENDING);
			return true;
		}
	}

	if (elrsr) {
		write_lr(__builtin_ctzll(elrsr), value);
		return true;
	}

	for (n = 0; n < num_lrs; n++) {
		lr = read_lr(n);
		if ((lr & ICH_LR_STATE_MASK) != ICH_LR_PENDING)
			continue;
		lr_prio = (lr >> ICH_LR_PRIO_SHIFT) & 0xff;
		if (lr_prio > prio) {
			prio = lr_prio;
			victim = n;
		}
	}
	if (victim < 0)
		return false;

	lr = read_lr(victim);
	write_lr(victim, value);
	queue_local_irq(cpu_data, lr & ICH_LR_VINTID_MASK,
			(lr >> ICH_LR_PRIO_SHIFT) & 0xff, !!(lr & ICH_LR_HW));
	return true;
}

static void inject_irq(struct per_cpu *cpu_data, unsigned int irq,
		       unsigned int prio, bool hw)
{
	if (!lr_insert(cpu_data, irq, prio, hw))
		queue_local_irq(cpu_data, irq, prio, hw);
}

/*
 * Virtual LPIs that waited go into free list registers after the other
 * waiting IRQs: Linux gives them all the same priority.  Out of line (and
 * cold), so that the SGI path through inject_pending() stays as short as
 * it was.
 */
static void __attribute__((noinline, cold))
inject_waiting_lpis(struct per_cpu *cpu_data)
{
	struct gic_lpi_queue *lpis = &cpu_data->gic.lpis;
	u32 lpi;
	u8 prio;

	while (lpis->count && read_sysreg(ICH_ELRSR_EL2) != 0 &&
	       gic_lpi_queue_take(lpis, &lpi, &prio))
		lr_insert(cpu_data, lpi, prio, false);
}

/* move waiting IRQs into free list registers, highest priority first */
static void inject_pending(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	unsigned int prio;
	bool hw;
	int irq;

	gic_collect_sgi_inbox(gic);
	while (gic->pending_words && read_sysreg(ICH_ELRSR_EL2) != 0) {
		irq = gic_pending_pick(gic->pending, gic->pending_words,
				       irq_priority, cpu_data, &prio);
		if (irq < 0)
			break;
		hw = irq >= GIC_NUM_SGIS &&
			!gic_irq_in_bitmap(gic->pending_virt, irq);
		gic_unqueue_irq(gic, irq);
		lr_insert(cpu_data, irq, prio, hw);
	}
	if (gic->lpis.count)
		inject_waiting_lpis(cpu_data);
	update_underflow_irq(cpu_data);
}

static void eoi_irq(unsigned int irq, bool deactivate)
{
	write_sysreg(ICC_EOIR1_EL1, irq);
	if (deactivate)
		write_sysreg(ICC_DIR_EL1, irq);
}

static void handle_acked_irq(struct per_cpu *cpu_data, unsigned int irq)
{
	unsigned int prio;

	if (irq >= GIC_NUM_SGIS && irq != cpu_data->gic.maint_irq) {
		cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ]++;
		/* the running priority is the one of the IRQ just taken */
		prio = read_sysreg(ICC_RPR_EL1);
		inject_irq(cpu_data, irq, prio, true);
		eoi_irq(irq, false);
		return;
	}

	eoi_irq(irq, true);
	if (irq == cpu_data->gic.maint_irq) {
		cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE]++;
		inject_pending(cpu_data);
	} else if (irq == SGI_INJECT) {
		cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_VSGI]++;
		inject_pending(cpu_data);
	} else if (irq == SGI_EVENT) {
		/* counts VMEXITS_MANAGEMENT itself */
		arch_handle_sgi_event(cpu_data);
	}
	/* other physical SGIs have no sender: cells' SGIs are virtual */
}

/*
 * The priority drop completes an LPI: it has no active state to
 * deactivate, and no HW bit can tie a virtual one to it (see
 * <asm/gic_lpi.h>).  The root gets a purely virtual LPI; on any other
 * cell's CPU it is only completed.
 */
static void handle_lpi(struct per_cpu *cpu_data, unsigned int irq)
{
	/* the running priority is the one of the LPI just taken */
	unsigned int prio = read_sysreg(ICC_RPR_EL1);

	write_sysreg(ICC_EOIR1_EL1, irq);
	if (gic_lpi_action(irq, cpu_data->cell == &root_cell) ==
	    GIC_LPI_FORWARD) {
		cpu_data->stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ]++;
		inject_irq(cpu_data, irq, prio, false);
		return;
	}
	if (!cpu_data->gic.lpis_dropped++)
		cell_printk(cpu_data->cell,
			    "WARNING: CPU %u of cell \"%s\": LPI %u dropped "
		       "(LPIs are the root cell's), further ones silently\n",
		       cpu_data->cpu_id, cpu_data->cell->config->name, irq);
}

/*
 * INTIDs from 1020: specials (nothing was acknowledged), LPIs, and
 * extended SPIs or PPIs, which no guest can enable (completed if one
 * comes).  Out of line, so that the SGI path keeps its length.
 */
static void __attribute__((noinline, cold))
handle_high_intid(unsigned int irq)
{
	if (gic_intid_is_lpi(irq))
		handle_lpi(this_cpu_data(), irq);
	else if (irq > GIC_SPURIOUS)
		eoi_irq(irq, true);
}

static void handle_irq(unsigned int irq)
{
	if (irq < GIC_FIRST_SPECIAL)
		handle_acked_irq(this_cpu_data(), irq);
	else
		handle_high_intid(irq);
}

/*
 * Called by gic_v3_irq_entry with the INTID it acknowledged and the full
 * frame it built; the guest resumes from the frame (return_to_guest)
 * unless a park request is pending.
 */
void gic_irq_slow_path(unsigned int irq, struct trap_context *frame);

void gic_irq_slow_path(unsigned int irq, struct trap_context *frame)
{
	struct per_cpu *cpu_data = this_cpu_data();

	cpu_data->trap_ctx = frame;
	handle_irq(irq);
	cpu_exit_check_requests(cpu_data);
}

/*
 * One IRQ per exit: a second pending one traps again right after the eret,
 * so every per-reason counter stays below VMEXITS_TOTAL.
 */
void irqchip_handle_irq(void)
{
	handle_irq(read_sysreg(ICC_IAR1_EL1) & 0xffffff);
}

/*
 * The fields the fast path uses lie past the stacks, beyond the reach of a
 * load's immediate offset: x1 points to a 4 KiB aligned window into struct
 * per_cpu instead.
 */
#define FAST_WINDOW	(__builtin_offsetof(struct per_cpu, stats) & ~0xfffUL)
#define FAST_OFFSET(field) (__builtin_offsetof(struct per_cpu, field) - \
			    FAST_WINDOW)
BUILD_BUG_ON(FAST_OFFSET(gic.maint_irq) >= 16384);
BUILD_BUG_ON(FAST_OFFSET(stats) >= 16384);

/*
 * The fast path, see the top of the file.  It lives in a C function only
 * so that the compiler supplies the structure offsets; the function itself
 * is never called.
 */
static void __attribute__((used)) gic_irq_entry_asm(void)
{
	asm volatile(
	".pushsection .text.gic_v3_irq_entry, \"ax\"\n"
	".globl gic_v3_irq_entry\n"
	".type gic_v3_irq_entry, %%function\n"
	".balign 64\n"
	"gic_v3_irq_entry:\n"
	"	stp	x0, x1, [sp, #-32]!\n"
	"	stp	x2, x3, [sp, #16]\n"
	"	mrs	x0, " __stringify(ICC_IAR1_EL1) "\n"
	"	mrs	x1, tpidr_el2\n"
	"	add	x1, x1, %[window]\n"
	"	ldr	w2, [x1, %[total]]\n"
	"	add	w2, w2, #1\n"
	"	str	w2, [x1, %[total]]\n"
	/* a park request pending: C parks the CPU instead of the eret */
	"	ldr	w2, [sp, %[requests]]\n"
	"	tbnz	w2, %[park_bit], .Lgic_slow\n"
	/*
	 * SGIs, INTIDs from 1020 (specials, and LPIs, which cannot have
	 * the HW bit) and the maintenance IRQ go to C
	 */
	"	sub	w2, w0, #16\n"
	"	cmp	w2, #(1020 - 16)\n"
	"	b.hs	.Lgic_slow\n"
	"	ldr	w2, [x1, %[maint]]\n"
	"	cmp	w0, w2\n"
	"	b.eq	.Lgic_slow\n"
	/* a free list register? (the lowest set bit of ELRSR) */
	"	mrs	x2, " __stringify(ICH_ELRSR_EL2) "\n"
	"	cbz	x2, .Lgic_slow\n"
	"	rbit	x2, x2\n"
	"	clz	x2, x2\n"
	/* pending, HW, group 1, priority = running priority, p = v = INTID */
	"	mrs	x3, " __stringify(ICC_RPR_EL1) "\n"
	"	lsl	x3, x3, #48\n"
	"	orr	x3, x3, #0x7000000000000000\n"
	"	orr	x3, x3, x0\n"
	"	orr	x3, x3, x0, lsl #32\n"
	"	msr	" __stringify(ICC_EOIR1_EL1) ", x0\n"
	"	ldr	w0, [x1, %[virq]]\n"
	"	add	w0, w0, #1\n"
	"	str	w0, [x1, %[virq]]\n"
	"	adr	x0, 1f\n"
	"	add	x0, x0, x2, lsl #3\n"
	"	br	x0\n"
#define FAST_WRITE_LR(n, crm, op2)					\
	"	msr	" __stringify(ICH_LR_EL2(crm, op2)) ", x3\n"	\
	"	b	2f\n"
	"1:\n"
	LR_CASES(FAST_WRITE_LR)
#undef FAST_WRITE_LR
	"2:	ldp	x2, x3, [sp, #16]\n"
	"	ldp	x0, x1, [sp], #32\n"
	"	eret\n"
	/*
	 * x0: the INTID.  A full struct trap_context at the top of the
	 * stack, with the guest's x0-x3 moved down from where the fast
	 * path put them: should the hypervisor fault in C, the recovery
	 * (hyp_fault.c) resumes the guest from it.
	 */
	".Lgic_slow:\n"
	"	ldp	x2, x3, [sp]\n"
	"	sub	sp, sp, %[frame_rest]\n"
	"	stp	x2, x3, [sp]\n"
	"	ldp	x2, x3, [sp, %[frame_rest] + 16]\n"
	"	stp	x2, x3, [sp, #16]\n"
	"	stp	x4, x5, [sp, #32]\n"
	"	stp	x6, x7, [sp, #48]\n"
	"	stp	x8, x9, [sp, #64]\n"
	"	stp	x10, x11, [sp, #80]\n"
	"	stp	x12, x13, [sp, #96]\n"
	"	stp	x14, x15, [sp, #112]\n"
	"	stp	x16, x17, [sp, #128]\n"
	"	stp	x18, x19, [sp, #144]\n"
	"	stp	x20, x21, [sp, #160]\n"
	"	stp	x22, x23, [sp, #176]\n"
	"	stp	x24, x25, [sp, #192]\n"
	"	stp	x26, x27, [sp, #208]\n"
	"	stp	x28, x29, [sp, #224]\n"
	"	mrs	x2, elr_el2\n"
	"	mrs	x3, spsr_el2\n"
	"	stp	x30, x2, [sp, #240]\n"
	"	mov	x2, #-1\n"		/* TRAP_CTX_ESR_IRQ */
	"	stp	x3, x2, [sp, #256]\n"
	"	mov	x1, sp\n"
	"	bl	gic_irq_slow_path\n"
	"	mov	x0, sp\n"
	"	b	return_to_guest\n"
	".size gic_v3_irq_entry, . - gic_v3_irq_entry\n"
	".popsection\n"
	: : [window] "i" (FAST_WINDOW),
	    [total] "i" (FAST_OFFSET(stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL])),
	    [virq] "i" (FAST_OFFSET(stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ])),
	    [maint] "i" (FAST_OFFSET(gic.maint_irq)),
	    /* right above the stack, whose top is 32 bytes up */
	    [requests] "i" (32 + PERCPU_REQUESTS - PERCPU_STACK_SIZE),
	    [park_bit] "i" (CPU_REQ_PARK_BIT),
	    [frame_rest] "i" (sizeof(struct trap_context) - 32));
}

void irqchip_set_pending(struct per_cpu *cpu_data, u16 irq_id)
{
	inject_irq(cpu_data, irq_id, irq_priority(cpu_data, irq_id), false);
}

void irqchip_send_sgi(unsigned int cpu_id, u16 sgi_id)
{
	u64 sgir = gic_sgi_keys[cpu_id] |
		(u64)(sgi_id & SGIR_INTID_MASK) << SGIR_INTID_SHIFT;

	/* whatever the target is told to look at must be visible first */
	dsb_ish();
	write_sysreg(ICC_SGI1R_EL1, sgir);
	isb();
}

/*
 * Post a virtual SGI to another CPU of the cell and kick it.  A CPU that
 * is not (or no longer) under the hypervisor gets the SGI physically: while
 * entering, it turns it into a virtual one; after leaving, it is Linux's
 * own.  The flag and the inbox bit are checked in opposite order here and
 * in irqchip_cpu_shutdown, so exactly one side hands the SGI on.
 */
static void send_virtual_sgi(struct per_cpu *target, unsigned int irq)
{
	if (target->gic.active) {
		atomic_set_bit(&target->gic.sgi_inbox, irq);
		memory_barrier();
		if (target->gic.active) {
			irqchip_send_sgi(target->cpu_id, SGI_INJECT);
			return;
		}
		if (!atomic_test_and_clear_bit(&target->gic.sgi_inbox, irq))
			return;
	}
	irqchip_send_sgi(target->cpu_id, irq);
}

/* one line per foreign target, within the cell's message limit */
static void report_foreign_sgis(struct per_cpu *cpu_data, unsigned int irq,
				u64 cpus)
{
	unsigned int cpu;

	while (cpus) {
		cpu = __builtin_ctzll(cpus);
		cpus &= cpus - 1;
		cell_printk(cpu_data->cell, "WARNING: cell \"%s\": CPU %u "
			    "sent SGI %u to CPU %u outside the cell, "
			    "dropped\n", cpu_data->cell->config->name,
			    cpu_data->cpu_id, irq, cpu);
	}
}

/*
 * Targets outside the caller's cell are dropped, as the GIC would if those
 * CPUs did not exist; naming them explicitly (not by broadcast) is
 * reported.  The write itself always succeeds.
 */
bool irqchip_handle_sgi1r_write(u64 value)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u64 cell_cpus = cpu_data->cell->cpu_set, targets;
	unsigned int irq = gic_sgi1r_intid(value), cpu;

	/* the trap handler counted the exit (VMEXITS_VSGI) */
	targets = gic_sgi1r_cpus(value, gic_sgi_groups, gic_num_sgi_groups,
				 gic_cpus_up, cpu_data->cpu_id);
	if ((targets & ~cell_cpus) && !(value & SGIR_IRM))
		report_foreign_sgis(cpu_data, irq, targets & ~cell_cpus);

	targets &= cell_cpus;
	while (targets) {
		cpu = __builtin_ctzll(targets);
		targets &= targets - 1;
		if (cpu == cpu_data->cpu_id)
			irqchip_set_pending(cpu_data, irq);
		else
			send_virtual_sgi(per_cpu(cpu), irq);
	}
	return true;
}
