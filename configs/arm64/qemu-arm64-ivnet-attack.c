/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A bare-metal peer on the root's ivshmem-net link (0001:00:01.0, peer 1
 * of 2, in place of qemu-arm64-linux-demo): CPU 2, 64 KiB of RAM, the
 * shared UART.  The ivshmem-net scenario runs ivshmem-demo.bin here with
 * "attack=net", which fills this peer's output section with malformed
 * rings and descriptors: the root's driver must drop and count them.
 *
 *   jailhouse cell create qemu-arm64-ivnet-attack.cell
 *   jailhouse cell load ivnet-attack ivshmem-demo.bin \
 *	-s "attack=net state=1 interval=0 quiet" -a 0x1000
 *   jailhouse cell start ivnet-attack
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[7];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "ivnet-attack",
		/* destroyed without asking the inmate */
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		/* 00:01.0 has INTx pin B: INTID 32 + 108 + 2 - 1 = 141 */
		.vpci_irq_base = 140 - 32,

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
		/* ivshmem-net: the root is peer 0, this cell peer 1 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x7fb00000, 1),
		/* the UART, shared with the root and the hypervisor */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 64 KiB of RAM at 0 (ivshmem-demo.cell's: never both) */
		{
			.phys_start = 0x7f820000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* the communication region */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* only INTID 141, the link's interrupt */
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0,
				0,
				0,
				1 << (141 - 128),
			},
		},
	},

	.pci_devices = {
		/* ivshmem-net, peer 1 of 2 */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
