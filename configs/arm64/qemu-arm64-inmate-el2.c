/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The EL2 robustness tests' cell for QEMU's arm64 "virt" machine: the
 * isolation tests' cell (qemu-arm64-inmate-attack.c: CPU 1, 64 KiB of
 * RAM, the shared UART, INTID 79) plus two sub-page regions the
 * hypervisor emulates, for attack-demo's "unaligned" and "sea":
 *  - the registers of virtio-mmio transport 31 (0x0a003e00, no device
 *    behind it, the one QEMU gives INTID 79), readable with 32-bit
 *    accesses only (QEMU's virtio-mmio reads 0 for narrower ones), also
 *    unaligned;
 *  - 256 bytes at 0x09100000, where QEMU's virt machine has no device
 *    (between PVTIME/secure GPIO and the virtio-mmio transports): QEMU
 *    answers every access there with an external abort.
 *
 *   jailhouse cell create qemu-arm64-inmate-el2.cell
 *   jailhouse cell load inmate-el2 attack-demo.bin -s "attack=unaligned" -a 0x1000
 *   jailhouse cell start inmate-el2
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[5];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "inmate-el2",
		/*
		 * Not PASSIVE_COMMREG: the inmate answers the hypervisor's
		 * messages, so shutdown requests reach it.
		 */
		.flags = 0,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),

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
			.phys_start = 0x7f840000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* virtio-mmio transport 31: 32-bit reads, unaligned too */
		{
			.phys_start = 0x0a003e00,
			.virt_start = 0x0a003e00,
			.size = 0x200,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO |
				JAILHOUSE_MEM_IO_32 |
				JAILHOUSE_MEM_IO_UNALIGNED,
		},
		/* nothing there: every access is an external abort */
		{
			.phys_start = 0x09100000,
			.virt_start = 0x09100000,
			.size = 0x100,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
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

	.irqchips = {
		/*
		 * INTID 79 (SPI 47): a line of its own that the attacks
		 * try to route to a root CPU.  The root config grants it
		 * (all of INTIDs 32-159), and creating the cell takes it.
		 */
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0,
				1 << (79 - 64),
				0,
				0,
			},
		},
	},
};
