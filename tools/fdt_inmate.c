// SPDX-License-Identifier: GPL-2.0
/*
 * Generation of the inmate's device tree from the board's (see
 * fdt_inmate.h).  The tree has the board's paths and phandles for what it
 * copies, so that aliases, references between copied nodes and the user's
 * knowledge of the board stay valid; its own nodes (GIC, fixed clocks)
 * get phandles above the board's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "error_text.h"
#include "fdt_board.h"
#include "fdt_cell.h"
#include "fdt_inmate.h"
#include "fdt_order.h"

#define PATH_LEN		512

static const char *const gic_compatibles[] = {
	"arm,gic-v3", "arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
	"arm,cortex-a7-gic",
};

static int find_compatible(const void *fdt, const char *const *list,
			   unsigned int count)
{
	unsigned int n;
	int node;

	for (n = 0; n < count; n++) {
		node = fdt_node_offset_by_compatible(fdt, -1, list[n]);
		if (node >= 0)
			return node;
	}
	return -FDT_ERR_NOTFOUND;
}

static bool cpu_in_set(const struct jailhouse_cell_desc *cell,
		       unsigned int cpu)
{
	const __u8 *set = (const __u8 *)jailhouse_cell_cpu_set(cell);

	return cpu / 8 < cell->cpu_set_size && (set[cpu / 8] & (1 << (cpu % 8)));
}

static int setprop_copy(struct inmate_ctx *ctx, int from, int to,
			const char *name)
{
	const void *value;
	int len;

	value = fdt_getprop(ctx->board, from, name, &len);
	return value ? fdt_setprop(ctx->out, to, name, value, len) : 0;
}

static int add_root(struct inmate_ctx *ctx)
{
	int err;

	err = fdt_setprop_u32(ctx->out, 0, "#address-cells", 2);
	if (!err)
		err = fdt_setprop_u32(ctx->out, 0, "#size-cells", 2);
	if (!err)
		err = setprop_copy(ctx, 0, 0, "model");
	if (!err)
		err = setprop_copy(ctx, 0, 0, "compatible");
	if (!err)
		err = fdt_setprop_u32(ctx->out, 0, "interrupt-parent",
				      ctx->gic_phandle);
	return err;
}

/* cpu nodes in board order: Linux numbers CPUs (and so cells) that way */
static int add_cpus(struct inmate_ctx *ctx, char *error, size_t len)
{
	unsigned int bits = ctx->cell->cpu_set_size * 8, cpu = 0, found = 0;
	unsigned int board_cpus;
	const void *board = ctx->board;
	int bcpus, node, cpus, out, err, ac;
	const fdt32_t *reg;
	const char *type;
	char name[32];
	__u64 mpidr;

	bcpus = fdt_path_offset(board, "/cpus");
	if (bcpus < 0)
		return set_error(error, len, "the board device tree has no /cpus");
	ac = fdt_address_cells(board, bcpus);
	cpus = fdt_add_subnode(ctx->out, 0, "cpus");
	if (cpus < 0)
		return cpus;
	err = fdt_setprop_u32(ctx->out, cpus, "#address-cells", ac);
	if (!err)
		err = fdt_setprop_u32(ctx->out, cpus, "#size-cells", 0);
	if (err)
		return err;

	fdt_for_each_subnode(node, board, bcpus) {
		type = fdt_getprop(board, node, "device_type", NULL);
		if (!type || strcmp(type, "cpu") != 0)
			continue;
		if (cpu_in_set(ctx->cell, cpu)) {
			reg = fdt_getprop(board, node, "reg", NULL);
			if (!reg)
				return set_error(error, len, "board cpu node %s "
					    "has no reg (MPIDR)",
					    fdt_get_name(board, node, NULL));
			/* 64-bit cells are only 4-byte aligned */
			mpidr = ac == 2 ? (__u64)fdt32_to_cpu(reg[0]) << 32 |
				fdt32_to_cpu(reg[1]) : fdt32_to_cpu(*reg);
			snprintf(name, sizeof(name), "cpu@%llx",
				 (unsigned long long)mpidr);
			out = fdt_add_subnode(ctx->out, cpus, name);
			if (out < 0)
				return out;
			err = fdt_setprop_string(ctx->out, out, "device_type",
						 "cpu");
			if (!err)
				err = setprop_copy(ctx, node, out,
						   "compatible");
			if (!err)
				err = fdt_setprop(ctx->out, out, "reg", reg,
						  ac * 4);
			if (!err)
				err = fdt_setprop_string(ctx->out, out,
							 "enable-method",
							 "psci");
			if (err)
				return err;
			found++;
			cpus = fdt_path_offset(ctx->out, "/cpus");
		}
		cpu++;
	}
	board_cpus = cpu;
	for (; cpu < bits; cpu++)
		if (cpu_in_set(ctx->cell, cpu))
			return set_error(error, len, "cell CPU %u has no cpu node "
				    "in the board device tree (it has %u)",
				    cpu, board_cpus);
	return found ? 0 : set_error(error, len, "the cell has no CPU");
}

/* PSCI, the way the board reaches it (smc or hvc); the hypervisor answers */
static int add_psci(struct inmate_ctx *ctx, char *error, size_t len)
{
	const char *const psci[] = { "arm,psci-1.0", "arm,psci-0.2",
				     "arm,psci" };
	const char *method;
	int board, out, err;

	board = find_compatible(ctx->board, psci, 3);
	method = board >= 0 ? fdt_getprop(ctx->board, board, "method", NULL) :
		NULL;
	if (!method)
		return set_error(error, len, "the board device tree has no psci "
			    "node with a method: the cell's CPUs are started "
			    "through PSCI");
	out = fdt_add_subnode(ctx->out, 0, "psci");
	if (out < 0)
		return out;
	err = fdt_setprop_string(ctx->out, out, "compatible", "arm,psci-0.2");
	if (!err)
		err = fdt_setprop_string(ctx->out, out, "method", method);
	return err;
}

static int add_timer(struct inmate_ctx *ctx, char *error, size_t len)
{
	const char *const timer[] = { "arm,armv8-timer" };
	int board, parent;

	board = find_compatible(ctx->board, timer, 1);
	if (board < 0)
		return set_error(error, len, "the board device tree has no "
			    "arm,armv8-timer node");
	parent = out_parent_of(ctx, board);
	if (parent < 0)
		return parent;
	return copy_device(ctx, board, parent) < 0 ? -FDT_ERR_BADSTRUCTURE :
		0;
}

/*
 * The GIC's reg.  A single GICv3 redistributor region is cut to the frames
 * up to the cell's last CPU, which is what the hypervisor shows the cell:
 * boards reserve the range for many more CPUs (QEMU virt: 0xf60000), and
 * that tail may hold the cell's virtual PCI host, whose window Linux would
 * then refuse as a collision with the GIC.
 */
static int set_gic_reg(struct inmate_ctx *ctx, int node, int out,
		       const fdt32_t *reg, int regs, int ac, int sc)
{
	const void *stride_prop;
	fdt32_t copy[2 * 8];
	unsigned int cpu, last = 0, n = regs * (ac + sc), size_at;
	__u64 size, stride;
	int len;

	if (regs != 2 || sc < 1 || sc > 2 || ac + sc > 8)
		return fdt_setprop(ctx->out, out, "reg", reg, n * 4);
	memcpy(copy, reg, n * 4);
	for (cpu = 0; cpu < ctx->cell->cpu_set_size * 8; cpu++)
		if (cpu_in_set(ctx->cell, cpu))
			last = cpu;
	stride_prop = fdt_getprop(ctx->board, node, "redistributor-stride",
				  &len);
	stride = 0x20000;
	if (stride_prop && len == 8) {
		fdt64_t raw;

		memcpy(&raw, stride_prop, sizeof(raw));
		stride = fdt64_to_cpu(raw);
	}
	/* the second entry's size: its last sc cells */
	size_at = 2 * ac + 2 * sc - 1;
	size = fdt32_to_cpu(copy[size_at]);
	if (sc == 2)
		size |= (__u64)fdt32_to_cpu(copy[size_at - 1]) << 32;
	if ((last + 1) * stride < size) {
		size = (last + 1) * stride;
		copy[size_at] = cpu_to_fdt32((__u32)size);
		if (sc == 2)
			copy[size_at - 1] = cpu_to_fdt32((__u32)(size >> 32));
	}
	return fdt_setprop(ctx->out, out, "reg", copy, n * 4);
}

/*
 * The GIC: distributor and redistributor range(s) for v3, distributor
 * and CPU interface for v2; no ITS/v2m children, no maintenance IRQ.
 */
static int add_gic(struct inmate_ctx *ctx)
{
	const void *board = ctx->board;
	int node = ctx->board_gic, parent, out, err, len, regs, ac, sc;
	const fdt32_t *reg, *rd_regions;
	static const char *const props[] = {
		"compatible", "#interrupt-cells", "interrupt-controller",
		"#redistributor-regions", "redistributor-stride",
	};
	unsigned int n;

	parent = out_parent_of(ctx, node);
	if (parent < 0)
		return parent;
	out = fdt_add_subnode(ctx->out, parent, fdt_get_name(board, node,
							     NULL));
	if (out < 0)
		return out;
	for (n = 0, err = 0; !err && n < sizeof(props) / sizeof(props[0]);
	     n++)
		err = setprop_copy(ctx, node, out, props[n]);
	if (err)
		return err;

	regs = 2;
	if (fdt_node_check_compatible(board, node, "arm,gic-v3") == 0) {
		rd_regions = fdt_getprop(board, node,
					 "#redistributor-regions", NULL);
		regs = 1 + (rd_regions ? fdt32_to_cpu(*rd_regions) : 1);
	}
	ac = fdt_address_cells(board, fdt_parent_offset(board, node));
	sc = fdt_size_cells(board, fdt_parent_offset(board, node));
	reg = fdt_getprop(board, node, "reg", &len);
	if (!reg || ac < 1 || sc < 0 || len < regs * (ac + sc) * 4)
		return -FDT_ERR_BADVALUE;
	err = set_gic_reg(ctx, node, out, reg, regs, ac, sc);
	if (!err)
		err = fdt_setprop_u32(ctx->out, out, "#address-cells", 0);
	if (!err)
		err = fdt_setprop_u32(ctx->out, out, "phandle",
				      ctx->gic_phandle);
	return err;
}

/* stdout-path options (":115200n8") of the board, if it has them */
static const char *board_console_options(const void *board)
{
	int chosen = fdt_path_offset(board, "/chosen");
	const char *path;

	path = chosen >= 0 ? fdt_getprop(board, chosen, "stdout-path", NULL) :
		NULL;
	return path && strchr(path, ':') ? strchr(path, ':') : "";
}

static int board_console(struct inmate_ctx *ctx)
{
	const struct jailhouse_console *con = &ctx->cell->console;
	__u64 addr, size;
	int node;

	if (!con->address || con->type == JAILHOUSE_CON_TYPE_NONE ||
	    !(con->flags & JAILHOUSE_CON_ACCESS_MMIO))
		return -FDT_ERR_NOTFOUND;
	for (node = fdt_next_node(ctx->board, -1, NULL); node >= 0;
	     node = fdt_next_node(ctx->board, node, NULL))
		if (!fdt_getprop(ctx->board, node, "ranges", NULL) &&
		    board_reg(ctx->board, node, 0, &addr, &size) &&
		    addr == con->address)
			return node;
	return -FDT_ERR_NOTFOUND;
}

static bool skipped_subtree(const void *board, int node)
{
	static const char *const skip[] = {
		"cpus", "chosen", "aliases", "reserved-memory", "psci",
	};
	const char *name = fdt_get_name(board, node, NULL), *type;
	unsigned int n;

	if (fdt_parent_offset(board, node) == 0)
		for (n = 0; n < sizeof(skip) / sizeof(skip[0]); n++)
			if (strcmp(name, skip[n]) == 0)
				return true;
	type = fdt_getprop(board, node, "device_type", NULL);
	return type && strcmp(type, "memory") == 0;
}

/*
 * Whether the cell owns board device @node: every reg entry starts in
 * one of its device regions (Jailhouse's configs often give a device only
 * the page its registers use), identity-mapped, and its interrupts are
 * the cell's.  Says why not for nodes that are partly the cell's.
 */
static bool cell_owns_node(struct inmate_ctx *ctx, int node, bool console)
{
	const struct jailhouse_memory *mem;
	int n, in_cell = 0, outside = 0;
	unsigned int intid = 0;
	char path[PATH_LEN];
	__u64 addr, size;

	for (n = 0; board_reg(ctx->board, node, n, &addr, &size); n++) {
		mem = cell_region_at(ctx->cell, addr);
		if (mem && (mem->flags & JAILHOUSE_MEM_IO) &&
		    mem->virt_start == mem->phys_start)
			in_cell++;
		else
			outside++;
	}
	if (in_cell == 0)
		return false;
	board_path(ctx, node, path, sizeof(path));
	if (outside) {
		inmate_warn(ctx, "%s: only %d of its %d register ranges are "
			    "in the cell (identity-mapped I/O): left out",
			    path, in_cell, in_cell + outside);
		return false;
	}
	switch (board_irqs(ctx, node, &intid)) {
	case IRQS_FOREIGN:
		inmate_warn(ctx, "%s: its interrupts go through a controller "
			    "the cell does not have: left out", path);
		return false;
	case IRQS_NOT_OWNED:
		if (console) {
			inmate_warn(ctx, "%s: the cell's console, but its "
				    "interrupt %u is not the cell's: output "
				    "only", path, intid);
			return true;
		}
		inmate_warn(ctx, "%s: registers in the cell, but interrupt %u "
			    "is not the cell's: left out", path, intid);
		return false;
	default:
		return true;
	}
}

/* The board devices the cell owns, into ctx->owned (warns about others). */
static int find_devices(struct inmate_ctx *ctx, int console)
{
	const void *board = ctx->board;
	int node, depth = 0, skip_below = -1;

	for (node = fdt_next_node(board, 0, &depth); node >= 0;
	     node = fdt_next_node(board, node, &depth)) {
		if (skip_below >= 0 && depth > skip_below)
			continue;
		skip_below = -1;
		if (skipped_subtree(board, node) || node == ctx->board_gic ||
		    fdt_node_check_compatible(board, node,
					      "arm,armv8-timer") == 0) {
			skip_below = depth;
			continue;
		}
		if (fdt_getprop(board, node, "ranges", NULL) ||
		    !fdt_getprop(board, node, "reg", NULL))
			continue;	/* a bus, or nothing mapped */
		if (!cell_owns_node(ctx, node, node == console))
			continue;
		if (ctx->num_owned == FDT_INMATE_MAX_DEVICES)
			return -FDT_ERR_NOSPACE;
		ctx->owned[ctx->num_owned++] = node;
		skip_below = depth;	/* the subtree goes with it */
	}
	return 0;
}

/* Copies every board device the cell owns, and says where the console is */
static int add_devices(struct inmate_ctx *ctx, char *console_path,
		       size_t console_len)
{
	int console = board_console(ctx), parent, out, err;
	char path[PATH_LEN];
	unsigned int n;

	console_path[0] = '\0';
	err = find_devices(ctx, console);
	for (n = 0; !err && n < ctx->num_owned; n++) {
		parent = out_parent_of(ctx, ctx->owned[n]);
		if (parent < 0)
			return parent;
		out = copy_device(ctx, ctx->owned[n], parent);
		if (out < 0)
			return out;
		if (ctx->owned[n] == console)
			fdt_get_path(ctx->out, out, console_path, console_len);
	}
	if (err)
		return err;
	if (ctx->cell->console.address && console_path[0] == '\0' &&
	    ctx->cell->console.type != JAILHOUSE_CON_TYPE_NONE)
		inmate_warn(ctx, "the cell's console at 0x%llx %s: no "
			    "stdout-path", (unsigned long long)
			    ctx->cell->console.address, console < 0 ?
			    "has no node in the board device tree" :
			    board_path(ctx, console, path, sizeof(path)) ?
			    "is not the cell's" : "");
	return 0;
}

/* Board aliases of the nodes the inmate has (serial1 stays serial1). */
static int add_aliases(struct inmate_ctx *ctx)
{
	const void *board = ctx->board;
	int aliases = fdt_path_offset(board, "/aliases"), prop, len, out;
	const char *name, *value;
	int err;

	if (aliases < 0)
		return 0;
	fdt_for_each_property_offset(prop, board, aliases) {
		value = fdt_getprop_by_offset(board, prop, &name, &len);
		if (!value || len < 2 || value[0] != '/' ||
		    value[len - 1] != '\0' ||
		    fdt_path_offset(ctx->out, value) < 0)
			continue;
		out = fdt_path_offset(ctx->out, "/aliases");
		if (out == -FDT_ERR_NOTFOUND)
			out = fdt_add_subnode(ctx->out, 0, "aliases");
		if (out < 0)
			return out;
		err = fdt_setprop(ctx->out, out, name, value, len);
		if (err)
			return err;
	}
	return 0;
}

static int set_stdout(struct inmate_ctx *ctx, const char *console_path)
{
	char value[PATH_LEN + 32];
	int chosen;

	if (!console_path[0])
		return 0;
	chosen = fdt_path_offset(ctx->out, "/chosen");
	if (chosen < 0)
		return chosen;
	snprintf(value, sizeof(value), "%s%s", console_path,
		 board_console_options(ctx->board));
	return fdt_setprop_string(ctx->out, chosen, "stdout-path", value);
}

static int generate(struct inmate_ctx *ctx, const struct fdt_inmate_input *in,
		    char *error, size_t len)
{
	char console_path[PATH_LEN];
	const fdt32_t *cells;
	int err;

	ctx->board_gic = find_compatible(ctx->board, gic_compatibles,
		sizeof(gic_compatibles) / sizeof(gic_compatibles[0]));
	if (ctx->board_gic < 0)
		return set_error(error, len, "the board device tree has no GIC "
			    "(arm,gic-v3 or GICv2) node");
	cells = fdt_getprop(ctx->board, ctx->board_gic, "#interrupt-cells",
			    NULL);
	ctx->gic_cells = cells ? fdt32_to_cpu(*cells) : 3;
	if (ctx->gic_cells < 3)
		return set_error(error, len, "the board's GIC has "
			    "#interrupt-cells %d, expected 3", ctx->gic_cells);

	err = add_root(ctx);
	if (!err)
		err = fdt_cell_set_chosen(ctx->out, in->cmdline,
					  in->has_initrd);
	if (!err)
		err = add_cpus(ctx, error, len);
	if (err == -1)
		return -1;
	if (!err)
		err = add_psci(ctx, error, len);
	if (err == -1)
		return -1;
	if (!err)
		err = add_gic(ctx);
	if (!err)
		err = add_timer(ctx, error, len);
	if (err == -1)
		return -1;
	if (!err)
		err = fdt_cell_set_memory(ctx->out, ctx->cell);
	if (!err)
		err = add_devices(ctx, console_path, sizeof(console_path));
	if (!err)
		err = inmate_add_pci_host(ctx, in);
	if (!err)
		err = add_aliases(ctx);
	if (!err)
		err = set_stdout(ctx, console_path);
	if (err)
		return set_error(error, len, "cannot build the device tree: %s",
			    fdt_strerror(err));
	return 0;
}

void *fdt_inmate_generate(const struct fdt_inmate_input *in, size_t *size,
			  char *error, size_t len)
{
	struct inmate_ctx ctx;
	void *out, *ordered;
	size_t room;
	int err;

	if (in->board_size < sizeof(struct fdt_header) ||
	    fdt_magic(in->board) != FDT_MAGIC) {
		set_error(error, len, "the board device tree is not a DTB (no "
		     "magic 0xd00dfeed)");
		return NULL;
	}
	err = fdt_check_full(in->board, in->board_size);
	if (err) {
		set_error(error, len, "the board device tree is damaged: %s",
		     fdt_strerror(err));
		return NULL;
	}
	room = in->board_size + 0x10000 + (in->cmdline ? strlen(in->cmdline) :
					    0);
	out = malloc(room);
	if (!out) {
		set_error(error, len, "out of memory");
		return NULL;
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.board = in->board;
	ctx.out = out;
	ctx.cell = in->cell;
	/* copied nodes keep their phandles; new ones come after them */
	if (fdt_find_max_phandle(in->board, &ctx.gic_phandle))
		ctx.gic_phandle = 0;
	ctx.gic_phandle++;
	ctx.next_phandle = ctx.gic_phandle + 1;
	ctx.warn = in->warn;
	ctx.warn_ctx = in->warn_ctx;

	err = fdt_create_empty_tree(out, room);
	if (err) {
		set_error(error, len, "cannot build the device tree: %s",
		     fdt_strerror(err));
		free(out);
		return NULL;
	}
	if (generate(&ctx, in, error, len)) {
		free(out);
		return NULL;
	}
	ordered = fdt_in_build_order(out, size);
	free(out);
	if (!ordered)
		set_error(error, len, "cannot write the device tree out");
	return ordered;
}
