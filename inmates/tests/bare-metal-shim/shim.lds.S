/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shim is an ELF linked at its load address in QEMU virt's RAM:
 * QEMU loads such an image as is and starts it at EL2.  It must end
 * below the inmate's load address (INMATE_PA in shim.S).
 */
OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(_start)

SECTIONS
{
	. = 0x40080000;
	.text : { *(.text) }
	.rodata : { *(.rodata) }
	. = ALIGN(4096);
	.data : { *(.data) }
	/DISCARD/ : { *(.note*) *(.comment) }
}

ASSERT(. <= 0x40200000, "shim overlaps the inmate")
