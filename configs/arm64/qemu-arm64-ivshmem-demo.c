/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The third peer of the ivshmem demo device (0001:00:00.0) on QEMU's
 * arm64 "virt" machine, next to the root (peer 0) and inmate-demo
 * (peer 1): CPU 2, 64 KiB of RAM of its own, the shared UART, peer 2.
 * It takes the place of qemu-arm64-linux-demo.cell, which is peer 2 too.
 *
 *   jailhouse cell create qemu-arm64-ivshmem-demo.cell
 *   jailhouse cell load ivshmem-demo ivshmem-demo.bin
 *   jailhouse cell start ivshmem-demo
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
		.name = "ivshmem-demo",
		/*
		 * The hypervisor shuts this cell down without asking, so
		 * "cell destroy" never waits on whatever inmate runs here,
		 * whether it answers shutdown requests (gic-demo,
		 * uart-demo) or not.
		 */
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/*
		 * The ivshmem device's INTx (pin A) becomes INTID 140 =
		 * 32 + vpci_irq_base + pin - 1; granted in irqchips below.
		 */
		.vpci_irq_base = 140 - 32,

		/* Tells the inmate library which UART to print to. */
		.console = {
			.address = 0x09000000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	/* CPU 2, taken from the root cell while this cell exists. */
	.cpus = {
		0x4,
	},

	.mem_regions = {
		/*
		 * The ivshmem demo regions, at the same addresses as in the
		 * root.  ROOTSHARED keeps them mapped in the root; this cell
		 * is peer 2 and may write only its own output section
		 * (0x7fafe000).
		 */
		{
			.phys_start = 0x7faf0000,
			.virt_start = 0x7faf0000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0x7faf1000,
			.virt_start = 0x7faf1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0x7fafa000,
			.virt_start = 0x7fafa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0x7fafc000,
			.virt_start = 0x7fafc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0x7fafe000,
			.virt_start = 0x7fafe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * The UART, shared with the root (and the hypervisor, whose
		 * debug console it is).  A cell that should own a UART alone
		 * maps a different one without ROOTSHARED and gets its
		 * interrupt in irqchips.
		 */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * The inmate's RAM: 64 KiB of root RAM (hidden from Linux by
		 * mem=768M) seen by the inmate at address 0, where it is
		 * linked and where it starts; next to inmate-b's.
		 */
		{
			.phys_start = 0x7f820000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/*
		 * The communication region (state, messages, platform
		 * info), backed by hypervisor memory, so phys_start is
		 * unused.  Inmates expect it at 0x80000000.
		 */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* Only INTID 140, the ivshmem interrupt. */
		{
			.address = 0x08000000,
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
	},
};
