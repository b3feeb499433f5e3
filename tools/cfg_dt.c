// SPDX-License-Identifier: GPL-2.0
/*
 * Board facts from a flattened device tree, read with libfdt: CPUs, RAM,
 * reserved memory, the GIC, the console of /chosen/stdout-path, IOMMUs and
 * the MMIO window of every enabled device, translated through the
 * parent buses' "ranges" into CPU physical addresses.
 */
#include <stdio.h>
#include <string.h>

#include <libfdt.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/console.h>

#include "cfg_board.h"

static uint64_t read_cells(const fdt32_t *cells, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = (v << 32) | fdt32_to_cpu(*cells++);
	return v;
}

static bool node_enabled(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !status || strcmp(status, "okay") == 0 ||
		strcmp(status, "ok") == 0;
}

/* The node and all its parents are enabled. */
static bool path_enabled(const void *fdt, int node)
{
	for (; node >= 0; node = fdt_parent_offset(fdt, node))
		if (!node_enabled(fdt, node))
			return false;
	return true;
}

static int cells_of(const void *fdt, int node, const char *prop, int dflt)
{
	const fdt32_t *v = fdt_getprop(fdt, node, prop, NULL);

	return v ? (int)fdt32_to_cpu(*v) : dflt;
}

/*
 * Translates @addr, an address in the space of @bus's children, up to
 * the root.  False if a bus on the way has no "ranges" (I2C, SPI, ...:
 * not memory-mapped) or the address is outside its windows.
 */
static bool translate(const void *fdt, int bus, uint64_t *addr)
{
	while (bus > 0) {
		int parent = fdt_parent_offset(fdt, bus), len, n, entry;
		int ca = cells_of(fdt, bus, "#address-cells", 2);
		int sa = cells_of(fdt, bus, "#size-cells", 1);
		int pa = cells_of(fdt, parent, "#address-cells", 2);
		const fdt32_t *ranges = fdt_getprop(fdt, bus, "ranges", &len);
		bool found = false;

		if (!ranges)
			return false;
		entry = ca + pa + sa;
		for (n = 0; len > 0 && entry > 0 &&
		     (n + 1) * entry * 4 <= len; n++) {
			const fdt32_t *e = ranges + n * entry;
			uint64_t child = read_cells(e, ca);
			uint64_t par = read_cells(e + ca, pa);
			uint64_t size = read_cells(e + ca + pa, sa);

			if (*addr >= child && *addr - child < size) {
				*addr = *addr - child + par;
				found = true;
				break;
			}
		}
		if (len > 0 && !found)
			return false;
		bus = parent;
	}
	return true;
}

struct reg_entry {
	uint64_t addr, size;
};

/* Entry @n of @node's reg, translated; false when there is none. */
static bool reg_entry(const void *fdt, int node, int n, struct reg_entry *e,
		      bool *translatable)
{
	int parent = fdt_parent_offset(fdt, node), len;
	int ca = cells_of(fdt, parent, "#address-cells", 2);
	int sa = cells_of(fdt, parent, "#size-cells", 1);
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	*translatable = false;
	if (!reg || ca + sa == 0 || (n + 1) * (ca + sa) * 4 > len)
		return false;
	e->addr = read_cells(reg + n * (ca + sa), ca);
	e->size = read_cells(reg + n * (ca + sa) + ca, sa);
	*translatable = translate(fdt, parent, &e->addr);
	return true;
}

static bool compatible(const void *fdt, int node, const char *c)
{
	return fdt_node_check_compatible(fdt, node, c) == 0;
}

static void node_path(const void *fdt, int node, char *buf, size_t len)
{
	if (fdt_get_path(fdt, node, buf, len) < 0)
		snprintf(buf, len, "?");
}

static void read_cpus(struct cfg_board *b, const void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, ca;
	const char *type;

	if (cpus < 0)
		return;
	ca = cells_of(fdt, cpus, "#address-cells", 1);
	fdt_for_each_subnode(node, fdt, cpus) {
		const fdt32_t *reg;

		type = fdt_getprop(fdt, node, "device_type", NULL);
		if (!type || strcmp(type, "cpu") != 0 ||
		    !node_enabled(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "reg", NULL);
		if (b->num_cpus < CFG_MAX_CPUS)
			b->mpidr[b->num_cpus] = reg ? read_cells(reg, ca) : 0;
		b->num_cpus++;
	}
}

static void read_memory(struct cfg_board *b, const void *fdt)
{
	struct reg_entry e;
	bool ok;
	int node, n, resv;
	const char *type;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		type = fdt_getprop(fdt, node, "device_type", NULL);
		if (!type || strcmp(type, "memory") != 0 ||
		    !node_enabled(fdt, node))
			continue;
		for (n = 0; reg_entry(fdt, node, n, &e, &ok); n++)
			if (ok)
				cfg_ranges_add(&b->ram, e.addr, e.addr + e.size,
					       "RAM");
	}
	cfg_ranges_merge(&b->ram);

	resv = fdt_path_offset(fdt, "/reserved-memory");
	if (resv < 0)
		return;
	fdt_for_each_subnode(node, fdt, resv) {
		char label[CFG_LABEL_MAX];

		if (!node_enabled(fdt, node))
			continue;
		snprintf(label, sizeof(label), "%s%s",
			 fdt_get_name(fdt, node, NULL),
			 fdt_getprop(fdt, node, "no-map", NULL) ?
			 " (no-map)" : "");
		for (n = 0; reg_entry(fdt, node, n, &e, &ok); n++)
			if (ok)
				cfg_ranges_add(&b->reserved, e.addr,
					       e.addr + e.size, label);
	}
	cfg_ranges_sort(&b->reserved);
}

static void read_gic(struct cfg_board *b, const void *fdt)
{
	struct cfg_gic *g = &b->gic;
	struct reg_entry e[5];
	int node, n, child, len;
	const fdt32_t *irq;
	bool ok;

	node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
	if (node >= 0) {
		g->version = 3;
	} else {
		static const char *const v2[] = {
			"arm,gic-400", "arm,cortex-a15-gic",
			"arm,cortex-a9-gic", "arm,cortex-a7-gic", "arm,gic-v2",
		};

		for (n = 0; n < (int)(sizeof(v2) / sizeof(v2[0])); n++) {
			node = fdt_node_offset_by_compatible(fdt, -1, v2[n]);
			if (node >= 0)
				break;
		}
		if (node < 0)
			return;
		g->version = 2;
	}
	node_path(fdt, node, g->path, sizeof(g->path));
	memset(e, 0, sizeof(e));
	for (n = 0; n < 5; n++)
		if (!reg_entry(fdt, node, n, &e[n], &ok) || !ok)
			break;
	g->gicd = e[0].addr;
	g->gicd_size = e[0].size;
	if (g->version == 3) {
		g->gicr = e[1].addr;
		g->gicr_size = e[1].size;
		g->gicc = e[2].addr;
		g->gicc_size = e[2].size;
		g->gich = e[3].addr;
		g->gich_size = e[3].size;
		g->gicv = e[4].addr;
		g->gicv_size = e[4].size;
	} else {
		g->gicc = e[1].addr;
		g->gicc_size = e[1].size;
		g->gich = e[2].addr;
		g->gich_size = e[2].size;
		g->gicv = e[3].addr;
		g->gicv_size = e[3].size;
	}
	/* the maintenance interrupt is a PPI: <1 N flags> is INTID 16 + N */
	irq = fdt_getprop(fdt, node, "interrupts", &len);
	if (irq && len >= 12)
		g->maintenance_irq = fdt32_to_cpu(irq[1]) +
			(fdt32_to_cpu(irq[0]) == 1 ? 16 : 32);
	else
		g->maintenance_irq = 25;	/* the value every board uses */
	fdt_for_each_subnode(child, fdt, node)
		if (compatible(fdt, child, "arm,gic-v3-its") &&
		    node_enabled(fdt, child))
			g->has_its = true;
}

/* The interrupt parent of @node: its own or the closest ancestor's. */
static int interrupt_parent(const void *fdt, int node)
{
	const fdt32_t *ph;

	for (; node >= 0; node = fdt_parent_offset(fdt, node)) {
		ph = fdt_getprop(fdt, node, "interrupt-parent", NULL);
		if (ph)
			return fdt_node_offset_by_phandle(fdt,
							  fdt32_to_cpu(*ph));
	}
	return -1;
}

/*
 * The first SPI of @node, if its interrupts go to the GIC, or to an
 * interrupt controller that forwards them 1:1 (the i.MX8M GPC).
 */
static int first_spi(const void *fdt, int node, int gic,
		     struct cfg_board *b)
{
	int parent = interrupt_parent(fdt, node), len, n, first = -1;
	const fdt32_t *irq;
	unsigned int spi;

	if (parent < 0 || gic < 0)
		return -1;
	if (parent != gic &&
	    (interrupt_parent(fdt, parent) != gic ||
	     cells_of(fdt, parent, "#interrupt-cells", 0) != 3))
		return -1;
	irq = fdt_getprop(fdt, node, "interrupts", &len);
	if (!irq)
		return -1;
	for (n = 0; (n + 1) * 12 <= len; n++) {
		if (fdt32_to_cpu(irq[n * 3]) != 0)
			continue;
		spi = fdt32_to_cpu(irq[n * 3 + 1]);
		if (first < 0)
			first = spi;
		if (!b || spi >= 1024)
			continue;
		if (spi > b->max_spi)
			b->max_spi = spi;
		b->spi_used[spi / 8] |= 1 << (spi % 8);
	}
	return first;
}

static const struct {
	const char *compatible;
	unsigned int type;
	const char *name;
	unsigned int flags;
} console_types[] = {
	{ "arm,pl011", JAILHOUSE_CON_TYPE_PL011, "JAILHOUSE_CON_TYPE_PL011",
	  JAILHOUSE_CON_REGDIST_4 },
	{ "fsl,imx7ulp-lpuart", JAILHOUSE_CON_TYPE_IMX_LPUART,
	  "JAILHOUSE_CON_TYPE_IMX_LPUART", JAILHOUSE_CON_REGDIST_4 },
	{ "fsl,imx8qm-lpuart", JAILHOUSE_CON_TYPE_IMX_LPUART,
	  "JAILHOUSE_CON_TYPE_IMX_LPUART", JAILHOUSE_CON_REGDIST_4 },
	{ "fsl,imx8qxp-lpuart", JAILHOUSE_CON_TYPE_IMX_LPUART,
	  "JAILHOUSE_CON_TYPE_IMX_LPUART", JAILHOUSE_CON_REGDIST_4 },
	{ "fsl,imx8ulp-lpuart", JAILHOUSE_CON_TYPE_IMX_LPUART,
	  "JAILHOUSE_CON_TYPE_IMX_LPUART", JAILHOUSE_CON_REGDIST_4 },
	{ "fsl,imx21-uart", JAILHOUSE_CON_TYPE_IMX, "JAILHOUSE_CON_TYPE_IMX",
	  JAILHOUSE_CON_REGDIST_4 },
	{ "fsl,imx6q-uart", JAILHOUSE_CON_TYPE_IMX, "JAILHOUSE_CON_TYPE_IMX",
	  JAILHOUSE_CON_REGDIST_4 },
	/* OMAP-style 8250s (TI K3) need MDR1 set to UART mode */
	{ "ti,am654-uart", JAILHOUSE_CON_TYPE_8250, "JAILHOUSE_CON_TYPE_8250",
	  JAILHOUSE_CON_MDR_QUIRK },
	{ "ti,am64-uart", JAILHOUSE_CON_TYPE_8250, "JAILHOUSE_CON_TYPE_8250",
	  JAILHOUSE_CON_MDR_QUIRK },
	{ "ns16550a", JAILHOUSE_CON_TYPE_8250, "JAILHOUSE_CON_TYPE_8250", 0 },
	{ "ns16550", JAILHOUSE_CON_TYPE_8250, "JAILHOUSE_CON_TYPE_8250", 0 },
	{ "ns8250", JAILHOUSE_CON_TYPE_8250, "JAILHOUSE_CON_TYPE_8250", 0 },
	{ "snps,dw-apb-uart", JAILHOUSE_CON_TYPE_8250,
	  "JAILHOUSE_CON_TYPE_8250", 0 },
};

static void read_console(struct cfg_board *b, const void *fdt, int gic)
{
	struct cfg_console *con = &b->console;
	int chosen = fdt_path_offset(fdt, "/chosen"), node, len;
	char path[256];
	const char *stdout_path, *colon;
	struct reg_entry e;
	unsigned int n;
	bool ok;

	con->spi = -1;
	if (chosen < 0)
		return;
	stdout_path = fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!stdout_path)
		stdout_path = fdt_getprop(fdt, chosen, "linux,stdout-path",
					  &len);
	if (!stdout_path)
		return;
	colon = strchr(stdout_path, ':');
	snprintf(path, sizeof(path), "%.*s",
		 colon ? (int)(colon - stdout_path) : (int)strlen(stdout_path),
		 stdout_path);
	node = path[0] == '/' ? fdt_path_offset(fdt, path) :
		fdt_path_offset(fdt, fdt_get_alias(fdt, path) ?: "");
	if (node < 0)
		return;
	node_path(fdt, node, con->path, sizeof(con->path));
	for (n = 0; n < sizeof(console_types) / sizeof(console_types[0]); n++)
		if (compatible(fdt, node, console_types[n].compatible))
			break;
	if (n == sizeof(console_types) / sizeof(console_types[0]))
		return;
	if (!reg_entry(fdt, node, 0, &e, &ok) || !ok)
		return;
	snprintf(con->compatible, sizeof(con->compatible), "%s",
		 console_types[n].compatible);
	con->address = e.addr;
	con->type = console_types[n].type;
	con->type_name = console_types[n].name;
	con->flags = JAILHOUSE_CON_ACCESS_MMIO | console_types[n].flags;
	/* 8250: the register distance is the DT's reg-shift */
	if (con->type == JAILHOUSE_CON_TYPE_8250 &&
	    cells_of(fdt, node, "reg-shift", 0) == 2)
		con->flags |= JAILHOUSE_CON_REGDIST_4;
	con->spi = first_spi(fdt, node, gic, NULL);
	con->found = true;
}

static void add_iommu(struct cfg_board *b, const void *fdt, int node,
		      unsigned int type, const char *name)
{
	struct cfg_iommu *u;
	struct reg_entry e;
	bool ok;

	if (b->num_iommus == CFG_MAX_IOMMUS ||
	    !reg_entry(fdt, node, 0, &e, &ok) || !ok)
		return;
	u = &b->iommu[b->num_iommus++];
	u->type = type;
	u->type_name = name;
	u->base = e.addr;
	u->size = e.size;
	node_path(fdt, node, u->path, sizeof(u->path));
}

/* A node that config create handles itself, not as a plain device. */
static bool is_special(const void *fdt, int node, int gic)
{
	const char *type = fdt_getprop(fdt, node, "device_type", NULL);
	int p;

	if (type && (strcmp(type, "memory") == 0 || strcmp(type, "cpu") == 0))
		return true;
	if (node == gic)
		return true;
	for (p = node; p > 0; p = fdt_parent_offset(fdt, p)) {
		const char *name = fdt_get_name(fdt, p, NULL);

		if (strcmp(name, "reserved-memory") == 0 ||
		    strcmp(name, "cpus") == 0 || strcmp(name, "chosen") == 0)
			return true;
	}
	return false;
}

/* A PCI host's memory and I/O windows, from its "ranges". */
static void add_pci_windows(struct cfg_board *b, const void *fdt, int node,
			    const char *label)
{
	int parent = fdt_parent_offset(fdt, node), len, n, entry;
	int pa = cells_of(fdt, parent, "#address-cells", 2);
	int sa = cells_of(fdt, node, "#size-cells", 2);
	const fdt32_t *ranges = fdt_getprop(fdt, node, "ranges", &len);
	char what[CFG_LABEL_MAX];

	if (!ranges)
		return;
	entry = 3 + pa + sa;
	for (n = 0; (n + 1) * entry * 4 <= len; n++) {
		const fdt32_t *e = ranges + n * entry;
		uint64_t addr = read_cells(e + 3, pa);
		uint64_t size = read_cells(e + 3 + pa, sa);

		if (!translate(fdt, parent, &addr))
			continue;
		snprintf(what, sizeof(what), "%s window", label);
		cfg_ranges_add(&b->devices, addr, addr + size, what);
	}
}

static void read_devices(struct cfg_board *b, const void *fdt, int gic)
{
	const char *name, *type;
	struct reg_entry e;
	int node, n;
	bool ok;

	for (node = fdt_next_node(fdt, 0, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		if (is_special(fdt, node, gic))
			continue;
		/* PCI functions: their reg is a bus/device/function */
		type = fdt_getprop(fdt, fdt_parent_offset(fdt, node),
				   "device_type", NULL);
		if (type && strcmp(type, "pci") == 0)
			continue;
		first_spi(fdt, node, gic, b);
		if (!fdt_getprop(fdt, node, "reg", NULL))
			continue;
		if (!path_enabled(fdt, node)) {
			if (reg_entry(fdt, node, 0, &e, &ok) && ok)
				b->skipped_disabled++;
			continue;
		}
		if (compatible(fdt, node, "arm,smmu-v3")) {
			add_iommu(b, fdt, node, JAILHOUSE_IOMMU_SMMUV3,
				  "JAILHOUSE_IOMMU_SMMUV3");
			continue;
		}
		if (compatible(fdt, node, "arm,mmu-500")) {
			add_iommu(b, fdt, node, JAILHOUSE_IOMMU_ARM_MMU500,
				  "JAILHOUSE_IOMMU_ARM_MMU500");
			continue;
		}
		name = fdt_get_name(fdt, node, NULL);
		for (n = 0; reg_entry(fdt, node, n, &e, &ok); n++) {
			if (!ok || e.size == 0)
				continue;
			cfg_ranges_add(&b->devices, e.addr, e.addr + e.size,
				       name);
		}
		type = fdt_getprop(fdt, node, "device_type", NULL);
		if (type && strcmp(type, "pci") == 0) {
			b->num_pci_hosts++;
			add_pci_windows(b, fdt, node, name);
		}
	}
}

/* "fsl,imx8mq-evk" -> "imx8mq-evk": a C-friendly cell name. */
static void board_name(struct cfg_board *b, const void *fdt)
{
	const char *compat = fdt_getprop(fdt, 0, "compatible", NULL);
	const char *model = fdt_getprop(fdt, 0, "model", NULL);
	const char *comma;

	snprintf(b->model, sizeof(b->model), "%s", model ? model : "unknown");
	if (!compat || !compat[0])
		compat = "board";
	comma = strchr(compat, ',');
	snprintf(b->name, sizeof(b->name), "%s", comma ? comma + 1 : compat);
	/* cell names are at most 31 characters */
	b->name[31] = '\0';
}

int cfg_board_from_fdt(struct cfg_board *board, const void *fdt)
{
	int gic;

	if (fdt_check_header(fdt) != 0) {
		fprintf(stderr, "config create: not a flattened device tree "
			"blob\n");
		return -1;
	}
	board_name(board, fdt);
	read_cpus(board, fdt);
	read_memory(board, fdt);
	read_gic(board, fdt);
	gic = board->gic.path[0] ? fdt_path_offset(fdt, board->gic.path) : -1;
	read_console(board, fdt, gic);
	read_devices(board, fdt, gic);
	if (board->num_cpus == 0) {
		fprintf(stderr, "config create: the device tree lists no CPU "
			"under /cpus\n");
		return -1;
	}
	if (board->ram.n == 0) {
		fprintf(stderr, "config create: the device tree has no "
			"memory node\n");
		return -1;
	}
	if (board->gic.version == 0) {
		fprintf(stderr, "config create: no GICv2/GICv3 interrupt "
			"controller in the device tree\n");
		return -1;
	}
	return 0;
}
