// SPDX-License-Identifier: GPL-2.0
/*
 * Clocks of the board devices a cell gets.  A provider the cell has too
 * (e.g. the i.MX8QM's clock gates in the cell's memory) stays referenced;
 * a board fixed clock is copied; a clock of a controller outside the cell
 * becomes a fixed clock of the rate the node assigns it, else of the
 * board's reference oscillator, with a warning to check that the root
 * leaves it at that rate.  No rate to go by: the clocks are dropped.
 */
#include <stdio.h>
#include <string.h>
#include <libfdt.h>

#include "fdt_board.h"

#define PATH_MAX_LEN	512

/* The rate a node assigns to clock (@phandle, @args), or 0. */
static __u64 assigned_rate(const void *board, int node, const fdt32_t *clk,
			   int clk_cells)
{
	const fdt32_t *assigned, *rates;
	int alen, rlen, pos, index = 0, cells;
	const fdt32_t *pcells;
	int provider;

	assigned = fdt_getprop(board, node, "assigned-clocks", &alen);
	rates = fdt_getprop(board, node, "assigned-clock-rates", &rlen);
	if (!assigned || !rates)
		return 0;
	for (pos = 0; pos * 4 < alen; pos += 1 + cells, index++) {
		provider = fdt_node_offset_by_phandle(board,
						fdt32_to_cpu(assigned[pos]));
		pcells = provider >= 0 ?
			fdt_getprop(board, provider, "#clock-cells", NULL) :
			NULL;
		cells = pcells ? (int)fdt32_to_cpu(*pcells) : 0;
		if ((pos + 1 + cells) * 4 > alen)
			return 0;
		if (cells == clk_cells &&
		    memcmp(assigned + pos, clk, (1 + cells) * 4) == 0)
			return (index + 1) * 4 <= rlen ?
				fdt32_to_cpu(rates[index]) : 0;
	}
	return 0;
}

static bool is_fixed_clock(const void *board, int node)
{
	return fdt_node_check_compatible(board, node, "fixed-clock") == 0 &&
		!fdt_getprop(board, node, "reg", NULL);
}

/* The board's reference oscillator: a fixed clock named osc or xtal. */
static __u64 oscillator_rate(const void *board, const char **name)
{
	const fdt32_t *freq;
	int node;

	fdt_for_each_subnode(node, board, 0) {
		*name = fdt_get_name(board, node, NULL);
		if (!is_fixed_clock(board, node) ||
		    (!strstr(*name, "osc") && !strstr(*name, "xtal")))
			continue;
		freq = fdt_getprop(board, node, "clock-frequency", NULL);
		/* not the 32 kHz RTC crystal */
		if (freq && fdt32_to_cpu(*freq) >= 1000000)
			return fdt32_to_cpu(*freq);
	}
	return 0;
}

/* A fixed clock at the root; a board one (@board_node) keeps its phandle */
static int add_fixed_clock(struct inmate_ctx *ctx, const char *name,
			   __u64 rate, int board_node, __u32 *phandle)
{
	int node, err;

	if (ctx->num_clocks == FDT_INMATE_MAX_CLOCKS)
		return -FDT_ERR_NOSPACE;
	node = fdt_add_subnode(ctx->out, 0, name);
	if (node < 0)
		return node;
	err = fdt_setprop_string(ctx->out, node, "compatible", "fixed-clock");
	if (!err)
		err = fdt_setprop_u32(ctx->out, node, "#clock-cells", 0);
	if (!err)
		err = fdt_setprop_u32(ctx->out, node, "clock-frequency",
				      (__u32)rate);
	if (!err && board_node >= 0)
		err = board_copy_prop(ctx, board_node, node, "clock-output-names");
	*phandle = board_node >= 0 ? fdt_get_phandle(ctx->board, board_node) :
		ctx->next_phandle++;
	if (!err)
		err = fdt_setprop_u32(ctx->out, node, "phandle", *phandle);
	return err;
}

/* Out phandle of a fixed clock standing for board clock @clk. */
static int map_clock(struct inmate_ctx *ctx, int node, int index,
		     const fdt32_t *clk, int cells, __u32 *out, bool *warned)
{
	const void *board = ctx->board;
	__u32 phandle = fdt32_to_cpu(clk[0]);
	int provider = fdt_node_offset_by_phandle(board, phandle);
	const char *osc = NULL, *why;
	char path[PATH_MAX_LEN], name[48];
	const fdt32_t *freq;
	unsigned int n;
	__u64 rate;

	for (n = 0; provider >= 0 && n < ctx->num_owned; n++)
		if (ctx->owned[n] == provider) {
			*out = phandle;	/* copied too, phandle and all */
			return 0;
		}
	if (provider >= 0 && is_fixed_clock(board, provider)) {
		for (n = 0; n < ctx->num_clocks; n++)
			if (ctx->clocks[n].board == phandle) {
				*out = ctx->clocks[n].out;
				return 0;
			}
		freq = fdt_getprop(board, provider, "clock-frequency", NULL);
		ctx->clocks[ctx->num_clocks].board = phandle;
		ctx->clocks[ctx->num_clocks].rate = 0;
		n = add_fixed_clock(ctx, fdt_get_name(board, provider, NULL),
				    freq ? fdt32_to_cpu(*freq) : 0, provider,
				    out);
		if (n == 0)
			ctx->clocks[ctx->num_clocks++].out = *out;
		return n;
	}

	rate = assigned_rate(board, node, clk, cells);
	why = "the rate the board assigns it";
	if (!rate) {
		rate = oscillator_rate(board, &osc);
		why = "the board's oscillator: check that the root leaves it "
			"at that rate";
	}
	if (!rate)
		return 1;	/* nothing to go by: the caller drops it */
	if (!*warned)
		inmate_warn(ctx, "%s: clock %d (of %s, not in the cell) replaced by "
		    "a fixed %llu Hz clock (%s%s%s)",
		    board_path(ctx, node, path, sizeof(path)), index,
		    provider >= 0 ? fdt_get_name(board, provider, NULL) : "?",
		    (unsigned long long)rate, why, osc ? ", " : "",
		    osc ? osc : "");
	*warned = true;
	for (n = 0; n < ctx->num_clocks; n++)
		if (!ctx->clocks[n].board && ctx->clocks[n].rate == rate) {
			*out = ctx->clocks[n].out;
			return 0;
		}
	snprintf(name, sizeof(name), "clock-fixed-%llu",
		 (unsigned long long)rate);
	ctx->clocks[ctx->num_clocks].board = 0;
	ctx->clocks[ctx->num_clocks].rate = rate;
	n = add_fixed_clock(ctx, name, rate, -1, out);
	if (n == 0)
		ctx->clocks[ctx->num_clocks++].out = *out;
	return n;
}

/*
 * The node's clocks as phandles of fixed clocks in out, into @clocks
 * (count in *@num).  Returns 1 if one cannot be replaced, 0, or an error.
 */
int board_clocks(struct inmate_ctx *ctx, int node, fdt32_t *clocks,
			int max, int *num)
{
	const void *board = ctx->board;
	const fdt32_t *prop, *pcells;
	int len, pos, cells, provider, index = 0, err;
	bool warned = false;
	__u32 out;

	*num = 0;
	prop = fdt_getprop(board, node, "clocks", &len);
	if (!prop)
		return 0;
	for (pos = 0; pos * 4 < len; pos += 1 + cells, index++) {
		provider = fdt_node_offset_by_phandle(board,
						      fdt32_to_cpu(prop[pos]));
		pcells = provider >= 0 ?
			fdt_getprop(board, provider, "#clock-cells", NULL) :
			NULL;
		cells = pcells ? (int)fdt32_to_cpu(*pcells) : 0;
		if ((pos + 1 + cells) * 4 > len || *num == max)
			return 1;
		err = map_clock(ctx, node, index, prop + pos, cells, &out,
				&warned);
		if (err)
			return err;
		clocks[(*num)++] = cpu_to_fdt32(out);
		if (out == fdt32_to_cpu(prop[pos])) {
			/* a provider in the cell: its arguments too */
			if (*num + cells > max)
				return 1;
			memcpy(&clocks[*num], &prop[pos + 1], cells * 4);
			*num += cells;
		}
	}
	return 0;
}
