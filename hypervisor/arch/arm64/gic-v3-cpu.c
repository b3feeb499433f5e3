// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 driver, the CPUs' life cycle: finding the GIC at enable, a CPU
 * entering the hypervisor (its CPU interface handed to the virtual one
 * Linux goes on with), leaving it (everything pending handed back to the
 * physical GIC), parking, and starting a new guest.  The IRQ path itself
 * is in gic-v3.c.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/irqchip.h>
#include <asm/gic_cpuif.h>
#include <asm/gic_filter.h>
#include <asm/gic_internal.h>
#include <asm/gic_lpi.h>
#include <asm/processor.h>

/* the priority the hypervisor gives its own private IRQs if Linux left
 * them at the lowest one */
#define GIC_HV_PRIORITY		0xa0

static void atomic_or_u64(u64 *word, u64 bits)
{
	u64 tmp;
	u32 fail;

	asm volatile(
	"1:	ldxr	%0, %2\n"
	"	orr	%0, %0, %3\n"
	"	stlxr	%w1, %0, %2\n"
	"	cbnz	%w1, 1b"
	: "=&r" (tmp), "=&r" (fail), "+Q" (*word)
	: "r" (bits) : "memory");
}

int irqchip_init(void)
{
	const struct jailhouse_system *sys = system_config;
	unsigned long phys = sys->platform_info.arm.gicr_base;
	unsigned int n;
	u64 typer;
	void *base;

	if (sys->platform_info.arm.gic_version != 3) {
		printk("ERROR: GIC version %u is not supported (GICv3 only)\n",
		       sys->platform_info.arm.gic_version);
		return -ENODEV;
	}
	gic_cpus_up = 0;
	gic_num_sgi_groups = 0;
	gic_maint_irq = sys->platform_info.arm.maintenance_irq;
	if (gic_maint_irq < GIC_NUM_SGIS || gic_maint_irq >= GIC_NUM_PRIVATE) {
		printk("ERROR: maintenance IRQ %u is not a PPI\n",
		       gic_maint_irq);
		return -EINVAL;
	}

	gicd_base = paging_map_device(sys->platform_info.arm.gicd_base,
				      GICD_SIZE);
	if (!gicd_base)
		return -ENOMEM;
	if (!(gic_mmio_read(gicd_base + GICD_CTLR, 4) & GICD_CTLR_ARE_NS)) {
		printk("ERROR: GICv3 affinity routing (GICD_CTLR.ARE) is "
		       "off\n");
		return -EIO;
	}

	/* redistributors are contiguous; the last one says so */
	for (n = 0; n < GIC_MAX_RDISTS; n++) {
		base = paging_map_device(phys, GICR_STRIDE);
		if (!base)
			return -ENOMEM;
		typer = gic_mmio_read(base + GICR_TYPER, 8);
		gic_rdists[n].cpu = -1;
		gic_rdists[n].phys = phys;
		gic_rdists[n].base = base;
		gic_rdists[n].typer = typer;
		if (n == 0)
			gic_rdist_stride = typer & GICR_TYPER_VLPIS ?
				GICR_STRIDE_VLPIS : GICR_STRIDE;
		if (typer & GICR_TYPER_LAST) {
			gic_num_rdists = n + 1;
			return 0;
		}
		phys += gic_rdist_stride;
	}
	printk("ERROR: no last GICv3 redistributor among the first %u\n",
	       GIC_MAX_RDISTS);
	return -EIO;
}

/*
 * Linux may have taken an IRQ of its own right before it entered: an IPI
 * runs the enable function on this CPU with the SGI still active (Linux
 * uses EOImode 1 and deactivates when the handler returns), and IPIs sent
 * just before may be pending.  Physical SGI 0 and 1 now belong to the
 * hypervisor, so move such state over to the virtual interface, where
 * Linux's deactivation and its view of IPIs now go.
 */
static void adopt_private_irqs(struct per_cpu *cpu_data)
{
	void *sgi_base = rdist_sgi_base(cpu_data);
	u32 active = gic_mmio_read(sgi_base + GICR_ISACTIVER0, 4);
	u32 pending = gic_mmio_read(sgi_base + GICR_ISPENDR0, 4) & 0xffff;
	unsigned int irq, n = 0;
	u64 lr;

	active &= ~(1U << cpu_data->gic.maint_irq);
	for (irq = 0; active && n < cpu_data->gic.num_lrs; irq++) {
		if (!((active >> irq) & 1))
			continue;
		active &= ~(1U << irq);
		lr = gic_lr_value(irq, irq_priority(cpu_data, irq),
				  irq >= GIC_NUM_SGIS);
		lr = (lr & ~ICH_LR_STATE_MASK) | ICH_LR_ACTIVE;
		if (irq < GIC_NUM_SGIS)
			write_sysreg(ICC_DIR_EL1, irq);
		write_lr(n++, lr);
	}

	if (pending) {
		gic_mmio_write(sgi_base + GICD_ICPENDR, 4, pending);
		for (irq = 0; irq < GIC_NUM_SGIS; irq++)
			if ((pending >> irq) & 1)
				irqchip_set_pending(cpu_data, irq);
	}
}

int irqchip_cpu_init(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	u64 mpidr = cpu_data->mpidr;
	u32 aff = gic_mpidr_to_rdist_aff(mpidr), hv_irqs;
	unsigned int n, rdist, cpu = cpu_data->cpu_id;
	u64 ctlr, vmcr;
	void *sgi_base;

	if (!gicd_base)
		return -EIO;

	for (rdist = 0; rdist < gic_num_rdists; rdist++)
		if ((gic_rdists[rdist].typer >> GICR_TYPER_AFF_SHIFT) == aff)
			break;
	if (rdist == gic_num_rdists) {
		printk("ERROR: no GICv3 redistributor for CPU %u "
		       "(MPIDR 0x%llx)\n", cpu_data->cpu_id, mpidr);
		return -ENODEV;
	}
	if (MPIDR_AFF0(mpidr) >= 16) {
		printk("ERROR: CPU %u: Aff0 %llu not reachable by SGIs\n",
		       cpu_data->cpu_id, MPIDR_AFF0(mpidr));
		return -EIO;
	}
	if (cpu >= MAX_CPUS)
		return -ERANGE;

	gic->redist_base = gic_rdists[rdist].base;
	gic->redist_phys = gic_rdists[rdist].phys;
	gic->maint_irq = gic_maint_irq;
	for (n = 0; n < GIC_PENDING_WORDS; n++) {
		gic->pending[n] = 0;
		gic->pending_virt[n] = 0;
	}
	gic->pending_words = 0;
	gic->sgi_inbox = 0;
	gic->lpis.count = 0;
	gic->lpis.lost = 0;
	gic->lpis_dropped = 0;
	gic_rdists[rdist].cpu = cpu;
	gic_cpu_mpidr[cpu] = mpidr;
	gic_sgi_keys[cpu] = gic_sgi1r_for(mpidr, 0);
	/* all CPUs are up before the first guest access is trapped */
	spin_lock(&gic_sgi_groups_lock);
	gic_sgi_groups_add(gic_sgi_groups, &gic_num_sgi_groups, MAX_CPUS,
			   mpidr, cpu);
	spin_unlock(&gic_sgi_groups_lock);
	atomic_or_u64(&gic_cpus_up, 1ULL << cpu);

	write_sysreg(ICC_SRE_EL2, read_sysreg(ICC_SRE_EL2) | ICC_SRE_SRE |
		     ICC_SRE_ENABLE);
	isb();
	if (!(read_sysreg(ICC_SRE_EL2) & ICC_SRE_SRE)) {
		printk("ERROR: GICv3 system register interface unavailable\n");
		return -EIO;
	}

	gic->num_lrs = (read_sysreg(ICH_VTR_EL2) & ICH_VTR_LISTREGS_MASK) + 1;
	if (gic->num_lrs > ICH_MAX_LRS)
		gic->num_lrs = ICH_MAX_LRS;
	for (n = 0; n < gic->num_lrs; n++)
		write_lr(n, 0);
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);

	/* Linux goes on with its CPU interface settings, virtually */
	ctlr = read_sysreg(ICC_CTLR_EL1);
	vmcr = (read_sysreg(ICC_PMR_EL1) & ICH_VMCR_VPMR_MASK) <<
		ICH_VMCR_VPMR_SHIFT;
	vmcr |= (read_sysreg(ICC_BPR1_EL1) & ICH_VMCR_VBPR1_MASK) <<
		ICH_VMCR_VBPR1_SHIFT;
	if (read_sysreg(ICC_IGRPEN1_EL1) & 1)
		vmcr |= ICH_VMCR_VENG1;
	if (ctlr & ICC_CTLR_EOIMODE)
		vmcr |= ICH_VMCR_VEOIM;
	if (ctlr & ICC_CTLR_CBPR)
		vmcr |= ICH_VMCR_VCBPR;
	write_sysreg(ICH_VMCR_EL2, vmcr);
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN);

	write_sysreg(ICC_CTLR_EL1, ctlr | ICC_CTLR_EOIMODE);
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();

	/* the hypervisor's own private IRQs: group 1, enabled */
	sgi_base = rdist_sgi_base(cpu_data);
	hv_irqs = 1U << SGI_INJECT | 1U << SGI_EVENT | 1U << gic->maint_irq;
	for (n = 0; n < GIC_NUM_PRIVATE; n++)
		if (((hv_irqs >> n) & 1) && irq_priority(cpu_data, n) == 0xff)
			gic_mmio_write(sgi_base + GICD_IPRIORITYR + n, 1,
				       GIC_HV_PRIORITY);
	gic_mmio_write(sgi_base + GICR_IGROUPR0, 4,
		       gic_mmio_read(sgi_base + GICR_IGROUPR0, 4) | hv_irqs);
	gic_mmio_write(sgi_base + GICR_ISENABLER0, 4, hv_irqs);

	adopt_private_irqs(cpu_data);
	gic_private_config_save(cpu_data);

	gic->active = true;
	return 0;
}

static void set_pending_physically(struct per_cpu *cpu_data,
				   unsigned int irq)
{
	void *base = irq < GIC_NUM_PRIVATE ? rdist_sgi_base(cpu_data) :
		gicd_base;

	if (irq < GIC_NUM_SGIS) {
		write_sysreg(ICC_SGI1R_EL1,
			     gic_sgi1r_for(cpu_data->mpidr, irq));
		isb();
	} else {
		gic_mmio_write(base + GICD_ISPENDR + (irq / 32) * 4, 4,
			       1U << (irq % 32));
	}
}

/*
 * Hand a virtual IRQ back to the physical GIC: pending ones become pending
 * there, and the physical IRQs the hypervisor took are deactivated so that
 * Linux sees them (again).
 */
static void return_irq(struct per_cpu *cpu_data, unsigned int irq,
		       bool pending, bool hw)
{
	void *rd_base = cpu_data->gic.redist_base;

	if (gic_intid_is_lpi(irq)) {
		/*
		 * Only GICR_SETLPIR makes an LPI pending again, and it
		 * exists with DirectLPI; else the LPI is lost (and said so).
		 */
		if (!pending)
			return;
		if (gic_mmio_read(rd_base + GICR_TYPER, 8) &
		    GICR_TYPER_DIRECT_LPI)
			gic_mmio_write(rd_base + GICR_SETLPIR, 8, irq);
		else
			cpu_data->gic.lpis.lost++;
		return;
	}
	if (pending)
		set_pending_physically(cpu_data, irq);
	if (hw)
		write_sysreg(ICC_DIR_EL1, irq);
}

void irqchip_cpu_shutdown(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	u64 vmcr, lr, ctlr;
	unsigned int n;
	u32 lpi;
	u8 prio;
	bool hw;

	if (!gic->active)
		return;
	/* see send_virtual_sgi() */
	gic->active = false;
	memory_barrier();

	vmcr = read_sysreg(ICH_VMCR_EL2);
	write_sysreg(ICH_HCR_EL2, 0);
	isb();

	gic_mmio_write(rdist_sgi_base(cpu_data) + GICD_ICENABLER, 4,
		       1U << gic->maint_irq);

	for (n = 0; n < gic->num_lrs; n++) {
		lr = read_lr(n);
		write_lr(n, 0);
		if (!(lr & ICH_LR_STATE_MASK))
			continue;
		return_irq(cpu_data, lr & ICH_LR_VINTID_MASK,
			   lr & ICH_LR_PENDING, lr & ICH_LR_HW);
	}
	gic_collect_sgi_inbox(gic);
	for (n = 0; n < MAX_IRQS; n++) {
		if (!gic_irq_in_bitmap(gic->pending, n))
			continue;
		gic_unqueue_irq(gic, n);
		hw = n >= GIC_NUM_SGIS &&
			!gic_irq_in_bitmap(gic->pending_virt, n);
		return_irq(cpu_data, n, true, hw);
	}
	while (gic_lpi_queue_take(&gic->lpis, &lpi, &prio))
		return_irq(cpu_data, lpi, true, false);
	if (gic->lpis.lost)
		printk("WARNING: CPU %u: %u LPIs of the root cell lost\n",
		       cpu_data->cpu_id, gic->lpis.lost);
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);

	write_sysreg(ICC_PMR_EL1,
		     (vmcr >> ICH_VMCR_VPMR_SHIFT) & ICH_VMCR_VPMR_MASK);
	write_sysreg(ICC_BPR1_EL1,
		     (vmcr >> ICH_VMCR_VBPR1_SHIFT) & ICH_VMCR_VBPR1_MASK);
	ctlr = read_sysreg(ICC_CTLR_EL1) & ~ICC_CTLR_EOIMODE;
	if (vmcr & ICH_VMCR_VEOIM)
		ctlr |= ICC_CTLR_EOIMODE;
	write_sysreg(ICC_CTLR_EL1, ctlr);
	write_sysreg(ICC_IGRPEN1_EL1, !!(vmcr & ICH_VMCR_VENG1));
	isb();
}

/*
 * Whether a pending IRQ of the root handed back to the distributor goes
 * to another CPU.  Linux moves its IRQs off a CPU before CPU_OFF; one
 * still routed here (or 1 of N, which may pick this CPU) would only come
 * back at once, so it is dropped instead.
 */
static bool root_spi_routed_elsewhere(struct per_cpu *cpu_data,
				      unsigned int irq)
{
	u64 route;

	if (cpu_data->cell != &root_cell || irq < GIC_NUM_PRIVATE)
		return false;
	route = gic_mmio_read(gicd_base + GICD_IROUTER + irq * 8, 8);
	return !(route & GICD_IROUTER_IRM) &&
		(route & MPIDR_AFF_MASK) != cpu_data->mpidr;
}

/*
 * The CPU parks, and again after each IRQ taken while parked: what its
 * list registers and queue hold is settled now, while the IRQs still
 * belong to the guest that had them.  Left for the next start, a
 * deactivation could hit an SPI that has moved to another owner meanwhile
 * and is active there.  The root's pending SPIs go back to the
 * distributor, which delivers them where Linux routes them now; a cell's
 * are dropped (its IRQs are quiesced when it stops).
 */
void irqchip_cpu_park(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	unsigned int n, irq;
	u64 lr;

	if (!gic->active)
		return;
	for (n = 0; n < gic->num_lrs; n++) {
		lr = read_lr(n);
		write_lr(n, 0);
		if (!(lr & ICH_LR_STATE_MASK))
			continue;
		irq = lr & ICH_LR_VINTID_MASK;
		return_irq(cpu_data, irq, (lr & ICH_LR_PENDING) &&
			   root_spi_routed_elsewhere(cpu_data, irq),
			   lr & ICH_LR_HW);
	}
	atomic_xchg_zero(&gic->sgi_inbox);
	for (n = GIC_NUM_SGIS; n < MAX_IRQS; n++) {
		if (!gic_irq_in_bitmap(gic->pending, n))
			continue;
		gic_unqueue_irq(gic, n);
		if (!gic_irq_in_bitmap(gic->pending_virt, n))
			return_irq(cpu_data, n,
				   root_spi_routed_elsewhere(cpu_data, n),
				   true);
	}
	for (n = 0; n < GIC_PENDING_WORDS; n++) {
		gic->pending[n] = 0;
		gic->pending_virt[n] = 0;
	}
	gic->pending_words = 0;
	/* nothing waits for a free list register any more */
	write_sysreg(ICH_HCR_EL2, read_sysreg(ICH_HCR_EL2) & ~ICH_HCR_UIE);
	isb();
}

/*
 * A new guest starts on this CPU (a cell's, or the root's again): nothing
 * the previous one left in the virtual CPU interface may reach it.  The
 * physical IRQs taken for the old guest were only priority-dropped; they
 * are deactivated so that they can fire again.
 */
void irqchip_cpu_reset(struct per_cpu *cpu_data)
{
	struct gic_percpu *gic = &cpu_data->gic;
	unsigned int n;
	u64 lr;

	for (n = 0; n < gic->num_lrs; n++) {
		lr = read_lr(n);
		write_lr(n, 0);
		if ((lr & ICH_LR_HW) && (lr & ICH_LR_STATE_MASK))
			write_sysreg(ICC_DIR_EL1,
				     (lr >> ICH_LR_PINTID_SHIFT) & 0x3ff);
	}

	/* SGIs are virtual: nothing to deactivate */
	atomic_xchg_zero(&gic->sgi_inbox);
	for (n = GIC_NUM_SGIS; n < MAX_IRQS; n++)
		if (gic_irq_in_bitmap(gic->pending, n) &&
		    !gic_irq_in_bitmap(gic->pending_virt, n))
			write_sysreg(ICC_DIR_EL1, n);
	for (n = 0; n < GIC_PENDING_WORDS; n++) {
		gic->pending[n] = 0;
		gic->pending_virt[n] = 0;
	}
	gic->pending_words = 0;
	/* LPIs the root left waiting here: its driver moved them away */
	gic->lpis.count = 0;
	gic->lpis.lost = 0;
	gic->lpis_dropped = 0;

	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);
	gic_owner_reset(cpu_data);
	/* priority mask 0, group 1 off, EOImode 0: a guest's reset state */
	write_sysreg(ICH_VMCR_EL2, 0);
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN);
	isb();
}
