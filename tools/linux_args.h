/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Arguments of `jailhouse cell linux`, Jailhouse's grammar (argparse:
 * options and positionals in any order, "--opt=value" and "--" too) plus
 * --board-dtb FILE and --sysconfig FILE for generating the inmate's device
 * tree.  Parsing is pure: no I/O.
 */
#ifndef _JAILHOUSE_TOOLS_LINUX_ARGS_H
#define _JAILHOUSE_TOOLS_LINUX_ARGS_H

#include <stdbool.h>
#include <stddef.h>

struct linux_args {
	const char *config;		/* CELLCONFIG */
	const char *kernel;		/* KERNEL */
	const char *initrd;		/* -i */
	const char *cmdline;		/* -c */
	const char *dtb;		/* -d: patch this DTB, do not generate */
	const char *write_params;	/* -w: write the DTB, print commands */
	const char *board_dtb;		/* --board-dtb, default the running one */
	const char *sysconfig;		/* --sysconfig: the root's config */
	unsigned int decomp_factor;	/* -k */
	bool has_decomp_factor;
	bool help;			/* -h: print linux_args_usage */
};

#define LINUX_DEFAULT_BOARD_DTB	"/sys/firmware/fdt"

/*
 * Parses the arguments after "cell linux" (argv[0] is the first of them).
 * Returns 0, or -1 with a message (no prefix, no newline) in @error.
 */
int linux_args_parse(int argc, char *const argv[], struct linux_args *args,
		     char *error, size_t len);

extern const char linux_args_usage[];

#endif /* !_JAILHOUSE_TOOLS_LINUX_ARGS_H */
