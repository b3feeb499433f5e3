/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 part of the inmate library API: timer, GIC, PSCI, system registers.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

#include <jailhouse/types.h>

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

/*
 * reg is a register name (mpidr_el1) or a macro for an encoding
 * (s3_0_c12_c12_0), which any assembler takes: the second expansion step
 * replaces the macro before it is quoted.
 */
#define read_sysreg(reg) ({						\
	u64 __val;							\
	asm volatile("mrs %0, " __stringify(reg) : "=r" (__val));	\
	__val;								\
})

#define write_sysreg(reg, val)						\
	asm volatile("msr " __stringify(reg) ", %0" : : "r" ((u64)(val)))

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

/* sleeps until an interrupt is pending, masked or not */
static inline void wait_for_interrupt(void)
{
	asm volatile("wfi" : : : "memory");
}

static inline void mmio_write8(unsigned long addr, u8 val)
{
	asm volatile("strb %w0, [%1]" : : "r" (val), "r" (addr) : "memory");
}

static inline u8 mmio_read8(unsigned long addr)
{
	u8 val;

	asm volatile("ldrb %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write32(unsigned long addr, u32 val)
{
	asm volatile("str %w0, [%1]" : : "r" (val), "r" (addr) : "memory");
}

static inline u32 mmio_read32(unsigned long addr)
{
	u32 val;

	asm volatile("ldr %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void mmio_write64(unsigned long addr, u64 val)
{
	asm volatile("str %0, [%1]" : : "r" (val), "r" (addr) : "memory");
}

static inline u64 mmio_read64(unsigned long addr)
{
	u64 val;

	asm volatile("ldr %0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

/* --- spinlocks -------------------------------------------------------- */

/*
 * Exclusive loads and stores need normal cacheable memory, so a lock works
 * only once the MMU is on: from inmate_main() and secondary CPU entries.
 */
typedef struct {
	volatile u32 locked;
} spinlock_t;

static inline void spin_lock(spinlock_t *lock)
{
	u32 busy;

	asm volatile(
		"	sevl\n"
		"1:	wfe\n"
		"2:	ldaxr	%w0, [%1]\n"
		"	cbnz	%w0, 1b\n"
		"	stxr	%w0, %w2, [%1]\n"
		"	cbnz	%w0, 2b\n"
		: "=&r" (busy) : "r" (&lock->locked), "r" (1) : "memory");
}

static inline void spin_unlock(spinlock_t *lock)
{
	/* the store-release also wakes the waiters' wfe */
	asm volatile("stlr wzr, [%0]" : : "r" (&lock->locked) : "memory");
}

/*
 * IRQs masked for a section an IRQ handler must not interrupt: e.g. one
 * holding a lock the handler takes too, which it would wait on for ever.
 */
static inline unsigned long irq_save(void)
{
	unsigned long flags = read_sysreg(daif);

	asm volatile("msr daifset, #2" : : : "memory");
	return flags;
}

static inline void irq_restore(unsigned long flags)
{
	asm volatile("msr daif, %0" : : "r" (flags) : "memory");
}

/* --- CPU identity ----------------------------------------------------- */

#define MPIDR_AFFINITY_MASK	0xff00ffffffUL

/* Jailhouse shows a cell the physical MPIDR of the CPUs it owns */
static inline u64 cpu_mpidr(void)
{
	return read_sysreg(mpidr_el1) & MPIDR_AFFINITY_MASK;
}

/* the CPU's number within its cluster (Aff0), the Linux CPU number on QEMU */
static inline unsigned int cpu_id(void)
{
	return cpu_mpidr() & 0xff;
}

/* --- generic timer (the EL1 virtual timer) ---------------------------- */

/* PPI of the EL1 virtual timer */
#define TIMER_IRQ	27

u64 timer_get_frequency(void);
/* the virtual count, CNTVCT_EL0: what the virtual timer compares */
u64 timer_get_ticks(void);
u64 timer_ticks_to_ns(u64 ticks);
/* fires TIMER_IRQ once, ticks from now */
void timer_start(u64 ticks);
void timer_stop(void);
void delay_us(unsigned long us);

/* --- GIC (v2 or v3, from the comm region) ----------------------------- */

typedef void (*irq_handler_t)(unsigned int irq);

/*
 * Sets up this CPU's GIC interface, installs the handler for every
 * interrupt and unmasks IRQs at the CPU.  Returns 0, or -1 if the comm
 * region names a GIC version the library does not drive.
 */
int irq_init(irq_handler_t handler);
/* SGIs/PPIs (< 32) for the calling CPU; SPIs are routed to it */
void irq_enable(unsigned int irq);
void irq_disable(unsigned int irq);
/*
 * Sends SGI sgi (0-15) to the CPU mpidr.  A cell reaches only its own
 * CPUs: the hypervisor drops SGIs to any other.
 */
void irq_send_sgi(unsigned int sgi, u64 mpidr);
/* GICv3: the calling CPU's redistributor frame (RD_base), 0 if none */
unsigned long gic_v3_redistributor(void);

/* --- PSCI (SMC conduit; Jailhouse does not take PSCI over hvc) -------- */

#define PSCI_SUCCESS		0
#define PSCI_NOT_SUPPORTED	(-1)
#define PSCI_INVALID_PARAMS	(-2)
#define PSCI_DENIED		(-3)
#define PSCI_ALREADY_ON		(-4)

/* major version in bits 31:16, minor in 15:0 */
u32 psci_version(void);
/*
 * Starts CPU mpidr at physical (IPA) address entry, at EL1 with the MMU
 * off and x0 = context.  The entry code must set up its own stack and
 * vectors: the library's start code is for the boot CPU only.
 */
int psci_cpu_on(u64 mpidr, unsigned long entry, unsigned long context);
/* returns only on failure */
int psci_cpu_off(void);
/* PSCI_AFFINITY_INFO of one CPU: 0 on, 1 off, 2 on pending, or an error */
int psci_affinity_info(u64 mpidr);
/* stop the whole cell; return only on failure */
int psci_system_off(void);
int psci_system_reset(void);

/* --- secondary CPUs --------------------------------------------------- */

/* CPUs a cell can run at once, the boot CPU included */
#define SMP_MAX_CPUS		4
/* each secondary CPU's stack: printk needs about 1 KiB */
#define SMP_STACK_SIZE		4096

typedef void (*secondary_entry_t)(void *arg);

/*
 * Starts another CPU of the cell through PSCI CPU_ON.  It runs entry(arg)
 * on a stack of its own, with the boot CPU's translation tables, caches
 * and exception vectors, and IRQs masked (irq_init() on it unmasks them);
 * when entry returns, the CPU turns itself off.  Returns a PSCI status
 * (PSCI_SUCCESS once the CPU is on its way), or PSCI_INVALID_PARAMS if
 * there is no stack left for a CPU not started before.
 */
int smp_start_cpu(u64 mpidr, secondary_entry_t entry, void *arg);

/* --- exceptions ------------------------------------------------------- */

/* the register frame the vector stubs save; see vectors.S */
struct exception_frame {
	u64 x[31];
	u64 elr;
	u64 spsr;
	u64 pad;
};

#endif /* !_INMATE_ARCH_H */
