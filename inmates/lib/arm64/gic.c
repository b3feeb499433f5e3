// SPDX-License-Identifier: GPL-2.0
/*
 * GIC front end: picks the driver for the version in the comm region and
 * routes every interrupt to the inmate's one handler.
 */
#include <inmate.h>
#include <asm/gic.h>

static const struct gic_driver *gic;
static irq_handler_t irq_handler;

int irq_init(irq_handler_t handler)
{
	switch (comm_region->gic_version) {
	case 2:
		gic = &gic_v2_driver;
		break;
	case 3:
		gic = &gic_v3_driver;
		break;
	default:
		printk("irq_init: GIC version %u not supported\n",
		       comm_region->gic_version);
		return -1;
	}

	if (gic->init()) {
		gic = NULL;
		return -1;
	}
	irq_handler = handler;
	asm volatile("msr daifclr, #2" : : : "memory");
	return 0;
}

void irq_enable(unsigned int irq)
{
	if (gic)
		gic->enable(irq);
}

void irq_disable(unsigned int irq)
{
	if (gic)
		gic->disable(irq);
}

void irq_send_sgi(unsigned int sgi, u64 mpidr)
{
	if (gic)
		gic->send_sgi(sgi, mpidr);
}

void irq_dispatch(void)
{
	u32 irq;

	/* IRQs are unmasked only after init; this is a broken state */
	if (!gic) {
		printk("FATAL: IRQ before irq_init()\n");
		inmate_halt();
	}

	irq = gic->ack();
	if (irq >= GIC_SPURIOUS_FIRST && irq < GIC_SPURIOUS_FIRST + 4)
		return;
	irq_handler(irq);
	gic->eoi(irq);
}
