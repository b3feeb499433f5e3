/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VMSAv8-64 descriptors, 4 KiB granule: the bits the EL2 stage-1 tables
 * and the cells' stage-2 tables use.  Plain constants, usable by host
 * tests.
 */
#ifndef _JAILHOUSE_ASM_PAGING_ARM64_H
#define _JAILHOUSE_ASM_PAGING_ARM64_H

#define PTE_VALID		0x1UL
#define PTE_TABLE		0x3UL	/* levels 0-2 */
#define PTE_BLOCK		0x1UL	/* levels 1-2 */
#define PTE_PAGE		0x3UL	/* level 3 */
#define PTE_TYPE_MASK		0x3UL
#define PTE_AF			(1UL << 10)
#define PTE_SH_INNER		(3UL << 8)
#define PTE_XN			(1UL << 54)
#define PTE_ADDR_MASK		0x0000fffffffff000UL

/* stage 1 (EL2): MAIR index, access permissions */
#define PTE_S1_NORMAL		(0UL << 2)
#define PTE_S1_DEVICE		(1UL << 2)
#define PTE_S1_RW		(1UL << 6)	/* AP[1] is RES1 at EL2 */
#define PTE_S1_RO		((1UL << 7) | (1UL << 6))

/* stage 2: memory attributes and S2AP */
#define PTE_S2_NORMAL		(0xfUL << 2)	/* outer/inner write-back */
#define PTE_S2_DEVICE		(0x1UL << 2)	/* device-nGnRE */
#define PTE_S2_READ		(1UL << 6)
#define PTE_S2_WRITE		(1UL << 7)

#endif /* !_JAILHOUSE_ASM_PAGING_ARM64_H */
