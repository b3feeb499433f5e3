// SPDX-License-Identifier: GPL-2.0
/*
 * Setting up an ivshmem 2.0 device (Jailhouse's
 * Documentation/ivshmem-v2-specification.md) with as few config-space
 * exits as the layout allows: the IDs, the class and the capability
 * headers are read as whole dwords, the 64-bit sizes as two.  The vendor
 * capability has no BAR 2: the shared memory stays where the hypervisor
 * put it, the capability says where.
 */
#include <inmate.h>


static u64 read_config64(u16 bdf, unsigned int reg)
{
	return pci_read_config(bdf, reg, 4) |
		(u64)pci_read_config(bdf, reg + 4, 4) << 32;
}

int ivshmem_setup(struct ivshmem_device *dev, unsigned int index,
		  unsigned long bar_base)
{
	int bdf = -1, vndr;
	u64 base, size;
	u32 pin;

	do {
		bdf = pci_find_device(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID,
				      bdf + 1);
	} while (bdf >= 0 && index--);
	if (bdf < 0) {
		printk("IVSHMEM: No PCI devices found .. nothing to do.\n");
		return -1;
	}
	dev->bdf = bdf;

	vndr = pci_find_cap(bdf, PCI_CAP_ID_VNDR);
	if (vndr < 0) {
		printk("IVSHMEM ERROR: missing vendor capability\n");
		return -1;
	}
	dev->state_table_size = pci_read_config(bdf, vndr + IVSHMEM_CAP_STATE_TABLE_SIZE,
						4);
	dev->rw_section_size = read_config64(bdf, vndr + IVSHMEM_CAP_RW_SECTION_SIZE);
	dev->output_section_size = read_config64(bdf,
						 vndr + IVSHMEM_CAP_OUTPUT_SECTION_SIZE);
	base = read_config64(bdf, vndr + IVSHMEM_CAP_ADDRESS);

	pci_write_config(bdf, PCI_CFG_BAR, bar_base, 4);
	pci_write_config(bdf, PCI_CFG_COMMAND, PCI_CMD_MEM | PCI_CMD_MASTER, 2);
	map_range(bar_base, 0x1000, MAP_UNCACHED);
	dev->regs = (volatile struct ivshmem_regs *)bar_base;
	dev->id = dev->regs->id;
	dev->max_peers = dev->regs->max_peers;

	dev->state_table = (volatile u32 *)base;
	dev->rw_section = (volatile u8 *)base + dev->state_table_size;
	dev->output_sections = (volatile u8 *)dev->rw_section +
		dev->rw_section_size;
	size = dev->state_table_size + dev->rw_section_size +
		dev->max_peers * dev->output_section_size;
	map_range(base, size, MAP_CACHED);

	/* the pin is 0 when the device has MSI-X instead */
	pin = pci_read_config(bdf, PCI_CFG_INT + 1, 1);
	dev->irq = pin ? 32 + comm_region->vpci_irq_base + pin - 1 : 0;
	if (dev->irq)
		irq_enable(dev->irq);
	return 0;
}
