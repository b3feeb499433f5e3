// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-1 identity map for EL1.  With the MMU off every data access is
 * Device-nGnRnE (no caches, unaligned accesses fault), which makes timing
 * measurements meaningless on real hardware, so the start code turns the
 * MMU on.
 *
 * 39-bit VA, 4 KiB granule, walks start at level 1: every 1 GiB is a
 * device block unless map_range() has split it into 2 MiB blocks through
 * a level-2 table.  Device is the safe default: the CPU never
 * speculatively reads device memory, so mapping IPAs the cell does not
 * own cannot fault.  Table walks are non-cacheable, so tables written
 * with the MMU off need no cache maintenance; with the MMU on each entry
 * written is cleaned to memory.
 *
 * Assumes what Jailhouse guarantees: the cell's memory holds no stale
 * cache lines when the cell starts.
 */
#include <inmate_internal.h>

#define ENTRIES			512
#define L1_SHIFT		30
#define L2_SHIFT		21
#define L2_BLOCK_SIZE		(1UL << L2_SHIFT)
#define VA_BITS			39

#define DESC_BLOCK		0x1UL
#define DESC_TABLE		0x3UL
#define DESC_TYPE_MASK		0x3UL
#define DESC_ATTR_NORMAL	(0UL << 2)	/* MAIR index 0 */
#define DESC_ATTR_DEVICE	(1UL << 2)	/* MAIR index 1 */
#define DESC_ATTR_MASK		(7UL << 2)
#define DESC_SH_INNER		(3UL << 8)
#define DESC_AF			(1UL << 10)
#define DESC_PXN		(1UL << 53)
#define DESC_UXN		(1UL << 54)
#define DESC_ADDR_MASK		0x0000fffffffff000UL

/* index 0: normal write-back read/write-allocate, 1: Device-nGnRE */
#define MAIR_VALUE		0x04ffUL

#define TCR_T0SZ		(64 - VA_BITS)
#define TCR_EPD1		(1UL << 23)	/* no TTBR1 walks */
#define TCR_IPS_SHIFT		32

#define SCTLR_M			(1UL << 0)
#define SCTLR_C			(1UL << 2)
#define SCTLR_I			(1UL << 12)

/* one for the image, one for the comm region, one spare for map_range */
#define NUM_L2_TABLES		3

extern u8 __inmate_end[];

static u64 l1_table[ENTRIES] __attribute__((aligned(4096)));
static u64 l2_tables[NUM_L2_TABLES][ENTRIES] __attribute__((aligned(4096)));
static unsigned int l2_tables_used;
static bool mmu_enabled;

static u64 block_desc(unsigned long addr, unsigned int flags)
{
	if (flags & MAP_UNCACHED)
		return addr | DESC_BLOCK | DESC_AF | DESC_ATTR_DEVICE |
			DESC_PXN | DESC_UXN;
	return addr | DESC_BLOCK | DESC_AF | DESC_ATTR_NORMAL | DESC_SH_INNER;
}

static void tlb_flush(void)
{
	asm volatile("dsb ishst; tlbi vmalle1; dsb ish; isb" : : : "memory");
}

static void write_desc(u64 *desc, u64 value)
{
	if (mmu_enabled && *desc) {
		/* break before make: never two live translations at once */
		*desc = 0;
		asm volatile("dc civac, %0" : : "r" (desc) : "memory");
		tlb_flush();
	}
	*desc = value;
	if (mmu_enabled)
		asm volatile("dc civac, %0" : : "r" (desc) : "memory");
}

static u64 *l2_table_for(unsigned long addr)
{
	u64 *l1_desc = &l1_table[addr >> L1_SHIFT];
	unsigned long gib_base = addr & ~((1UL << L1_SHIFT) - 1);
	unsigned int flags, n;
	u64 *table;

	if ((*l1_desc & DESC_TYPE_MASK) == DESC_TABLE)
		return (u64 *)(*l1_desc & DESC_ADDR_MASK);

	if (l2_tables_used == NUM_L2_TABLES)
		return NULL;
	table = l2_tables[l2_tables_used++];

	/* the split keeps what the 1 GiB block mapped */
	flags = (*l1_desc & DESC_ATTR_MASK) == DESC_ATTR_DEVICE ?
		MAP_UNCACHED : MAP_CACHED;
	for (n = 0; n < ENTRIES; n++)
		write_desc(&table[n],
			   block_desc(gib_base + ((unsigned long)n << L2_SHIFT),
				      flags));
	asm volatile("dsb ishst" : : : "memory");
	write_desc(l1_desc, (unsigned long)table | DESC_TABLE);
	return table;
}

int map_range(unsigned long start, unsigned long size, unsigned int flags)
{
	unsigned long addr = start & ~(L2_BLOCK_SIZE - 1);
	unsigned long end = start + size;
	u64 *table;

	if (end < start || end > (1UL << VA_BITS))
		return -1;

	for (; addr < end; addr += L2_BLOCK_SIZE) {
		table = l2_table_for(addr);
		if (!table)
			return -1;
		write_desc(&table[(addr >> L2_SHIFT) & (ENTRIES - 1)],
			   block_desc(addr, flags));
	}
	if (mmu_enabled)
		tlb_flush();
	return 0;
}

void arch_mmu_init(void)
{
	unsigned long n;
	u64 pa_range;

	for (n = 0; n < ENTRIES; n++)
		l1_table[n] = block_desc(n << L1_SHIFT, MAP_UNCACHED);

	/* both fit the table pool, so they cannot fail */
	map_range(0, (unsigned long)__inmate_end, MAP_CACHED);
	map_range(COMM_REGION_BASE, 4096, MAP_CACHED);

	/* IPS encodes like PARange; 52 bits would need a different format */
	pa_range = read_sysreg(id_aa64mmfr0_el1) & 0xf;
	if (pa_range > 5)
		pa_range = 5;
	write_sysreg(mair_el1, MAIR_VALUE);
	write_sysreg(tcr_el1, TCR_T0SZ | TCR_EPD1 | (pa_range << TCR_IPS_SHIFT));
	write_sysreg(ttbr0_el1, (unsigned long)l1_table);
	tlb_flush();

	write_sysreg(sctlr_el1,
		     read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
	asm volatile("isb" : : : "memory");
	mmu_enabled = true;
}
