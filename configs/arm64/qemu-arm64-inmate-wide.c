/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inmate-demo cell (qemu-arm64-inmate-demo.c) written the way
 * Jailhouse's configs often are: the arrays are declared larger than
 * their initialisers, so the last memory region and the last irqchip are
 * all zero, and a device window is larger than the root's region of the
 * same device: the cell maps 64 KiB at the PL031 RTC, where the root
 * (qemu-arm64-gic-in-root.cell) has one page, and what follows up to
 * 0x0901ffff is nobody's.  The checker accepts this with warnings; the
 * hypervisor maps the whole window into the cell, takes from the root
 * only the page it had and gives back only that page on destroy.  The
 * cell also takes the GPIO page, of which the root has a sub-page region:
 * the root's emulated access stops while the cell exists.
 *
 * For the test of that (tests/qemu/scenarios/29-hv-windows-in-root.test)
 * with qemu-arm64-gic-in-root.cell; runs gic-demo and uart-demo.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[11];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "inmate-wide",
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
		 * The ivshmem device's INTx becomes SPI 112 (INTID 144);
		 * it must also be granted in irqchips below.
		 */
		.vpci_irq_base = 144 - 32,

		/* Tells the inmate library which UART to print to. */
		.console = {
			.address = 0x09000000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	/*
	 * CPU 1.  It is taken from the root cell while this cell exists; the
	 * root has to keep at least one CPU.
	 */
	.cpus = {
		0x2,
	},

	.mem_regions = {
		/*
		 * The ivshmem demo regions, at the same addresses as in the
		 * root.  ROOTSHARED keeps them mapped in the root; this cell
		 * is peer 1 and may write only its own output section
		 * (0x7fafc000).
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
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		{
			.phys_start = 0x7fafe000,
			.virt_start = 0x7fafe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
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
		/* the RTC page of the root, and 60 KiB of nothing after it */
		{
			.phys_start = 0x09010000,
			.virt_start = 0x09010000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* the page of the root's sub-page GPIO region */
		{
			.phys_start = 0x09030000,
			.virt_start = 0x09030000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * The inmate's RAM: 64 KiB of root RAM (hidden from Linux by
		 * mem=768M) seen by the inmate at address 0, where it is
		 * linked and where it starts.  LOADABLE lets "cell load"
		 * write the image through the root.
		 */
		{
			.phys_start = 0x7fa00000,
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
		/* Only INTID 144, the ivshmem interrupt (SPI 112). */
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0,
				0,
				0,
				1 << (144 - 128),
			},
		},
	},

	.pci_devices = {
		/* The ivshmem demo device, this cell is peer 1 of 3. */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 1,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
