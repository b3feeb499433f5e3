/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Layout of jailhouse.bin (objcopy -O binary of this link):
 *
 *   JAILHOUSE_BASE  struct jailhouse_header (80 bytes)
 *                   text (EL2 vectors 2 KiB aligned), rodata, data
 *   page aligned    console page (struct jailhouse_virt_console)
 *   page aligned    bss (zero in the file, so the driver's copy clears it)
 *   page aligned    __page_pool = JAILHOUSE_BASE + header.core_size
 */
#include <asm/layout.h>

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(stub_vectors)

SECTIONS
{
	. = JAILHOUSE_BASE;
	.header : { KEEP(*(.header)) }

	/*
	 * The stub-ABI vectors at a fixed offset: CPUs keep pointing at
	 * them after disable, while a new enable copies the image again.
	 */
	. = JAILHOUSE_BASE + PAGE_SIZE;
	.text.stub : { KEEP(*(.text.stub)) }
	. = JAILHOUSE_BASE + 2 * PAGE_SIZE;

	.text : {
		*(.text.vectors)
		*(.text .text.*)
	}

	.rodata : { *(.rodata .rodata.*) }

	/* device accesses that may fault, and where they go on (hyp_fault.c) */
	__ex_table : {
		__ex_table_start = .;
		KEEP(*(__ex_table))
		__ex_table_end = .;
	}

	.data : { *(.data .data.*) }

	. = ALIGN(PAGE_SIZE);
	.console : { *(.console) }

	. = ALIGN(PAGE_SIZE);
	.bss : {
		*(.bss .bss.*)
		*(COMMON)
	}

	/*
	 * bss must be in the file: the driver copies the whole core_size,
	 * and the copy is what zeroes it.  objcopy drops a trailing NOBITS
	 * section, hence the byte written here at the very end.
	 */
	. = ALIGN(. + 1, PAGE_SIZE) - 1;
	.image_end : { BYTE(0) }
	__page_pool = .;

	/DISCARD/ : {
		*(.note*)
		*(.comment)
		*(.eh_frame*)
		*(.interp)
		*(.dynamic)
	}
}

ASSERT(hypervisor_header == JAILHOUSE_BASE, "header must be first")
ASSERT(SIZEOF(.header) == 80, "header must be 80 bytes")
ASSERT(stub_vectors == JAILHOUSE_BASE + PAGE_SIZE, "stub vectors moved")
ASSERT(SIZEOF(.text.stub) <= PAGE_SIZE, "stub page overflows")
ASSERT((hyp_vectors & (VECTOR_TABLE_ALIGN - 1)) == 0,
       "EL2 vectors misaligned")
ASSERT((__page_pool & (PAGE_SIZE - 1)) == 0, "page pool misaligned")
