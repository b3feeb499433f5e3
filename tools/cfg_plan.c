// SPDX-License-Identifier: GPL-2.0
/*
 * Decides the layout of a generated configuration (see cfg_plan.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_plan.h"

#define SZ_1M		((uint64_t)0x100000)
#define SZ_2M		((uint64_t)0x200000)
#define SZ_4G		((uint64_t)0x100000000)

/* Windows only the hypervisor may touch: never mapped into the root. */
static void hv_owned(const struct cfg_board *b, const struct cfg_plan *p,
		     struct cfg_range_list *out)
{
	const struct cfg_gic *g = &b->gic;
	unsigned int n;

	cfg_ranges_add(out, g->gicd, g->gicd + g->gicd_size, "GICD");
	cfg_ranges_add(out, g->gicr, g->gicr + g->gicr_size, "GICR");
	cfg_ranges_add(out, g->gicc, g->gicc + g->gicc_size, "GICC");
	cfg_ranges_add(out, g->gich, g->gich + g->gich_size, "GICH");
	cfg_ranges_add(out, g->gicv, g->gicv + g->gicv_size, "GICV");
	for (n = 0; n < b->num_iommus; n++)
		cfg_ranges_add(out, b->iommu[n].base,
			       b->iommu[n].base + b->iommu[n].size, "IOMMU");
	if (p)
		cfg_ranges_add(out, p->vpci_base, p->vpci_base + CFG_VPCI_SIZE,
			       "virtual PCI");
}

/* RAM that may hold the carve-out: not reserved for firmware. */
static void usable_ram(const struct cfg_board *b, struct cfg_range_list *out)
{
	unsigned int n;

	for (n = 0; n < b->ram.n; n++)
		cfg_ranges_add(out, b->ram.r[n].start, b->ram.r[n].end, "RAM");
	for (n = 0; n < b->reserved.n; n++)
		cfg_ranges_subtract(out, b->reserved.r[n].start,
				    b->reserved.r[n].end);
}

/* The top of the highest range (below @limit) that holds @size. */
static bool place_top(const struct cfg_range_list *ranges, uint64_t size,
		      uint64_t limit, uint64_t *start)
{
	int n;

	for (n = (int)ranges->n - 1; n >= 0; n--) {
		uint64_t lo = cfg_align_up(ranges->r[n].start, SZ_2M);
		uint64_t hi = ranges->r[n].end < limit ?
			ranges->r[n].end : limit;

		hi = cfg_align_down(hi, SZ_2M);
		if (hi > lo && hi - lo >= size) {
			*start = hi - size;
			return true;
		}
	}
	return false;
}

static int place_memory(struct cfg_plan *p, const struct cfg_board *b)
{
	struct cfg_range_list usable = { 0 }, hidden = { 0 };
	uint64_t total = p->hv_size + p->inmate_size, start, below = 0;
	unsigned int n;
	bool found = false;

	usable_ram(b, &usable);
	if (b->have_system) {
		for (n = 0; n < usable.n; n++)
			cfg_ranges_add(&hidden, usable.r[n].start,
				       usable.r[n].end, "hidden");
		for (n = 0; n < b->linux_ram.n; n++)
			cfg_ranges_subtract(&hidden, b->linux_ram.r[n].start,
					    b->linux_ram.r[n].end);
		found = place_top(&hidden, total, UINT64_MAX, &start);
		p->hidden_already = found;
	}
	/* inmates are happiest below 4 GiB (32-bit DMA, short addresses) */
	if (!found)
		found = place_top(&usable, total, SZ_4G, &start) ||
			place_top(&usable, total, UINT64_MAX, &start);
	if (!found) {
		fprintf(stderr, "config create: no RAM range holds %" PRIu64
			" MiB of hypervisor and inmate memory (try smaller "
			"--mem-hv/--mem-inmates)\n", total >> 20);
		cfg_ranges_free(&usable);
		cfg_ranges_free(&hidden);
		return -1;
	}
	p->inmate_start = start;
	p->hv_start = start + p->inmate_size;

	/* mem=N keeps the first N bytes of RAM: it works if none is above */
	for (n = 0; n < b->ram.n; n++) {
		if (b->ram.r[n].end > p->hv_start + p->hv_size)
			below = UINT64_MAX;
		if (below != UINT64_MAX && b->ram.r[n].start < start)
			below += (b->ram.r[n].end < start ?
				  b->ram.r[n].end : start) - b->ram.r[n].start;
	}
	p->mem_limit = below == UINT64_MAX ? 0 : below;
	cfg_ranges_free(&usable);
	cfg_ranges_free(&hidden);
	return 0;
}

/* A free 1 MiB for the virtual PCI host's config space, below RAM. */
static int place_vpci(struct cfg_plan *p, const struct cfg_board *b)
{
	struct cfg_range_list busy = { 0 };
	uint64_t a;
	unsigned int n;

	hv_owned(b, NULL, &busy);
	for (n = 0; n < b->devices.n; n++)
		cfg_ranges_add(&busy, cfg_align_down(b->devices.r[n].start, SZ_1M),
			       cfg_align_up(b->devices.r[n].end, SZ_1M), "");
	for (n = 0; n < b->ram.n; n++)
		cfg_ranges_add(&busy, b->ram.r[n].start, b->ram.r[n].end, "");
	for (n = 0; n < b->reserved.n; n++)
		cfg_ranges_add(&busy, b->reserved.r[n].start,
			       b->reserved.r[n].end, "");

	for (a = cfg_align_down(b->ram.r[0].start, SZ_1M); a >= 2 * SZ_1M;
	     a -= SZ_1M)
		if (!cfg_ranges_overlap(&busy, a - SZ_1M, a)) {
			p->vpci_base = a - SZ_1M;
			break;
		}
	/* no hole below RAM: try the 32-bit space above it */
	for (a = SZ_1M; !p->vpci_base && a < SZ_4G; a += SZ_1M)
		if (!cfg_ranges_overlap(&busy, a, a + SZ_1M))
			p->vpci_base = a;
	cfg_ranges_free(&busy);
	if (!p->vpci_base) {
		fprintf(stderr, "config create: no free 1 MiB window below "
			"4 GiB for the virtual PCI host\n");
		return -1;
	}
	p->vpci_domain = b->num_pci_hosts;
	return 0;
}

static bool spis_free(const struct cfg_board *b, unsigned int first,
		      unsigned int count)
{
	unsigned int spi;

	for (spi = first; spi < first + count; spi++)
		if (spi >= 1024 || (b->spi_used[spi / 8] & (1 << (spi % 8))))
			return false;
	return true;
}

/* The first run of @count SPIs from @from that no device raises. */
static int free_spis(const struct cfg_board *b, unsigned int from,
		     unsigned int count)
{
	unsigned int spi;

	for (spi = from; spi + count <= 1000; spi++)
		if (spis_free(b, spi, count))
			return (int)spi;
	return -1;
}

/*
 * The virtual PCI INTx lines: SPIs no device of the device tree raises,
 * the lowest ones, so that they exist on small GICs too (the i.MX8MQ's
 * has 128 SPIs): two for the root's ivshmem devices, two for the
 * linux-demo's, one for the inmate-demo's.  SPIs 0-31 are skipped: some
 * SoCs wire them to firmware or to devices their device trees omit.
 */
static int place_irqs(struct cfg_plan *p, const struct cfg_board *b)
{
	int root = free_spis(b, 32, 2);
	int lnx = root < 0 ? -1 : free_spis(b, root + 2, 2);
	int demo = lnx < 0 ? -1 : free_spis(b, lnx + 2, 1);
	unsigned int top;

	if (demo < 0) {
		fprintf(stderr, "config create: not enough unused SPIs for "
			"the virtual PCI interrupts\n");
		return -1;
	}
	p->root_vpci_intid = 32 + root;
	p->linux_vpci_intid = 32 + lnx;
	p->demo_vpci_intid = 32 + demo;
	top = b->max_spi > (unsigned int)demo ? b->max_spi : (unsigned int)demo;
	p->num_irqchips = top / 128 + 1;
	return 0;
}

static void add_io(struct cfg_plan *p, uint64_t start, uint64_t end,
		   bool subpage, const struct cfg_range *from)
{
	struct cfg_io_region *io;

	if (end <= start)
		return;
	p->io = realloc(p->io, (p->num_io + 1) * sizeof(*p->io));
	if (!p->io) {
		fprintf(stderr, "config create: out of memory\n");
		exit(1);
	}
	io = &p->io[p->num_io++];
	io->start = start;
	io->end = end;
	io->subpage = subpage;
	io->count = from->count;
	snprintf(io->label, sizeof(io->label), "%s", from->label);
}

/*
 * The root's device windows: merged, without what the hypervisor owns or
 * what is RAM, widened to whole pages where the page holds nothing
 * forbidden, else left exact as sub-page (emulated) pieces.
 */
static void plan_io(struct cfg_plan *p, const struct cfg_board *b)
{
	struct cfg_range_list exact = { 0 }, forbidden = { 0 };
	struct cfg_range_list pages = { 0 };
	unsigned int n, i;

	hv_owned(b, p, &forbidden);
	for (n = 0; n < b->ram.n; n++)
		cfg_ranges_add(&forbidden, b->ram.r[n].start, b->ram.r[n].end,
			       "RAM");
	for (n = 0; n < b->devices.n; n++)
		cfg_ranges_add(&exact, b->devices.r[n].start,
			       b->devices.r[n].end, b->devices.r[n].label);
	cfg_ranges_merge(&exact);
	for (n = 0; n < forbidden.n; n++)
		cfg_ranges_subtract(&exact, forbidden.r[n].start,
				    forbidden.r[n].end);

	for (n = 0; n < exact.n; n++) {
		struct cfg_range *r = &exact.r[n];
		uint64_t s = cfg_align_down(r->start, CFG_PAGE_SIZE);
		uint64_t e = cfg_align_up(r->end, CFG_PAGE_SIZE);

		if (s < r->start &&
		    cfg_ranges_overlap(&forbidden, s, r->start)) {
			s = cfg_align_up(r->start, CFG_PAGE_SIZE);
			add_io(p, r->start, s < r->end ? s : r->end, true, r);
		}
		if (e > r->end && cfg_ranges_overlap(&forbidden, r->end, e)) {
			e = cfg_align_down(r->end, CFG_PAGE_SIZE);
			if (e < s)
				e = s;
			add_io(p, e > r->start ? e : r->start, r->end, true,
			       r);
		}
		if (e > s) {
			cfg_ranges_add(&pages, s, e, r->label);
			pages.r[pages.n - 1].count = r->count;
		}
	}
	cfg_ranges_merge(&pages);
	for (i = 0; i < pages.n; i++)
		add_io(p, pages.r[i].start, pages.r[i].end, false,
		       &pages.r[i]);
	/* address order, sub-page pieces among the others */
	for (n = 1; n < p->num_io; n++) {
		struct cfg_io_region tmp = p->io[n];

		for (i = n; i > 0 && p->io[i - 1].start > tmp.start; i--)
			p->io[i] = p->io[i - 1];
		p->io[i] = tmp;
	}
	cfg_ranges_free(&exact);
	cfg_ranges_free(&forbidden);
	cfg_ranges_free(&pages);
}

int cfg_plan_make(struct cfg_plan *p, const struct cfg_board *b,
		  uint64_t hv_size, uint64_t inmate_size)
{
	unsigned int n;

	memset(p, 0, sizeof(*p));
	p->hv_size = cfg_align_up(hv_size, SZ_2M);
	p->inmate_size = cfg_align_up(inmate_size, SZ_2M);
	if (p->inmate_size < CFG_MIN_INMATE_MEM) {
		fprintf(stderr, "config create: --mem-inmates must be at "
			"least 4M (ivshmem areas and the inmate-demo)\n");
		return -1;
	}
	if (place_memory(p, b) || place_vpci(p, b) || place_irqs(p, b))
		return -1;

	for (n = 0; n < b->ram.n; n++)
		cfg_ranges_add(&p->root_ram, b->ram.r[n].start,
			       b->ram.r[n].end, "RAM");
	cfg_ranges_subtract(&p->root_ram, p->hv_start,
			    p->hv_start + p->hv_size);
	cfg_ranges_subtract(&p->root_ram, p->inmate_start,
			    p->inmate_start + CFG_IVSHMEM_BLOCK);
	plan_io(p, b);

	p->cells_possible = b->num_cpus >= 2;
	p->demo_cpu = 1;
	if (b->num_cpus >= 3)
		p->linux_cpus = (b->num_cpus >= 64 ? ~0ULL :
				 (1ULL << b->num_cpus) - 1) & ~3ULL;
	else
		p->linux_cpus = 2;
	p->linux_fits = p->inmate_size >= CFG_LINUX_RAM_OFFS +
		CFG_MIN_LINUX_RAM;
	return 0;
}
