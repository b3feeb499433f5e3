/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test cell for QEMU's arm64 "virt" machine that takes the PL011's
 * interrupt (INTID 33, SPI 1) away from the root cell while it exists:
 * CPU 1, 64 KiB of RAM of its own, the UART's registers shared with the
 * root.  Its inmate prints by polling and never enables the interrupt;
 * what matters is that root Linux's serial driver gets it back, working,
 * once the cell is destroyed (tests/qemu/scenarios/26-cell-irq-return).
 *
 *   jailhouse cell create qemu-arm64-test-irq.cell
 *   jailhouse cell load test-irq uart-demo.bin
 *   jailhouse cell start test-irq
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "test-irq",
		/* the demos answer the hypervisor's messages */
		.flags = 0,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),

		/*
		 * No divider: the inmate library leaves the UART as Linux
		 * set it up (receiver and interrupt mask included).
		 */
		.console = {
			.address = 0x09000000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	/* CPU 1 */
	.cpus = {
		0x2,
	},

	.mem_regions = {
		/* the UART, shared with the root and the hypervisor */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * 64 KiB of root RAM (hidden from Linux by mem=768M, clear
		 * of every other cell's) seen by the inmate at address 0.
		 */
		{
			.phys_start = 0x7f850000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* the communication region, where the inmates expect it */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* INTID 33 only: the PL011 */
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				1 << (33 - 32),
				0,
				0,
				0,
			},
		},
	},
};
