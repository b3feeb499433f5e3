/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System (root cell) configuration for the NXP i.MX8QM MEK: four
 * Cortex-A53 (CPUs 0-3) and two Cortex-A72 (CPUs 4-5), GICv3, an ARM
 * MMU-500 SMMU, 6 GiB of DDR at 0x80000000-0xffffffff and
 * 0x880000000-0x97fffffff, console on LPUART0 (ttyLP0).
 *
 * Not tested on hardware yet: built and checked with
 * "jailhouse config check imx8qm.cell imx8qm-inmate-demo.cell" only.
 *
 * The SMMU is described (iommu_units, stream_ids) but this hypervisor does
 * not drive it yet: it says so at enable, and DMA of devices given to
 * non-root cells is not isolated.
 *
 * Linux must keep its hands off these carve-outs; add reserved-memory
 * nodes (no-map) to the board's device tree:
 *   0xdf700000, 64 KiB: the inmate-demo's RAM
 *   0xfd700000, 9 MiB:  virtual PCI config space (unmapped hole), the
 *                       ivshmem areas and the hypervisor (0xfdc00000)
 * OP-TEE (0xfe000000, 32 MiB) is reserved by the BSP's own optee node,
 * 0x80000000-0x801fffff belongs to the secure firmware (ATF).
 *
 * Porting to another i.MX8QM board: take the RAM size, the console UART
 * and the OP-TEE location from its device tree and boot loader, keep the
 * carve-outs above (or move them consistently in the cell configs), then
 * run "jailhouse config check".
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[15];
	struct jailhouse_irqchip irqchips[3];
	struct jailhouse_pci_device pci_devices[2];
	union jailhouse_stream_id stream_ids[3];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		/* Let the root read the hypervisor log via /dev/jailhouse. */
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		/*
		 * jailhouse.bin and its page pool: 4 MiB just below OP-TEE,
		 * reserved in the device tree (see the top of this file).
		 */
		.hypervisor_memory = {
			.phys_start = 0xfdc00000,
			.size = 0x00400000,
		},
		/*
		 * LPUART0, the MEK's console (32-bit register LPUART).  The
		 * firmware and Linux have set it up; the driver only polls
		 * and writes it.
		 */
		.debug_console = {
			.address = 0x5a060000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_IMX_LPUART,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			/*
			 * Virtual PCI host bridge for the ivshmem devices:
			 * 1 MiB of config space (one bus) in the reserved
			 * carve-out, mapped by no cell.
			 */
			.pci_mmconfig_base = 0xfd700000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			/*
			 * Domain 0 as in Jailhouse's config for this board;
			 * if the root enables the SoC's PCIe controllers, use
			 * a domain number they do not take.
			 */
			.pci_domain = 0,
			/*
			 * The SMMU (ARM MMU-500).  Listed so that no cell
			 * maps it; the hypervisor does not program it yet.
			 */
			.iommu_units = {
				{
					.type = JAILHOUSE_IOMMU_ARM_MMU500,
					.base = 0x51400000,
					.size = 0x40000,
				},
			},
			.arm = {
				/*
				 * GICv3 distributor and the first of the
				 * redistributors (0x20000 per CPU), from
				 * the device tree's interrupt-controller.
				 * Never mapped into a cell.
				 */
				.gic_version = 3,
				.gicd_base = 0x51a00000,
				.gicr_base = 0x51b00000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "imx8qm",

			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_stream_ids = ARRAY_SIZE(config.stream_ids),

			/*
			 * The root's virtual PCI INTx lines: SPI 53 and up
			 * (INTID 85...), which no i.MX8QM device raises.
			 */
			.vpci_irq_base = 53,
		},
	},

	/* All six CPUs start in the root cell. */
	.cpus = {
		0x3f,
	},

	.mem_regions = {
		/*
		 * ivshmem device 0000:00:00.0, the demo with 3 peers:
		 * read-only state table, common read/write area, one output
		 * section per peer.  The root is peer 0 and writes only its
		 * own output.
		 */
		{
			.phys_start = 0xfd800000,
			.virt_start = 0xfd800000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0xfd801000,
			.virt_start = 0xfd801000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0xfd80a000,
			.virt_start = 0xfd80a000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0xfd80c000,
			.virt_start = 0xfd80c000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0xfd80e000,
			.virt_start = 0xfd80e000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/*
		 * ivshmem device 0000:00:01.0, virtual Ethernet to a future
		 * Linux cell (the root is peer 0 of 2).
		 */
		JAILHOUSE_SHMEM_NET_REGIONS(0xfd900000, 0),
		/*
		 * The peripheral space below RAM (0x00000000-0x7fffffff:
		 * PCIe windows, the subsystems with LPUARTs, USDHCs, FECs,
		 * the SCU message units, GPU, VPU ...) handed to Linux
		 * wholesale, minus the SMMU and the GIC, which belong to the
		 * hypervisor.  First everything below the SMMU.
		 */
		{
			.phys_start = 0x00000000,
			.virt_start = 0x00000000,
			.size = 0x51400000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* Between the SMMU (0x40000 long) and the GIC distributor. */
		{
			.phys_start = 0x51440000,
			.virt_start = 0x51440000,
			.size = 0x005c0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * Above the six redistributors (0x51b00000 + 6 * 0x20000)
		 * up to RAM.
		 */
		{
			.phys_start = 0x51bc0000,
			.virt_start = 0x51bc0000,
			.size = 0x2e440000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * RAM after the secure firmware up to the virtual PCI hole,
		 * including the inmate-demo's 64 KiB at 0xdf700000.  Cells
		 * take their RAM from the root: what a non-root cell uses
		 * must be listed here too.
		 */
		{
			.phys_start = 0x80200000,
			.virt_start = 0x80200000,
			.size = 0x7d500000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/*
		 * OP-TEE's reserved memory, so that Linux's OP-TEE driver
		 * can reach its shared buffers.  Note that this hypervisor
		 * does not forward Trusted OS SMCs yet (they return
		 * NOT_SUPPORTED): the root's OP-TEE driver will not probe.
		 */
		{
			.phys_start = 0xfe000000,
			.virt_start = 0xfe000000,
			.size = 0x02000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* The 4 GiB of RAM at 0x880000000. */
		{
			.phys_start = 0x880000000,
			.virt_start = 0x880000000,
			.size = 0x100000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
	},

	.irqchips = {
		/*
		 * Every SPI (INTID 32-415) is the root's; each entry covers
		 * 128 INTIDs from pin_base.  The i.MX8QM uses fewer.
		 */
		{
			.address = 0x51a00000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x51a00000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x51a00000,
			.pin_base = 288,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		/* ivshmem demo, regions 0-4 above, the root is peer 0 of 3. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 0,
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
			.domain = 0,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 5,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},

	/*
	 * SMMU stream IDs of the root's DMA masters, as NXP's BSP assigns
	 * them (0x11-0x13, bits 3-10 ignored).  Only meaningful once the
	 * hypervisor drives the SMMU.
	 */
	.stream_ids = {
		{
			.mmu500.id = 0x11,
			.mmu500.mask_out = 0x7f8,
		},
		{
			.mmu500.id = 0x12,
			.mmu500.mask_out = 0x7f8,
		},
		{
			.mmu500.id = 0x13,
			.mmu500.mask_out = 0x7f8,
		},
	},
};
