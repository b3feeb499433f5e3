/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A bare-metal inmate cell that takes part in the shutdown protocol, for
 * QEMU's arm64 "virt" machine: CPU 1, 64 KiB of RAM, the shared UART.
 * With shutdown-demo (which denies the first N requests) it shows that
 * "cell shutdown/destroy" waits for the inmate's consent.
 *
 *   jailhouse cell create qemu-arm64-inmate-shutdown.cell
 *   jailhouse cell load inmate-shutdown shutdown-demo.bin -s "deny=1" -a 0x1000
 *   jailhouse cell start inmate-shutdown
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
		.name = "inmate-shutdown",
		/*
		 * Not PASSIVE_COMMREG: shutdown requests go to the inmate,
		 * which may deny them.
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

	/* CPU 1, taken from the root while this cell exists. */
	.cpus = {
		0x2,
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
		 * 64 KiB of root RAM seen by the inmate at address 0,
		 * where it is linked and starts.  LOADABLE lets "cell load"
		 * write the image.
		 */
		{
			.phys_start = 0x7f830000,
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
