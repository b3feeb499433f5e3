/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cell for the bare-metal demo inmates (gic-demo, uart-demo, ivshmem-demo)
 * on the TI AM62x SK: CPU 3, 64 KiB of RAM, the console UART shared with
 * the root and peer 1 of the ivshmem demo.  It runs beside the linux-demo.
 *
 *   jailhouse cell create k3-am625-sk-inmate-demo.cell
 *   jailhouse cell load inmate-demo gic-demo.bin
 *   jailhouse cell start inmate-demo
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[8];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "inmate-demo",
		/*
		 * The hypervisor shuts this cell down without asking, so
		 * "cell destroy" never waits on the inmate.
		 */
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/*
		 * The ivshmem device's INTx becomes SPI 152 (INTID 184),
		 * granted in irqchips below.
		 */
		.vpci_irq_base = 184 - 32,

		/* The inmate library prints to MAIN UART0 like the root. */
		.console = {
			.address = 0x02800000,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4 |
				 JAILHOUSE_CON_MDR_QUIRK,
		},
	},

	/* CPU 3, taken from the root while this cell exists. */
	.cpus = {
		0x8,
	},

	.mem_regions = {
		/*
		 * The ivshmem demo regions, at the same addresses as in the
		 * root; this cell is peer 1 and writes only its own output
		 * section (0xdfa0c000).
		 */
		{
			.phys_start = 0xdfa00000,
			.virt_start = 0xdfa00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xdfa01000,
			.virt_start = 0xdfa01000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xdfa0a000,
			.virt_start = 0xdfa0a000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xdfa0c000,
			.virt_start = 0xdfa0c000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xdfa0e000,
			.virt_start = 0xdfa0e000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * MAIN UART0, shared with the root and the hypervisor; no
		 * interrupt, the inmate library polls it.
		 */
		{
			.phys_start = 0x02800000,
			.virt_start = 0x02800000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * The inmate's RAM: the first 64 KiB of the cells' RAM, seen
		 * at 0 where inmates are linked.
		 */
		{
			.phys_start = 0xe0000000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* The communication region, where inmates expect it. */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* Only INTID 184, the ivshmem interrupt. */
		{
			.address = 0x01800000,
			.pin_base = 160,
			.pin_bitmap = {
				1 << (184 - 160),
				0,
				0,
				0,
			},
		},
	},

	.pci_devices = {
		/* The ivshmem demo device, this cell is peer 1 of 3. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 1,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
