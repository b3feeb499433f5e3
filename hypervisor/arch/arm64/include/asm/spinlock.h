/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket lock: CPUs get the lock in the order they asked for it, so no CPU
 * starves.  Waiters sleep in WFE; the releasing store-release to a location
 * a waiter holds in its exclusive monitor wakes it.  Needs the EL2 MMU on
 * (exclusives on normal cacheable memory).
 */
#ifndef _JAILHOUSE_ASM_SPINLOCK_H
#define _JAILHOUSE_ASM_SPINLOCK_H

#include <jailhouse/types.h>

/* taken with 32-bit exclusives: must be 4-byte aligned */
typedef struct {
	u16 owner;
	u16 next;
} __attribute__((aligned(4))) spinlock_t;

#define SPINLOCK_INIT	{ 0, 0 }

static inline void spin_lock(spinlock_t *lock)
{
	u32 tmp, old, fail;

	/* atomically take a ticket: old = *lock; lock->next++ */
	asm volatile(
	"1:	ldaxr	%w[old], %[lock]\n"
	"	add	%w[tmp], %w[old], #(1 << 16)\n"
	"	stxr	%w[fail], %w[tmp], %[lock]\n"
	"	cbnz	%w[fail], 1b\n"
	/* wait until owner equals our ticket */
	"	eor	%w[tmp], %w[old], %w[old], ror #16\n"
	"	cbz	%w[tmp], 3f\n"
	"	sevl\n"
	"2:	wfe\n"
	"	ldaxrh	%w[tmp], %[owner]\n"
	"	eor	%w[tmp], %w[tmp], %w[old], lsr #16\n"
	"	cbnz	%w[tmp], 2b\n"
	"3:"
	: [old] "=&r" (old), [tmp] "=&r" (tmp), [fail] "=&r" (fail),
	  [lock] "+Q" (*lock), [owner] "+Q" (lock->owner)
	: : "memory");
}

/*
 * Take the lock only if it is free, without waiting: for a CPU that must
 * not wait for a holder that may be waiting for it.  True if taken.
 */
static inline bool spin_trylock(spinlock_t *lock)
{
	u32 tmp, val, fail = 0;

	asm volatile(
	"1:	ldaxr	%w[val], %[lock]\n"
	/* owner != next: taken or waited for */
	"	eor	%w[tmp], %w[val], %w[val], ror #16\n"
	"	cbnz	%w[tmp], 2f\n"
	"	add	%w[val], %w[val], #(1 << 16)\n"
	"	stxr	%w[fail], %w[val], %[lock]\n"
	"	cbnz	%w[fail], 1b\n"
	"2:"
	: [val] "=&r" (val), [tmp] "=&r" (tmp), [fail] "+&r" (fail),
	  [lock] "+Q" (*lock)
	: : "memory");
	return tmp == 0;
}

static inline void spin_unlock(spinlock_t *lock)
{
	asm volatile("stlrh %w1, %0"
		: "=Q" (lock->owner) : "r" (lock->owner + 1) : "memory");
}

#endif /* !_JAILHOUSE_ASM_SPINLOCK_H */
