/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System (root cell) configuration for the NXP i.MX8MP EVK: four
 * Cortex-A53, GICv3, 6 GiB of DDR at 0x40000000-0xffffffff and
 * 0x100000000-0x1bfffffff, console on UART2 (ttymxc1).
 *
 * Not tested on hardware yet: built and checked with
 * "jailhouse config check imx8mp.cell imx8mp-inmate-demo.cell" only.
 *
 * Linux must keep its hands off these carve-outs; add reserved-memory
 * nodes (no-map) to the board's device tree:
 *   0xc0000000, 64 KiB: the inmate-demo's RAM
 *   0xfd700000, 9 MiB:  virtual PCI config space (unmapped hole), the
 *                       ivshmem areas and the hypervisor (0xfdc00000)
 * OP-TEE (0xfe000000, 32 MiB here) is reserved by the BSP's own optee
 * node; newer BSPs may place it elsewhere, so check where yours has it.
 *
 * Porting to another i.MX8MP board: take the RAM size, the console UART
 * and the OP-TEE location from its device tree and boot loader, keep the
 * carve-outs above (or move them consistently in the cell configs), then
 * run "jailhouse config check".
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[14];
	struct jailhouse_irqchip irqchips[3];
	struct jailhouse_pci_device pci_devices[2];
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
		 * UART2, the EVK's console.  Linux and the boot loader have
		 * set it up; the driver only polls and writes it.
		 */
		.debug_console = {
			.address = 0x30890000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_IMX,
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
			/* a domain the SoC's PCIe controller does not use */
			.pci_domain = 2,
			.arm = {
				/*
				 * GICv3 distributor and the first of the
				 * redistributors (0x20000 per CPU), from
				 * the device tree's interrupt-controller.
				 * Never mapped into a cell.
				 */
				.gic_version = 3,
				.gicd_base = 0x38800000,
				.gicr_base = 0x38880000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "imx8mp",

			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),

			/*
			 * The root's virtual PCI INTx lines: SPI 51 and up
			 * (INTID 83...), which no i.MX8MP device raises.
			 */
			.vpci_irq_base = 51,
		},
	},

	/* All four Cortex-A53 start in the root cell. */
	.cpus = {
		0xf,
	},

	.mem_regions = {
		/*
		 * ivshmem device 0002:00:00.0, the demo with 3 peers:
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
		 * ivshmem device 0002:00:01.0, virtual Ethernet to a future
		 * Linux cell (the root is peer 0 of 2).
		 */
		JAILHOUSE_SHMEM_NET_REGIONS(0xfd900000, 0),
		/*
		 * Peripherals below the GIC: boot ROM/OCRAM, PCIe windows,
		 * the AIPS buses with the UARTs, USB, GPU, VPU ...  handed
		 * to Linux wholesale.
		 */
		{
			.phys_start = 0x00000000,
			.virt_start = 0x00000000,
			.size = 0x38800000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * Peripherals above the GIC (DDR controller and PMU ...).
		 * Starts after the redistributor window the device tree
		 * gives (0x38880000 + 0xc0000): the hypervisor owns the GIC.
		 */
		{
			.phys_start = 0x38940000,
			.virt_start = 0x38940000,
			.size = 0x076c0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * RAM up to the virtual PCI hole, including the inmate-demo's
		 * 64 KiB at 0xc0000000.  Cells take their RAM from the root:
		 * what a non-root cell uses must be listed here too.
		 */
		{
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0xbd700000,
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
		/* The 3 GiB of RAM above 4 GiB. */
		{
			.phys_start = 0x100000000,
			.virt_start = 0x100000000,
			.size = 0xc0000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
	},

	.irqchips = {
		/*
		 * Every SPI (INTID 32-415) is the root's; each entry covers
		 * 128 INTIDs from pin_base.  The i.MX8MP uses far fewer.
		 */
		{
			.address = 0x38800000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x38800000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x38800000,
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
			.domain = 2,
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
			.domain = 2,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 5,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
