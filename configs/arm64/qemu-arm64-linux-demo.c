/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Non-root cell running a second Linux on QEMU's arm64 "virt" machine:
 * CPUs 2-3, 128 MiB of RAM, the shared UART, peer 2 of the ivshmem demo and
 * the other end of the root's ivshmem-net link.
 *
 *   jailhouse cell linux qemu-arm64-linux-demo.cell Image \
 *	-d inmate-qemu-arm64.dtb -c "console=ttyAMA0"
 *
 * The inmate's device tree must agree with this file (memory node, UART,
 * virtual PCI host at 0x08e00000, interrupts).
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
		.name = "qemu-arm64-linux-demo",
		/*
		 * PASSIVE_COMMREG: Linux does not speak the comm-region
		 * protocol.  VIRTUAL_CONSOLE_PERMITTED: it may print through
		 * the hypervisor console (earlycon=jailhouse).
		 */
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/* ivshmem INTx lines: SPIs 108 and 109 (INTIDs 140, 141). */
		.vpci_irq_base = 140 - 32,

		.console = {
			.address = 0x09000000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	/* CPUs 2 and 3, borrowed from the root. */
	.cpus = {
		0xc,
	},

	.mem_regions = {
		/*
		 * The ivshmem demo regions, shared with the root and the
		 * inmate-demo; this cell is peer 2 and writes only the last
		 * output section.
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
		/* ivshmem-net: the root is peer 0, this cell peer 1. */
		JAILHOUSE_SHMEM_NET_REGIONS(0x7fb00000, 1),
		/* The UART, shared with the root and the hypervisor. */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * 64 KiB at address 0 for the small loader that
		 * "jailhouse cell linux" puts there: it jumps to the kernel
		 * with the device tree address in x0.
		 */
		{
			.phys_start = 0x7f900000,
			.virt_start = 0,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/*
		 * The Linux RAM, identity-mapped, 128 MiB of root RAM above
		 * mem=768M.  DMA: devices passed through may target it.  The
		 * inmate's device tree memory node must say the same.
		 */
		{
			.phys_start = 0x70000000,
			.virt_start = 0x70000000,
			.size = 0x8000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_LOADABLE,
		},
		/* The communication region, at the usual 0x80000000. */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/*
		 * INTID 33 (SPI 1, the PL011: Linux wants its UART interrupt)
		 * and INTIDs 140/141 for the ivshmem devices.
		 */
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				1 << (33 - 32),
				0,
				0,
				(1 << (140 - 128)) | (1 << (141 - 128)),
			},
		},
	},

	.pci_devices = {
		/* ivshmem demo, peer 2 of 3. */
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
		/* ivshmem-net, peer 1 of 2. */
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
