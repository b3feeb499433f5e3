/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What an RTOS port needs from a Jailhouse cell, behind a few hooks:
 *
 *   tick      a periodic interrupt from the EL1 virtual timer, re-armed
 *             with absolute compare values, so that it never drifts: a
 *             late tick is followed by the ones it delayed
 *   irq       a table of handlers behind the GIC (v2 or v3, from the comm
 *             region): acknowledge, dispatch, end of interrupt
 *   yield     a software-generated interrupt to this CPU, the usual way a
 *             port switches context from an ISR (portYIELD_FROM_ISR)
 *   stacks    one interrupt stack per CPU of the cell
 *
 * adas-demo is written against these hooks only; Documentation/rtos-port.md
 * says how a FreeRTOS port fills them in.  Handlers run in IRQ context,
 * with IRQs masked.
 */
#ifndef _INMATE_RTOS_HOOKS_H
#define _INMATE_RTOS_HOOKS_H

#include <inmate.h>

/* the SGI rtos_yield() raises */
#define RTOS_YIELD_SGI		1
/* handlers the table holds (timer and yield SGI included) */
#define RTOS_MAX_IRQ_HANDLERS	16
/* per-CPU interrupt stack */
#define RTOS_IRQ_STACK_SIZE	4096

typedef void (*rtos_irq_fn)(unsigned int irq, void *arg);

/* Sets up the GIC with the dispatcher below; 0 or -1. */
int rtos_irq_init(void);
/* Installs handler for irq (SGI, PPI or SPI) and enables it; 0 or -1. */
int rtos_irq_register(unsigned int irq, rtos_irq_fn handler, void *arg);

/* Starts the tick: tick() hz times a second; 0 or -1. */
int rtos_tick_start(unsigned int hz, void (*tick)(void));
void rtos_tick_stop(void);
/* ticks since rtos_tick_start() */
u64 rtos_tick_count(void);
/* ms since rtos_tick_start(), from the counter itself (not the ticks) */
u32 rtos_time_ms(void);
/* microseconds since rtos_tick_start() */
u64 rtos_time_us(void);

/*
 * Requests a context switch: raises RTOS_YIELD_SGI on this CPU, which calls
 * the handler set here once the current interrupt (if any) has ended.
 */
void rtos_set_yield_handler(void (*handler)(void));
void rtos_yield(void);
/* how often the yield handler ran */
extern volatile unsigned long rtos_yields;

/* top of CPU cpu's interrupt stack (cpu < SMP_MAX_CPUS), 16-byte aligned */
void *rtos_irq_stack_top(unsigned int cpu);

#endif /* !_INMATE_RTOS_HOOKS_H */
