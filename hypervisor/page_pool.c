// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's two pools.  mem_pool: the pages of the hypervisor
 * memory after the image, the per-CPU data and the config copy the driver
 * wrote; everything the hypervisor allocates comes from there.
 * remap_pool: a window of virtual addresses without backing memory where
 * devices (UART, GIC) get mapped.  Both count used pages for
 * JAILHOUSE_HC_HYPERVISOR_GET_INFO.
 */
#include <jailhouse/arch.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/utils.h>
#include <asm/spinlock.h>

#define BITS_PER_LONG		64

/* 16 MiB of device mappings, far from the image and the identity maps */
#define REMAP_BASE		0xffff00000000UL
#define REMAP_PAGES		4096

struct page_pool mem_pool;
struct page_pool remap_pool;
struct paging_structs hv_paging;

static spinlock_t pool_lock = SPINLOCK_INIT;
static unsigned long hv_phys_base;

static spinlock_t temp_lock = SPINLOCK_INIT;
static void *temp_window;
static unsigned int temp_pages;

static bool test_bit(const unsigned long *map, unsigned long n)
{
	return (map[n / BITS_PER_LONG] >> (n % BITS_PER_LONG)) & 1;
}

static void set_bit(unsigned long *map, unsigned long n)
{
	map[n / BITS_PER_LONG] |= 1UL << (n % BITS_PER_LONG);
}

static void clear_bit(unsigned long *map, unsigned long n)
{
	map[n / BITS_PER_LONG] &= ~(1UL << (n % BITS_PER_LONG));
}

static void *pool_page(struct page_pool *pool, unsigned long n)
{
	if (pool->base)
		return (u8 *)pool->base + n * PAGE_SIZE;
	return (void *)(pool->virt_base + n * PAGE_SIZE);
}

/*
 * num free pages in a row, the first aligned to num pages when num is a
 * power of two: concatenated stage-2 root tables need their address (not
 * their index in the pool) aligned to their size.  The pool's virtual and
 * physical addresses share that alignment (both are 2 MiB aligned at the
 * base of the hypervisor memory).
 */
static void *page_alloc_locked(struct page_pool *pool, unsigned int num)
{
	unsigned long step = (num & (num - 1)) ? 1 : num;
	unsigned long base_page = (unsigned long)pool_page(pool, 0) / PAGE_SIZE;
	unsigned long start, n;

	for (start = (step - base_page % step) % step;
	     start + num <= pool->pages; start += step) {
		for (n = 0; n < num; n++)
			if (test_bit(pool->used_bitmap, start + n))
				break;
		if (n < num)
			continue;
		for (n = 0; n < num; n++)
			set_bit(pool->used_bitmap, start + n);
		pool->used_pages += num;
		return pool_page(pool, start);
	}
	return NULL;
}

void *page_alloc(struct page_pool *pool, unsigned int num)
{
	void *page;

	spin_lock(&pool_lock);
	page = page_alloc_locked(pool, num);
	spin_unlock(&pool_lock);

	if (page && pool == &mem_pool)
		memset(page, 0, num * PAGE_SIZE);
	return page;
}

void page_free(struct page_pool *pool, void *first, unsigned int num)
{
	unsigned long base = pool->base ? (unsigned long)pool->base :
		pool->virt_base;
	unsigned long n = ((unsigned long)first - base) / PAGE_SIZE;

	spin_lock(&pool_lock);
	for (; num > 0; num--, n++) {
		if (n < pool->pages && test_bit(pool->used_bitmap, n)) {
			clear_bit(pool->used_bitmap, n);
			pool->used_pages--;
		}
	}
	spin_unlock(&pool_lock);
}

unsigned long paging_hvirt2phys(const void *virt)
{
	return (unsigned long)virt - JAILHOUSE_BASE + hv_phys_base;
}

void *paging_phys2hvirt(unsigned long phys)
{
	return (void *)(phys - hv_phys_base + JAILHOUSE_BASE);
}

static void *env_alloc(void *ctx)
{
	return page_alloc(&mem_pool, 1);
}

static void env_free(void *ctx, void *table)
{
	page_free(&mem_pool, table, 1);
}

static unsigned long env_virt_to_phys(void *ctx, void *table)
{
	return paging_hvirt2phys(table);
}

static void *env_phys_to_virt(void *ctx, unsigned long phys)
{
	return paging_phys2hvirt(phys);
}

const struct paging_env hv_paging_env = {
	.alloc_table = env_alloc,
	.free_table = env_free,
	.virt_to_phys = env_virt_to_phys,
	.phys_to_virt = env_phys_to_virt,
};

/* Carves the bitmap out of the pool's first pages (mem_pool) or out of
 * mem_pool (remap_pool). */
static int pool_init(struct page_pool *pool, void *base, unsigned long pages,
		     unsigned long virt_base)
{
	unsigned long bitmap_pages =
		PAGES(ALIGN_UP(pages, BITS_PER_LONG) / 8);
	unsigned long n;

	pool->base = base;
	pool->virt_base = virt_base;
	pool->pages = pages;
	pool->used_pages = 0;
	if (base) {
		if (bitmap_pages >= pages)
			return -ENOMEM;
		pool->used_bitmap = base;
		memset(base, 0, bitmap_pages * PAGE_SIZE);
		for (n = 0; n < bitmap_pages; n++)
			set_bit(pool->used_bitmap, n);
		pool->used_pages = bitmap_pages;
	} else {
		pool->used_bitmap = page_alloc(&mem_pool, bitmap_pages);
		if (!pool->used_bitmap)
			return -ENOMEM;
	}
	return 0;
}

int paging_init(unsigned long phys_base, unsigned long hv_size,
		unsigned long pool_offset)
{
	int err;

	hv_phys_base = phys_base;
	if (pool_offset >= hv_size)
		return -ENOMEM;
	err = pool_init(&mem_pool, (void *)(JAILHOUSE_BASE + pool_offset),
			(hv_size - pool_offset) / PAGE_SIZE, 0);
	if (err)
		return err;
	err = pool_init(&remap_pool, NULL, REMAP_PAGES, REMAP_BASE);
	if (err)
		return err;

	hv_paging.env = &hv_paging_env;
	hv_paging.root_level = 0;
	hv_paging.root_pages = 1;
	hv_paging.stage2 = false;
	hv_paging.root = page_alloc(&mem_pool, 1);
	if (!hv_paging.root)
		return -ENOMEM;

	/* all of the hypervisor memory, as it was at the bootstrap */
	err = paging_create(&hv_paging, phys_base, hv_size, JAILHOUSE_BASE,
			    PAGING_READ | PAGING_WRITE | PAGING_EXEC |
			    PAGING_NO_HUGE);
	if (err)
		return err;

	/*
	 * Mapping the window once creates its tables; they stay when it is
	 * unmapped, so later uses never allocate (and a refused request
	 * leaves the pool as it was).
	 */
	temp_window = page_alloc(&remap_pool, TEMP_WINDOW_PAGES);
	if (!temp_window)
		return -ENOMEM;
	err = paging_create(&hv_paging, phys_base,
			    TEMP_WINDOW_PAGES * PAGE_SIZE,
			    (unsigned long)temp_window,
			    PAGING_READ | PAGING_WRITE | PAGING_NO_HUGE);
	if (err)
		return err;
	return paging_destroy(&hv_paging, (unsigned long)temp_window,
			      TEMP_WINDOW_PAGES * PAGE_SIZE);
}

void *paging_map_temp(unsigned long phys, unsigned int pages)
{
	if (pages == 0 || pages > TEMP_WINDOW_PAGES)
		return NULL;
	spin_lock(&temp_lock);
	if (paging_create(&hv_paging, phys & PAGE_MASK,
			  (unsigned long)pages * PAGE_SIZE,
			  (unsigned long)temp_window,
			  PAGING_READ | PAGING_WRITE | PAGING_NO_HUGE) != 0) {
		spin_unlock(&temp_lock);
		return NULL;
	}
	temp_pages = pages;
	arch_paging_flush_hv();
	return temp_window;
}

void paging_unmap_temp(void)
{
	paging_destroy(&hv_paging, (unsigned long)temp_window,
		       (unsigned long)temp_pages * PAGE_SIZE);
	arch_paging_invalidate_hv();
	temp_pages = 0;
	spin_unlock(&temp_lock);
}

static void *map_remap(unsigned long phys, unsigned long size,
		       unsigned int flags);

void *paging_map_device(unsigned long phys, unsigned long size)
{
	return map_remap(phys, size, PAGING_DEVICE);
}

void *paging_map_memory(unsigned long phys, unsigned long size)
{
	return map_remap(phys, size, 0);
}

static void *map_remap(unsigned long phys, unsigned long size,
		       unsigned int flags)
{
	unsigned long offset = phys & ~PAGE_MASK;
	unsigned long pages = PAGES(offset + size);
	void *virt;
	int err;

	if (!size)
		return NULL;
	virt = page_alloc(&remap_pool, pages);
	if (!virt)
		return NULL;
	err = paging_create(&hv_paging, phys & PAGE_MASK, pages * PAGE_SIZE,
			    (unsigned long)virt, PAGING_READ | PAGING_WRITE |
			    flags | PAGING_NO_HUGE);
	if (err) {
		page_free(&remap_pool, virt, pages);
		return NULL;
	}
	arch_paging_flush_hv();
	return (u8 *)virt + offset;
}

void paging_unmap_device(void *virt, unsigned long size)
{
	unsigned long start = (unsigned long)virt & PAGE_MASK;
	unsigned long pages = PAGES(((unsigned long)virt & ~PAGE_MASK) + size);

	if (!virt || !size)
		return;
	paging_destroy(&hv_paging, start, pages * PAGE_SIZE);
	arch_paging_invalidate_hv();
	page_free(&remap_pool, (void *)start, pages);
}
