/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 part of the inmate library API: timer, GIC, PSCI, system registers.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

#include <jailhouse/types.h>

#define read_sysreg(reg) ({						\
	u64 __val;							\
	asm volatile("mrs %0, " #reg : "=r" (__val));			\
	__val;								\
})

#define write_sysreg(reg, val)						\
	asm volatile("msr " #reg ", %0" : : "r" ((u64)(val)))

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
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

/* --- exceptions ------------------------------------------------------- */

/* the register frame the vector stubs save; see vectors.S */
struct exception_frame {
	u64 x[31];
	u64 elr;
	u64 spsr;
	u64 pad;
};

#endif /* !_INMATE_ARCH_H */
