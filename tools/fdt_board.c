// SPDX-License-Identifier: GPL-2.0
/*
 * Board nodes into the inmate's device tree.  A device node is copied
 * with the path it has on the board (its buses are recreated with their
 * address translation), keeps its own properties, and loses those that
 * point at nodes the cell does not have (pin control, power domains, DMA,
 * resets, regulators, GPIOs ...).  Its clocks become fixed clocks: board
 * fixed clocks are copied, clocks of a controller outside the cell are
 * replaced by a fixed clock of the rate the board assigns them, or else of
 * the board's reference oscillator, with a warning to check it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libfdt.h>

#include "fdt_board.h"

#define PATH_MAX_LEN	512

void inmate_warn(struct inmate_ctx *ctx, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (!ctx->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	ctx->warn(ctx->warn_ctx, line);
}

const char *board_path(struct inmate_ctx *ctx, int node, char *buf, int len)
{
	if (fdt_get_path(ctx->board, node, buf, len) < 0)
		snprintf(buf, len, "?");
	return buf;
}

static __u64 read_cells(const fdt32_t *p, int cells)
{
	__u64 value = 0;

	while (cells-- > 0)
		value = (value << 32) | fdt32_to_cpu(*p++);
	return value;
}

bool board_translate(const void *board, int node, __u64 *addr)
{
	int parent = fdt_parent_offset(board, node), grand;
	int ca, pa, cs, len, entry, n;
	const fdt32_t *ranges;
	__u64 cbase, pbase, size;

	while (parent > 0) {
		grand = fdt_parent_offset(board, parent);
		if (grand < 0)
			return false;
		ranges = fdt_getprop(board, parent, "ranges", &len);
		if (!ranges)
			return false;	/* a bus without CPU addresses */
		if (len > 0) {
			ca = fdt_address_cells(board, parent);
			pa = fdt_address_cells(board, grand);
			cs = fdt_size_cells(board, parent);
			if (ca < 1 || ca > 2 || pa < 1 || pa > 2 || cs < 0 ||
			    cs > 2)
				return false;
			entry = ca + pa + cs;
			for (n = 0; (n + 1) * entry * 4 <= len; n++) {
				cbase = read_cells(ranges + n * entry, ca);
				pbase = read_cells(ranges + n * entry + ca, pa);
				size = read_cells(ranges + n * entry + ca + pa,
						  cs);
				if (*addr >= cbase && *addr - cbase < size) {
					*addr = *addr - cbase + pbase;
					break;
				}
			}
			if ((n + 1) * entry * 4 > len)
				return false;
		}
		parent = grand;
	}
	return parent == 0;
}

bool board_reg(const void *board, int node, int index, __u64 *addr,
	       __u64 *size)
{
	int parent = fdt_parent_offset(board, node), ac, sc, len;
	const fdt32_t *reg;

	if (parent < 0)
		return false;
	ac = fdt_address_cells(board, parent);
	sc = fdt_size_cells(board, parent);
	reg = fdt_getprop(board, node, "reg", &len);
	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2 ||
	    (index + 1) * (ac + sc) * 4 > len)
		return false;
	*addr = read_cells(reg + index * (ac + sc), ac);
	*size = read_cells(reg + index * (ac + sc) + ac, sc);
	return board_translate(board, node, addr);
}

const struct jailhouse_memory *cell_region_at(const struct
					      jailhouse_cell_desc *cell,
					      __u64 addr)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	unsigned int n;

	for (n = 0; n < cell->num_memory_regions; n++)
		if (!(mem[n].flags & JAILHOUSE_MEM_COMM_REGION) &&
		    addr >= mem[n].phys_start &&
		    addr - mem[n].phys_start < mem[n].size)
			return &mem[n];
	return NULL;
}

bool cell_owns_intid(const struct jailhouse_cell_desc *cell,
		     unsigned int intid)
{
	const struct jailhouse_irqchip *chip = jailhouse_cell_irqchips(cell);
	unsigned int n, pin;

	for (n = 0; n < cell->num_irqchips; n++) {
		if (intid < chip[n].pin_base)
			continue;
		pin = intid - chip[n].pin_base;
		if (pin < 128 && (chip[n].pin_bitmap[pin / 32] &
				  (1U << (pin % 32))))
			return true;
	}
	return false;
}

/*
 * The interrupt controller that @node's "interrupts" go to.  A controller
 * stacked on the GIC with the GIC's specifier format and no map (i.MX's
 * GPC wake-up controller) passes SPIs through 1:1, so it counts as the GIC.
 */
static int irq_parent(struct inmate_ctx *ctx, int node)
{
	const void *board = ctx->board;
	const fdt32_t *prop;

	for (;;) {
		prop = fdt_getprop(board, node, "interrupt-parent", NULL);
		if (prop)
			break;
		node = fdt_parent_offset(board, node);
		if (node < 0)
			return node;
	}
	return fdt_node_offset_by_phandle(board, fdt32_to_cpu(*prop));
}

static bool reaches_gic(struct inmate_ctx *ctx, int controller)
{
	const void *board = ctx->board;
	const fdt32_t *cells;
	int hops;

	for (hops = 0; hops < 4 && controller >= 0; hops++) {
		if (controller == ctx->board_gic)
			return true;
		cells = fdt_getprop(board, controller, "#interrupt-cells",
				    NULL);
		if (!cells || (int)fdt32_to_cpu(*cells) != ctx->gic_cells ||
		    fdt_getprop(board, controller, "interrupt-map", NULL) ||
		    !fdt_getprop(board, controller, "interrupt-controller",
				 NULL))
			return false;
		controller = irq_parent(ctx, controller);
	}
	return false;
}

/* One GIC specifier: SPI (0) or extended SPI would need the pin, PPI not. */
static bool spec_owned(struct inmate_ctx *ctx, const fdt32_t *spec,
		       unsigned int *intid)
{
	unsigned int type = fdt32_to_cpu(spec[0]);
	unsigned int number = fdt32_to_cpu(spec[1]);

	if (type == 1)
		return true;	/* PPI: every CPU has its own */
	*intid = type == 0 ? number + 32 : number + 4096;
	return type == 0 && cell_owns_intid(ctx->cell, *intid);
}

enum board_irq_verdict board_irqs(struct inmate_ctx *ctx, int node,
				  unsigned int *intid)
{
	const void *board = ctx->board;
	const fdt32_t *prop, *cells;
	int len, pos, parent, n;

	prop = fdt_getprop(board, node, "interrupts", &len);
	if (prop && len > 0) {
		if (!reaches_gic(ctx, irq_parent(ctx, node)))
			return IRQS_FOREIGN;
		for (pos = 0; (pos + ctx->gic_cells) * 4 <= len;
		     pos += ctx->gic_cells)
			if (!spec_owned(ctx, prop + pos, intid))
				return IRQS_NOT_OWNED;
		return IRQS_OWNED;
	}
	prop = fdt_getprop(board, node, "interrupts-extended", &len);
	if (!prop || len <= 0)
		return IRQS_NONE;
	for (pos = 0; pos * 4 < len; pos += 1 + n) {
		parent = fdt_node_offset_by_phandle(board,
						    fdt32_to_cpu(prop[pos]));
		if (parent < 0 || !reaches_gic(ctx, parent))
			return IRQS_FOREIGN;
		cells = fdt_getprop(board, parent, "#interrupt-cells", NULL);
		n = cells ? (int)fdt32_to_cpu(*cells) : 0;
		if (n < 2 || (pos + 1 + n) * 4 > len)
			return IRQS_FOREIGN;
		if (!spec_owned(ctx, prop + pos + 1, intid))
			return IRQS_NOT_OWNED;
	}
	return IRQS_OWNED;
}

/* Properties of a bus that the inmate needs to translate addresses. */
static const char *const bus_props[] = {
	"compatible", "#address-cells", "#size-cells", "ranges", "dma-ranges",
	"reg",
};

int board_copy_prop(struct inmate_ctx *ctx, int node, int out_node,
		    const char *name)
{
	const void *value;
	int len;

	value = fdt_getprop(ctx->board, node, name, &len);
	if (!value)
		return 0;
	return fdt_setprop(ctx->out, out_node, name, value, len);
}

int out_parent_of(struct inmate_ctx *ctx, int node)
{
	int parent = fdt_parent_offset(ctx->board, node), out_grand, out;
	const char *name;
	unsigned int n;
	int err;

	if (parent < 0)
		return parent;
	if (parent == 0)
		return 0;
	out_grand = out_parent_of(ctx, parent);
	if (out_grand < 0)
		return out_grand;
	name = fdt_get_name(ctx->board, parent, NULL);
	out = fdt_subnode_offset(ctx->out, out_grand, name);
	if (out != -FDT_ERR_NOTFOUND)
		return out;
	out = fdt_add_subnode(ctx->out, out_grand, name);
	for (n = 0; out >= 0 && n < sizeof(bus_props) / sizeof(bus_props[0]);
	     n++) {
		err = board_copy_prop(ctx, parent, out, bus_props[n]);
		if (err)
			return err;
	}
	return out;
}

/* Quietly dropped: the GIC is the root's interrupt parent, clocks and
 * status are rebuilt.  "phandle" stays: copied nodes keep theirs. */
static const char *const quiet_drops[] = {
	"linux,phandle", "interrupt-parent", "status",
	"assigned-clocks", "assigned-clock-parents", "assigned-clock-rates",
	"pinctrl-names", "clocks", "interrupts-extended",
};

/* They point at nodes the cell does not have. */
static const char *const foreign_props[] = {
	"power-domains", "power-domain-names", "dmas", "dma-names", "resets",
	"reset-names", "iommus", "phys", "phy-names", "nvmem-cells",
	"nvmem-cell-names", "mboxes", "mbox-names", "operating-points-v2",
	"interconnects", "interconnect-names", "memory-region", "msi-parent",
	"msi-map", "iommu-map", "fsl,stop-mode", "gpio-ranges", "sram",
	"thermal-sensors", "fsl,gpr", "syscon",
};

static bool in_list(const char *name, const char *const *list, int count)
{
	int n;

	for (n = 0; n < count; n++)
		if (strcmp(name, list[n]) == 0)
			return true;
	return false;
}

static bool ends_with(const char *name, const char *suffix)
{
	size_t a = strlen(name), b = strlen(suffix);

	return a >= b && strcmp(name + a - b, suffix) == 0;
}

static bool is_foreign(const char *name)
{
	return in_list(name, foreign_props,
		       sizeof(foreign_props) / sizeof(foreign_props[0])) ||
		strncmp(name, "pinctrl-", 8) == 0 ||
		ends_with(name, "-supply") || ends_with(name, "-gpios") ||
		ends_with(name, "-gpio") || strcmp(name, "gpios") == 0;
}

/*
 * "interrupts-extended" whose controllers all lead to the GIC (checked by
 * board_irqs()) becomes plain "interrupts": the GIC is the root's
 * interrupt parent in the inmate's tree.
 */
static int gic_interrupts(struct inmate_ctx *ctx, int node, int out)
{
	const fdt32_t *prop, *cells;
	int len, pos, parent, n, err;

	prop = fdt_getprop(ctx->board, node, "interrupts-extended", &len);
	if (!prop)
		return 0;
	for (pos = 0; pos * 4 < len; pos += 1 + n) {
		parent = fdt_node_offset_by_phandle(ctx->board,
						    fdt32_to_cpu(prop[pos]));
		cells = parent >= 0 ? fdt_getprop(ctx->board, parent,
						  "#interrupt-cells", NULL) :
			NULL;
		n = cells ? (int)fdt32_to_cpu(*cells) : 0;
		if (n != ctx->gic_cells || (pos + 1 + n) * 4 > len)
			return -FDT_ERR_BADVALUE;
		err = fdt_appendprop(ctx->out, out, "interrupts",
				     prop + pos + 1, n * 4);
		if (err)
			return err;
	}
	return 0;
}

int copy_device(struct inmate_ctx *ctx, int node, int out_parent)
{
	const void *board = ctx->board;
	char path[PATH_MAX_LEN], out_path[PATH_MAX_LEN];
	char dropped[256] = "";
	fdt32_t clocks[64];
	int num_clocks, prop, len, out, child, err;
	const char *name;
	const void *value;

	/* clock nodes go to the root first: they move offsets in out */
	err = fdt_get_path(ctx->out, out_parent, out_path, sizeof(out_path));
	if (err)
		return err;
	err = board_clocks(ctx, node, clocks, 64, &num_clocks);
	if (err < 0)
		return err;
	if (err > 0) {
		num_clocks = 0;
		strcat(dropped, " clocks");
	}
	out_parent = fdt_path_offset(ctx->out, out_path);
	if (out_parent < 0)
		return out_parent;

	out = fdt_add_subnode(ctx->out, out_parent,
			      fdt_get_name(board, node, NULL));
	if (out < 0)
		return out;
	fdt_for_each_property_offset(prop, board, node) {
		value = fdt_getprop_by_offset(board, prop, &name, &len);
		if (!value)
			return len;
		if (in_list(name, quiet_drops,
			    sizeof(quiet_drops) / sizeof(quiet_drops[0])))
			continue;
		if (is_foreign(name)) {
			if (strlen(dropped) + strlen(name) + 2 <
			    sizeof(dropped)) {
				strcat(dropped, " ");
				strcat(dropped, name);
			}
			continue;
		}
		err = fdt_setprop(ctx->out, out, name, value, len);
		if (err)
			return err;
	}
	if (num_clocks > 0)
		err = fdt_setprop(ctx->out, out, "clocks", clocks,
				  num_clocks * 4);
	if (!err)
		err = gic_interrupts(ctx, node, out);
	if (!err)
		err = fdt_setprop_string(ctx->out, out, "status", "okay");
	if (err)
		return err;
	if (dropped[0])
		inmate_warn(ctx, "%s: dropped%s (they refer to nodes outside "
			    "the cell)",
			    board_path(ctx, node, path, sizeof(path)),
			    dropped);

	/* children: the device's own address space, copied whole */
	err = fdt_get_path(ctx->out, out, out_path, sizeof(out_path));
	if (err)
		return err;
	fdt_for_each_subnode(child, board, node) {
		out = fdt_path_offset(ctx->out, out_path);
		if (out < 0)
			return out;
		err = copy_device(ctx, child, out);
		if (err < 0)
			return err;
	}
	return fdt_path_offset(ctx->out, out_path);
}
