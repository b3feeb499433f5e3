/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Non-root cell for a second Linux on the i.MX8QM MEK: CPUs 2 and 3, 479 MiB
 * of RAM, its own console UART and eMMC controller, peer 2 of the ivshmem
 * demo and peer 1 of the root's ivshmem-net link.  The loader's 64 KiB sit right after the inmate-demo's (0xdf700000).
 *
 * With imx8qm.cell enabled:
 *   jailhouse cell linux imx8qm-linux-demo.cell Image -i rootfs.cpio.gz \
 *	-c "console=ttyLP2"
 * The inmate's device tree is generated from the running board's; the
 * values below are Jailhouse's imx8qm-linux-demo, moved where they would
 * collide with this tree's imx8qm.cell or imx8qm-inmate-demo.cell.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[18];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "imx8qm-linux-demo",
		/* Linux does not answer shutdown requests: do not wait */
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/* INTx of slot N: SPI 124 + N */
		.vpci_irq_base = 124,

		/* the UART "cell linux" names in the inmate's stdout-path */
		.console = {
			.address = 0x5a080000,
			.type = JAILHOUSE_CON_TYPE_IMX_LPUART,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0xc,
	},

	.mem_regions = {
		/*
		 * ivshmem demo: state table, common area, and the three
		 * output sections; this cell, peer 2, writes only its own.
		 */
		{
			.phys_start = 0xfd800000,
			.virt_start = 0xfd800000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xfd801000,
			.virt_start = 0xfd801000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xfd80a000,
			.virt_start = 0xfd80a000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xfd80c000,
			.virt_start = 0xfd80c000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xfd80e000,
			.virt_start = 0xfd80e000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem-net with the root (peer 0); this cell is peer 1 */
		JAILHOUSE_SHMEM_NET_REGIONS(0xfd900000, 1),
		/* LPUART0, the root's console, for earlycon only */
		{
			.phys_start = 0x5a060000,
			.virt_start = 0x5a060000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* LPUART2, the cell's console (ttyLP2) */
		{
			.phys_start = 0x5a080000,
			.virt_start = 0x5a080000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* LPUART2's clock gate (LPCG) */
		{
			.phys_start = 0x5a480000,
			.virt_start = 0x5a480000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* uSDHC1, the eMMC */
		{
			.phys_start = 0x5b010000,
			.virt_start = 0x5b010000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* uSDHC1's clock gates (LPCG) */
		{
			.phys_start = 0x5b200000,
			.virt_start = 0x5b200000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* MU2, the message unit to the SCU */
		{
			.phys_start = 0x5d1d0000,
			.virt_start = 0x5d1d0000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 64 KiB at 0 for linux-loader.bin */
		{
			.phys_start = 0xdf710000,
			.virt_start = 0,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* Linux's RAM, identity-mapped; DMA for the eMMC */
		{
			.phys_start = 0xdf800000,
			.virt_start = 0xdf800000,
			.size = 0x1df00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		{
			.address = 0x51a00000,
			.pin_base = 32,
			.pin_bitmap = {
				0,
				0,
				0,
				(1 << (156 - 128)) /* SPI 124, ivshmem demo INTx */ |
				(1 << (157 - 128)) /* SPI 125, ivshmem-net INTx */,
			},
		},
		{
			.address = 0x51a00000,
			.pin_base = 160,
			.pin_bitmap = {
				0,
				(1 << (210 - 192)) /* SPI 178, MU2 side A */,
				0,
				(1 << (264 - 256)) /* SPI 232, uSDHC1 */ |
				/*
				 * SPI 227, LPUART2, as the mainline device
				 * tree routes it (Jailhouse's config, for
				 * NXP's BSP, grants SPI 347)
				 */
				(1 << (259 - 256)),
			},
		},
	},

	.pci_devices = {
		/* 00:00.0, the ivshmem demo, peer 2 of 3 */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 0,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 2,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* 00:01.0, ivshmem-net, peer 1 of 2 */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 0,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 5,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
