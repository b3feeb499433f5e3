// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse config collect FILE.TAR: packs what `jailhouse config create
 * -r ROOT` reads from a target - its device tree, /proc/iomem, the
 * command line and the CPU lists - into a plain ustar archive, with the
 * paths they have on the target.  procfs and sysfs files report no
 * useful size, so each is read whole before its header is written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cfg_board.h"

static const struct {
	const char *path;
	bool optional;
} inputs[] = {
	{ "/sys/firmware/fdt", false },
	{ "/proc/iomem", false },
	{ "/proc/cmdline", false },
	{ "/sys/devices/system/cpu/possible", false },
	{ "/sys/devices/system/cpu/online", false },
	{ "/sys/devices/jailhouse/enabled", true },
};

static void octal(char *field, size_t len, unsigned long long v)
{
	snprintf(field, len, "%0*llo", (int)len - 1, v);
}

static int write_entry(FILE *out, const char *path, const void *data,
		       size_t size)
{
	unsigned char header[512] = { 0 };
	static const char zeros[512];
	unsigned int sum = 0, n;

	/* relative names, like `tar -C ROOT -cf FILE .` stores them */
	snprintf((char *)header, 100, "%s", path + 1);
	octal((char *)header + 100, 8, 0644);
	octal((char *)header + 108, 8, 0);
	octal((char *)header + 116, 8, 0);
	octal((char *)header + 124, 12, size);
	octal((char *)header + 136, 12, (unsigned long long)time(NULL));
	header[156] = '0';
	memcpy(header + 257, "ustar", 6);
	memcpy(header + 263, "00", 2);
	memcpy(header + 148, "        ", 8);
	for (n = 0; n < sizeof(header); n++)
		sum += header[n];
	snprintf((char *)header + 148, 8, "%06o", sum);
	header[155] = ' ';
	if (fwrite(header, 1, 512, out) != 512 ||
	    fwrite(data, 1, size, out) != size ||
	    fwrite(zeros, 1, (512 - size % 512) % 512, out) !=
	    (512 - size % 512) % 512)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	static const char zeros[1024];
	unsigned int n;
	size_t size;
	FILE *out;
	void *data;

	if (argc != 2 || argv[1][0] == '-') {
		bool help = argc == 2 && (!strcmp(argv[1], "-h") ||
					  !strcmp(argv[1], "--help"));

		fprintf(help ? stdout : stderr,
			"usage: jailhouse config collect FILE.TAR\n%s",
			help ? "\nPack what \"jailhouse config create -r ROOT\" "
			"needs from this target\n(device tree, /proc/iomem, "
			"command line, CPU lists) into FILE.TAR.\n" : "");
		return help ? 0 : 1;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "Please run as root\n");
		return 1;
	}
	out = fopen(argv[1], "wb");
	if (!out) {
		fprintf(stderr, "jailhouse config collect: cannot write %s: "
			"%s\n", argv[1], strerror(errno));
		return 1;
	}
	for (n = 0; n < sizeof(inputs) / sizeof(inputs[0]); n++) {
		data = cfg_read_file(inputs[n].path, &size);
		if (!data) {
			if (inputs[n].optional)
				continue;
			fprintf(stderr, "jailhouse config collect: cannot "
				"read %s: %s\n", inputs[n].path,
				strerror(errno));
			fclose(out);
			unlink(argv[1]);
			return 1;
		}
		if (write_entry(out, inputs[n].path, data, size)) {
			free(data);
			break;
		}
		free(data);
	}
	if (n < sizeof(inputs) / sizeof(inputs[0]) ||
	    fwrite(zeros, 1, sizeof(zeros), out) != sizeof(zeros) ||
	    fclose(out) != 0) {
		fprintf(stderr, "jailhouse config collect: writing %s failed\n",
			argv[1]);
		unlink(argv[1]);
		return 1;
	}
	return 0;
}
