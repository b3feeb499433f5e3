/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System (root cell) configuration for the TI AM62x starter kit
 * (SK-AM62, k3-am625-sk): four Cortex-A53, GIC-600 (GICv3), 2 GiB of DDR
 * at 0x80000000-0xffffffff, console on MAIN UART0 (ttyS2), an 8250 with
 * the OMAP MDR1 register.
 *
 * Not tested on hardware yet: built and checked with
 * "jailhouse config check k3-am625-sk.cell k3-am625-sk-inmate-demo.cell
 * k3-am625-sk-linux-demo.cell" and against Debian's k3-am625-sk.dtb
 * (tests/host/test_board_dt.c).
 *
 * The layout is the one of the TI Processor SDK's Jailhouse guide, whose
 * device tree overlay already keeps Linux away from it (reserved-memory,
 * no-map):
 *   0xdfa00000, 2 MiB:    the ivshmem areas
 *   0xdfc00000, 4 MiB:    the hypervisor
 *   0xe0000000, 512 MiB:  the cells' RAM
 * With another device tree, add those nodes (or boot with mem=1530M).
 * The firmware's own carve-outs below (TF-A, OP-TEE, the R5F/M4F DMA pools
 * at 0x9c800000-0x9fffffff) stay in the root's RAM region: Linux's
 * drivers for them need to reach them.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[15];
	struct jailhouse_irqchip irqchips[4];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		/* Let the root read the hypervisor log via /dev/jailhouse. */
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		/* jailhouse.bin and its page pool: 4 MiB below the cells' RAM */
		.hypervisor_memory = {
			.phys_start = 0xdfc00000,
			.size = 0x00400000,
		},
		/*
		 * MAIN UART0, the SK's console (/chosen/stdout-path).  Its
		 * registers are 32 bits wide, 4 bytes apart (reg-shift 2);
		 * MDR1 must say "UART mode" or it stays silent.  Linux and
		 * the boot loader have set it up: divider 0 keeps that.
		 */
		.debug_console = {
			.address = 0x02800000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4 |
				 JAILHOUSE_CON_MDR_QUIRK,
		},
		.platform_info = {
			/*
			 * Virtual PCI host for the ivshmem devices: 1 MiB of
			 * config space (one bus) in a hole of the address
			 * map, mapped by no cell.  The AM62x has no PCIe;
			 * domain 1 as in TI's guide.
			 */
			.pci_mmconfig_base = 0x76000000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				/*
				 * GIC-600: distributor and the redistributor
				 * window of the device tree (0xc0000), never
				 * mapped into a cell.
				 */
				.gic_version = 3,
				.gicd_base = 0x01800000,
				.gicr_base = 0x01880000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "k3-am625-sk",

			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),

			/*
			 * The root's virtual PCI INTx lines: SPI 148, 149
			 * (INTID 180, 181), which no AM62x device raises.
			 */
			.vpci_irq_base = 180 - 32,
		},
	},

	/* All four Cortex-A53 start in the root cell. */
	.cpus = {
		0xf,
	},

	.mem_regions = {
		/*
		 * ivshmem device 0001:00:00.0, the demo with 3 peers:
		 * read-only state table, common read/write area, one output
		 * section per peer.  The root is peer 0 and writes only its
		 * own output.
		 */
		{
			.phys_start = 0xdfa00000,
			.virt_start = 0xdfa00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0xdfa01000,
			.virt_start = 0xdfa01000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0xdfa0a000,
			.virt_start = 0xdfa0a000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		{
			.phys_start = 0xdfa0c000,
			.virt_start = 0xdfa0c000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		{
			.phys_start = 0xdfa0e000,
			.virt_start = 0xdfa0e000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/*
		 * ivshmem device 0001:00:01.0, virtual Ethernet to the
		 * linux-demo cell (the root is peer 0 of 2).
		 */
		JAILHOUSE_SHMEM_NET_REGIONS(0xdfb00000, 0),
		/*
		 * Peripherals below the GIC distributor: control MMRs,
		 * GPIO, timesync router, the first peripheral window ...
		 * handed to Linux wholesale.
		 */
		{
			.phys_start = 0x00000000,
			.virt_start = 0x00000000,
			.size = 0x01800000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* Between distributor and redistributors: the GIC ITS. */
		{
			.phys_start = 0x01810000,
			.virt_start = 0x01810000,
			.size = 0x00070000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * From the end of the redistributors (0x01880000 + 0xc0000)
		 * up to the virtual PCI host: the UARTs, MMC, CPSW, DSS,
		 * GPU, USB, DMSS, the wake-up and MCU domains, OCSRAM ...
		 * Nothing of the device tree lies between it and RAM.
		 */
		{
			.phys_start = 0x01940000,
			.virt_start = 0x01940000,
			.size = 0x746c0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* RAM up to the ivshmem areas. */
		{
			.phys_start = 0x80000000,
			.virt_start = 0x80000000,
			.size = 0x5fa00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/*
		 * The cells' 512 MiB above the hypervisor.  Cells take their
		 * RAM from the root: what a non-root cell uses must be
		 * listed here too.
		 */
		{
			.phys_start = 0xe0000000,
			.virt_start = 0xe0000000,
			.size = 0x20000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* The OSPI flash's memory-mapped data window (FSS). */
		{
			.phys_start = 0x500000000,
			.virt_start = 0x500000000,
			.size = 0x100000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		/*
		 * Every SPI (INTID 32-543) is the root's; each entry covers
		 * 128 INTIDs from pin_base.
		 */
		{
			.address = 0x01800000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x01800000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x01800000,
			.pin_base = 288,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x01800000,
			.pin_base = 416,
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
};
