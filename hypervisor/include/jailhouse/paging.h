/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's memory: the page pool (EL2 page tables, cell data) and
 * the remap pool (virtual address window for device mappings), and the
 * page-table builder shared by the EL2 tables and the cells' stage 2.
 *
 * The builder (paging.c) is arch-neutral C over a small description of the
 * table format (struct paging_format, provided by the arch) and a page
 * allocator callback, so the host tests compile the same file with a fake
 * allocator.
 */
#ifndef _JAILHOUSE_PAGING_H
#define _JAILHOUSE_PAGING_H

#include <jailhouse/types.h>
#include <asm/layout.h>

#define PAGE_MASK		(~((unsigned long)PAGE_SIZE - 1))
#define PAGES(size)		(((size) + PAGE_SIZE - 1) / PAGE_SIZE)

/* attributes of a mapping, translated by the arch's table format */
#define PAGING_READ		0x01
#define PAGING_WRITE		0x02
#define PAGING_EXEC		0x04
#define PAGING_DEVICE		0x08	/* device-nGnRE instead of normal WB */
#define PAGING_NO_HUGE		0x10	/* map with 4 KiB pages only */

struct page_pool {
	/* first page; pages are numbered from there */
	void *base;
	unsigned long pages;
	unsigned long used_pages;
	/* bit n set: page n is in use */
	unsigned long *used_bitmap;
	/* for the remap pool: virtual address of page 0 (no backing) */
	unsigned long virt_base;
};

/*
 * How to allocate and address table pages.  The hypervisor passes the
 * mem_pool with identity phys<->virt offset; host tests pass malloc'ed
 * memory.
 */
struct paging_env {
	void *(*alloc_table)(void *ctx);	/* zeroed page, or NULL */
	void (*free_table)(void *ctx, void *table);
	unsigned long (*virt_to_phys)(void *ctx, void *table);
	void *(*phys_to_virt)(void *ctx, unsigned long phys);
	/*
	 * Optional, for tables other CPUs walk while they change: called
	 * when a block descriptor covering [virt, virt + size) has just been
	 * made invalid, before the table replacing it is installed
	 * (break-before-make).  Must make the invalid entry visible and
	 * remove every TLB entry of the block on every CPU.
	 */
	void (*break_block)(void *ctx, unsigned long virt, unsigned long size);
	void *ctx;
};

/* A translation regime: 4 KiB granule, 4 levels of tables at most. */
struct paging_structs {
	const struct paging_env *env;
	/* level of the root table: 0 (48 bits) or 1 (39 bits / concatenated) */
	unsigned int root_level;
	/* number of concatenated root tables (stage 2 may use up to 16) */
	unsigned int root_pages;
	void *root;
	/* stage 2 (true) or EL2 stage 1 (false) descriptor attributes */
	bool stage2;
};

int paging_create(struct paging_structs *pg, unsigned long phys,
		  unsigned long size, unsigned long virt, unsigned int flags);
int paging_destroy(struct paging_structs *pg, unsigned long virt,
		   unsigned long size);
/* Physical address virt maps to, or ~0UL if unmapped. */
unsigned long paging_virt_to_phys(const struct paging_structs *pg,
				  unsigned long virt);
/* Frees all tables of pg (not the mapped memory). */
void paging_free_all(struct paging_structs *pg);

#define INVALID_PHYS_ADDR	(~0UL)

#ifdef __JAILHOUSE_FREESTANDING__
extern struct page_pool mem_pool;
extern struct page_pool remap_pool;
/* the EL2 stage-1 tables of the hypervisor */
extern struct paging_structs hv_paging;

/*
 * Pools in the hypervisor memory [phys_base, phys_base + hv_size) from
 * pool_offset on, and hv_paging mapping all of that memory at
 * JAILHOUSE_BASE.
 */
int paging_init(unsigned long phys_base, unsigned long hv_size,
		unsigned long pool_offset);

void *page_alloc(struct page_pool *pool, unsigned int num);
void page_free(struct page_pool *pool, void *first, unsigned int num);

/* hypervisor virtual <-> physical (inside the hypervisor memory only) */
unsigned long paging_hvirt2phys(const void *virt);
void *paging_phys2hvirt(unsigned long phys);

/*
 * Map [phys, phys + size) as device memory into EL2, readable and
 * writable.  Returns the hypervisor virtual address of phys (phys need not
 * be page aligned), or NULL when the remap pool is exhausted.  Mappings
 * stay until the hypervisor is disabled.
 */
void *paging_map_device(unsigned long phys, unsigned long size);
/* Undo paging_map_device (virt and size as passed and returned). */
void paging_unmap_device(void *virt, unsigned long size);
/* Like paging_map_device(), as normal write-back memory (RAM shared with
 * guests); paging_unmap_device() undoes it. */
void *paging_map_memory(unsigned long phys, unsigned long size);

/*
 * A window of TEMP_WINDOW_PAGES pages, its tables allocated once at setup,
 * through which the hypervisor reads and writes memory it does not own
 * (cell configs in root memory, cell RAM to clear).  Normal cacheable,
 * read-write.  One user at a time: paging_map_temp() takes the window,
 * paging_unmap_temp() gives it back.  NULL if pages is too large.
 */
#define TEMP_WINDOW_PAGES	64
void *paging_map_temp(unsigned long phys, unsigned int pages);
void paging_unmap_temp(void);
#endif

#endif /* !_JAILHOUSE_PAGING_H */
