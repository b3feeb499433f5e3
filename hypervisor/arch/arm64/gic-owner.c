// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 state of a CPU that a new owner must not inherit (gic-v3.c calls
 * these; the list registers themselves are drained there).
 *
 * The SGI and PPI setup in the CPU's redistributor (group, group
 * modifier, priority, trigger) is the owner's to change, through the
 * redistributor emulation.  A cell could leave the timer PPI in group 0
 * or at priority 0xff for the next one.  The setup found right after
 * enable, the root's with the hypervisor's own IRQs added, is saved per
 * CPU and written back for every new owner.  The hypervisor's own SGIs
 * and maintenance PPI are left alone: nobody else can change them, and
 * they stay enabled (rewriting the trigger of an enabled interrupt is
 * UNPREDICTABLE).
 *
 * The active priorities registers beyond the first (ICH_AP{0,1}R{1,2,3}
 * with 6 or 7 preemption bits) are cleared with the first ones.
 */
#include <jailhouse/irqchip.h>
#include <jailhouse/percpu.h>
#include <asm/gic_internal.h>

#define GICR_IGRPMODR0		GICD_IGRPMODR
#define GICR_ICFGR1		(GICD_ICFGR + 4)

#define ICH_VTR_PREBITS_SHIFT	26
#define ICH_VTR_PREBITS_MASK	0x7
#define ICH_AP0R1_EL2		S3_4_C12_C8_1
#define ICH_AP0R2_EL2		S3_4_C12_C8_2
#define ICH_AP0R3_EL2		S3_4_C12_C8_3
#define ICH_AP1R1_EL2		S3_4_C12_C9_1
#define ICH_AP1R2_EL2		S3_4_C12_C9_2
#define ICH_AP1R3_EL2		S3_4_C12_C9_3

static u32 hv_private_irqs(const struct gic_percpu *gic)
{
	return 1U << SGI_INJECT | 1U << SGI_EVENT | 1U << gic->maint_irq;
}

/* two ICFGR bits per PPI, PPIs 16-31 in ICFGR1 */
static u32 hv_ppi_cfg_mask(const struct gic_percpu *gic)
{
	u32 ppis = hv_private_irqs(gic) >> 16, mask = 0;
	unsigned int n;

	for (n = 0; n < 16; n++)
		if ((ppis >> n) & 1)
			mask |= 3U << (2 * n);
	return mask;
}

void gic_private_config_save(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	void *sgi_base = gic->redist_base + GICR_SGI_BASE;
	unsigned int n;

	gic->saved_group = gic_mmio_read(sgi_base + GICR_IGROUPR0, 4);
	gic->saved_grpmod = gic_mmio_read(sgi_base + GICR_IGRPMODR0, 4);
	gic->saved_ppi_cfg = gic_mmio_read(sgi_base + GICR_ICFGR1, 4);
	for (n = 0; n < GIC_NUM_PRIVATE; n++)
		gic->saved_priority[n] = gic_mmio_read(sgi_base +
						       GICR_IPRIORITYR + n, 1);
}

static void write_masked(void *reg, u32 keep, u32 value)
{
	gic_mmio_write(reg, 4, (gic_mmio_read(reg, 4) & keep) |
		       (value & ~keep));
}

static void restore_private_config(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	void *sgi_base = gic->redist_base + GICR_SGI_BASE;
	u32 hv = hv_private_irqs(gic);
	unsigned int n;

	write_masked(sgi_base + GICR_IGROUPR0, hv, gic->saved_group);
	write_masked(sgi_base + GICR_IGRPMODR0, hv, gic->saved_grpmod);
	write_masked(sgi_base + GICR_ICFGR1, hv_ppi_cfg_mask(gic),
		     gic->saved_ppi_cfg);
	for (n = 0; n < GIC_NUM_PRIVATE; n++)
		if (!((hv >> n) & 1))
			gic_mmio_write(sgi_base + GICR_IPRIORITYR + n, 1,
				       gic->saved_priority[n]);
}

static void clear_upper_active_priorities(void)
{
	unsigned int prebits = ((read_sysreg(ICH_VTR_EL2) >>
				 ICH_VTR_PREBITS_SHIFT) &
				ICH_VTR_PREBITS_MASK) + 1;

	/* 5 bits: AP*R0 only; 6: also AP*R1; 7: all four */
	if (prebits < 6)
		return;
	write_sysreg(ICH_AP0R1_EL2, 0);
	write_sysreg(ICH_AP1R1_EL2, 0);
	if (prebits < 7)
		return;
	write_sysreg(ICH_AP0R2_EL2, 0);
	write_sysreg(ICH_AP0R3_EL2, 0);
	write_sysreg(ICH_AP1R2_EL2, 0);
	write_sysreg(ICH_AP1R3_EL2, 0);
}

/* The CPU starts a new owner: the GIC state of the old one goes. */
void gic_owner_reset(struct per_cpu *cpu_data)
{
	restore_private_config(cpu_data);
	clear_upper_active_priorities();
}
