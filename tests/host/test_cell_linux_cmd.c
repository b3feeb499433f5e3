// SPDX-License-Identifier: GPL-2.0
/*
 * `jailhouse cell linux` as a command, on the host: its grammar, the
 * refusals that need no kernel and no device (not an Image, too little
 * RAM, no RAM region, a root config, a missing file: one clear line each,
 * before /dev/jailhouse is opened), and -w, which writes the DTB and
 * prints Jailhouse's commands.  Compiles the tool's sources themselves.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <jailhouse/cell-config.h>

#include "tools/cell_linux.h"
#include "tools/cli.h"

#define config qemu_sys
#include "configs/arm64/qemu-arm64.c"
#undef config
#define config qemu_linux
#include "configs/arm64/qemu-arm64-linux-demo.c"
#undef config

#define BOARD_DTB	SRCTREE "/tests/host/data/qemu-virt-gicv3-4cpu.dtb"

static char dir[256];
static struct cli_command cmd;

static const char *path(const char *name)
{
	/* enough for the arguments of one command and its checks */
	static char buf[16][512];
	static int next;

	next = (next + 1) % 16;
	snprintf(buf[next], sizeof(buf[next]), "%s/%s", dir, name);
	return buf[next];
}

static void write_file(const char *name, const void *data, size_t size)
{
	FILE *f = fopen(path(name), "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, size, f), size);
	fclose(f);
}

/* an arm64 Image header and @size bytes in all */
static void write_image(const char *name, size_t size)
{
	unsigned char *p = calloc(1, size);

	assert_non_null(p);
	p[16] = size & 0xff;
	p[17] = (size >> 8) & 0xff;
	p[18] = (size >> 16) & 0xff;
	p[19] = (size >> 24) & 0xff;
	p[24] = 0xa;
	memcpy(p + 0x38, "ARM\x64", 4);
	write_file(name, p, size);
	free(p);
}

static int setup(void **state)
{
	unsigned char cell[sizeof(qemu_linux)];
	struct jailhouse_memory *mem;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/cell-linux-XXXXXX", BUILD_DIR);
	assert_non_null(mkdtemp(dir));
	write_file("sys.cell", &qemu_sys, sizeof(qemu_sys));
	write_file("linux.cell", &qemu_linux, sizeof(qemu_linux));
	write_image("Image", 3 << 20);
	write_file("initrd", "07070100", 8);
	write_file("text", "hello, I am no kernel\n", 22);

	/* the same cell with 4 MiB of RAM, and with none */
	memcpy(cell, &qemu_linux, sizeof(cell));
	mem = (void *)(cell + sizeof(struct jailhouse_cell_desc) + 8);
	assert_int_equal(mem[11].phys_start, 0x70000000);
	mem[11].size = 4 << 20;
	write_file("small.cell", cell, sizeof(cell));
	mem[11].flags &= ~JAILHOUSE_MEM_DMA;
	write_file("noram.cell", cell, sizeof(cell));
	return 0;
}

static int teardown(void **state)
{
	char rm[600];

	(void)state;
	snprintf(rm, sizeof(rm), "rm -rf %s", dir);
	return system(rm);
}

/* Runs the command with stdout and stderr into files; returns status. */
static int run(char *out, char *err, size_t len, ...)
{
	char *argv[32] = { "jailhouse", "cell", "linux" };
	int argc = 3, status, saved_out, saved_err, fd;
	char out_file[512], err_file[512];
	va_list ap;
	FILE *f;
	size_t got;

	va_start(ap, len);
	while ((argv[argc] = va_arg(ap, char *)))
		argc++;
	va_end(ap);

	cli_release(&cmd);
	if (cli_parse(argc, argv, &cmd) != CLI_CELL_LINUX)
		fail_msg("parse: %s", cmd.error);

	fflush(stdout);
	fflush(stderr);
	saved_out = dup(1);
	saved_err = dup(2);
	snprintf(out_file, sizeof(out_file), "%s/out", dir);
	snprintf(err_file, sizeof(err_file), "%s/err", dir);
	fd = open(out_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	dup2(fd, 1);
	close(fd);
	fd = open(err_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	dup2(fd, 2);
	close(fd);
	status = cell_linux(&cmd.linux_args, "jailhouse");
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);

	f = fopen(out_file, "r");
	got = fread(out, 1, len - 1, f);
	out[got] = '\0';
	fclose(f);
	f = fopen(err_file, "r");
	got = fread(err, 1, len - 1, f);
	err[got] = '\0';
	fclose(f);
	return status;
}

/* Refused with exactly @line, and without touching the device. */
#define assert_refused(line, ...)					\
	do {								\
		char out[4096], err[4096], expected[1100];		\
		assert_int_equal(run(out, err, sizeof(out), __VA_ARGS__, \
				     NULL), 1);				\
		snprintf(expected, sizeof(expected), "%s\n", line);	\
		assert_string_equal(err, expected);			\
		assert_string_equal(out, "");				\
	} while (0)

static void test_grammar(void **state)
{
	const struct linux_args *a = &cmd.linux_args;
	char *argv[] = { "jailhouse", "cell", "linux", "-i", "rd",
		"c.cell", "--cmdline=console=ttyAMA0 quiet", "Image", "-k",
		"3", "-w", "p.dtb", "-a", "arm64", "--board-dtb", "b.dtb",
		NULL };

	(void)state;
	assert_int_equal(cli_parse(16, argv, &cmd), CLI_CELL_LINUX);
	assert_string_equal(a->config, "c.cell");
	assert_string_equal(a->kernel, "Image");
	assert_string_equal(a->initrd, "rd");
	assert_string_equal(a->cmdline, "console=ttyAMA0 quiet");
	assert_string_equal(a->write_params, "p.dtb");
	assert_string_equal(a->board_dtb, "b.dtb");
	assert_true(a->has_decomp_factor);
	assert_int_equal(a->decomp_factor, 3);
	assert_null(a->dtb);

	assert_int_equal(cli_parse(4, (char *[]){ "jailhouse", "cell",
		"linux", "-h", NULL }, &cmd), CLI_CELL_LINUX_HELP);
	assert_int_equal(cli_parse(4, (char *[]){ "jailhouse", "cell",
		"linux", "c.cell", NULL }, &cmd), CLI_USAGE_ERROR);
	assert_string_equal(cmd.error, "cell linux: missing KERNEL");
	assert_int_equal(cli_parse(6, (char *[]){ "jailhouse", "cell",
		"linux", "c.cell", "Image", "-x", NULL }, &cmd),
		CLI_USAGE_ERROR);
	assert_string_equal(cmd.error, "cell linux: unknown option \"-x\"");
	assert_int_equal(cli_parse(7, (char *[]){ "jailhouse", "cell",
		"linux", "c.cell", "Image", "-a", "x86", NULL }, &cmd),
		CLI_USAGE_ERROR);
	assert_string_equal(cmd.error, "cell linux: architecture \"x86\" is "
			    "not supported (only arm64)");
	assert_int_equal(cli_parse(9, (char *[]){ "jailhouse", "cell",
		"linux", "c.cell", "Image", "-i", "a", "-i", "b", NULL },
		&cmd), CLI_USAGE_ERROR);
	assert_string_equal(cmd.error, "cell linux: --initrd given twice");
	assert_int_equal(cli_parse(7, (char *[]){ "jailhouse", "cell",
		"linux", "c.cell", "Image", "-k", "x", NULL }, &cmd),
		CLI_USAGE_ERROR);
	assert_int_equal(cli_parse(6, (char *[]){ "jailhouse", "cell",
		"linux", "c.cell", "Image", "-d", NULL }, &cmd),
		CLI_USAGE_ERROR);
	assert_string_equal(cmd.error, "cell linux: missing value after "
			    "\"-d\"");
}

static void test_refusals(void **state)
{
	char line[1024];

	(void)state;
	snprintf(line, sizeof(line), "jailhouse: %s is not an arm64 Linux "
		 "Image: no \"ARM\\x64\" magic at offset 0x38",
		 path("text"));
	assert_refused(line, (char *)path("linux.cell"), (char *)path("text"),
		       "--board-dtb", BOARD_DTB);

	assert_refused("jailhouse: cell \"qemu-arm64-linux-demo\" has too "
		       "little RAM: kernel 0x300000 + initrd 0x8 + "
		       "decompression gap 0x300000 + device tree 0x2000 need "
		       "a region of 0x804008 bytes (9 MiB), the largest is "
		       "mem_regions[11] with 0x400000 (4 MiB)",
		       (char *)path("small.cell"), (char *)path("Image"),
		       "-i", (char *)path("initrd"), "--board-dtb", BOARD_DTB);

	assert_refused("jailhouse: cell \"qemu-arm64-linux-demo\" has no RAM "
		       "region to boot Linux in (one with flags "
		       "READ|WRITE|EXECUTE|DMA and without "
		       "IO/COMM_REGION/ROOTSHARED)",
		       (char *)path("noram.cell"), (char *)path("Image"),
		       "-d", BOARD_DTB);

	snprintf(line, sizeof(line), "jailhouse: Not a cell configuration: "
		 "%s is the system config of the root cell; cell linux needs "
		 "a non-root cell's config", path("sys.cell"));
	assert_refused(line, (char *)path("sys.cell"), (char *)path("Image"));

	snprintf(line, sizeof(line), "jailhouse: opening %s: No such file or "
		 "directory", path("nothing"));
	assert_refused(line, (char *)path("linux.cell"),
		       (char *)path("nothing"));
	assert_refused(line, (char *)path("linux.cell"),
		       (char *)path("Image"), "-i", (char *)path("nothing"));
}

static void test_write_params(void **state)
{
	char out[4096], err[4096], expected[4096];

	(void)state;
	setenv("JAILHOUSE_LINUX_LOADER", "", 1);
	assert_int_equal(run(out, err, sizeof(out), path("linux.cell"),
			     path("Image"), "-i", path("initrd"), "-c",
			     "console=ttyAMA0", "--board-dtb", BOARD_DTB,
			     "--sysconfig", path("sys.cell"), "-w",
			     path("params.dtb"), NULL), 0);
	assert_string_equal(err, "");
	snprintf(expected, sizeof(expected),
		 "Modified device tree written. Start Linux with the "
		 "following commands (adjusting paths as needed):\n\n"
		 "jailhouse cell create %s\n"
		 "jailhouse cell load qemu-arm64-linux-demo linux-loader.bin "
		 "-a 0x0 -s \"kernel=0x70200000 dtb=0x70000000\" -a 0x1000 "
		 "%s -a 0x70200000 %s -a 0x70800000 %s -a 0x70000000\n"
		 "jailhouse cell start qemu-arm64-linux-demo\n",
		 path("linux.cell"), path("Image"), path("initrd"),
		 path("params.dtb"));
	if (!strstr(out, "linux-loader.bin -a"))
		/* an installed loader is named by its path */
		assert_non_null(strstr(out, "/linux-loader.bin -a 0x0"));
	else
		assert_string_equal(out, expected);
	assert_int_equal(access(path("params.dtb"), R_OK), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grammar),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_write_params),
	};
	int ret;

	ret = cmocka_run_group_tests(tests, setup, teardown);
	cli_release(&cmd);
	return ret;
}
