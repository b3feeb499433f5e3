// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem interrupts on the GICv3: the INTID (an SPI the receiving cell
 * owns, routed to one of its CPUs since irqchip_config_commit) is made
 * pending in the physical distributor, as Jailhouse does.  The SPI then
 * takes the ordinary path: acknowledged at EL2 on the cell's CPU and
 * injected with the HW bit, so the guest's EOI completes it and the
 * sender's doorbell costs one exit, on the sender.
 */
#include <jailhouse/ivshmem.h>
#include <asm/gic_internal.h>

void arch_ivshmem_trigger(struct cell *cell, unsigned int irq)
{
	gic_mmio_write(gicd_base + GICD_ISPENDR + (irq / 32) * 4, 4,
		       1U << (irq % 32));
}
