// SPDX-License-Identifier: GPL-2.0
/*
 * Secondary CPUs of a cell.  A CPU started by PSCI CPU_ON comes up like the
 * boot CPU did, MMU off and with no stack, at __secondary_entry
 * (secondary.S), which takes everything it needs from a boot slot: the
 * boot CPU's MMU and vector setup, so that both see memory the same way,
 * and a stack of its own.
 */
#include <inmate.h>

/* the layout secondary.S reads; keep the SLOT_* offsets there in step */
struct secondary_boot {
	u64 mair;
	u64 tcr;
	u64 ttbr0;
	u64 sctlr;
	u64 vbar;
	u64 stack_top;
	secondary_entry_t entry;
	void *arg;
	u64 mpidr;
	bool used;
} __attribute__((aligned(64)));

_Static_assert(__builtin_offsetof(struct secondary_boot, mair) == 0,
	       "SLOT_MAIR");
_Static_assert(__builtin_offsetof(struct secondary_boot, tcr) == 8,
	       "SLOT_TCR");
_Static_assert(__builtin_offsetof(struct secondary_boot, ttbr0) == 16,
	       "SLOT_TTBR0");
_Static_assert(__builtin_offsetof(struct secondary_boot, sctlr) == 24,
	       "SLOT_SCTLR");
_Static_assert(__builtin_offsetof(struct secondary_boot, vbar) == 32,
	       "SLOT_VBAR");
_Static_assert(__builtin_offsetof(struct secondary_boot, stack_top) == 40,
	       "SLOT_STACK_TOP");

void __secondary_entry(void);
void secondary_c_entry(struct secondary_boot *slot);

static struct secondary_boot slots[SMP_MAX_CPUS - 1];
static u8 stacks[SMP_MAX_CPUS - 1][SMP_STACK_SIZE]
	__attribute__((aligned(16)));
static spinlock_t slots_lock;

/*
 * The new CPU reads its slot with the MMU off, i.e. from memory, not from
 * the boot CPU's cache.
 */
static void clean_dcache_to_poc(const void *start, unsigned long size)
{
	unsigned long line = 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	unsigned long addr = (unsigned long)start & ~(line - 1);
	unsigned long end = (unsigned long)start + size;

	for (; addr < end; addr += line)
		asm volatile("dc cvac, %0" : : "r" (addr) : "memory");
	asm volatile("dsb sy" : : : "memory");
}

static struct secondary_boot *slot_for(u64 mpidr)
{
	struct secondary_boot *slot = NULL;
	unsigned int n;

	spin_lock(&slots_lock);
	for (n = 0; n < ARRAY_SIZE(slots) && !slot; n++)
		if (slots[n].used && slots[n].mpidr == mpidr)
			slot = &slots[n];
	for (n = 0; n < ARRAY_SIZE(slots) && !slot; n++)
		if (!slots[n].used) {
			slot = &slots[n];
			slot->used = true;
			slot->mpidr = mpidr;
			slot->stack_top = (unsigned long)stacks[n] +
				SMP_STACK_SIZE;
		}
	spin_unlock(&slots_lock);
	return slot;
}

int smp_start_cpu(u64 mpidr, secondary_entry_t entry, void *arg)
{
	struct secondary_boot *slot;

	mpidr &= MPIDR_AFFINITY_MASK;
	if (mpidr == cpu_mpidr())
		return PSCI_ALREADY_ON;
	slot = slot_for(mpidr);
	if (!slot)
		return PSCI_INVALID_PARAMS;

	slot->mair = read_sysreg(mair_el1);
	slot->tcr = read_sysreg(tcr_el1);
	slot->ttbr0 = read_sysreg(ttbr0_el1);
	slot->sctlr = read_sysreg(sctlr_el1);
	slot->vbar = read_sysreg(vbar_el1);
	slot->entry = entry;
	slot->arg = arg;
	clean_dcache_to_poc(slot, sizeof(*slot));

	return psci_cpu_on(mpidr, (unsigned long)__secondary_entry,
			   (unsigned long)slot);
}

void secondary_c_entry(struct secondary_boot *slot)
{
	slot->entry(slot->arg);
	psci_cpu_off();
}
