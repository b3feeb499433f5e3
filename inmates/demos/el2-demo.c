// SPDX-License-Identifier: GPL-2.0
/*
 * EL2 robustness tests (security review H3), run in
 * qemu-arm64-inmate-el2.cell: `-s "test=NAME"` picks one.  Whatever the
 * cell does, the hypervisor must not hang: the root's next management
 * request (destroy) completes within a bound.
 *
 *   irq-spin     mask interrupts (DAIF) and spin: the CPU must still
 *                park when the cell is stopped (IRQs go to EL2)
 *   unaligned    unaligned 32-bit reads (at +1, +2, +3) of the
 *                virtio-mmio transport's registers, a sub-page region
 *                with IO_UNALIGNED that allows 32-bit accesses only: the
 *                values must match what aligned reads give, and the cell
 *                runs on
 *   sea          a read of the sub-page region where nothing is: QEMU
 *                answers with an external abort, which the hypervisor
 *                reports ("external abort from the device") and stops
 *                the cell for
 * With the hypervisor's test build (jailhouse-test-hooks.bin) only:
 *   hc-spin      the CPU spins at EL2 with interrupts masked for spin=S
 *                seconds (default 20): destroy takes it out of service
 *   hc-fault     the hypervisor faults with cpu_power_lock held while
 *                handling a hypercall of this cell
 *   arm-fault    the root's next request that stops a cell faults at EL2
 *                with cell_lock held; the cell then idles
 * Afterwards the inmate idles and answers shutdown requests.
 */
#include <inmate.h>

#define VIRTIO_MMIO		0x0a003e00UL
#define VIRTIO_MAGIC		0x74726976	/* "virt" */
#define NOTHING_THERE		0x09100000UL
#define BLOCK_2M		0x200000UL
#define SETTLE_US		200000
#define POLL_HZ			100

/* hypervisor/include/jailhouse/test_hooks.h */
#define TEST_HC_SPIN_AT_EL2	0x7e570001
#define TEST_HC_FAULT_LOCKED	0x7e570002
#define TEST_HC_ARM_STOP_FAULT	0x7e570003

static u64 poll_ticks;

/* the timer wakes the idle loop, which answers shutdown requests */
static void handle_irq(unsigned int irq)
{
	if (irq == TIMER_IRQ)
		timer_start(poll_ticks);
}

static u32 read32_unaligned(unsigned long addr)
{
	u32 val;

	asm volatile("ldr %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static void test_irq_spin(void)
{
	printk("el2-demo irq-spin: interrupts masked, spinning\n");
	asm volatile("msr daifset, #0xf" : : : "memory");
	for (;;)
		asm volatile("" : : : "memory");
}

static void test_unaligned(void)
{
	u32 word0, word1, got, want;
	unsigned int offset;

	/*
	 * With the MMU off (or a Device mapping) an unaligned access faults
	 * at EL1 already: Normal memory lets it reach stage 2.
	 */
	if (map_range(VIRTIO_MMIO & ~(BLOCK_2M - 1), BLOCK_2M, MAP_CACHED)) {
		printk("el2-demo unaligned: cannot map 0x%lx\n", VIRTIO_MMIO);
		return;
	}
	word0 = mmio_read32(VIRTIO_MMIO);
	word1 = mmio_read32(VIRTIO_MMIO + 4);
	printk("el2-demo unaligned: magic 0x%x (%s), version %u\n", word0,
	       word0 == VIRTIO_MAGIC ? "ok" : "WRONG", word1);

	for (offset = 1; offset < 4; offset++) {
		got = read32_unaligned(VIRTIO_MMIO + offset);
		want = (word0 >> (8 * offset)) | (word1 << (32 - 8 * offset));
		printk("el2-demo unaligned: 4 bytes at +%u: 0x%x, expected "
		       "0x%x: %s\n", offset, got, want,
		       got == want ? "match" : "MISMATCH");
	}
}

static void test_sea(void)
{
	u32 val;

	printk("el2-demo sea: reading 0x%lx, where nothing is\n",
	       NOTHING_THERE);
	val = mmio_read32(NOTHING_THERE);
	printk("el2-demo sea: read 0x%x, NOT STOPPED!\n", val);
}

static void test_hc_spin(void)
{
	long seconds = cmdline_parse_int("spin", 20);

	printk("el2-demo hc-spin: %ld s at EL2\n", seconds);
	jailhouse_call_arg1(TEST_HC_SPIN_AT_EL2, seconds);
	printk("el2-demo hc-spin: back in the cell, NOT PARKED!\n");
}

static void test_hc_fault(void)
{
	long ret;

	printk("el2-demo hc-fault: a hypervisor fault with a lock held\n");
	ret = jailhouse_call(TEST_HC_FAULT_LOCKED);
	printk("el2-demo hc-fault: returned %ld, NOT STOPPED!\n", ret);
}

static void test_arm_fault(void)
{
	long ret = jailhouse_call(TEST_HC_ARM_STOP_FAULT);

	printk("el2-demo arm-fault: armed (%ld)\n", ret);
}

static const struct {
	const char *name;
	void (*run)(void);
} tests[] = {
	{ "irq-spin", test_irq_spin },
	{ "unaligned", test_unaligned },
	{ "sea", test_sea },
	{ "hc-spin", test_hc_spin },
	{ "hc-fault", test_hc_fault },
	{ "arm-fault", test_arm_fault },
};

void inmate_main(void)
{
	char selected[32];
	unsigned int n;

	cmdline_parse_str("test", selected, sizeof(selected), "");
	if (irq_init(handle_irq))
		return;
	poll_ticks = timer_get_frequency() / POLL_HZ;
	irq_enable(TIMER_IRQ);
	timer_start(poll_ticks);
	printk("el2-demo on CPU %u: test \"%s\"\n", cpu_id(), selected);
	/* let the root's "cell start" line finish on the shared UART */
	delay_us(SETTLE_US);
	for (n = 0; n < ARRAY_SIZE(tests); n++)
		if (!strcmp(selected, tests[n].name))
			break;
	if (n < ARRAY_SIZE(tests))
		tests[n].run();
	else
		printk("el2-demo: unknown test \"%s\"\n", selected);
	printk("el2-demo: done, idling\n");
	inmate_idle_until_shutdown();
}
