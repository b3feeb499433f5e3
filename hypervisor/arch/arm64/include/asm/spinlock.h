/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket lock: CPUs get the lock in the order they asked for it, so no CPU
 * starves.  Waiters sleep in WFE; the releasing store-release to a location
 * a waiter holds in its exclusive monitor wakes it.  Needs the EL2 MMU on
 * (exclusives on normal cacheable memory).
 *
 * Each CPU also keeps the list of locks it holds (struct held_locks, at a
 * fixed place in its per_cpu: just above the stack, so that these
 * inline functions find it from TPIDR_EL2 alone).  An exception at EL2 is
 * a hypervisor bug; its recovery (hyp_fault.c) releases what the CPU held
 * so that no other CPU waits for good behind it.
 */
#ifndef _JAILHOUSE_ASM_SPINLOCK_H
#define _JAILHOUSE_ASM_SPINLOCK_H

#include <jailhouse/types.h>
#include <asm/layout.h>

/* taken with 32-bit exclusives: must be 4-byte aligned */
typedef struct {
	u16 owner;
	u16 next;
} __attribute__((aligned(4))) spinlock_t;

#define SPINLOCK_INIT	{ 0, 0 }

/* deeper nesting is counted but not remembered (none is that deep) */
#define MAX_HELD_LOCKS	8

struct held_locks {
	spinlock_t *lock[MAX_HELD_LOCKS];
	unsigned int count;
};

static inline struct held_locks *this_held_locks(void)
{
	unsigned long percpu;

	asm volatile("mrs %0, tpidr_el2" : "=r" (percpu));
	return (struct held_locks *)(percpu + PERCPU_HELD_LOCKS);
}

static inline void held_locks_add(spinlock_t *lock)
{
	struct held_locks *held = this_held_locks();

	if (held->count < MAX_HELD_LOCKS)
		held->lock[held->count] = lock;
	held->count++;
}

/* locks are not always released in the reverse order of taking them */
static inline void held_locks_remove(spinlock_t *lock)
{
	struct held_locks *held = this_held_locks();
	unsigned int n, last;

	if (!held->count)
		return;
	last = held->count < MAX_HELD_LOCKS ? held->count : MAX_HELD_LOCKS;
	held->count--;
	for (n = last; n-- > 0;) {
		if (held->lock[n] != lock)
			continue;
		for (; n + 1 < last; n++)
			held->lock[n] = held->lock[n + 1];
		break;
	}
}

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
	held_locks_add(lock);
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
	if (tmp != 0)
		return false;
	held_locks_add(lock);
	return true;
}

/* Release without bookkeeping: for the recovery, which drops the list. */
static inline void spin_release(spinlock_t *lock)
{
	asm volatile("stlrh %w1, %0"
		: "=Q" (lock->owner) : "r" (lock->owner + 1) : "memory");
}

static inline void spin_unlock(spinlock_t *lock)
{
	held_locks_remove(lock);
	spin_release(lock);
}

#endif /* !_JAILHOUSE_ASM_SPINLOCK_H */
