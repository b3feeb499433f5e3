/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Non-root cell for a second Linux on the i.MX8MP EVK: CPUs 2 and 3, 982 MiB
 * of RAM, its own console UART and eMMC controller, peer 2 of the ivshmem
 * demo and peer 1 of the root's ivshmem-net link.  The loader's 64 KiB sit right after the inmate-demo's (0xc0000000).
 *
 * With imx8mp.cell enabled:
 *   jailhouse cell linux imx8mp-linux-demo.cell Image -i rootfs.cpio.gz \
 *	-c "console=ttymxc3"
 * The inmate's device tree is generated from the running board's; the
 * values below are Jailhouse's imx8mp-linux-demo, moved where they would
 * collide with this tree's imx8mp.cell or imx8mp-inmate-demo.cell.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[15];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "imx8mp-linux-demo",
		/* Linux does not answer shutdown requests: do not wait */
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/* INTx of slot N: SPI 154 + N */
		.vpci_irq_base = 154,

		/* the UART "cell linux" names in the inmate's stdout-path */
		.console = {
			.address = 0x30a60000,
			.type = JAILHOUSE_CON_TYPE_IMX,
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
		/* UART2, the root's console, for earlycon only */
		{
			.phys_start = 0x30890000,
			.virt_start = 0x30890000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* UART4, the cell's console (ttymxc3) */
		{
			.phys_start = 0x30a60000,
			.virt_start = 0x30a60000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* uSDHC3, the eMMC */
		{
			.phys_start = 0x30b60000,
			.virt_start = 0x30b60000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 64 KiB at 0 for linux-loader.bin */
		{
			.phys_start = 0xc0010000,
			.virt_start = 0,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* Linux's RAM, identity-mapped; DMA for the eMMC */
		{
			.phys_start = 0xc0100000,
			.virt_start = 0xc0100000,
			.size = 0x3d600000,
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
			.address = 0x38800000,
			.pin_base = 32,
			.pin_bitmap = {
				(1 << (61 - 32)) /* SPI 29, UART4 */ |
				(1 << (56 - 32)) /* SPI 24, uSDHC3 */,
				0,
				0,
				0,
			},
		},
		{
			.address = 0x38800000,
			.pin_base = 160,
			.pin_bitmap = {
				(1 << (186 - 160)) /* SPI 154, ivshmem demo INTx */ |
				(1 << (187 - 160)) /* SPI 155, ivshmem-net INTx */,
				0,
				0,
				0,
			},
		},
	},

	.pci_devices = {
		/* 00:00.0, the ivshmem demo, peer 2 of 3 */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 2,
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
			.domain = 2,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 5,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
