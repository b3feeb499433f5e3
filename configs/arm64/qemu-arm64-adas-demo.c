/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The real-time "ADAS" cell of the i.MX8QM mixed-criticality scenario, on
 * QEMU's arm64 "virt" machine: CPU 3, 128 KiB of RAM, and an ivshmem link
 * of its own to the root, 0001:00:02.0, on which it is peer 1 of 2 and
 * publishes its IPC ring (Documentation/ipc-ring.md).  Its console is the
 * hypervisor's virtual console, so `jailhouse cell console adas-demo`
 * shows its lines (tagged "[adas-demo] " on the hypervisor console).
 *
 *   jailhouse cell create qemu-arm64-adas-demo.cell
 *   jailhouse cell load adas-demo adas-demo.bin
 *   jailhouse cell start adas-demo
 *   jailhouse ipc stats adas-demo
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[6];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "adas-demo",
		/*
		 * It answers shutdown requests itself (stopping its ring
		 * and timer first); its output goes to the hypervisor
		 * console.
		 */
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/*
		 * The link's INTx (00:02.0: pin C) becomes INTID 150 =
		 * 32 + vpci_irq_base + pin - 1; granted in irqchips below.
		 */
		.vpci_irq_base = 150 - 32 - 2,
	},

	/* CPU 3, taken from the root cell while this cell exists. */
	.cpus = {
		0x8,
	},

	.mem_regions = {
		/*
		 * The link's shared memory, at the same addresses as in the
		 * root: the state table, no R/W section, the root's output
		 * section (read-only here) and this cell's (peer 1).
		 */
		{
			.phys_start = 0x7fa80000,
			.virt_start = 0x7fa80000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{ 0 },
		{
			.phys_start = 0x7fa81000,
			.virt_start = 0x7fa81000,
			.size = 0x3000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0x7fa84000,
			.virt_start = 0x7fa84000,
			.size = 0x3000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * The inmate's RAM: 128 KiB of root RAM (hidden from Linux
		 * by mem=768M) seen by the inmate at address 0.
		 */
		{
			.phys_start = 0x7f860000,
			.virt_start = 0,
			.size = 0x00020000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* The communication region, expected at 0x80000000. */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* Only INTID 150, the link's interrupt. */
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0,
				0,
				0,
				1 << (150 - 128),
			},
		},
	},

	.pci_devices = {
		/* The IPC link to the root, this cell is peer 1 of 2. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 2 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
