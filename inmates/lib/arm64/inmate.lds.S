/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inmate image layout, linked at IPA 0 where the cell starts:
 *
 *   0x0000  .boot     start code (must stay below the command line)
 *   0x1000  .cmdline  CMDLINE_BUFFER_SIZE bytes (cell load -a 0x1000)
 *           text (vectors 2 KiB aligned), rodata, data
 *           bss (page tables 4 KiB aligned), stack, then __inmate_end
 *
 * objcopy -O binary stops at the end of data; start code zeroes bss.
 */
#define CMDLINE_OFFSET	0x1000
#define STACK_SIZE	0x2000

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(__reset_entry)

SECTIONS
{
	. = 0;
	.boot : { KEEP(*(.boot)) }

	. = CMDLINE_OFFSET;
	.cmdline : { KEEP(*(.cmdline)) }

	.text : {
		*(.text.vectors)
		*(.text .text.*)
	}

	.rodata : { *(.rodata .rodata.*) }

	.data : { *(.data .data.*) }

	.bss (NOLOAD) : {
		. = ALIGN(8);
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(8);
		__bss_end = .;
	}

	. = ALIGN(16);
	.stack (NOLOAD) : {
		. += STACK_SIZE;
		stack_top = .;
	}
	__inmate_end = .;

	/DISCARD/ : {
		*(.note*)
		*(.comment)
		*(.eh_frame*)
	}
}

ASSERT(SIZEOF(.boot) <= CMDLINE_OFFSET, "start code overlaps the cmdline")
ASSERT(ADDR(.cmdline) == CMDLINE_OFFSET, "cmdline misplaced")
ASSERT(SIZEOF(.cmdline) == 256, "cmdline must be 256 bytes")
