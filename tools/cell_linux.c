// SPDX-License-Identifier: GPL-2.0
/*
 * `jailhouse cell linux CELLCONFIG KERNEL ...`, Jailhouse's helper in C.
 * The flow is Jailhouse's: device tree, placement, then the loader at the
 * reset address with "kernel=... dtb=..." 0x1000 above it, the kernel,
 * the DTB and the initrd loaded with CELL_LOAD, and start.  Without -d
 * the device tree is generated from the board's (fdt_inmate.c).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <libfdt.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/config_check.h>
#include <jailhouse/ioctl.h>

#include "cell_linux.h"
#include "control.h"
#include "fdt_cell.h"
#include "fdt_inmate.h"
#include "file.h"
#include "kernel_image.h"
#include "linux_placement.h"
#include "sysfs.h"

#ifndef DATADIR
#define DATADIR "/usr/share"
#endif
#ifndef LIBEXECDIR
#define LIBEXECDIR "/usr/libexec"
#endif

#define LOADER_NAME	"linux-loader.bin"
#define LOADER_ENV	"JAILHOUSE_LINUX_LOADER"
#define IOMEM_ECAM_NAME	"Jailhouse vPCI ECAM"
#define MSG_LEN		512

struct linux_boot {
	const struct linux_args *args;
	void *config;
	size_t config_size;
	const struct jailhouse_cell_desc *cell;
	struct kernel_image kernel;
	__u64 initrd_size;
	void *dtb;
	size_t dtb_size;
	struct linux_placement place;
	char params[96];
};

static void print_finding(void *ctx, const struct config_check_finding *f)
{
	char line[512];

	if (f->severity != CC_ERROR)
		return;
	config_check_format_at(f, ctx, line, sizeof(line));
	fprintf(stderr, "jailhouse: %s", line);
}

/* The cell config, refused unless it is a sound non-root config. */
static int read_config(struct linux_boot *boot)
{
	const char *path = boot->args->config;

	boot->config = file_read_all(path, &boot->config_size);
	if (!boot->config)
		return -1;
	if (boot->config_size >= 5 &&
	    memcmp(boot->config, JAILHOUSE_SYSTEM_SIGNATURE, 5) == 0) {
		fprintf(stderr, "jailhouse: Not a cell configuration: %s is "
			"the system config of the root cell; cell linux needs "
			"a non-root cell's config\n", path);
		return -1;
	}
	if (config_check_cell(NULL, boot->config, boot->config_size,
			      print_finding, (void *)path)) {
		fprintf(stderr, "jailhouse: %s is not a usable cell "
			"configuration (see above)\n", path);
		return -1;
	}
	boot->cell = boot->config;
	return 0;
}

static int read_kernel(struct linux_boot *boot)
{
	char error[MSG_LEN];
	size_t size;
	void *data;

	data = file_read_all(boot->args->kernel, &size);
	if (!data)
		return -1;
	if (kernel_image_parse(boot->args->kernel, data, size, &boot->kernel,
			       error, sizeof(error))) {
		fprintf(stderr, "jailhouse: %s\n", error);
		return -1;
	}
	return 0;
}

static int stat_initrd(struct linux_boot *boot)
{
	struct stat st;

	if (!boot->args->initrd)
		return 0;
	if (stat(boot->args->initrd, &st) != 0) {
		fprintf(stderr, "jailhouse: opening %s: %s\n",
			boot->args->initrd, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		fprintf(stderr, "jailhouse: %s: not a regular, non-empty "
			"file\n", boot->args->initrd);
		return -1;
	}
	boot->initrd_size = st.st_size;
	return 0;
}

/* The root's vPCI ECAM window as the driver claims it in /proc/iomem. */
static bool iomem_ecam(__u64 *base, __u8 *end_bus)
{
	unsigned long long start, end;
	char line[256];
	bool found = false;
	FILE *iomem;

	iomem = fopen("/proc/iomem", "r");
	if (!iomem)
		return false;
	while (!found && fgets(line, sizeof(line), iomem))
		if (strstr(line, IOMEM_ECAM_NAME) &&
		    sscanf(line, " %llx-%llx", &start, &end) == 2 && start) {
			*base = start;
			*end_bus = (end - start) >> 20;
			found = true;
		}
	fclose(iomem);
	return found;
}

static int pci_host(const struct linux_boot *boot, struct fdt_inmate_input *in)
{
	const struct jailhouse_system *sys;
	size_t size;
	void *blob;

	if (!boot->cell->num_pci_devices)
		return 0;
	if (!boot->args->sysconfig) {
		in->pci_known = iomem_ecam(&in->pci_ecam_base,
					   &in->pci_end_bus);
		return 0;
	}
	blob = file_read_all(boot->args->sysconfig, &size);
	if (!blob)
		return -1;
	sys = blob;
	if (size < sizeof(*sys) ||
	    memcmp(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE, 5) != 0) {
		fprintf(stderr, "jailhouse: %s is not a system configuration "
			"(--sysconfig)\n", boot->args->sysconfig);
		free(blob);
		return -1;
	}
	in->pci_known = sys->platform_info.pci_mmconfig_base != 0;
	in->pci_ecam_base = sys->platform_info.pci_mmconfig_base;
	in->pci_end_bus = sys->platform_info.pci_mmconfig_end_bus;
	free(blob);
	return 0;
}

/*
 * Warnings about the device tree wait until it is certain to be used: a
 * refusal (too little RAM ...) is then the only line printed.
 */
static char *held_warnings;

static void hold_warning(void *ctx, const char *line)
{
	size_t old = held_warnings ? strlen(held_warnings) : 0;
	char *more = realloc(held_warnings, old + strlen(line) + 32);

	(void)ctx;
	if (!more)
		return;
	held_warnings = more;
	sprintf(held_warnings + old, "jailhouse: warning: %s\n", line);
}

static void release_warnings(bool print)
{
	if (print && held_warnings)
		fputs(held_warnings, stderr);
	free(held_warnings);
	held_warnings = NULL;
}

static int make_dtb(struct linux_boot *boot)
{
	const struct linux_args *args = boot->args;
	struct fdt_inmate_input in = {
		.cell = boot->cell,
		.cmdline = args->cmdline,
		.has_initrd = args->initrd != NULL,
		.warn = hold_warning,
	};
	const char *board = args->board_dtb ? args->board_dtb :
		LINUX_DEFAULT_BOARD_DTB;
	char error[MSG_LEN];
	size_t size;
	void *blob;

	if (args->dtb) {
		blob = file_read_all(args->dtb, &size);
		if (!blob)
			return -1;
		boot->dtb = fdt_cell_patch(blob, size, boot->cell,
					   args->cmdline, args->initrd != NULL,
					   error, sizeof(error));
		free(blob);
		if (!boot->dtb) {
			fprintf(stderr, "jailhouse: %s: %s\n", args->dtb,
				error);
			return -1;
		}
		/* Jailhouse reserves room by the size of the file given */
		boot->dtb_size = fdt_totalsize(boot->dtb);
		if (boot->dtb_size < size)
			boot->dtb_size = size;
		return 0;
	}

	if (pci_host(boot, &in))
		return -1;
	blob = file_read_all(board, &size);
	if (!blob) {
		fprintf(stderr, "jailhouse: the inmate's device tree is made "
			"from the board's: pass --board-dtb FILE, or -d DTB "
			"to use your own\n");
		return -1;
	}
	in.board = blob;
	in.board_size = size;
	boot->dtb = fdt_inmate_generate(&in, &boot->dtb_size, error,
					sizeof(error));
	free(blob);
	if (!boot->dtb) {
		fprintf(stderr, "jailhouse: %s: %s\n", board, error);
		return -1;
	}
	return 0;
}

static int place(struct linux_boot *boot)
{
	struct linux_sizes sizes = {
		.kernel = boot->kernel.size,
		.text_offset = boot->kernel.text_offset,
		.kernel_image = boot->kernel.image_size,
		.initrd = boot->initrd_size,
		.has_initrd = boot->args->initrd != NULL,
		.dtb = boot->dtb_size,
		.decomp_factor = boot->args->has_decomp_factor ?
			boot->args->decomp_factor :
			LINUX_DEFAULT_DECOMP_FACTOR,
	};
	char error[MSG_LEN];
	int err;

	if (linux_place(boot->cell, &sizes, &boot->place, error,
			sizeof(error))) {
		fprintf(stderr, "jailhouse: %s\n", error);
		return -1;
	}
	if (sizes.has_initrd) {
		err = fdt_cell_set_initrd(boot->dtb, boot->place.initrd,
					  boot->place.initrd +
					  boot->initrd_size);
		if (err) {
			fprintf(stderr, "jailhouse: cannot set the initrd in "
				"the device tree\n");
			return -1;
		}
	}
	snprintf(boot->params, sizeof(boot->params), "kernel=0x%llx dtb=0x%llx",
		 (unsigned long long)boot->place.kernel,
		 (unsigned long long)boot->place.dtb);
	return 0;
}

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * linux-loader.bin: $JAILHOUSE_LINUX_LOADER, next to the tool in a build
 * tree (Jailhouse's inmates/tools/arm64/), then where `make install` puts
 * inmates, then Jailhouse's libexec place.
 */
static bool find_loader(const char *argv0, char *path, size_t len)
{
	static const char *const relative[] = {
		"../inmates/tools/arm64/" LOADER_NAME,
		"../inmates/tools/" LOADER_NAME,
		"../inmates/" LOADER_NAME,
		LOADER_NAME,
	};
	const char *env = getenv(LOADER_ENV);
	char exe[PATH_MAX], *slash;
	unsigned int n;
	ssize_t got;

	if (env && env[0]) {
		snprintf(path, len, "%s", env);
		return true;	/* the user's choice; read_all says if not */
	}
	got = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (got <= 0)
		snprintf(exe, sizeof(exe), "%s", argv0);
	else
		exe[got] = '\0';
	slash = strrchr(exe, '/');
	if (slash) {
		*slash = '\0';
		for (n = 0; n < sizeof(relative) / sizeof(relative[0]); n++) {
			if (snprintf(path, len, "%s/%s", exe, relative[n]) <
			    (int)len && is_file(path))
				return true;
		}
	}
	snprintf(path, len, DATADIR "/jailhouse/inmates/" LOADER_NAME);
	if (is_file(path))
		return true;
	snprintf(path, len, LIBEXECDIR "/jailhouse/" LOADER_NAME);
	return is_file(path);
}

static int write_params(const struct linux_boot *boot, const char *loader)
{
	const struct linux_args *args = boot->args;
	FILE *out;

	out = fopen(args->write_params, "wb");
	if (!out || fwrite(boot->dtb, boot->dtb_size, 1, out) != 1 ||
	    fclose(out) != 0) {
		fprintf(stderr, "jailhouse: writing %s: %s\n",
			args->write_params, strerror(errno));
		return 1;
	}
	printf("Modified device tree written. Start Linux with the following "
	       "commands (adjusting paths as needed):\n\n");
	printf("jailhouse cell create %s\n", args->config);
	printf("jailhouse cell load %.*s %s -a 0x%llx -s \"%s\" -a 0x%llx "
	       "%s%s -a 0x%llx ", JAILHOUSE_CELL_NAME_MAXLEN,
	       boot->cell->name, loader,
	       (unsigned long long)boot->place.loader, boot->params,
	       (unsigned long long)boot->place.params, args->kernel,
	       boot->kernel.gzipped ? "-unzipped" : "",
	       (unsigned long long)boot->place.kernel);
	if (args->initrd)
		printf("%s -a 0x%llx ", args->initrd,
		       (unsigned long long)boot->place.initrd);
	printf("%s -a 0x%llx\n", args->write_params,
	       (unsigned long long)boot->place.dtb);
	printf("jailhouse cell start %.*s\n", JAILHOUSE_CELL_NAME_MAXLEN,
	       boot->cell->name);
	if (boot->kernel.gzipped)
		printf("\nNote that %s is zipped and requires decompression "
		       "first.\n", args->kernel);
	return 0;
}

static bool cell_exists(const char *name)
{
	struct sysfs_cell *cells;
	int n, count;
	bool found = false;

	count = sysfs_list_cells(&cells);
	for (n = 0; n < count; n++)
		if (strcmp(cells[n].name, name) == 0)
			found = true;
	if (count >= 0)
		free(cells);
	return found;
}

/*
 * Every image must lie in LOADABLE memory of the cell, or CELL_LOAD fails
 * after the cell was created: say so before.
 */
static int check_loadable(const struct linux_boot *boot,
			  const struct control_image *images, unsigned int num)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(boot->cell);
	unsigned int n, r;

	for (n = 0; n < num; n++) {
		for (r = 0; r < boot->cell->num_memory_regions; r++)
			if ((mem[r].flags & JAILHOUSE_MEM_LOADABLE) &&
			    images[n].target >= mem[r].virt_start &&
			    images[n].target - mem[r].virt_start <=
			    mem[r].size &&
			    images[n].size <= mem[r].virt_start +
			    mem[r].size - images[n].target)
				break;
		if (r == boot->cell->num_memory_regions) {
			fprintf(stderr, "jailhouse: %s (0x%zx bytes) at 0x%llx "
				"does not fit in LOADABLE memory of cell "
				"\"%s\"\n", images[n].name, images[n].size,
				(unsigned long long)images[n].target,
				boot->cell->name);
			return -1;
		}
	}
	return 0;
}

static int boot_cell(const struct linux_boot *boot, const char *loader_path)
{
	struct control_image images[5];
	struct cli_cell_ref ref;
	unsigned int num = 0;
	void *loader = NULL, *initrd = NULL;
	size_t loader_size, initrd_size = 0;
	bool created = false;
	int ret = 1;

	loader = file_read_all(loader_path, &loader_size);
	if (!loader)
		return 1;
	if (boot->args->initrd) {
		initrd = file_read_all(boot->args->initrd, &initrd_size);
		if (!initrd)
			goto out;
	}

	memset(&ref, 0, sizeof(ref));
	ref.id = JAILHOUSE_CELL_ID_UNUSED;
	memcpy(ref.name, boot->cell->name, JAILHOUSE_CELL_NAME_MAXLEN);
	ref.arg = ref.name;

	images[num++] = (struct control_image){ loader, loader_size,
		boot->place.loader, loader_path };
	images[num++] = (struct control_image){ boot->params,
		strlen(boot->params) + 1, boot->place.params, boot->params };
	images[num++] = (struct control_image){ boot->kernel.data,
		boot->kernel.size, boot->place.kernel, boot->args->kernel };
	images[num++] = (struct control_image){ boot->dtb, boot->dtb_size,
		boot->place.dtb, "device tree" };
	if (initrd)
		images[num++] = (struct control_image){ initrd, initrd_size,
			boot->place.initrd, boot->args->initrd };

	if (check_loadable(boot, images, num))
		goto out;
	/* Jailhouse's helper reuses a cell of that name */
	if (!cell_exists(ref.name)) {
		if (control_cell_create(boot->args->config, boot->config,
					boot->config_size))
			goto out;
		created = true;
	}
	if (control_cell_load(&ref, images, num) ||
	    control_cell_start(&ref)) {
		if (created && control_cell_destroy(&ref) == 0)
			fprintf(stderr, "jailhouse: cell \"%s\" destroyed "
				"again\n", ref.name);
		goto out;
	}
	ret = 0;
out:
	free(loader);
	free(initrd);
	return ret;
}

int cell_linux(const struct linux_args *args, const char *argv0)
{
	struct linux_boot boot = { .args = args };
	char loader[PATH_MAX];
	bool have_loader;
	int ret = 1;

	if (read_config(&boot) || read_kernel(&boot) || stat_initrd(&boot) ||
	    make_dtb(&boot) || place(&boot)) {
		release_warnings(false);
		goto out;
	}
	release_warnings(true);

	have_loader = find_loader(argv0, loader, sizeof(loader));
	if (args->write_params) {
		ret = write_params(&boot, have_loader ? loader : LOADER_NAME);
		goto out;
	}
	if (!have_loader) {
		fprintf(stderr, "jailhouse: " LOADER_NAME " not found (looked "
			"next to jailhouse, in " DATADIR "/jailhouse/inmates "
			"and " LIBEXECDIR "/jailhouse; set " LOADER_ENV ")\n");
		goto out;
	}
	ret = boot_cell(&boot, loader);
out:
	free(boot.config);
	free(boot.dtb);
	kernel_image_release(&boot.kernel);
	return ret;
}
