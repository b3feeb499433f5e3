// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 Image checks.  Jailhouse's helper only reads text_offset and
 * boots whatever it was given; a wrong file then hangs the cell silently.
 * Here a file that is not a little-endian arm64 Image is refused with
 * what it seems to be instead, before a cell is touched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "error_text.h"
#include "kernel_image.h"

/* a kernel larger than this after gunzip is damaged or no kernel */
#define KERNEL_MAX_SIZE		(512UL << 20)

static __u64 le64(const unsigned char *p)
{
	__u64 value = 0;
	int n;

	for (n = 7; n >= 0; n--)
		value = (value << 8) | p[n];
	return value;
}

static __u32 le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (__u32)p[3] << 24;
}

static bool is_gzip(const unsigned char *p, size_t size)
{
	return size >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

/* What a file that is no Image seems to be, as advice; "" if unknown. */
static const char *what_else(const unsigned char *p, size_t size)
{
	if (size >= 4 && memcmp(p, "\177ELF", 4) == 0)
		return ": it is an ELF file (vmlinux?); boot "
			"arch/arm64/boot/Image instead";
	if (size >= 4 && le32(p) == 0x56190527)
		return ": it is a U-Boot uImage; extract the Image with "
			"dumpimage";
	if (size >= 8 && p[0] == 'M' && p[1] == 'Z' &&
	    memcmp(p + 4, "zimg", 4) == 0)
		return ": it is an EFI zboot image; boot the Image it "
			"contains";
	if (size >= 6 && memcmp(p, "\3757zXZ", 6) == 0)
		return ": it is xz-compressed; decompress it first (unxz)";
	if (size >= 4 && le32(p) == 0xfd2fb528)
		return ": it is zstd-compressed; decompress it first (unzstd)";
	if (size >= 3 && memcmp(p, "BZh", 3) == 0)
		return ": it is bzip2-compressed; decompress it first";
	if (size >= 4 && le32(p) == 0x184c2102)
		return ": it is lz4-compressed; decompress it first";
	if (size >= 6 && memcmp(p, "070701", 6) == 0)
		return ": it is a cpio archive (an initramfs?); pass it "
			"with -i";
	if (size >= 4 && memcmp(p, "\xd0\x0d\xfe\xed", 4) == 0)
		return ": it is a device tree; pass it with -d";
	return "";
}

static int gunzip(const char *name, const void *in, size_t in_size,
		  void **out, size_t *out_size, char *error, size_t len)
{
	size_t capacity = in_size * 3 + 4096;
	unsigned char *buf = NULL, *bigger;
	const char *why = NULL;
	z_stream zs;
	int ret = Z_MEM_ERROR;

	memset(&zs, 0, sizeof(zs));
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		return set_error(error, len, "%s: cannot start gzip "
			    "decompression", name);
	zs.next_in = (unsigned char *)in;
	zs.avail_in = in_size;
	if (capacity > KERNEL_MAX_SIZE)
		capacity = KERNEL_MAX_SIZE;
	buf = malloc(capacity);
	while (buf) {
		if (zs.total_out == capacity) {
			if (capacity == KERNEL_MAX_SIZE) {
				why = "too large";
				break;
			}
			capacity = capacity * 2 > KERNEL_MAX_SIZE ?
				KERNEL_MAX_SIZE : capacity * 2;
			bigger = realloc(buf, capacity);
			if (!bigger)
				break;
			buf = bigger;
		}
		zs.next_out = buf + zs.total_out;
		zs.avail_out = capacity - zs.total_out;
		ret = inflate(&zs, Z_NO_FLUSH);
		if (ret == Z_STREAM_END)
			break;
		if (ret == Z_OK || (ret == Z_BUF_ERROR && zs.avail_out == 0))
			continue;
		why = ret == Z_BUF_ERROR ? "cut short" :
			zs.msg ? zs.msg : "damaged";
		break;
	}
	inflateEnd(&zs);

	if (!buf || why || ret != Z_STREAM_END) {
		free(buf);
		if (why && strcmp(why, "too large") == 0)
			return set_error(error, len, "%s: larger than %lu MiB "
				    "decompressed: not a kernel", name,
				    KERNEL_MAX_SIZE >> 20);
		if (why)
			return set_error(error, len, "%s: gzip data is damaged "
				    "(%s)", name, why);
		return set_error(error, len, "%s: out of memory while "
			    "decompressing", name);
	}
	*out = buf;
	*out_size = zs.total_out;
	return 0;
}

static int check_header(const char *name, const unsigned char *p,
			size_t size, struct kernel_image *image, char *error,
			size_t len)
{
	const char *gz = image->gzipped ? " (after gunzip)" : "";
	__u64 text_offset, image_size, flags;

	if (size < ARM64_IMAGE_HEADER_SIZE ||
	    le32(p + ARM64_IMAGE_MAGIC_OFFSET) != ARM64_IMAGE_MAGIC)
		return set_error(error, len, "%s is not an arm64 Linux Image%s: no "
			    "\"ARM\\x64\" magic at offset 0x38%s", name, gz,
			    what_else(p, size));

	text_offset = le64(p + 8);
	image_size = le64(p + 16);
	flags = le64(p + 24);
	if (image_size == 0) {
		/* pre-3.17 kernel: fixed offset, size unknown */
		text_offset = ARM64_IMAGE_LEGACY_TEXT_OFFSET;
		image_size = size;
	}
	if (flags & 1)
		return set_error(error, len, "%s is a big-endian arm64 kernel; the "
			    "cell boots little-endian kernels only", name);
	if (text_offset >= ARM64_KERNEL_ALIGN || (text_offset & 0xfff))
		return set_error(error, len, "%s: arm64 Image header has "
			    "text_offset 0x%llx; expected a 4 KiB multiple "
			    "below 2 MiB (damaged header?)", name,
			    (unsigned long long)text_offset);
	if (image_size < size)
		return set_error(error, len, "%s: arm64 Image header says "
			    "image_size 0x%llx, but the Image%s has 0x%zx "
			    "bytes (damaged or not a kernel)", name,
			    (unsigned long long)image_size, gz, size);
	if (image_size > KERNEL_MAX_SIZE)
		return set_error(error, len, "%s: arm64 Image header says "
			    "image_size 0x%llx (over %lu MiB: damaged header?)",
			    name, (unsigned long long)image_size,
			    KERNEL_MAX_SIZE >> 20);
	image->text_offset = text_offset;
	image->image_size = image_size;
	return 0;
}

int kernel_image_parse(const char *name, void *data, size_t size,
		       struct kernel_image *image, char *error, size_t len)
{
	void *plain = NULL;
	size_t plain_size = 0;

	memset(image, 0, sizeof(*image));
	if (is_gzip(data, size)) {
		if (gunzip(name, data, size, &plain, &plain_size, error,
			   len)) {
			free(data);
			return -1;
		}
		free(data);
		data = plain;
		size = plain_size;
		image->gzipped = true;
	}
	if (check_header(name, data, size, image, error, len)) {
		free(data);
		memset(image, 0, sizeof(*image));
		return -1;
	}
	image->data = data;
	image->size = size;
	return 0;
}

void kernel_image_release(struct kernel_image *image)
{
	free(image->data);
	memset(image, 0, sizeof(*image));
}
