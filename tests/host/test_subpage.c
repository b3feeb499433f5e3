// SPDX-License-Identifier: GPL-2.0
/*
 * Sub-page emulation (hypervisor/mmio.c) on a fake device: every access
 * the cell makes reaches the device as naturally aligned parts of the
 * widths the region allows, never unaligned; unaligned reads come back
 * assembled right, writes are split or refused, and a device error fails
 * the access instead of faulting.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* the arch headers mmio.c would pull in, for the host */
#define _JAILHOUSE_ASM_SPINLOCK_H
#define _JAILHOUSE_ASM_MMIO_H
#define _JAILHOUSE_ASM_DEV_ACCESS_H
#define _JAILHOUSE_ASM_PERCPU_H
#include <jailhouse/types.h>

struct per_cpu;
struct arch_per_cpu { u64 unused; };
static inline struct per_cpu *arch_this_cpu_data(void) { return NULL; }

typedef struct { int dummy; } spinlock_t;
struct held_locks { int count; };
#define SPINLOCK_INIT { 0 }
static inline void spin_lock(spinlock_t *lock) { }
static inline void spin_unlock(spinlock_t *lock) { }
static inline u8 mmio_read8(void *a) { return 0; }
static inline u16 mmio_read16(void *a) { return 0; }
static inline u32 mmio_read32(void *a) { return 0; }
static inline u64 mmio_read64(void *a) { return 0; }
static inline void mmio_write8(void *a, u8 v) { }
static inline void mmio_write16(void *a, u16 v) { }
static inline void mmio_write32(void *a, u32 v) { }
static inline void mmio_write64(void *a, u64 v) { }

int dev_read(const void *addr, unsigned int size, u64 *value);
int dev_write(void *addr, unsigned int size, u64 value);

/* what the hypervisor's build declares (__JAILHOUSE_FREESTANDING__) */
#include <jailhouse/paging.h>
struct page_pool mem_pool;
void *page_alloc(struct page_pool *pool, unsigned int num);
void page_free(struct page_pool *pool, void *first, unsigned int num);
void *paging_map_device(unsigned long phys, unsigned long size);
void paging_unmap_device(void *virt, unsigned long size);

#include "hypervisor/mmio.c"

/* registration is not under test */
void *page_alloc(struct page_pool *pool, unsigned int num) { return NULL; }
void page_free(struct page_pool *pool, void *first, unsigned int num) { }
void *paging_map_device(unsigned long phys, unsigned long size)
{
	return NULL;
}
void paging_unmap_device(void *virt, unsigned long size) { }

/* the fake device: 64 bytes, every access logged */
static u8 device[64] __attribute__((aligned(8)));
static struct { unsigned long offset; unsigned int size; bool write; }
	log_entries[32];
static unsigned int log_len;
static bool device_fails;

static void check_access(const void *addr, unsigned int size, bool write)
{
	unsigned long offset = (const u8 *)addr - device;

	assert_true(size == 1 || size == 2 || size == 4 || size == 8);
	assert_int_equal(offset & (size - 1), 0);
	assert_true(offset + size <= sizeof(device));
	log_entries[log_len].offset = offset;
	log_entries[log_len].size = size;
	log_entries[log_len].write = write;
	log_len++;
}

int dev_read(const void *addr, unsigned int size, u64 *value)
{
	check_access(addr, size, false);
	if (device_fails)
		return -EIO;
	*value = 0;
	memcpy(value, addr, size);
	return 0;
}

int dev_write(void *addr, unsigned int size, u64 value)
{
	check_access(addr, size, true);
	if (device_fails)
		return -EIO;
	memcpy(addr, &value, size);
	return 0;
}

static struct jailhouse_memory mem = { .size = 32 };
static struct subpage_region sub = { .page = device, .offset = 16,
				     .mem = &mem };

static enum mmio_result access(unsigned long flags, unsigned long addr,
			       unsigned int size, bool write, u64 *value)
{
	struct mmio_access mmio = { .address = addr, .size = size,
				    .is_write = write,
				    .value = write ? *value : 0 };
	enum mmio_result res;
	unsigned int n;

	mem.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		JAILHOUSE_MEM_IO | flags;
	for (n = 0; n < sizeof(device); n++)
		device[n] = 0x10 + n;
	log_len = 0;
	res = subpage_access(&sub, &mmio);
	if (!write)
		*value = mmio.value;
	return res;
}

static void test_aligned(void **state)
{
	u64 value;

	assert_int_equal(access(0, 4, 4, false, &value), MMIO_HANDLED);
	assert_int_equal(value, 0x27262524);
	assert_int_equal(log_len, 1);
	/* a width the region does not allow */
	assert_int_equal(access(JAILHOUSE_MEM_IO_32, 4, 2, false, &value),
			 MMIO_ERROR);
	assert_int_equal(log_len, 0);
	/* unaligned without IO_UNALIGNED */
	assert_int_equal(access(0, 2, 4, false, &value), MMIO_ERROR);
	/* past the region */
	assert_int_equal(access(0, 30, 4, false, &value), MMIO_ERROR);
}

static void test_unaligned_split(void **state)
{
	u64 value;

	/* any width: 8 bytes at +3 = 1 + 4 + 2 + 1 */
	assert_int_equal(access(JAILHOUSE_MEM_IO_UNALIGNED, 3, 8, false,
				&value), MMIO_HANDLED);
	assert_int_equal(value, 0x2a29282726252423UL);
	assert_int_equal(log_len, 4);
	assert_int_equal(log_entries[0].size, 1);
	assert_int_equal(log_entries[1].size, 4);
	assert_int_equal(log_entries[2].size, 2);

	/* bytes only */
	assert_int_equal(access(JAILHOUSE_MEM_IO_UNALIGNED | JAILHOUSE_MEM_IO_8
				| JAILHOUSE_MEM_IO_32, 1, 4, false, &value),
			 MMIO_HANDLED);
	assert_int_equal(value, 0x24232221);
	assert_int_equal(log_len, 4);

	/* a write, split */
	value = 0xa1a2a3a4;
	assert_int_equal(access(JAILHOUSE_MEM_IO_UNALIGNED, 6, 4, true,
				&value), MMIO_HANDLED);
	assert_int_equal(log_len, 2);
	assert_int_equal(device[16 + 6], 0xa4);
	assert_int_equal(device[16 + 9], 0xa1);
	assert_int_equal(device[16 + 5], 0x25);
	assert_int_equal(device[16 + 10], 0x2a);
}

static void test_unaligned_words_only(void **state)
{
	unsigned long flags = JAILHOUSE_MEM_IO_UNALIGNED | JAILHOUSE_MEM_IO_32;
	u64 value;

	/* read the covering words, pick the bytes */
	assert_int_equal(access(flags, 2, 4, false, &value), MMIO_HANDLED);
	assert_int_equal(value, 0x25242322);
	assert_int_equal(log_len, 2);
	assert_int_equal(log_entries[0].size, 4);
	assert_int_equal(log_entries[1].offset, 16 + 4);
	/* the words would reach past the region */
	assert_int_equal(access(flags, 29, 4, false, &value), MMIO_ERROR);
	/* a write would touch bytes the cell did not write */
	value = 0;
	assert_int_equal(access(flags, 2, 4, true, &value), MMIO_ERROR);
	assert_int_equal(log_len, 0);
}

/* a region that starts at an odd address of the page */
static void test_region_offset(void **state)
{
	unsigned long flags = JAILHOUSE_MEM_IO_UNALIGNED;
	u64 value;

	sub.offset = 17;
	/* region +3 is device +20: one aligned word */
	assert_int_equal(access(flags, 3, 4, false, &value), MMIO_HANDLED);
	assert_int_equal(value, 0x27262524);
	assert_int_equal(log_len, 1);
	/* region +0 is device +17: split */
	assert_int_equal(access(flags, 0, 4, false, &value), MMIO_HANDLED);
	assert_int_equal(value, 0x24232221);
	assert_int_equal(log_len, 3);
	/* 32-bit words only: the word at device +16 begins before */
	assert_int_equal(access(flags | JAILHOUSE_MEM_IO_32, 0, 4, false,
				&value), MMIO_ERROR);
	sub.offset = 16;
}

static void test_device_error(void **state)
{
	u64 value = 0;

	device_fails = true;
	assert_int_equal(access(0, 0, 4, false, &value), MMIO_DEVICE_ERROR);
	assert_int_equal(access(JAILHOUSE_MEM_IO_UNALIGNED, 1, 4, true,
				&value), MMIO_DEVICE_ERROR);
	assert_int_equal(log_len, 1);
	device_fails = false;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aligned),
		cmocka_unit_test(test_unaligned_split),
		cmocka_unit_test(test_unaligned_words_only),
		cmocka_unit_test(test_region_offset),
		cmocka_unit_test(test_device_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
