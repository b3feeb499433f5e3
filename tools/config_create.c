// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse config create: writes a root cell config for the arm64 board
 * it runs on (or, with -r, whose files were collected under ROOT, or with
 * --dtb, whose device tree blob is given), and with -g the inmate-demo
 * and linux-demo cells that go with it.  Jailhouse's grammar; its -g
 * (collector script) is `jailhouse config collect` here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg_emit.h"

#define DEFAULT_MEM_INMATES	"76M"
#define DEFAULT_MEM_HV		"6M"

static const char usage[] =
	"usage: jailhouse config create [-h] [-g] [-r ROOT] [-t TEMPLATE_DIR]\n"
	"                               [-c CONSOLE] [--mem-inmates MEM_INMATES]\n"
	"                               [--mem-hv MEM_HV] [--dtb DTB] FILE\n";

static const char help[] =
	"\n"
	"Write a root cell configuration (C source) for this arm64 board, from\n"
	"its device tree, /proc/iomem and the CPU list.\n"
	"\n"
	"positional arguments:\n"
	"  FILE                  name of file to write out\n"
	"\n"
	"optional arguments:\n"
	"  -h, --help            show this help message and exit\n"
	"  -g, --generate-cells  also write FILE-inmate-demo.c and\n"
	"                        FILE-linux-demo.c, cells that fit beside it\n"
	"                        (Jailhouse's collector script is\n"
	"                        \"jailhouse config collect\" here)\n"
	"  -r ROOT, --root ROOT  gather information in ROOT/, the default is \"/\"\n"
	"                        which means creating a config for localhost\n"
	"  -t TEMPLATE_DIR, --template-dir TEMPLATE_DIR\n"
	"                        accepted for compatibility; not used\n"
	"  -c CONSOLE, --console CONSOLE\n"
	"                        \"none\": no hypervisor UART; otherwise the UART\n"
	"                        is the one of /chosen/stdout-path\n"
	"  --mem-inmates MEM_INMATES\n"
	"                        the amount of inmate memory, default is \"" DEFAULT_MEM_INMATES "\",\n"
	"                        format \"xxx[K|M|G]\"\n"
	"  --mem-hv MEM_HV       the amount of hypervisor memory, default is \"" DEFAULT_MEM_HV "\",\n"
	"                        format \"xxx[K|M|G]\"\n"
	"  --dtb DTB             read this device tree blob instead of\n"
	"                        ROOT/sys/firmware/fdt (and, without -r, nothing\n"
	"                        else: for a board you do not run on)\n";

struct options {
	bool cells;
	const char *root;
	const char *dtb;
	const char *file;
	bool no_console;
	uint64_t mem_inmates, mem_hv;
};

static int fail_usage(const char *fmt, const char *arg)
{
	fputs(usage, stderr);
	fprintf(stderr, "jailhouse config create: error: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return 2;
}

/* "76M", "0x100000", "1G" */
static bool parse_size(const char *arg, uint64_t *size)
{
	unsigned long long v;
	char *end;

	if (arg[0] < '0' || arg[0] > '9')
		return false;
	errno = 0;
	v = strtoull(arg, &end, 0);
	if (errno)
		return false;
	switch (*end) {
	case 'K': case 'k': v <<= 10; end++; break;
	case 'M': case 'm': v <<= 20; end++; break;
	case 'G': case 'g': v <<= 30; end++; break;
	}
	if (*end != '\0' || v == 0 || v > (1ULL << 40))
		return false;
	*size = v;
	return true;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	int n;

	parse_size(DEFAULT_MEM_INMATES, &o->mem_inmates);
	parse_size(DEFAULT_MEM_HV, &o->mem_hv);
	for (n = 1; n < argc; n++) {
		const char *a = argv[n];
		const char *value = n + 1 < argc ? argv[n + 1] : NULL;

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			fputs(help, stdout);
			exit(0);
		} else if (strcmp(a, "-g") == 0 ||
			   strcmp(a, "--generate-cells") == 0) {
			o->cells = true;
		} else if (strcmp(a, "--generate-collector") == 0) {
			return fail_usage("%s: use \"jailhouse config collect "
					  "FILE.TAR\" on the target", a);
		} else if (!strcmp(a, "-r") || !strcmp(a, "--root") ||
			   !strcmp(a, "-t") || !strcmp(a, "--template-dir") ||
			   !strcmp(a, "-c") || !strcmp(a, "--console") ||
			   !strcmp(a, "--mem-inmates") ||
			   !strcmp(a, "--mem-hv") || !strcmp(a, "--dtb")) {
			if (!value)
				return fail_usage("argument %s: expected one "
						  "argument", a);
			n++;
			if (a[1] == 'r' || !strcmp(a, "--root"))
				o->root = value;
			else if (!strcmp(a, "--dtb"))
				o->dtb = value;
			else if (a[1] == 'c' || !strcmp(a, "--console"))
				o->no_console = !strcmp(value, "none");
			else if (!strcmp(a, "--mem-inmates") &&
				 !parse_size(value, &o->mem_inmates))
				return fail_usage("--mem-inmates: cannot parse "
						  "\"%s\" (format xxx[K|M|G])",
						  value);
			else if (!strcmp(a, "--mem-hv") &&
				 !parse_size(value, &o->mem_hv))
				return fail_usage("--mem-hv: cannot parse "
						  "\"%s\" (format xxx[K|M|G])",
						  value);
		} else if (a[0] == '-' && a[1] != '\0') {
			return fail_usage("unrecognized arguments: %s", a);
		} else if (o->file) {
			return fail_usage("unrecognized arguments: %s", a);
		} else {
			o->file = a;
		}
	}
	if (!o->file)
		return fail_usage("the following arguments are required: %s",
				  "FILE");
	return 0;
}

static FILE *open_out(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		fprintf(stderr, "jailhouse config create: cannot write %s: "
			"%s\n", path, strerror(errno));
	return f;
}

static int write_cell(const char *base, const char *suffix,
		      void (*emit)(FILE *, const struct cfg_board *,
				   const struct cfg_plan *,
				   const struct cfg_emit_info *),
		      const struct cfg_board *b, const struct cfg_plan *p,
		      const struct cfg_emit_info *info)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s-%s.c", base, suffix);
	f = open_out(path);
	if (!f)
		return -1;
	emit(f, b, p, info);
	if (fclose(f) != 0)
		return -1;
	printf("Wrote %s\n", path);
	return 0;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct cfg_board board;
	struct cfg_plan plan;
	struct cfg_emit_info info;
	char dtb_path[4096], cmdline[4096] = "jailhouse config create";
	char base[4096], source[4200];
	const char *root, *slash;
	void *fdt;
	char *enabled;
	size_t len;
	FILE *f;
	int n, err;

	err = parse_options(argc, argv, &o);
	if (err)
		return err;
	for (n = 1; n < argc; n++) {
		len = strlen(cmdline);
		snprintf(cmdline + len, sizeof(cmdline) - len, " %s", argv[n]);
	}

	root = o.root ? o.root : "";
	if (root[0] && root[strlen(root) - 1] == '/')
		root = strcmp(root, "/") == 0 ? "" : root;
	snprintf(dtb_path, sizeof(dtb_path), "%s", o.dtb ? o.dtb : "");
	if (!o.dtb)
		snprintf(dtb_path, sizeof(dtb_path), "%s/sys/firmware/fdt",
			 root);

	if (!o.dtb || o.root) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/sys/devices/jailhouse/enabled",
			 root);
		enabled = cfg_read_file(path, NULL);
		if (enabled && enabled[0] == '1') {
			fprintf(stderr, "ERROR: Jailhouse was enabled when "
				"collecting input files! Disable jailhouse "
				"and try again.\n");
			return 1;
		}
		free(enabled);
	}

	fdt = cfg_read_file(dtb_path, NULL);
	if (!fdt) {
		fprintf(stderr, "jailhouse config create: cannot read the "
			"device tree %s: %s%s\n", dtb_path, strerror(errno),
			!o.dtb && !o.root && errno == EACCES ?
			" (run as root)" : "");
		return 1;
	}
	memset(&board, 0, sizeof(board));
	if (cfg_board_from_fdt(&board, fdt))
		return 1;
	if ((!o.dtb || o.root) && cfg_board_from_system(&board, root))
		return 1;
	if (o.no_console)
		board.console.found = false;
	if (board.sys_cpus && board.sys_cpus != board.num_cpus)
		fprintf(stderr, "Warning: the device tree lists %u CPUs, "
			"sysfs %u possible; the config follows the device "
			"tree\n", board.num_cpus, board.sys_cpus);
	if (cfg_plan_make(&plan, &board, o.mem_hv, o.mem_inmates))
		return 1;

	snprintf(base, sizeof(base), "%s", o.file);
	len = strlen(base);
	if (len > 2 && strcmp(base + len - 2, ".c") == 0)
		base[len - 2] = '\0';
	slash = strrchr(o.file, '/');
	snprintf(source, sizeof(source), "%s%s%s", dtb_path,
		 board.have_system ? ", /proc/iomem and the CPU list under " :
		 "", board.have_system ? (root[0] ? root : "/") : "");
	info.command_line = cmdline;
	info.source = source;
	info.root_file = slash ? slash + 1 : o.file;

	f = open_out(o.file);
	if (!f)
		return 1;
	cfg_emit_root(f, &board, &plan, &info);
	if (fclose(f) != 0) {
		fprintf(stderr, "jailhouse config create: writing %s failed\n",
			o.file);
		return 1;
	}
	printf("Wrote %s\n", o.file);
	if (o.cells) {
		if (!plan.cells_possible) {
			fprintf(stderr, "Note: one CPU only, no cell "
				"configs written\n");
		} else {
			if (write_cell(base, "inmate-demo",
				       cfg_emit_inmate_demo, &board, &plan,
				       &info))
				return 1;
			if (!plan.linux_fits)
				fprintf(stderr, "Note: --mem-inmates leaves "
					"less than 16 MiB for Linux: no "
					"linux-demo written\n");
			else if (write_cell(base, "linux-demo",
					    cfg_emit_linux_demo, &board,
					    &plan, &info))
				return 1;
		}
	}
	cfg_emit_boot_advice(stdout, &board, &plan, "");
	if (!board.console.found)
		printf("Note: no hypervisor UART (/chosen/stdout-path: %s)\n",
		       board.console.path[0] ? board.console.path : "none");
	return 0;
}
