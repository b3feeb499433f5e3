// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2: memory-mapped CPU interface (under Jailhouse the GICC window is
 * backed by the virtual CPU interface), SPIs targeted at this CPU.
 */
#include <inmate.h>
#include <asm/gic.h>

#define GICD_ITARGETSR		0x800
#define GICD_SGIR		0xf00
#define  GICD_SGIR_TARGET_SHIFT	16

#define GICC_CTLR		0x00
#define  GICC_CTLR_ENABLE	(1 << 0)
#define GICC_PMR		0x04
#define GICC_IAR		0x0c
#define GICC_EOIR		0x10

static int gic_v2_init(void)
{
	unsigned long gicc = comm_region->gicc_base;

	if (!gicc) {
		printk("GICv2: no CPU interface in the comm region\n");
		return -1;
	}
	mmio_write32(gicc + GICC_PMR, 0xf0);
	mmio_write32(gicc + GICC_CTLR, GICC_CTLR_ENABLE);
	return 0;
}

static void gic_v2_set_enable(unsigned int irq, bool enable)
{
	unsigned long gicd = comm_region->gicd_base;
	u8 this_cpu;

	if (enable && irq >= 32) {
		/* the banked ITARGETSR of a PPI reads as this CPU's bit */
		this_cpu = mmio_read8(gicd + GICD_ITARGETSR + 16);
		mmio_write8(gicd + GICD_ITARGETSR + irq, this_cpu);
	}
	mmio_write32(gicd + (enable ? GICD_ISENABLER : GICD_ICENABLER) +
		     (irq / 32) * 4, 1U << (irq % 32));
}

static void gic_v2_enable(unsigned int irq)
{
	gic_v2_set_enable(irq, true);
}

static void gic_v2_disable(unsigned int irq)
{
	gic_v2_set_enable(irq, false);
}

/* an SGI's EOI must repeat the source CPU bits of its IAR value */
static u32 last_iar;

static u32 gic_v2_ack(void)
{
	last_iar = mmio_read32(comm_region->gicc_base + GICC_IAR);
	return last_iar & 0x3ff;
}

static void gic_v2_eoi(u32 irq)
{
	mmio_write32(comm_region->gicc_base + GICC_EOIR, last_iar);
}

/*
 * GICv2 targets CPU interface numbers, not affinities; they equal Aff0 on
 * the single-cluster systems GICv2 is found on.
 */
static void gic_v2_send_sgi(unsigned int sgi, u64 mpidr)
{
	asm volatile("dsb ishst" : : : "memory");
	mmio_write32(comm_region->gicd_base + GICD_SGIR,
		     (1U << ((mpidr & 0x7) + GICD_SGIR_TARGET_SHIFT)) |
		     (sgi & 0xf));
}

const struct gic_driver gic_v2_driver = {
	.init = gic_v2_init,
	.enable = gic_v2_enable,
	.disable = gic_v2_disable,
	.ack = gic_v2_ack,
	.eoi = gic_v2_eoi,
	.send_sgi = gic_v2_send_sgi,
};
