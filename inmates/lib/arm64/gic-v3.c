// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3: CPU interface through the ICC_* system registers (group 1,
 * non-secure), SGIs/PPIs through this CPU's redistributor, SPIs through
 * the distributor with affinity routing.  Waking the redistributor and
 * enabling the distributor is the hypervisor's (or boot firmware's) job.
 */
#include <inmate.h>
#include <asm/gic.h>

/* encodings, so that any assembler takes them */
#define ICC_PMR_EL1		s3_0_c4_c6_0
#define ICC_IAR1_EL1		s3_0_c12_c12_0
#define ICC_EOIR1_EL1		s3_0_c12_c12_1
#define ICC_CTLR_EL1		s3_0_c12_c12_4
#define ICC_SRE_EL1		s3_0_c12_c12_5
#define ICC_IGRPEN1_EL1		s3_0_c12_c12_7
#define ICC_SGI1R_EL1		s3_0_c12_c11_5

/* ICC_SGI1R_EL1: a target list of Aff0 values in one Aff3.Aff2.Aff1 group */
#define SGI1R_TARGET(aff0)	(1UL << ((aff0) & 0xf))
#define SGI1R_AFF1_SHIFT	16
#define SGI1R_INTID_SHIFT	24
#define SGI1R_AFF2_SHIFT	32
#define SGI1R_RS_SHIFT		44
#define SGI1R_AFF3_SHIFT	48

#define ICC_SRE_SRE		(1 << 0)

#define GICD_IROUTER		0x6000

#define GICR_TYPER		0x0008
#define  GICR_TYPER_VLPIS	(1 << 1)
#define  GICR_TYPER_LAST	(1 << 4)
#define GICR_SGI_BASE		0x10000
#define GICR_MAX_FRAMES		1024

static u32 mpidr_affinity(void)
{
	u64 mpidr = cpu_mpidr();

	/* GICR_TYPER's layout: Aff3.Aff2.Aff1.Aff0 */
	return (mpidr & 0xffffff) | (((mpidr >> 32) & 0xff) << 24);
}

/* the calling CPU's; each CPU of the cell has its own */
unsigned long gic_v3_redistributor(void)
{
	unsigned long base = comm_region->gicr_base;
	u32 affinity = mpidr_affinity();
	unsigned int n;
	u64 typer;

	for (n = 0; n < GICR_MAX_FRAMES; n++) {
		typer = mmio_read64(base + GICR_TYPER);
		if ((typer >> 32) == affinity)
			return base;
		if (typer & GICR_TYPER_LAST)
			break;
		/* GICv4 adds two frames for virtual LPIs */
		base += (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
	}
	return 0;
}

static int gic_v3_init(void)
{
	write_sysreg(ICC_SRE_EL1, read_sysreg(ICC_SRE_EL1) | ICC_SRE_SRE);
	asm volatile("isb");
	if (!(read_sysreg(ICC_SRE_EL1) & ICC_SRE_SRE)) {
		printk("GICv3: system register interface disabled at EL2\n");
		return -1;
	}

	if (!gic_v3_redistributor()) {
		printk("GICv3: no redistributor for this CPU\n");
		return -1;
	}

	write_sysreg(ICC_PMR_EL1, 0xf0);
	/* EOImode 0: one EOIR write drops priority and deactivates */
	write_sysreg(ICC_CTLR_EL1, 0);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	asm volatile("isb");
	return 0;
}

static void gic_v3_set_enable(unsigned int irq, bool enable)
{
	unsigned long reg = enable ? GICD_ISENABLER : GICD_ICENABLER;

	if (irq < 32) {
		mmio_write32(gic_v3_redistributor() + GICR_SGI_BASE + reg,
			     1U << irq);
		return;
	}
	if (enable)
		mmio_write64(comm_region->gicd_base + GICD_IROUTER + irq * 8,
			     cpu_mpidr());
	mmio_write32(comm_region->gicd_base + reg + (irq / 32) * 4,
		     1U << (irq % 32));
}

static void gic_v3_enable(unsigned int irq)
{
	gic_v3_set_enable(irq, true);
}

static void gic_v3_disable(unsigned int irq)
{
	gic_v3_set_enable(irq, false);
}

static u32 gic_v3_ack(void)
{
	u32 irq = read_sysreg(ICC_IAR1_EL1) & 0xffffff;

	/* the handler must not run ahead of the acknowledge */
	asm volatile("dsb sy" : : : "memory");
	return irq;
}

static void gic_v3_eoi(u32 irq)
{
	write_sysreg(ICC_EOIR1_EL1, irq);
	asm volatile("isb" : : : "memory");
}

static void gic_v3_send_sgi(unsigned int sgi, u64 mpidr)
{
	u64 aff0 = mpidr & 0xff;

	/* the SGI must not overtake the stores it announces */
	asm volatile("dsb ishst" : : : "memory");
	write_sysreg(ICC_SGI1R_EL1,
		  SGI1R_TARGET(aff0) | (aff0 >> 4) << SGI1R_RS_SHIFT |
		  ((mpidr >> 8) & 0xff) << SGI1R_AFF1_SHIFT |
		  ((mpidr >> 16) & 0xff) << SGI1R_AFF2_SHIFT |
		  ((mpidr >> 32) & 0xff) << SGI1R_AFF3_SHIFT |
		  (u64)(sgi & 0xf) << SGI1R_INTID_SHIFT);
	asm volatile("isb" : : : "memory");
}

const struct gic_driver gic_v3_driver = {
	.init = gic_v3_init,
	.enable = gic_v3_enable,
	.disable = gic_v3_disable,
	.ack = gic_v3_ack,
	.eoi = gic_v3_eoi,
	.send_sgi = gic_v3_send_sgi,
};
