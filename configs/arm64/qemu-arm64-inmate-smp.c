/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A bare-metal inmate cell with two CPUs for QEMU's arm64 "virt" machine:
 * CPUs 1 and 2, 128 KiB of RAM, the shared UART.  smp-demo starts the
 * second CPU through PSCI CPU_ON.
 *
 *   jailhouse cell create qemu-arm64-inmate-smp.cell
 *   jailhouse cell load inmate-smp smp-demo.bin
 *   jailhouse cell start inmate-smp
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
		.name = "inmate-smp",
		/*
		 * Not PASSIVE_COMMREG: the inmate answers the hypervisor's
		 * messages, so shutdown requests reach it.
		 */
		.flags = 0,

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

	/*
	 * CPUs 1 and 2.  The cell starts on CPU 1; CPU 2 waits until the
	 * inmate turns it on.
	 */
	.cpus = {
		0x6,
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
		 * 128 KiB of root RAM seen by the inmate at address 0:
		 * smp-demo needs more than 64 KiB for its second CPU's
		 * stack.  LOADABLE lets "cell load" write the image.
		 */
		{
			.phys_start = 0x7f810000,
			.virt_start = 0,
			.size = 0x00020000,
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
