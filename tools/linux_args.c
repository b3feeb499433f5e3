// SPDX-License-Identifier: GPL-2.0
/*
 * The grammar of `jailhouse cell linux`.  Like Jailhouse's argparse, an
 * option may come before, between or after CELLCONFIG and KERNEL, and a
 * long option may carry its value after '='.  Unlike it, a repeated
 * option is refused instead of silently taking the last value.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_text.h"
#include "linux_args.h"

const char linux_args_usage[] =
	"usage: jailhouse cell linux [-h] [-d DTB] [-i INITRD] [-c \"CMDLINE\"]\n"
	"                            [-w PARAMS_FILE] [-a ARCH] [-k FACTOR]\n"
	"                            [--board-dtb BOARD_DTB] "
	"[--sysconfig SYSCONFIG]\n"
	"                            CELLCONFIG KERNEL\n"
	"\n"
	"Boot Linux in a non-root cell.\n"
	"\n"
	"positional arguments:\n"
	"  CELLCONFIG            cell configuration file\n"
	"  KERNEL                image of the kernel to be booted (arm64 Image,\n"
	"                        plain or gzip-compressed)\n"
	"\n"
	"optional arguments:\n"
	"  -h, --help            show this help message and exit\n"
	"  -d DTB, --dtb DTB     device tree for the kernel; without it, one is\n"
	"                        generated from the board's device tree and the\n"
	"                        cell configuration\n"
	"  -i INITRD, --initrd INITRD\n"
	"                        initrd/initramfs for the kernel\n"
	"  -c \"CMDLINE\", --cmdline \"CMDLINE\"\n"
	"                        kernel command line\n"
	"  -w PARAMS_FILE, --write-params PARAMS_FILE\n"
	"                        only parse cell configuration, write out the\n"
	"                        device tree into the specified file and print\n"
	"                        required jailhouse cell commands to boot Linux\n"
	"                        to the console\n"
	"  -a ARCH, --arch ARCH  target architecture (arm64 only)\n"
	"  -k FACTOR, --kernel-decomp-factor FACTOR\n"
	"                        decompression factor of the kernel image, used\n"
	"                        to reserve space between the kernel and the\n"
	"                        initramfs (default 1)\n"
	"  --board-dtb BOARD_DTB\n"
	"                        the board's device tree to generate the cell's\n"
	"                        from (default " LINUX_DEFAULT_BOARD_DTB ")\n"
	"  --sysconfig SYSCONFIG\n"
	"                        the system (root cell) configuration, for the\n"
	"                        address of the virtual PCI host (default: as\n"
	"                        the running root cell shows it in /proc/iomem)\n";

enum option_id {
	OPT_HELP, OPT_DTB, OPT_INITRD, OPT_CMDLINE, OPT_WRITE, OPT_ARCH,
	OPT_FACTOR, OPT_BOARD_DTB, OPT_SYSCONFIG,
};

static const struct {
	const char *short_name;
	const char *long_name;
	enum option_id id;
	bool has_value;
} options[] = {
	{ "-h", "--help", OPT_HELP, false },
	{ "-d", "--dtb", OPT_DTB, true },
	{ "-i", "--initrd", OPT_INITRD, true },
	{ "-c", "--cmdline", OPT_CMDLINE, true },
	{ "-w", "--write-params", OPT_WRITE, true },
	{ "-a", "--arch", OPT_ARCH, true },
	{ "-k", "--kernel-decomp-factor", OPT_FACTOR, true },
	{ NULL, "--board-dtb", OPT_BOARD_DTB, true },
	{ NULL, "--sysconfig", OPT_SYSCONFIG, true },
};

/* Index into options[] of @arg ("-d", "--dtb" or "--dtb=x"), or -1. */
static int find_option(const char *arg, const char **inline_value)
{
	const char *eq = strchr(arg, '=');
	size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
	unsigned int n;

	*inline_value = NULL;
	for (n = 0; n < sizeof(options) / sizeof(options[0]); n++) {
		if (options[n].short_name &&
		    strcmp(arg, options[n].short_name) == 0)
			return n;
		if (strlen(options[n].long_name) == name_len &&
		    strncmp(arg, options[n].long_name, name_len) == 0) {
			if (eq)
				*inline_value = eq + 1;
			return n;
		}
	}
	return -1;
}

static int set_value(struct linux_args *args, enum option_id id,
		     const char *opt, const char *value, char *error,
		     size_t len)
{
	const char **field = NULL;
	unsigned long factor;
	char *end;

	switch (id) {
	case OPT_DTB: field = &args->dtb; break;
	case OPT_INITRD: field = &args->initrd; break;
	case OPT_CMDLINE: field = &args->cmdline; break;
	case OPT_WRITE: field = &args->write_params; break;
	case OPT_BOARD_DTB: field = &args->board_dtb; break;
	case OPT_SYSCONFIG: field = &args->sysconfig; break;
	case OPT_ARCH:
		if (strcmp(value, "arm64") != 0)
			return set_error(error, len, "cell linux: architecture "
				    "\"%s\" is not supported (only arm64)",
				    value);
		return 0;
	case OPT_FACTOR:
		if (args->has_decomp_factor)
			return set_error(error, len, "cell linux: %s given twice",
				    opt);
		errno = 0;
		factor = strtoul(value, &end, 0);
		if (value[0] < '0' || value[0] > '9' || *end || errno ||
		    factor > 64)
			return set_error(error, len, "cell linux: invalid "
				    "decompression factor \"%s\" (expected a "
				    "whole number 0..64)", value);
		args->decomp_factor = factor;
		args->has_decomp_factor = true;
		return 0;
	case OPT_HELP:
		break;
	}
	if (!field)
		return 0;
	if (*field)
		return set_error(error, len, "cell linux: %s given twice", opt);
	if (value[0] == '\0')
		return set_error(error, len, "cell linux: empty value for %s", opt);
	*field = value;
	return 0;
}

int linux_args_parse(int argc, char *const argv[], struct linux_args *args,
		     char *error, size_t len)
{
	const char *arg, *value;
	bool options_done = false;
	unsigned int positionals = 0;
	int pos, opt;

	memset(args, 0, sizeof(*args));
	for (pos = 0; pos < argc; pos++) {
		arg = argv[pos];
		if (!options_done && strcmp(arg, "--") == 0) {
			options_done = true;
			continue;
		}
		if (!options_done && arg[0] == '-' && arg[1] != '\0') {
			opt = find_option(arg, &value);
			if (opt < 0)
				return set_error(error, len, "cell linux: unknown "
					    "option \"%s\"", arg);
			if (options[opt].id == OPT_HELP) {
				args->help = true;
				return 0;
			}
			if (!value) {
				if (pos + 1 >= argc)
					return set_error(error, len, "cell linux: "
						    "missing value after "
						    "\"%s\"", arg);
				value = argv[++pos];
			}
			if (set_value(args, options[opt].id,
				      options[opt].long_name, value, error,
				      len))
				return -1;
			continue;
		}
		if (positionals == 0)
			args->config = arg;
		else if (positionals == 1)
			args->kernel = arg;
		else
			return set_error(error, len, "cell linux: unexpected "
				    "argument \"%s\"", arg);
		positionals++;
	}
	if (!args->config)
		return set_error(error, len, "cell linux: missing CELLCONFIG");
	if (!args->kernel)
		return set_error(error, len, "cell linux: missing KERNEL");
	return 0;
}
