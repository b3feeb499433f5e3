/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A second bare-metal inmate cell for QEMU's arm64 "virt" machine, to run
 * next to qemu-arm64-inmate-demo.cell (tests: two inmate cells at once):
 * CPU 2, 64 KiB of RAM of its own, the shared UART.  Its output goes
 * through the hypervisor's virtual console, so every line it prints comes
 * out tagged "[inmate-b] " and `jailhouse console` shows it.
 *
 *   jailhouse cell create qemu-arm64-inmate-b.cell
 *   jailhouse cell load inmate-b uart-demo.bin
 *   jailhouse cell start inmate-b
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "inmate-b",
		/*
		 * The inmate prints through the debug-console hypercall
		 * (the comm region's DBG_PUTC_ACTIVE flag tells the inmate
		 * library to), not to the UART directly.  Not
		 * PASSIVE_COMMREG: the demos answer the hypervisor's
		 * messages.
		 */
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),

		/* Tells the inmate library which UART to print to. */
		.console = {
			.address = 0x09000000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	/* CPU 2: CPU 1 stays free for qemu-arm64-inmate-demo.cell. */
	.cpus = {
		0x4,
	},

	.mem_regions = {
		/*
		 * The UART, shared with the root and the hypervisor: the
		 * inmate prints to the same console as everybody else.
		 */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/*
		 * 64 KiB of root RAM (hidden from Linux by mem=768M, clear
		 * of every other cell's) seen by the inmate at address 0,
		 * where it is linked and starts.  LOADABLE lets "cell load"
		 * write the image.
		 */
		{
			.phys_start = 0x7f800000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/*
		 * The communication region, backed by a hypervisor page
		 * (phys_start unused), where the inmate library expects it.
		 */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},
};
