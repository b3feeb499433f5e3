/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System (root cell) configuration for QEMU's arm64 "virt" machine.
 *
 * QEMU must be started with
 *   -machine virt,virtualization=on,gic-version=3
 *   -cpu cortex-a57 -smp 4 -m 1G
 * with its=off or its=on: the root cell owns the ITS and QEMU's PCIe host
 * when there are any.
 * and the root Linux booted with "mem=768M", so that Linux never touches
 * 0x70000000-0x7fffffff: that window holds the non-root cells' RAM, the
 * shared-memory (ivshmem) areas and the hypervisor itself.
 *
 * The layout follows Jailhouse's qemu-arm64 configuration, so the same
 * cell configs, inmates and device trees work with either hypervisor.
 *
 * Porting to a real board: take the addresses from the board's device tree
 * (GIC, UART, RAM banks, PCI) and its memory reservation (hypervisor and
 * inmate memory must be kept away from Linux, e.g. by a reserved-memory node
 * or mem=), then run "jailhouse config check" on the result.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[14 + 4];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2 + 1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		/* Let the root read the hypervisor log via /dev/jailhouse. */
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		/*
		 * Where jailhouse.bin and its page pool live: the top 4 MiB
		 * of RAM, hidden from Linux by mem=768M.  On a real board use
		 * a reserved-memory carve-out; 4 MiB is enough for a handful
		 * of cells, larger systems need more page pool.
		 */
		.hypervisor_memory = {
			.phys_start = 0x7fc00000,
			.size = 0x00400000,
		},
		/*
		 * The hypervisor's own UART: QEMU's PL011.  Use your board's
		 * console UART type and address; REGDIST_4 because the PL011
		 * registers are 32 bits apart.
		 */
		.debug_console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			/*
			 * Config space of the virtual PCI host bridge that
			 * carries the ivshmem devices.  It must be a hole in
			 * the physical address map that no cell maps; here
			 * the unused tail of QEMU's redistributor window.
			 * One bus (end_bus 0) needs 1 MiB.
			 */
			.pci_mmconfig_base = 0x08e00000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			/* QEMU's own PCI host is domain 0: use the next. */
			.pci_domain = 1,
			.arm = {
				/*
				 * GICv3 distributor and the first
				 * redistributor (0x20000 per CPU follow).
				 * These are never mapped into a cell: the
				 * hypervisor emulates the distributor.
				 */
				.gic_version = 3,
				.gicd_base = 0x08000000,
				.gicr_base = 0x080a0000,
				/* PPI the GIC virtual interface fires. */
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "qemu-arm64",

			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),

			/*
			 * Virtual PCI INTx lines of the root start at SPI 96
			 * (INTID 128); keep this range free of real devices.
			 */
			.vpci_irq_base = 128 - 32,
		},
	},

	/* All CPUs start in the root cell; cells borrow them later. */
	.cpus = {
		0xf,
	},

	.mem_regions = {
		/*
		 * ivshmem device 0001:00:00.0, the demo with 3 peers (root,
		 * inmate-demo, linux-demo): a read-only state table, a
		 * common read/write area and one output section per peer.
		 * The root is peer 0, so only its own output is writable.
		 * Place shared memory in RAM that Linux does not use.
		 */
		{
			.phys_start = 0x7faf0000,
			.virt_start = 0x7faf0000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x7faf1000,
			.virt_start = 0x7faf1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x7fafa000,
			.virt_start = 0x7fafa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0x7fafc000,
			.virt_start = 0x7fafc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0x7fafe000,
			.virt_start = 0x7fafe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/*
		 * ivshmem device 0001:00:01.0, a virtual Ethernet link to
		 * the Linux cell (the root is peer 0 of 2): state table,
		 * empty common area, two 508 KiB output sections.
		 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x7fb00000, 0),
		/*
		 * All of QEMU's devices from the UART up to the start of RAM
		 * (virtio-mmio, RTC, GPIO, PCIe MMIO windows ...), handed to
		 * Linux wholesale.  Starting at 0x09000000 leaves the GIC
		 * (0x08000000-0x0811ffff) and the virtual PCI window
		 * (0x08e00000) unmapped, as they must be.  On a real board
		 * list the device ranges of its device tree instead, and
		 * leave out the GIC, SMMU and anything the hypervisor owns.
		 */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x37000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * RAM of the root, up to 0x7fa10000, the end of the
		 * inmate-demo's RAM, the highest of the cells' RAM.
		 * Everything a non-root cell uses must first be owned by the
		 * root: creating a cell takes it away from the root,
		 * destroying the cell gives it back.
		 */
		{
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x3fa10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* QEMU's own PCIe host bridge ECAM (high memory). */
		{
			.phys_start = 0x4010000000,
			.virt_start = 0x4010000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * Its 64-bit MMIO window (where Linux puts 64-bit BARs,
		 * such as those of virtio-pci devices); the 32-bit window
		 * and the I/O ports lie in the device range above.
		 */
		{
			.phys_start = 0x8000000000,
			.virt_start = 0x8000000000,
			.size = 0x8000000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * The GIC ITS (QEMU with its=on; nothing there with its=off):
		 * the root's MSIs go through it.  LPIs are the root's alone,
		 * so no cell config may map it (its tables are DMA).
		 */
		{
			.phys_start = 0x08080000,
			.virt_start = 0x08080000,
			.size = 0x20000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		/*
		 * The root may use every SPI of INTIDs 32-159.  Each entry
		 * covers 128 lines from pin_base (a multiple of 32); boards
		 * with more SPIs add entries at pin_base 160, 288, ...
		 */
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		/* ivshmem demo, regions 0-4 above, the root is peer 0 of 3. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 0,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* ivshmem-net, regions 5-8 above, the root is peer 0 of 2. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 5,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},

	/*
	 * ivshmem device 0001:00:02.0, the IPC link to the adas-demo cell
	 * (Documentation/ipc-ring.md), the root is peer 0 of 2: state table,
	 * no R/W section, two 12 KiB output sections (one ring each).  Kept
	 * in one block, by index, so the link reads as a unit; its INTx (pin
	 * C) is INTID 130 here.
	 */
	.mem_regions[14] = {
		.phys_start = 0x7fa80000,
		.virt_start = 0x7fa80000,
		.size = 0x1000,
		.flags = JAILHOUSE_MEM_READ,
	},
	.mem_regions[15] = { 0 },
	.mem_regions[16] = {
		.phys_start = 0x7fa81000,
		.virt_start = 0x7fa81000,
		.size = 0x3000,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
	},
	.mem_regions[17] = {
		.phys_start = 0x7fa84000,
		.virt_start = 0x7fa84000,
		.size = 0x3000,
		.flags = JAILHOUSE_MEM_READ,
	},
	.pci_devices[2] = {
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
		.domain = 1,
		.bdf = 2 << 3,
		.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
		.shmem_regions_start = 14,
		.shmem_dev_id = 0,
		.shmem_peers = 2,
		.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
	},
};
