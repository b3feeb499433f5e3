/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Non-root cell for the bare-metal demo inmates (gic-demo, uart-demo,
 * ivshmem-demo) on the i.MX8MP EVK: CPU 1, 64 KiB of RAM, the console
 * UART shared with the root, peer 1 of the ivshmem demo device.
 *
 * Use it with imx8mp.cell:
 *   jailhouse cell create imx8mp-inmate-demo.cell
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
		/* shut down without asking: never waits on the inmate */
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/*
		 * The ivshmem device's INTx: SPI 108 (INTID 140), unused by
		 * the SoC's devices; granted in irqchips below.
		 */
		.vpci_irq_base = 108,

		/* Tells the inmate library which UART to print to. */
		.console = {
			.address = 0x30890000,
			.type = JAILHOUSE_CON_TYPE_IMX,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	/* CPU 1, taken from the root while this cell exists. */
	.cpus = {
		0x2,
	},

	.mem_regions = {
		/*
		 * The ivshmem demo regions at the root's addresses;
		 * ROOTSHARED keeps them mapped in the root.  This cell is
		 * peer 1 and writes only its own output (0xfd80c000).
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
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0xfd80e000,
			.virt_start = 0xfd80e000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * UART2, shared with the root and the hypervisor.  For a
		 * UART of the cell's own, map e.g. UART4 (0x30a60000)
		 * without ROOTSHARED and grant its interrupt.
		 */
		{
			.phys_start = 0x30890000,
			.virt_start = 0x30890000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * 64 KiB of reserved root RAM, seen at address 0 where the
		 * inmate is linked; LOADABLE lets "cell load" write it.
		 */
		{
			.phys_start = 0xc0000000,
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
		/* Only INTID 140, the ivshmem interrupt (SPI 108). */
		{
			.address = 0x38800000,
			.pin_base = 32,
			.pin_bitmap = {
				0,
				0,
				0,
				1 << (140 - 128),
			},
		},
	},

	.pci_devices = {
		/* The ivshmem demo device, this cell is peer 1 of 3. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 2,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 1,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
