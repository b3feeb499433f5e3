/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 Linux kernel image (Documentation/arch/arm64/booting.rst): a
 * 64-byte header with the magic "ARM\x64" at 0x38, text_offset at 8 and
 * the effective image size (bss included) at 16.  Plain or gzip-compressed
 * (some distributions' vmlinuz).  Pure functions: no I/O, no output.
 */
#ifndef _JAILHOUSE_TOOLS_KERNEL_IMAGE_H
#define _JAILHOUSE_TOOLS_KERNEL_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <jailhouse/types.h>

#define ARM64_IMAGE_MAGIC		0x644d5241	/* "ARM\x64" LE */
#define ARM64_IMAGE_MAGIC_OFFSET	0x38
#define ARM64_IMAGE_HEADER_SIZE		64
/* booting.rst: image_size 0 means a pre-3.17 kernel at this offset */
#define ARM64_IMAGE_LEGACY_TEXT_OFFSET	0x80000
/* the kernel is loaded at a 2 MiB boundary plus text_offset */
#define ARM64_KERNEL_ALIGN		0x200000ULL

struct kernel_image {
	void *data;		/* the uncompressed Image */
	size_t size;
	__u64 text_offset;
	__u64 image_size;	/* memory it needs from its load address */
	bool gzipped;		/* the file was gzip-compressed */
};

/*
 * Takes @data/@size (malloc()ed; owned by @image on success, freed on
 * failure), decompresses it if it is gzip, and checks the header.
 * Returns 0, or -1 with one line (no newline) in @error naming @name.
 */
int kernel_image_parse(const char *name, void *data, size_t size,
		       struct kernel_image *image, char *error, size_t len);

void kernel_image_release(struct kernel_image *image);

#endif /* !_JAILHOUSE_TOOLS_KERNEL_IMAGE_H */
