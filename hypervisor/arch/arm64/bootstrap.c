// SPDX-License-Identifier: GPL-2.0
/*
 * The first C code of a CPU entering the hypervisor: runs at EL2 with the
 * MMU off, at the physical address the image was loaded to.  It may only
 * use PC-relative addressing (no pointers stored in data), and every data
 * access goes to memory uncached, so the caches may hold stale lines of
 * what is written here: they are invalidated before the MMU goes on.
 *
 * Each CPU builds its own small tables in its per_cpu (no CPU can wait
 * for another one safely without the MMU: exclusives need cacheable
 * memory): the hypervisor memory at JAILHOUSE_BASE in 2 MiB blocks, and
 * an identity map of the 2 MiB block holding the image start (the code
 * that switches the MMU on).  The core replaces them with the full
 * hypervisor tables once the first CPU has built those.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/image.h>
#include <jailhouse/percpu.h>
#include <asm/paging_arm64.h>
#include <asm/sysregs.h>

#define BLOCK_2M	(1UL << 21)

enum { BT_L0, BT_L1_VIRT, BT_L2_VIRT, BT_L1_ID, BT_L2_ID };

static unsigned int idx(unsigned long addr, unsigned int level)
{
	return (addr >> (39 - 9 * level)) & 511;
}

static unsigned long read_u64_bytewise(const volatile u8 *p)
{
	unsigned long val = 0;
	int n;

	for (n = 7; n >= 0; n--)
		val = (val << 8) | p[n];
	return val;
}

static void invalidate_dcache(unsigned long start, unsigned long size)
{
	unsigned long ctr, line, addr;

	asm volatile("mrs %0, ctr_el0" : "=r" (ctr));
	line = 4UL << ((ctr >> 16) & 0xf);
	for (addr = start & ~(line - 1); addr < start + size; addr += line)
		asm volatile("dc ivac, %0" : : "r" (addr) : "memory");
	asm volatile("dsb sy" : : : "memory");
}

unsigned long bootstrap_build_tables(unsigned long image, struct per_cpu *cpu)
{
	const struct jailhouse_header *hdr = (void *)image;
	u64 (*t)[PAGE_SIZE / 8] = cpu->boot_tables;
	unsigned long config, hv_size, blocks, n, virt;
	unsigned int i;

	for (i = 0; i < PERCPU_BOOT_TABLES; i++)
		for (n = 0; n < PAGE_SIZE / 8; n++)
			t[i][n] = 0;

	config = image + hdr->core_size + hdr->max_cpus * hdr->percpu_size;
	hv_size = read_u64_bytewise((const volatile u8 *)config +
		__builtin_offsetof(struct jailhouse_system,
				   hypervisor_memory.size));
	blocks = (hv_size + BLOCK_2M - 1) / BLOCK_2M;
	if (blocks == 0 || blocks > 512 - idx(JAILHOUSE_BASE, 2))
		blocks = 1;

	virt = JAILHOUSE_BASE;
	t[BT_L0][idx(virt, 0)] = (unsigned long)t[BT_L1_VIRT] | PTE_TABLE;
	t[BT_L1_VIRT][idx(virt, 1)] = (unsigned long)t[BT_L2_VIRT] | PTE_TABLE;
	for (n = 0; n < blocks; n++)
		t[BT_L2_VIRT][idx(virt, 2) + n] = (image + n * BLOCK_2M) |
			PTE_BLOCK | PTE_S1_NORMAL | PTE_S1_RW | PTE_AF |
			PTE_SH_INNER;

	t[BT_L0][idx(image, 0)] = (unsigned long)t[BT_L1_ID] | PTE_TABLE;
	t[BT_L1_ID][idx(image, 1)] = (unsigned long)t[BT_L2_ID] | PTE_TABLE;
	t[BT_L2_ID][idx(image, 2)] = (image & ~(BLOCK_2M - 1)) | PTE_BLOCK |
		PTE_S1_NORMAL | PTE_S1_RW | PTE_AF | PTE_SH_INNER;

	cpu->phys = (unsigned long)cpu;
	/* what every way out of the hypervisor restores */
	asm volatile("mrs %0, hcr_el2" : "=r" (cpu->arch.linux_hcr));
	asm volatile("mrs %0, mdcr_el2" : "=r" (cpu->arch.linux_mdcr));
	asm volatile("mrs %0, cptr_el2" : "=r" (cpu->arch.linux_cptr));
	/*
	 * The hypervisor's waits for other CPUs (enable rendezvous, parking
	 * a cell) sleep in WFE with a deadline: an event stream (a wake-up
	 * whenever counter bit EVNTI flips) makes every WFE end soon enough
	 * to look at the clock, whether or not anyone sends an event.  It
	 * stays on while the hypervisor runs; leaving EL2 restores Linux's.
	 */
	asm volatile("mrs %0, cnthctl_el2" : "=r" (cpu->arch.linux_cnthctl));
	asm volatile("msr cnthctl_el2, %0" : : "r" (
		(cpu->arch.linux_cnthctl & ~CNTHCTL_EVNT_MASK) |
		CNTHCTL_EVNTEN | (CNTHCTL_EVNTI_ENABLE << CNTHCTL_EVNTI_SHIFT)));
	invalidate_dcache((unsigned long)cpu, sizeof(*cpu));

	return (unsigned long)t[BT_L0];
}
