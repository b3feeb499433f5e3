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
 */
#include <jailhouse/cell.h>
#include <jailhouse/cell_printk.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/irqchip.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/gic_filter.h>
#include <asm/gic_internal.h>
#include <asm/gic_lpi.h>
#include <asm/traps.h>
#include <asm/processor.h>

/* the priority the hypervisor gives its own private IRQs if Linux left
 * them at the lowest one */
#define GIC_HV_PRIORITY		0xa0

void *gicd_base;
struct gic_rdist gic_rdists[GIC_MAX_RDISTS];
unsigned int gic_num_rdists;
unsigned long gic_rdist_stride;
unsigned int gic_maint_irq;
u64 gic_cpu_mpidr[MAX_CPUS];
u64 gic_sgi_keys[MAX_CPUS];
u64 gic_cpus_up;

/* CPUs by ICC_SGI1R_EL1 group, for decoding trapped SGIs */
static struct gic_sgi_group sgi_groups[MAX_CPUS];
static unsigned int num_sgi_groups;
static spinlock_t sgi_groups_lock = SPINLOCK_INIT;

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

static u32 atomic_xchg_zero(u32 *word)
{
	u32 old, fail;

	asm volatile(
	"1:	ldaxr	%w0, %2\n"
	"	stxr	%w1, wzr, %2\n"
	"	cbnz	%w1, 1b"
	: "=&r" (old), "=&r" (fail), "+Q" (*word) : : "memory");
	return old;
}

static void atomic_or_u64(u64 *word, u64 bits)
{
	u64 tmp;
	u32 fail;

	asm volatile(
	"1:	ldxr	%0, %2\n"
	"	orr	%0, %0, %3\n"
	"	stlxr	%w1, %0, %2\n"
	"	cbnz	%w1, 1b"
	: "=&r" (tmp), "=&r" (fail), "+Q" (*word)
	: "r" (bits) : "memory");
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

static u64 read_lr(unsigned int n)
{
#define READ_LR(n, crm, op2)						\
	case n: return read_sysreg(ICH_LR_EL2(crm, op2));
	switch (n) {
	LR_CASES(READ_LR)
	}
#undef READ_LR
	return 0;
}

static void write_lr(unsigned int n, u64 val)
{
#define WRITE_LR(n, crm, op2)						\
	case n: write_sysreg(ICH_LR_EL2(crm, op2), val); break;
	switch (n) {
	LR_CASES(WRITE_LR)
	}
#undef WRITE_LR
}

static void *rdist_sgi_base(struct per_cpu *cpu_data)
{
	return cpu_data->gic.redist_base + GICR_SGI_BASE;
}

/* the configured priority of irq for the CPU cpu_data */
static unsigned int irq_priority(void *ctx, unsigned int irq)
{
	struct per_cpu *cpu_data = ctx;
	void *base = irq < GIC_NUM_PRIVATE ? rdist_sgi_base(cpu_data) :
		gicd_base;

	return gic_mmio_read(base + GICD_IPRIORITYR + irq, 1);
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

static void unqueue_irq(struct gic_percpu *gic, unsigned int irq)
{
	unsigned int word = irq / 32;

	gic->pending[word] &= ~(1U << (irq % 32));
	if (!gic->pending[word])
		gic->pending_words &= ~(1U << word);
}

/* move the SGIs other CPUs posted into the queue */
static void collect_sgi_inbox(struct gic_percpu *gic)
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

	collect_sgi_inbox(gic);
	while (gic->pending_words && read_sysreg(ICH_ELRSR_EL2) != 0) {
		irq = gic_pending_pick(gic->pending, gic->pending_words,
				       irq_priority, cpu_data, &prio);
		if (irq < 0)
			break;
		hw = irq >= GIC_NUM_SGIS &&
			!gic_irq_in_bitmap(gic->pending_virt, irq);
		unqueue_irq(gic, irq);
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
	targets = gic_sgi1r_cpus(value, sgi_groups, num_sgi_groups,
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

int irqchip_init(void)
{
	const struct jailhouse_system *sys = system_config;
	unsigned long phys = sys->platform_info.arm.gicr_base;
	unsigned int n;
	u64 typer;
	void *base;

	if (sys->platform_info.arm.gic_version != 3) {
		printk("ERROR: GIC version %u is not supported (GICv3 only)\n",
		       sys->platform_info.arm.gic_version);
		return -ENODEV;
	}
	gic_cpus_up = 0;
	num_sgi_groups = 0;
	gic_maint_irq = sys->platform_info.arm.maintenance_irq;
	if (gic_maint_irq < GIC_NUM_SGIS || gic_maint_irq >= GIC_NUM_PRIVATE) {
		printk("ERROR: maintenance IRQ %u is not a PPI\n",
		       gic_maint_irq);
		return -EINVAL;
	}

	gicd_base = paging_map_device(sys->platform_info.arm.gicd_base,
				      GICD_SIZE);
	if (!gicd_base)
		return -ENOMEM;
	if (!(gic_mmio_read(gicd_base + GICD_CTLR, 4) & GICD_CTLR_ARE_NS)) {
		printk("ERROR: GICv3 affinity routing (GICD_CTLR.ARE) is "
		       "off\n");
		return -EIO;
	}

	/* redistributors are contiguous; the last one says so */
	for (n = 0; n < GIC_MAX_RDISTS; n++) {
		base = paging_map_device(phys, GICR_STRIDE);
		if (!base)
			return -ENOMEM;
		typer = gic_mmio_read(base + GICR_TYPER, 8);
		gic_rdists[n].cpu = -1;
		gic_rdists[n].phys = phys;
		gic_rdists[n].base = base;
		gic_rdists[n].typer = typer;
		if (n == 0)
			gic_rdist_stride = typer & GICR_TYPER_VLPIS ?
				GICR_STRIDE_VLPIS : GICR_STRIDE;
		if (typer & GICR_TYPER_LAST) {
			gic_num_rdists = n + 1;
			return 0;
		}
		phys += gic_rdist_stride;
	}
	printk("ERROR: no last GICv3 redistributor among the first %u\n",
	       GIC_MAX_RDISTS);
	return -EIO;
}

/*
 * Linux may have taken an IRQ of its own right before it entered: an IPI
 * runs the enable function on this CPU with the SGI still active (Linux
 * uses EOImode 1 and deactivates when the handler returns), and IPIs sent
 * just before may be pending.  Physical SGI 0 and 1 now belong to the
 * hypervisor, so move such state over to the virtual interface, where
 * Linux's deactivation and its view of IPIs now go.
 */
static void adopt_private_irqs(struct per_cpu *cpu_data)
{
	void *sgi_base = rdist_sgi_base(cpu_data);
	u32 active = gic_mmio_read(sgi_base + GICR_ISACTIVER0, 4);
	u32 pending = gic_mmio_read(sgi_base + GICR_ISPENDR0, 4) & 0xffff;
	unsigned int irq, n = 0;
	u64 lr;

	active &= ~(1U << cpu_data->gic.maint_irq);
	for (irq = 0; active && n < cpu_data->gic.num_lrs; irq++) {
		if (!((active >> irq) & 1))
			continue;
		active &= ~(1U << irq);
		lr = gic_lr_value(irq, irq_priority(cpu_data, irq),
				  irq >= GIC_NUM_SGIS);
		lr = (lr & ~ICH_LR_STATE_MASK) | ICH_LR_ACTIVE;
		if (irq < GIC_NUM_SGIS)
			write_sysreg(ICC_DIR_EL1, irq);
		write_lr(n++, lr);
	}

	if (pending) {
		gic_mmio_write(sgi_base + GICD_ICPENDR, 4, pending);
		for (irq = 0; irq < GIC_NUM_SGIS; irq++)
			if ((pending >> irq) & 1)
				irqchip_set_pending(cpu_data, irq);
	}
}

int irqchip_cpu_init(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	u64 mpidr = cpu_data->mpidr;
	u32 aff = gic_mpidr_to_rdist_aff(mpidr), hv_irqs;
	unsigned int n, rdist, cpu = cpu_data->cpu_id;
	u64 ctlr, vmcr;
	void *sgi_base;

	if (!gicd_base)
		return -EIO;

	for (rdist = 0; rdist < gic_num_rdists; rdist++)
		if ((gic_rdists[rdist].typer >> GICR_TYPER_AFF_SHIFT) == aff)
			break;
	if (rdist == gic_num_rdists) {
		printk("ERROR: no GICv3 redistributor for CPU %u "
		       "(MPIDR 0x%llx)\n", cpu_data->cpu_id, mpidr);
		return -ENODEV;
	}
	if (MPIDR_AFF0(mpidr) >= 16) {
		printk("ERROR: CPU %u: Aff0 %llu not reachable by SGIs\n",
		       cpu_data->cpu_id, MPIDR_AFF0(mpidr));
		return -EIO;
	}
	if (cpu >= MAX_CPUS)
		return -ERANGE;

	gic->redist_base = gic_rdists[rdist].base;
	gic->redist_phys = gic_rdists[rdist].phys;
	gic->maint_irq = gic_maint_irq;
	for (n = 0; n < GIC_PENDING_WORDS; n++) {
		gic->pending[n] = 0;
		gic->pending_virt[n] = 0;
	}
	gic->pending_words = 0;
	gic->sgi_inbox = 0;
	gic->lpis.count = 0;
	gic->lpis.lost = 0;
	gic->lpis_dropped = 0;
	gic_rdists[rdist].cpu = cpu;
	gic_cpu_mpidr[cpu] = mpidr;
	gic_sgi_keys[cpu] = gic_sgi1r_for(mpidr, 0);
	/* all CPUs are up before the first guest access is trapped */
	spin_lock(&sgi_groups_lock);
	gic_sgi_groups_add(sgi_groups, &num_sgi_groups, MAX_CPUS, mpidr,
			   cpu);
	spin_unlock(&sgi_groups_lock);
	atomic_or_u64(&gic_cpus_up, 1ULL << cpu);

	write_sysreg(ICC_SRE_EL2, read_sysreg(ICC_SRE_EL2) | ICC_SRE_SRE |
		     ICC_SRE_ENABLE);
	isb();
	if (!(read_sysreg(ICC_SRE_EL2) & ICC_SRE_SRE)) {
		printk("ERROR: GICv3 system register interface unavailable\n");
		return -EIO;
	}

	gic->num_lrs = (read_sysreg(ICH_VTR_EL2) & ICH_VTR_LISTREGS_MASK) + 1;
	if (gic->num_lrs > ICH_MAX_LRS)
		gic->num_lrs = ICH_MAX_LRS;
	for (n = 0; n < gic->num_lrs; n++)
		write_lr(n, 0);
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);

	/* Linux goes on with its CPU interface settings, virtually */
	ctlr = read_sysreg(ICC_CTLR_EL1);
	vmcr = (read_sysreg(ICC_PMR_EL1) & ICH_VMCR_VPMR_MASK) <<
		ICH_VMCR_VPMR_SHIFT;
	vmcr |= (read_sysreg(ICC_BPR1_EL1) & ICH_VMCR_VBPR1_MASK) <<
		ICH_VMCR_VBPR1_SHIFT;
	if (read_sysreg(ICC_IGRPEN1_EL1) & 1)
		vmcr |= ICH_VMCR_VENG1;
	if (ctlr & ICC_CTLR_EOIMODE)
		vmcr |= ICH_VMCR_VEOIM;
	if (ctlr & ICC_CTLR_CBPR)
		vmcr |= ICH_VMCR_VCBPR;
	write_sysreg(ICH_VMCR_EL2, vmcr);
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN);

	write_sysreg(ICC_CTLR_EL1, ctlr | ICC_CTLR_EOIMODE);
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();

	/* the hypervisor's own private IRQs: group 1, enabled */
	sgi_base = rdist_sgi_base(cpu_data);
	hv_irqs = 1U << SGI_INJECT | 1U << SGI_EVENT | 1U << gic->maint_irq;
	for (n = 0; n < GIC_NUM_PRIVATE; n++)
		if (((hv_irqs >> n) & 1) && irq_priority(cpu_data, n) == 0xff)
			gic_mmio_write(sgi_base + GICD_IPRIORITYR + n, 1,
				       GIC_HV_PRIORITY);
	gic_mmio_write(sgi_base + GICR_IGROUPR0, 4,
		       gic_mmio_read(sgi_base + GICR_IGROUPR0, 4) | hv_irqs);
	gic_mmio_write(sgi_base + GICR_ISENABLER0, 4, hv_irqs);

	adopt_private_irqs(cpu_data);
	gic_private_config_save(cpu_data);

	gic->active = true;
	return 0;
}

static void set_pending_physically(struct per_cpu *cpu_data,
				   unsigned int irq)
{
	void *base = irq < GIC_NUM_PRIVATE ? rdist_sgi_base(cpu_data) :
		gicd_base;

	if (irq < GIC_NUM_SGIS) {
		write_sysreg(ICC_SGI1R_EL1,
			     gic_sgi1r_for(cpu_data->mpidr, irq));
		isb();
	} else {
		gic_mmio_write(base + GICD_ISPENDR + (irq / 32) * 4, 4,
			       1U << (irq % 32));
	}
}

/*
 * Hand a virtual IRQ back to the physical GIC: pending ones become pending
 * there, and the physical IRQs the hypervisor took are deactivated so that
 * Linux sees them (again).
 */
static void return_irq(struct per_cpu *cpu_data, unsigned int irq,
		       bool pending, bool hw)
{
	void *rd_base = cpu_data->gic.redist_base;

	if (gic_intid_is_lpi(irq)) {
		/*
		 * Only GICR_SETLPIR makes an LPI pending again, and it
		 * exists with DirectLPI; else the LPI is lost (and said so).
		 */
		if (!pending)
			return;
		if (gic_mmio_read(rd_base + GICR_TYPER, 8) &
		    GICR_TYPER_DIRECT_LPI)
			gic_mmio_write(rd_base + GICR_SETLPIR, 8, irq);
		else
			cpu_data->gic.lpis.lost++;
		return;
	}
	if (pending)
		set_pending_physically(cpu_data, irq);
	if (hw)
		write_sysreg(ICC_DIR_EL1, irq);
}

void irqchip_cpu_shutdown(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	u64 vmcr, lr, ctlr;
	unsigned int n;
	u32 lpi;
	u8 prio;
	bool hw;

	if (!gic->active)
		return;
	/* see send_virtual_sgi() */
	gic->active = false;
	memory_barrier();

	vmcr = read_sysreg(ICH_VMCR_EL2);
	write_sysreg(ICH_HCR_EL2, 0);
	isb();

	gic_mmio_write(rdist_sgi_base(cpu_data) + GICD_ICENABLER, 4,
		       1U << gic->maint_irq);

	for (n = 0; n < gic->num_lrs; n++) {
		lr = read_lr(n);
		write_lr(n, 0);
		if (!(lr & ICH_LR_STATE_MASK))
			continue;
		return_irq(cpu_data, lr & ICH_LR_VINTID_MASK,
			   lr & ICH_LR_PENDING, lr & ICH_LR_HW);
	}
	collect_sgi_inbox(gic);
	for (n = 0; n < MAX_IRQS; n++) {
		if (!gic_irq_in_bitmap(gic->pending, n))
			continue;
		unqueue_irq(gic, n);
		hw = n >= GIC_NUM_SGIS &&
			!gic_irq_in_bitmap(gic->pending_virt, n);
		return_irq(cpu_data, n, true, hw);
	}
	while (gic_lpi_queue_take(&gic->lpis, &lpi, &prio))
		return_irq(cpu_data, lpi, true, false);
	if (gic->lpis.lost)
		printk("WARNING: CPU %u: %u LPIs of the root cell lost\n",
		       cpu_data->cpu_id, gic->lpis.lost);
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);

	write_sysreg(ICC_PMR_EL1,
		     (vmcr >> ICH_VMCR_VPMR_SHIFT) & ICH_VMCR_VPMR_MASK);
	write_sysreg(ICC_BPR1_EL1,
		     (vmcr >> ICH_VMCR_VBPR1_SHIFT) & ICH_VMCR_VBPR1_MASK);
	ctlr = read_sysreg(ICC_CTLR_EL1) & ~ICC_CTLR_EOIMODE;
	if (vmcr & ICH_VMCR_VEOIM)
		ctlr |= ICC_CTLR_EOIMODE;
	write_sysreg(ICC_CTLR_EL1, ctlr);
	write_sysreg(ICC_IGRPEN1_EL1, !!(vmcr & ICH_VMCR_VENG1));
	isb();
}

/*
 * Whether a pending IRQ of the root handed back to the distributor goes
 * to another CPU.  Linux moves its IRQs off a CPU before CPU_OFF; one
 * still routed here (or 1 of N, which may pick this CPU) would only come
 * back at once, so it is dropped instead.
 */
static bool root_spi_routed_elsewhere(struct per_cpu *cpu_data,
				      unsigned int irq)
{
	u64 route;

	if (cpu_data->cell != &root_cell || irq < GIC_NUM_PRIVATE)
		return false;
	route = gic_mmio_read(gicd_base + GICD_IROUTER + irq * 8, 8);
	return !(route & GICD_IROUTER_IRM) &&
		(route & MPIDR_AFF_MASK) != cpu_data->mpidr;
}

/*
 * The CPU parks, and again after each IRQ taken while parked: what its
 * list registers and queue hold is settled now, while the IRQs still
 * belong to the guest that had them.  Left for the next start, a
 * deactivation could hit an SPI that has moved to another owner meanwhile
 * and is active there.  The root's pending SPIs go back to the
 * distributor, which delivers them where Linux routes them now; a cell's
 * are dropped (its IRQs are quiesced when it stops).
 */
void irqchip_cpu_park(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	unsigned int n, irq;
	u64 lr;

	if (!gic->active)
		return;
	for (n = 0; n < gic->num_lrs; n++) {
		lr = read_lr(n);
		write_lr(n, 0);
		if (!(lr & ICH_LR_STATE_MASK))
			continue;
		irq = lr & ICH_LR_VINTID_MASK;
		return_irq(cpu_data, irq, (lr & ICH_LR_PENDING) &&
			   root_spi_routed_elsewhere(cpu_data, irq),
			   lr & ICH_LR_HW);
	}
	atomic_xchg_zero(&gic->sgi_inbox);
	for (n = GIC_NUM_SGIS; n < MAX_IRQS; n++) {
		if (!gic_irq_in_bitmap(gic->pending, n))
			continue;
		unqueue_irq(gic, n);
		if (!gic_irq_in_bitmap(gic->pending_virt, n))
			return_irq(cpu_data, n,
				   root_spi_routed_elsewhere(cpu_data, n),
				   true);
	}
	for (n = 0; n < GIC_PENDING_WORDS; n++) {
		gic->pending[n] = 0;
		gic->pending_virt[n] = 0;
	}
	gic->pending_words = 0;
	/* nothing waits for a free list register any more */
	write_sysreg(ICH_HCR_EL2, read_sysreg(ICH_HCR_EL2) & ~ICH_HCR_UIE);
	isb();
}

/*
 * A new guest starts on this CPU (a cell's, or the root's again): nothing
 * the previous one left in the virtual CPU interface may reach it.  The
 * physical IRQs taken for the old guest were only priority-dropped; they
 * are deactivated so that they can fire again.
 */
void irqchip_cpu_reset(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	unsigned int n;
	u64 lr;

	for (n = 0; n < gic->num_lrs; n++) {
		lr = read_lr(n);
		write_lr(n, 0);
		if ((lr & ICH_LR_HW) && (lr & ICH_LR_STATE_MASK))
			write_sysreg(ICC_DIR_EL1,
				     (lr >> ICH_LR_PINTID_SHIFT) & 0x3ff);
	}

	/* SGIs are virtual: nothing to deactivate */
	atomic_xchg_zero(&gic->sgi_inbox);
	for (n = GIC_NUM_SGIS; n < MAX_IRQS; n++)
		if (gic_irq_in_bitmap(gic->pending, n) &&
		    !gic_irq_in_bitmap(gic->pending_virt, n))
			write_sysreg(ICC_DIR_EL1, n);
	for (n = 0; n < GIC_PENDING_WORDS; n++) {
		gic->pending[n] = 0;
		gic->pending_virt[n] = 0;
	}
	gic->pending_words = 0;
	/* LPIs the root left waiting here: its driver moved them away */
	gic->lpis.count = 0;
	gic->lpis.lost = 0;
	gic->lpis_dropped = 0;

	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);
	gic_owner_reset(cpu_data);
	/* priority mask 0, group 1 off, EOImode 0: a guest's reset state */
	write_sysreg(ICH_VMCR_EL2, 0);
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN);
	isb();
}
