// SPDX-License-Identifier: GPL-2.0
/*
 * The built-in config checker: the same checks the driver and the
 * hypervisor apply (common/config_check/), run on compiled .cell
 * files on the host or the target before anything is loaded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/config_check.h>
#include <jailhouse/cpu_set.h>

#include "config_check_cmd.h"
#include "file.h"

enum config_kind {
	CONFIG_SYSTEM,
	CONFIG_CELL,
	CONFIG_OTHER,
};

struct loaded_config {
	const char *file;
	void *blob;
	size_t size;
	bool usable;		/* passed the structural checks */
};

struct check_context {
	const char *file;	/* config being checked, names findings */
	/* to name the config of a finding across cells by its file */
	const struct loaded_config *system;
	const struct loaded_config *cells;
	unsigned int num_cells;
	unsigned int errors;
	unsigned int warnings;
	unsigned int notes;
	bool structure_broken;	/* cannot look inside this blob */
};

static enum config_kind config_kind(const void *blob, size_t size)
{
	if (size >= 5 && memcmp(blob, JAILHOUSE_SYSTEM_SIGNATURE, 5) == 0)
		return CONFIG_SYSTEM;	/* "JHSYS" is a prefix of "JHSYST" */
	if (size >= 5 && memcmp(blob, JAILHOUSE_CELL_DESC_SIGNATURE, 5) == 0)
		return CONFIG_CELL;
	if (size >= 6 &&
	    memcmp(blob, JAILHOUSE_CELL_DESC_SIGNATURE_REV13, 6) == 0)
		return CONFIG_CELL;
	return CONFIG_OTHER;
}

static bool looks_like_text(const unsigned char *data, size_t size)
{
	size_t n, limit = size < 512 ? size : 512;

	for (n = 0; n < limit; n++)
		if (data[n] < 0x20 && data[n] != '\n' && data[n] != '\t' &&
		    data[n] != '\r')
			return false;
	return true;
}

/* A file that is no config at all: say what it seems to be instead. */
static void report_not_a_config(struct check_context *ctx,
				const void *blob, size_t size)
{
	printf("error: %s: not a Jailhouse config (no JHSYS or JHCLL "
		"signature)", ctx->file);
	if (size >= 4 && memcmp(blob, "\177ELF", 4) == 0)
		printf("; hint: this is an ELF object; the .cell file is "
			"made from it with objcopy -O binary");
	else if (looks_like_text(blob, size))
		printf("; hint: this looks like text; pass the compiled "
			".cell file, not the C source");
	printf("\n");
	ctx->errors++;
}

static bool is_structural(enum config_check_code code)
{
	switch (code) {
	case CC_TRUNCATED:
	case CC_BAD_SIGNATURE:
	case CC_BAD_REVISION:
	case CC_BAD_ARCH:
	case CC_BAD_CPU_SET_SIZE:
	case CC_TOO_LARGE:
		return true;
	default:
		return false;
	}
}

/*
 * The file a finding is in: the one being checked, or for findings across
 * cells, the one whose blob holds the cell name the finding points to.
 */
static bool holds(const struct loaded_config *cfg, const char *p)
{
	const char *blob = cfg->blob;

	return blob && p >= blob && p < blob + cfg->size;
}

static const char *finding_file(const struct check_context *ctx,
				const struct config_check_finding *f)
{
	unsigned int n;

	if (ctx->file)
		return ctx->file;
	if (ctx->system && holds(ctx->system, f->cell))
		return ctx->system->file;
	for (n = 0; n < ctx->num_cells; n++)
		if (holds(&ctx->cells[n], f->cell))
			return ctx->cells[n].file;
	return NULL;
}

static void report_finding(void *opaque, const struct config_check_finding *f)
{
	struct check_context *ctx = opaque;
	const char *file = finding_file(ctx, f);
	char small[1024], *text = small;
	int len;

	len = config_check_format_at(f, file, small, sizeof(small));
	if (len >= (int)sizeof(small)) {
		text = malloc(len + 1);
		if (text)
			config_check_format_at(f, file, text, len + 1);
		else
			text = small;	/* print it cut rather than not */
	}
	if (len < 0)
		snprintf(small, sizeof(small), "%s: %s: [%s]\n",
			 config_check_severity_name(f->severity),
			 file ? file : "config",
			 config_check_code_name(f->code));

	fputs(text, stdout);
	if (text[0] && text[strlen(text) - 1] != '\n')
		putchar('\n');
	if (text != small)
		free(text);

	if (f->severity == CC_ERROR) {
		ctx->errors++;
		if (is_structural(f->code))
			ctx->structure_broken = true;
	} else if (f->severity == CC_WARNING) {
		ctx->warnings++;
	} else {
		ctx->notes++;
	}
}

/* "0-3,6" from the cell's CPU bitmap; returns the number of CPUs. */
static unsigned int format_cpus(const struct jailhouse_cell_desc *cell,
				char *buf, size_t len)
{
	const void *set = jailhouse_cell_cpu_set(cell);
	__u64 cpu, first, count = 0,
	      span = jailhouse_cpu_set_span(set, cell->cpu_set_size);
	size_t used = 0;

	buf[0] = '\0';
	for (cpu = 0; cpu < span; cpu++) {
		if (!jailhouse_cell_has_cpu(cell, cpu))
			continue;
		first = cpu;
		while (jailhouse_cell_has_cpu(cell, cpu + 1))
			cpu++;
		count += cpu - first + 1;
		if (used < len)
			used += snprintf(buf + used, len - used, "%s%llu",
					 used ? "," : "", first);
		if (cpu != first && used < len)
			used += snprintf(buf + used, len - used, "-%llu", cpu);
	}
	return count;
}

/*
 * The hypervisor keeps a cell's CPUs in 64 bits and refuses a config that
 * names a higher CPU; say so here already.
 */
static void check_cpu_limit(struct check_context *ctx, const char *file,
			    const struct jailhouse_cell_desc *cell)
{
	__u64 span = jailhouse_cpu_set_span(jailhouse_cell_cpu_set(cell),
					    cell->cpu_set_size);

	if (span <= JAILHOUSE_MAX_CPUS)
		return;
	printf("%s: error: cell \"%.*s\" names CPU %llu, but the hypervisor "
	       "supports CPUs 0-%u only\n", file, JAILHOUSE_CELL_NAME_MAXLEN,
	       cell->name, span - 1, JAILHOUSE_MAX_CPUS - 1);
	printf("  hint: the CPU set lists CPU n as bit n; remove the CPUs "
	       "above %u\n", JAILHOUSE_MAX_CPUS - 1);
	ctx->errors++;
}

static void format_size(unsigned long long size, char *buf, size_t len)
{
	if (size && size % (1024 * 1024) == 0)
		snprintf(buf, len, "%llu MiB", size / (1024 * 1024));
	else if (size && size % 1024 == 0)
		snprintf(buf, len, "%llu KiB", size / 1024);
	else
		snprintf(buf, len, "%llu bytes", size);
}

static const char *plural(unsigned int n)
{
	return n == 1 ? "" : "s";
}

static void print_cell_summary(const struct jailhouse_cell_desc *cell)
{
	char cpus[256];
	unsigned int num_cpus = format_cpus(cell, cpus, sizeof(cpus));

	printf("CPU%s %s, %u memory region%s, %u irqchip%s, %u PCI "
	       "device%s", num_cpus == 1 ? "" : "s", cpus[0] ? cpus : "-",
	       cell->num_memory_regions, plural(cell->num_memory_regions),
	       cell->num_irqchips, plural(cell->num_irqchips),
	       cell->num_pci_devices, plural(cell->num_pci_devices));
}

static void print_system_summary(const char *file,
				 const struct jailhouse_system *sys)
{
	char size[32];
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];

	memcpy(name, sys->root_cell.name, sizeof(name));
	name[sizeof(name) - 1] = '\0';
	format_size(sys->hypervisor_memory.size, size, sizeof(size));
	printf("%s: system \"%s\": ", file, name);
	print_cell_summary(&sys->root_cell);
	printf("; hypervisor memory %s at 0x%llx; GICv%u\n", size,
	       (unsigned long long)sys->hypervisor_memory.phys_start,
	       sys->platform_info.arm.gic_version);
}

static void print_nonroot_summary(const char *file,
				  const struct jailhouse_cell_desc *cell)
{
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];

	memcpy(name, cell->name, sizeof(name));
	name[sizeof(name) - 1] = '\0';
	printf("%s: cell \"%s\": ", file, name);
	print_cell_summary(cell);
	printf("\n");
}

/* Loads one file and checks that it is a config of the expected kind. */
static bool load_config(struct check_context *ctx, struct loaded_config *cfg,
			enum config_kind expected)
{
	enum config_kind kind;

	ctx->file = cfg->file;
	cfg->blob = file_read_all(cfg->file, &cfg->size);
	if (!cfg->blob) {
		ctx->errors++;
		return false;
	}

	kind = config_kind(cfg->blob, cfg->size);
	if (kind == CONFIG_OTHER) {
		report_not_a_config(ctx, cfg->blob, cfg->size);
		return false;
	}
	if (kind != expected) {
		printf("error: %s: this is a %s config, expected a "
			"%s config; hint: the system config comes first, the "
			"cell configs after it\n", cfg->file,
			kind == CONFIG_SYSTEM ? "system" : "cell",
			expected == CONFIG_SYSTEM ? "system" : "cell");
		ctx->errors++;
		return false;
	}
	return true;
}

int config_check_command(const char *sysconfig, char *const cellconfigs[],
			 unsigned int num_cellconfigs)
{
	const struct jailhouse_cell_desc **usable_cells;
	struct check_context ctx = { .file = NULL };
	const struct jailhouse_system *sys;
	struct loaded_config system = { .file = sysconfig };
	struct loaded_config *cells;
	unsigned int n, num_usable = 0;

	/* findings on stdout and I/O errors on stderr stay in order */
	setvbuf(stdout, NULL, _IOLBF, 0);

	cells = calloc(num_cellconfigs + 1, sizeof(*cells));
	usable_cells = calloc(num_cellconfigs + 1, sizeof(*usable_cells));
	if (!cells || !usable_cells) {
		fprintf(stderr, "jailhouse: config check: out of memory\n");
		return 1;
	}
	ctx.system = &system;
	ctx.cells = cells;
	ctx.num_cells = num_cellconfigs;

	if (load_config(&ctx, &system, CONFIG_SYSTEM)) {
		ctx.structure_broken = false;
		config_check_system(system.blob, system.size, report_finding,
				    &ctx);
		system.usable = !ctx.structure_broken;
		if (system.usable)
			check_cpu_limit(&ctx, sysconfig,
					&((const struct jailhouse_system *)
					  system.blob)->root_cell);
	}
	sys = system.blob;

	for (n = 0; n < num_cellconfigs; n++) {
		cells[n].file = cellconfigs[n];
		if (!load_config(&ctx, &cells[n], CONFIG_CELL))
			continue;
		if (!system.usable) {
			ctx.file = NULL;
			continue;
		}
		ctx.structure_broken = false;
		config_check_cell(sys, cells[n].blob, cells[n].size,
				  report_finding, &ctx);
		cells[n].usable = !ctx.structure_broken;
		if (!cells[n].usable)
			continue;
		check_cpu_limit(&ctx, cells[n].file, cells[n].blob);
		usable_cells[num_usable++] = cells[n].blob;
	}

	if (system.usable && num_usable > 0) {
		unsigned int errors_before = ctx.errors;

		/* findings across cells name the cells themselves */
		ctx.file = NULL;
		config_check_cells(sys, usable_cells, num_usable,
				   report_finding, &ctx);
		/*
		 * Jailhouse's checker looks at each cell on its own; ours
		 * also checks the cells given as running at the same time.
		 * A board's demo cells are usually alternatives, so say how
		 * to check them the Jailhouse way.
		 */
		if (num_usable > 1 && ctx.errors > errors_before)
			printf("note: the %u cell configs were checked as "
			       "running at the same time; cells that only run "
			       "one at a time can be checked each on its own "
			       "with %s\n", num_usable, sysconfig);
	}

	if (!system.usable && system.blob && num_cellconfigs > 0)
		printf("note: %s: cell configs not checked: the "
			"system config is unusable\n", sysconfig);

	if (ctx.errors == 0) {
		print_system_summary(sysconfig, sys);
		for (n = 0; n < num_cellconfigs; n++)
			print_nonroot_summary(cells[n].file, cells[n].blob);
	}

	printf("%u config%s checked: ", num_cellconfigs + 1,
	       plural(num_cellconfigs + 1));
	if (ctx.errors == 0 && ctx.warnings == 0 && ctx.notes == 0)
		printf("no problems found\n");
	else
		printf("%u error%s, %u warning%s, %u note%s\n", ctx.errors,
		       plural(ctx.errors), ctx.warnings, plural(ctx.warnings),
		       ctx.notes, plural(ctx.notes));

	free(system.blob);
	for (n = 0; n < num_cellconfigs; n++)
		free(cells[n].blob);
	free(cells);
	free(usable_cells);
	return ctx.errors ? 1 : 0;
}
