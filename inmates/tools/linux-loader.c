// SPDX-License-Identifier: GPL-2.0
/*
 * linux-loader.bin: starts an arm64 Linux kernel that `jailhouse cell
 * load` (or `jailhouse cell linux`) has put into the cell's RAM.
 *
 *   jailhouse cell load CELL linux-loader.bin -a 0 \
 *	-s "kernel=0x70200000 dtb=0x70000000" -a 0x1000 \
 *	Image -a 0x70200000 inmate.dtb -a 0x70000000 [initrd -a ADDR]
 *
 * The cell's first CPU starts here at IPA 0.  The kernel is entered as
 * Documentation/arm64/booting.rst asks: at EL1, MMU and data cache off,
 * DAIF masked, x0 = physical address of the device tree, x1-x3 = 0.
 * The library ran this code with the MMU and caches on; nothing this
 * loader wrote is read again once they are off (the jump's operands stay
 * in registers), so no cache maintenance is needed here: the hypervisor
 * hands the loaded images to the cell cleaned to the point of coherency.
 *
 * Both addresses are checked first, so that a wrong command line ends
 * with a message instead of a silent hang: the kernel must be 2 MiB
 * aligned (text_offset is 0 since Linux 5.10; an older kernel's offset is
 * accepted if its header says so) and carry the arm64 Image magic, the
 * device tree must be 8-byte aligned and start with the FDT magic.
 */
#include <inmate.h>

#define ARM64_IMAGE_MAGIC	0x644d5241	/* "ARM\x64" at offset 0x38 */
#define ARM64_IMAGE_MAGIC_OFF	0x38
#define ARM64_TEXT_OFFSET_OFF	0x08
#define FDT_MAGIC_LE		0xedfe0dd0	/* 0xd00dfeed, big endian */
#define SZ_2M			0x200000UL

#define SCTLR_M			(1UL << 0)
#define SCTLR_C			(1UL << 2)

static u32 read32(unsigned long addr)
{
	return *(volatile u32 *)addr;
}

/* uncached: reading must not leave lines of the kernel's memory behind */
static bool peekable(unsigned long addr)
{
	return map_range(addr & ~(SZ_2M - 1), SZ_2M, MAP_UNCACHED) == 0;
}

static bool kernel_ok(unsigned long kernel)
{
	u64 text_offset;

	if (!peekable(kernel)) {
		printk("linux-loader: cannot map 0x%lx to check the kernel "
		       "header, starting it unchecked\n", kernel);
		return true;
	}
	if (read32(kernel + ARM64_IMAGE_MAGIC_OFF) != ARM64_IMAGE_MAGIC) {
		printk("linux-loader: no arm64 Image at kernel=0x%lx (magic "
		       "0x%x, expected 0x%x): load the uncompressed Image "
		       "there\n", kernel,
		       read32(kernel + ARM64_IMAGE_MAGIC_OFF),
		       ARM64_IMAGE_MAGIC);
		return false;
	}
	text_offset = read32(kernel + ARM64_TEXT_OFFSET_OFF) |
		((u64)read32(kernel + ARM64_TEXT_OFFSET_OFF + 4) << 32);
	if ((kernel - text_offset) & (SZ_2M - 1)) {
		printk("linux-loader: kernel=0x%lx minus its text_offset "
		       "0x%llx is not 2 MiB aligned\n", kernel,
		       (unsigned long long)text_offset);
		return false;
	}
	return true;
}

static bool dtb_ok(unsigned long dtb)
{
	if (dtb & 7) {
		printk("linux-loader: dtb=0x%lx is not 8-byte aligned\n", dtb);
		return false;
	}
	if (!peekable(dtb)) {
		printk("linux-loader: cannot map 0x%lx to check the device "
		       "tree, starting unchecked\n", dtb);
		return true;
	}
	if (read32(dtb) != FDT_MAGIC_LE) {
		printk("linux-loader: no device tree at dtb=0x%lx (first word "
		       "0x%x)\n", dtb, read32(dtb));
		return false;
	}
	return true;
}

void inmate_main(void)
{
	unsigned long kernel = cmdline_parse_int("kernel", 0);
	unsigned long dtb = cmdline_parse_int("dtb", 0);
	unsigned long sctlr;

	if (!kernel || !dtb) {
		printk("linux-loader: the command line needs kernel=ADDR and "
		       "dtb=ADDR (cell load ... -s \"kernel=0x... "
		       "dtb=0x...\" -a 0x1000)\n");
		return;
	}
	if (!kernel_ok(kernel) || !dtb_ok(dtb))
		return;

	sctlr = read_sysreg(sctlr_el1) & ~(SCTLR_M | SCTLR_C);

	/*
	 * One asm block: once the MMU is off, the stack (written through
	 * the cache) must not be touched again.  The instruction cache may
	 * hold lines of the root's last use of this memory: invalidate it.
	 */
	asm volatile(
		"msr	daifset, #0xf\n\t"
		"mov	x0, %0\n\t"
		"mov	x1, xzr\n\t"
		"mov	x2, xzr\n\t"
		"mov	x3, xzr\n\t"
		"msr	sctlr_el1, %1\n\t"
		"isb\n\t"
		"ic	iallu\n\t"
		"dsb	nsh\n\t"
		"isb\n\t"
		"br	%2"
		: : "r" (dtb), "r" (sctlr), "r" (kernel)
		: "x0", "x1", "x2", "x3", "memory");
	__builtin_unreachable();
}
