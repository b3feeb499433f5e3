/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cell for a second Linux on the TI AM62x SK: CPUs 1-2, 510 MiB of the
 * cells' RAM, MAIN UART1 of its own (ttyS1 in TI's inmate device tree; the
 * SK's device tree marks it "reserved", so the root's Linux leaves it
 * alone), peer 2 of the ivshmem demo and the other end of the root's
 * ivshmem-net.  It runs beside the inmate-demo (CPU 3).
 *
 *   jailhouse cell linux k3-am625-sk-linux-demo.cell Image \
 *     -d inmate-k3-am625-sk.dtb -i rootfs.cpio -c "console=ttyS1,115200"
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[13];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "k3-am625-sk-linux-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/*
		 * The two ivshmem devices' INTx: SPI 157, 158 (INTID 189,
		 * 190), granted in irqchips below.
		 */
		.vpci_irq_base = 189 - 32,

		/* The loader prints to MAIN UART1, the cell's own. */
		.console = {
			.address = 0x02810000,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4 |
				 JAILHOUSE_CON_MDR_QUIRK,
		},
	},

	/* CPUs 1 and 2, taken from the root while this cell exists. */
	.cpus = {
		0x6,
	},

	.mem_regions = {
		/* The ivshmem demo regions; this cell is peer 2. */
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
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xdfa0e000,
			.virt_start = 0xdfa0e000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem-net, this cell is peer 1 */
		JAILHOUSE_SHMEM_NET_REGIONS(0xdfb00000, 1),
		/* MAIN UART1, the cell's alone */
		{
			.phys_start = 0x02810000,
			.virt_start = 0x02810000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* The Linux loader's RAM at 0, after the inmate-demo's */
		{
			.phys_start = 0xe0010000,
			.virt_start = 0,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* Linux's RAM: the rest of the cells' 512 MiB, 1:1 */
		{
			.phys_start = 0xe0200000,
			.virt_start = 0xe0200000,
			.size = 0x1fe00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_LOADABLE,
		},
		/* The communication region */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/*
		 * INTID 189, 190 (ivshmem) and 211 (SPI 179, MAIN UART1),
		 * in the 128 INTIDs from 160.
		 */
		{
			.address = 0x01800000,
			.pin_base = 160,
			.pin_bitmap = {
				(1 << (189 - 160)) | (1 << (190 - 160)),
				1 << (211 - 192),
				0,
				0,
			},
		},
	},

	.pci_devices = {
		/* The ivshmem demo device, this cell is peer 2 of 3. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 2,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* ivshmem-net, this cell is peer 1 of 2. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 5,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
