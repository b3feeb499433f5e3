// SPDX-License-Identifier: GPL-2.0
/*
 * Config validation shared by the hypervisor, the driver, the CLI and the
 * host tests (see include/jailhouse/config_check.h).
 *
 * The same file is compiled freestanding (no libc: hence the tiny helpers
 * below), in the kernel and hosted.  Input is untrusted: every byte read
 * from a blob is first proven to lie inside it, sizes are computed in 64
 * bits (u32 counts times struct sizes cannot overflow there) and every loop
 * is bounded by a count that has been checked against the blob size or by
 * one of the CONFIG_CHECK_MAX_* limits.  Findings are built field by field
 * so that the compiler never needs memset/memcpy.
 */

#include <jailhouse/config_check.h>

#define PAGE_OFFS_MASK		0xfffULL
#define HV_MEM_ALIGN		0x200000ULL
#define PAGE_SIZE_4K		0x1000ULL

/* The hypervisor keeps the CPU set in one page. */
#define MAX_CPU_SET_SIZE	4096

#define GICD_V3_SIZE		0x10000ULL
#define GICR_V3_STRIDE		0x20000ULL	/* RD_base + SGI_base frame */
#define GICD_V2_SIZE		0x1000ULL
#define GICC_V2_SIZE		0x2000ULL
#define GICH_V2_SIZE		0x2000ULL
#define GICV_V2_SIZE		0x2000ULL

#define PINS_PER_IRQCHIP	128
#define GIC_FIRST_SPI		32
#define GIC_MAX_INTID		1020
#define CONFIG_CHECK_MAX_IRQCHIPS	64

#define IVSHMEM_MAX_PEERS	12
/* State table, R/W section, then one output section per peer. */
#define IVSHMEM_FIXED_REGIONS	2

#define ECAM_BUS_SIZE		(1ULL << 20)

#define MEM_KNOWN_FLAGS							\
	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |			\
	 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA | JAILHOUSE_MEM_IO |	\
	 JAILHOUSE_MEM_COMM_REGION | JAILHOUSE_MEM_LOADABLE |		\
	 JAILHOUSE_MEM_ROOTSHARED | JAILHOUSE_MEM_NO_HUGEPAGES |		\
	 JAILHOUSE_MEM_IO_UNALIGNED |					\
	 (0xfULL << JAILHOUSE_MEM_IO_WIDTH_SHIFT))
#define MEM_IO_ONLY_FLAGS						\
	(JAILHOUSE_MEM_IO_UNALIGNED | (0xfULL << JAILHOUSE_MEM_IO_WIDTH_SHIFT))

#define UNKNOWN_NAME		"(unknown)"
#define UNNAMED_NAME		"(unnamed)"

/* Order of the variable arrays behind a cell descriptor. */
enum cell_array {
	ARR_CPUS,
	ARR_MEM,
	ARR_CACHE,
	ARR_IRQCHIPS,
	ARR_PIO,
	ARR_PCI,
	ARR_CAPS,
	ARR_STREAM_IDS,
	ARR_NUM
};

static const char *const array_names[ARR_NUM] = {
	[ARR_CPUS] = "cpus",
	[ARR_MEM] = "mem_regions",
	[ARR_CACHE] = "cache_regions",
	[ARR_IRQCHIPS] = "irqchips",
	[ARR_PIO] = "pio_regions",
	[ARR_PCI] = "pci_devices",
	[ARR_CAPS] = "pci_caps",
	[ARR_STREAM_IDS] = "stream_ids",
};

struct checker {
	config_check_report_t report;
	void *ctx;
	int errors;
};

/* A cell whose arrays are known to lie inside their blob. */
struct cell_view {
	const struct jailhouse_cell_desc *desc;
	const char *name;
	bool is_root;
	const __u8 *cpu_set;
	__u32 cpu_set_size;
	const struct jailhouse_memory *mem;
	__u32 num_mem;
	const struct jailhouse_irqchip *irqchips;
	__u32 num_irqchips;
	const struct jailhouse_pci_device *pci;
	__u32 num_pci;
	__u32 num_caps;
	/* arrays too long for pairwise comparison (reported once) */
	bool mem_too_large;
	bool pci_too_large;
	bool irqchips_too_large;
};

struct named_range {
	const char *name;	/* what a finding says about it */
	__u64 start, end;
};

#define MAX_GIC_RANGES	4

static bool bytes_equal(const char *a, const char *b, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* Compare two NUL-terminated names of at most JAILHOUSE_CELL_NAME_MAXLEN. */
static bool names_equal(const char *a, const char *b)
{
	unsigned int i;

	for (i = 0; i <= JAILHOUSE_CELL_NAME_MAXLEN; i++) {
		if (a[i] != b[i])
			return false;
		if (a[i] == 0)
			return true;
	}
	return true;
}

static bool name_terminated(const char *name)
{
	unsigned int i;

	for (i = 0; i <= JAILHOUSE_CELL_NAME_MAXLEN; i++)
		if (name[i] == 0)
			return true;
	return false;
}

static bool ranges_overlap(__u64 s1, __u64 e1, __u64 s2, __u64 e2)
{
	return s1 < e2 && s2 < e1;
}

static bool cpu_in_set(const __u8 *set, __u32 set_size, __u64 cpu)
{
	if (cpu / 8 >= set_size)
		return false;
	return set[cpu / 8] & (1U << (cpu % 8));
}

/* Highest CPU number in the set plus one, 0 for an empty set. */
static __u64 cpu_set_span(const __u8 *set, __u32 set_size)
{
	__u64 cpu;

	for (cpu = (__u64)set_size * 8; cpu > 0; cpu--)
		if (cpu_in_set(set, set_size, cpu - 1))
			return cpu;
	return 0;
}

static void finding_init(struct config_check_finding *f,
			 enum config_check_code code,
			 enum config_check_severity severity,
			 const char *cell, const char *array, int index,
			 const char *what, const char *hint)
{
	f->code = code;
	f->severity = severity;
	f->cell = cell;
	f->array = array;
	f->index = index;
	f->other_cell = NULL;
	f->other_index = -1;
	f->kind = CC_VAL_NONE;
	f->start = 0;
	f->end = 0;
	f->other_kind = CC_VAL_NONE;
	f->other_start = 0;
	f->other_end = 0;
	f->other_array = NULL;
	f->what = what;
	f->hint = hint;
}

static void set_value(struct config_check_finding *f,
		      enum config_check_value kind, __u64 start, __u64 end)
{
	f->kind = kind;
	f->start = start;
	f->end = end;
}

static void set_other_value(struct config_check_finding *f,
			    enum config_check_value kind,
			    __u64 start, __u64 end)
{
	f->other_kind = kind;
	f->other_start = start;
	f->other_end = end;
}

static void set_other(struct config_check_finding *f, const char *cell,
		      const char *array, int index)
{
	f->other_cell = cell;
	f->other_array = array;
	f->other_index = index;
}

static void emit(struct checker *c, const struct config_check_finding *f)
{
	if (f->severity == CC_ERROR)
		c->errors++;
	if (c->report)
		c->report(c->ctx, f);
}

/* Report a finding that needs no more than a location and one value. */
static void report_simple(struct checker *c, enum config_check_code code,
			  enum config_check_severity severity,
			  const char *cell, const char *array, int index,
			  enum config_check_value kind, __u64 start, __u64 end,
			  const char *what, const char *hint)
{
	struct config_check_finding f;

	finding_init(&f, code, severity, cell, array, index, what, hint);
	set_value(&f, kind, start, end);
	emit(c, &f);
}

static int to_index(__u64 i)
{
	return i > 0x7fffffff ? 0x7fffffff : (int)i;
}

/* ---- structure of a blob ---------------------------------------------- */

static void cell_layout(const struct jailhouse_cell_desc *d, __u64 base,
			__u64 off[ARR_NUM + 1])
{
	off[ARR_CPUS] = base;
	off[ARR_MEM] = off[ARR_CPUS] + d->cpu_set_size;
	off[ARR_CACHE] = off[ARR_MEM] + (__u64)d->num_memory_regions *
		sizeof(struct jailhouse_memory);
	off[ARR_IRQCHIPS] = off[ARR_CACHE] + (__u64)d->num_cache_regions *
		sizeof(struct jailhouse_cache);
	off[ARR_PIO] = off[ARR_IRQCHIPS] + (__u64)d->num_irqchips *
		sizeof(struct jailhouse_irqchip);
	off[ARR_PCI] = off[ARR_PIO] + (__u64)d->num_pio_regions *
		sizeof(struct jailhouse_pio);
	off[ARR_CAPS] = off[ARR_PCI] + (__u64)d->num_pci_devices *
		sizeof(struct jailhouse_pci_device);
	off[ARR_STREAM_IDS] = off[ARR_CAPS] + (__u64)d->num_pci_caps *
		sizeof(struct jailhouse_pci_capability);
	off[ARR_NUM] = off[ARR_STREAM_IDS] + (__u64)d->num_stream_ids *
		sizeof(union jailhouse_stream_id);
}

__u64 config_check_cell_size(const struct jailhouse_cell_desc *cell)
{
	__u64 off[ARR_NUM + 1];

	cell_layout(cell, sizeof(*cell), off);
	return off[ARR_NUM];
}

__u64 config_check_system_size(const struct jailhouse_system *sys)
{
	return sizeof(*sys) - sizeof(sys->root_cell) +
		config_check_cell_size(&sys->root_cell);
}

static void view_init(struct cell_view *v,
		      const struct jailhouse_cell_desc *d, bool is_root,
		      const char *name)
{
	const __u8 *arrays = (const __u8 *)d + sizeof(*d);
	__u64 off[ARR_NUM + 1];

	cell_layout(d, 0, off);
	v->desc = d;
	v->name = name;
	v->is_root = is_root;
	v->cpu_set = arrays;
	v->cpu_set_size = d->cpu_set_size;
	v->mem = (const struct jailhouse_memory *)(arrays + off[ARR_MEM]);
	v->num_mem = d->num_memory_regions;
	v->irqchips = (const struct jailhouse_irqchip *)
		(arrays + off[ARR_IRQCHIPS]);
	v->num_irqchips = d->num_irqchips;
	v->pci = (const struct jailhouse_pci_device *)(arrays + off[ARR_PCI]);
	v->num_pci = d->num_pci_devices;
	v->num_caps = d->num_pci_caps;
	v->mem_too_large = v->num_mem > CONFIG_CHECK_MAX_PAIRWISE;
	v->pci_too_large = v->num_pci > CONFIG_CHECK_MAX_PAIRWISE;
	v->irqchips_too_large = v->num_irqchips > CONFIG_CHECK_MAX_IRQCHIPS;
}

/* A name that is safe to print, whatever the blob holds. */
static const char *blob_cell_name(const __u8 *blob, __u64 size,
				  __u64 desc_off)
{
	const struct jailhouse_cell_desc *d;

	if (size < desc_off + sizeof(*d))
		return UNKNOWN_NAME;
	d = (const struct jailhouse_cell_desc *)(blob + desc_off);
	if (!name_terminated(d->name))
		return UNKNOWN_NAME;
	if (d->name[0] == 0)
		return UNNAMED_NAME;
	return d->name;
}

/*
 * Signature, revision, architecture, sizes.  Returns true when the arrays
 * can be walked; *name gets a printable name for further findings.
 */
static bool check_structure(struct checker *c, const __u8 *blob, __u64 size,
			    bool system, const char **name)
{
	const char *sig = system ? JAILHOUSE_SYSTEM_SIGNATURE :
		JAILHOUSE_CELL_DESC_SIGNATURE;
	const char *sig13 = system ? JAILHOUSE_SYSTEM_SIGNATURE_REV13 :
		JAILHOUSE_CELL_DESC_SIGNATURE_REV13;
	const char *other_sig = system ? JAILHOUSE_CELL_DESC_SIGNATURE :
		JAILHOUSE_SYSTEM_SIGNATURE;
	const char *other_sig13 = system ? JAILHOUSE_CELL_DESC_SIGNATURE_REV13 :
		JAILHOUSE_SYSTEM_SIGNATURE_REV13;
	__u64 desc_off = system ?
		sizeof(struct jailhouse_system) - sizeof(struct jailhouse_cell_desc) : 0;
	__u64 header_size = system ? sizeof(struct jailhouse_system) :
		sizeof(struct jailhouse_cell_desc);
	const struct jailhouse_cell_desc *d;
	struct config_check_finding f;
	__u64 off[ARR_NUM + 1];
	__u16 revision;
	unsigned int a;

	*name = blob_cell_name(blob, size, desc_off);

	if (size < 8) {
		finding_init(&f, CC_TRUNCATED, CC_ERROR, *name, "header", -1,
			     "is cut short: the file size is",
			     "this is not a config file (a .cell needs at least its signature, architecture and revision)");
		set_value(&f, CC_VAL_RANGE, 0, header_size);
		set_other_value(&f, CC_VAL_NUMBER, size, 0);
		emit(c, &f);
		return false;
	}

	revision = ((const struct jailhouse_cell_desc *)blob)->revision;
	if (bytes_equal((const char *)blob, sig13, 6)) {
		/* revision 13: same layout, six-character signature */
		if (revision != JAILHOUSE_CONFIG_REVISION_COMPAT) {
			report_simple(c, CC_BAD_REVISION, CC_ERROR, *name,
				      "revision", -1, CC_VAL_NUMBER,
				      revision, 0,
				      revision == JAILHOUSE_CONFIG_REVISION ?
				      "does not go with the JHSYST/JHCELL signature of revision 13" :
				      "is not supported (expected 14, or 13 with the JHSYST/JHCELL signature)",
				      "rebuild the config from its source against this tree's include/jailhouse/cell-config.h");
			return false;
		}
	} else if (bytes_equal((const char *)blob, sig, 5)) {
		if (revision != JAILHOUSE_CONFIG_REVISION) {
			report_simple(c, CC_BAD_REVISION, CC_ERROR, *name,
				      "revision", -1, CC_VAL_NUMBER,
				      revision, 0,
				      "is not supported (expected 14, or 13 with the JHSYST/JHCELL signature)",
				      "rebuild the config from its source against this tree's include/jailhouse/cell-config.h");
			return false;
		}
		if (blob[5] != JAILHOUSE_ARM64) {
			report_simple(c, CC_BAD_ARCH, CC_ERROR, *name,
				      "architecture", -1, CC_VAL_NUMBER,
				      blob[5], 0,
				      "is not arm64 (2)",
				      "this config was built for another architecture (0 is x86, 1 is arm): set .architecture = JAILHOUSE_ARM64");
			return false;
		}
	} else if (bytes_equal((const char *)blob, other_sig, 5) ||
		   bytes_equal((const char *)blob, other_sig13, 6)) {
		report_simple(c, CC_BAD_SIGNATURE, CC_ERROR, *name,
			      "signature", -1, CC_VAL_NONE, 0, 0,
			      system ? "is JHCLL: this is a cell config, not a system config" :
				       "is JHSYS: this is a system config, not a cell config",
			      system ? "give the root cell's config (the one for \"jailhouse enable\") first, cell configs after it" :
				       "use the system config with \"jailhouse enable\" and non-root cell configs with \"cell create\"");
		return false;
	} else {
		report_simple(c, CC_BAD_SIGNATURE, CC_ERROR, *name,
			      "signature", -1, CC_VAL_NONE, 0, 0,
			      system ? "is not JHSYS: not a system config" :
				       "is not JHCLL: not a cell config",
			      "pass the binary .cell file built from the config source, not the source or another file");
		return false;
	}

	if (size < header_size) {
		finding_init(&f, CC_TRUNCATED, CC_ERROR, *name, "header", -1,
			     "is cut short: the file size is",
			     "the file is incomplete; copy or rebuild it");
		set_value(&f, CC_VAL_RANGE, 0, header_size);
		set_other_value(&f, CC_VAL_NUMBER, size, 0);
		emit(c, &f);
		return false;
	}

	d = (const struct jailhouse_cell_desc *)(blob + desc_off);
	if (!name_terminated(d->name) || d->name[0] == 0)
		report_simple(c, CC_BAD_NAME, CC_ERROR, *name, "name", -1,
			      CC_VAL_NONE, 0, 0,
			      d->name[0] ? "is not NUL-terminated within 32 bytes" :
					   "is empty",
			      "give the cell a name of 1 to 31 characters");

	if (d->cpu_set_size == 0 || d->cpu_set_size > MAX_CPU_SET_SIZE) {
		report_simple(c, CC_BAD_CPU_SET_SIZE, CC_ERROR, *name,
			      "cpu_set_size", -1, CC_VAL_NUMBER,
			      d->cpu_set_size, 0,
			      "is out of range (1..4096 bytes)",
			      "set .cpu_set_size = sizeof(config.cpus) with a __u64 cpus[] array");
		return false;
	}
	if (d->cpu_set_size % 8)
		report_simple(c, CC_BAD_CPU_SET_SIZE, CC_ERROR, *name,
			      "cpu_set_size", -1, CC_VAL_NUMBER,
			      d->cpu_set_size, 0,
			      "is not a multiple of 8 bytes",
			      "the CPU set is an array of 64-bit words: declare __u64 cpus[N] and use sizeof(config.cpus)");

	cell_layout(d, header_size, off);
	for (a = 0; a < ARR_NUM; a++) {
		if (off[a + 1] <= size)
			continue;
		finding_init(&f, CC_TRUNCATED, CC_ERROR, *name, array_names[a],
			     -1, "extends past the end of the file, whose size is",
			     "a num_* count or cpu_set_size does not match the arrays that follow, or the file was cut short");
		set_value(&f, CC_VAL_RANGE, off[a], off[a + 1]);
		set_other_value(&f, CC_VAL_NUMBER, size, 0);
		emit(c, &f);
		return false;
	}
	if (off[ARR_NUM] < size) {
		finding_init(&f, CC_TRAILING_DATA, CC_ERROR, *name, "file", -1,
			     "holds bytes after the last declared array",
			     "a num_* count is smaller than its array in the config source; use ARRAY_SIZE() for every count");
		set_value(&f, CC_VAL_RANGE, off[ARR_NUM], size);
		emit(c, &f);
	}
	return true;
}

/* ---- platform ---------------------------------------------------------- */

/* Append [base, base + size) to r unless the config leaves base unset. */
static void add_gic_range(struct named_range *r, unsigned int *n,
			  const char *name, __u64 base, __u64 size)
{
	if (!base)
		return;
	r[*n].name = name;
	r[*n].start = base;
	r[*n].end = base + size;
	(*n)++;
}

static unsigned int gic_ranges(const struct jailhouse_system *sys,
			       struct named_range r[MAX_GIC_RANGES])
{
	const struct jailhouse_cell_desc *root = &sys->root_cell;
	const __u8 *root_cpus = (const __u8 *)root + sizeof(*root);
	const typeof(sys->platform_info.arm) *gic = &sys->platform_info.arm;
	unsigned int n = 0;

	if (gic->gic_version == 3) {
		add_gic_range(r, &n, "overlaps the GIC distributor (GICD) at",
			      gic->gicd_base, GICD_V3_SIZE);
		/*
		 * Redistributors are laid out by CPU number, so the window
		 * runs up to the highest root CPU, not the CPU count.
		 */
		add_gic_range(r, &n, "overlaps the GIC redistributors (GICR) at",
			      gic->gicr_base, GICR_V3_STRIDE *
			      cpu_set_span(root_cpus, root->cpu_set_size));
	} else if (gic->gic_version == 2) {
		add_gic_range(r, &n, "overlaps the GIC distributor (GICD) at",
			      gic->gicd_base, GICD_V2_SIZE);
		add_gic_range(r, &n, "overlaps the GIC CPU interface (GICC) at",
			      gic->gicc_base, GICC_V2_SIZE);
		add_gic_range(r, &n,
			      "overlaps the GIC hypervisor interface (GICH) at",
			      gic->gich_base, GICH_V2_SIZE);
		add_gic_range(r, &n,
			      "overlaps the GIC virtual CPU interface (GICV) at",
			      gic->gicv_base, GICV_V2_SIZE);
	}
	return n;
}

static bool debug_console_range(const struct jailhouse_system *sys,
				__u64 *start, __u64 *end)
{
	const struct jailhouse_console *con = &sys->debug_console;

	if (con->type == JAILHOUSE_CON_TYPE_NONE ||
	    con->type == JAILHOUSE_CON_TYPE_EFIFB || !CON_IS_MMIO(con->flags))
		return false;
	*start = con->address;
	*end = con->address + (con->size ? con->size : PAGE_SIZE_4K);
	return true;
}

static __u64 pci_mmconfig_end(const struct jailhouse_system *sys)
{
	return sys->platform_info.pci_mmconfig_base +
		((__u64)sys->platform_info.pci_mmconfig_end_bus + 1) *
		ECAM_BUS_SIZE;
}

static void check_platform(struct checker *c, const struct jailhouse_system *sys,
			   const char *name)
{
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	const struct jailhouse_console *con = &sys->debug_console;
	__u8 gic = sys->platform_info.arm.gic_version;

	if (hv->size == 0 || (hv->phys_start & PAGE_OFFS_MASK) ||
	    (hv->size & PAGE_OFFS_MASK) || hv->phys_start + hv->size < hv->phys_start)
		report_simple(c, CC_HV_MEM, CC_ERROR, name, "hypervisor_memory",
			      -1, CC_VAL_RANGE, hv->phys_start,
			      hv->phys_start + hv->size,
			      "is empty, not page aligned or wraps around",
			      "reserve a page-aligned carve-out of a few MiB (4 MiB is typical) that Linux does not use, and set phys_start and size to it");
	else if (hv->phys_start & (HV_MEM_ALIGN - 1))
		/* the EL2 bootstrap maps the image with 2 MiB blocks */
		report_simple(c, CC_HV_MEM, CC_ERROR, name, "hypervisor_memory",
			      -1, CC_VAL_RANGE, hv->phys_start,
			      hv->phys_start + hv->size,
			      "does not start on a 2 MiB boundary",
			      "move phys_start (and the reservation in the device tree or mem=) to a 2 MiB-aligned address, e.g. the top 4 MiB of RAM");

	if (gic != 2 && gic != 3) {
		report_simple(c, CC_GIC_VERSION, CC_ERROR, name,
			      "gic_version", -1, CC_VAL_NUMBER, gic, 0,
			      "is not 2 or 3",
			      "set platform_info.arm.gic_version from the interrupt-controller node of the device tree (arm,gic-v3 is 3, arm,gic-400/cortex-a15-gic is 2)");
	} else if (gic == 3 && (!sys->platform_info.arm.gicd_base ||
				!sys->platform_info.arm.gicr_base)) {
		report_simple(c, CC_GIC_BASES, CC_ERROR, name, "gic", -1,
			      CC_VAL_NONE, 0, 0,
			      "v3 needs gicd_base and gicr_base",
			      "copy the first two reg entries of the arm,gic-v3 device tree node into gicd_base and gicr_base");
	} else if (gic == 2 && (!sys->platform_info.arm.gicd_base ||
				!sys->platform_info.arm.gicc_base ||
				!sys->platform_info.arm.gich_base ||
				!sys->platform_info.arm.gicv_base)) {
		report_simple(c, CC_GIC_BASES, CC_ERROR, name, "gic", -1,
			      CC_VAL_NONE, 0, 0,
			      "v2 needs gicd_base, gicc_base, gich_base and gicv_base",
			      "copy the four reg entries of the GIC device tree node (distributor, CPU, hypervisor and virtual CPU interfaces)");
	}

	if (con->type > JAILHOUSE_CON_TYPE_SCIF)
		report_simple(c, CC_DEBUG_CONSOLE, CC_ERROR, name,
			      "debug_console", -1, CC_VAL_NUMBER, con->type, 0,
			      "has an unknown type",
			      "use one of the JAILHOUSE_CON_TYPE_* values, or JAILHOUSE_CON_TYPE_NONE for no console");
	else if (con->type != JAILHOUSE_CON_TYPE_NONE &&
		 con->type != JAILHOUSE_CON_TYPE_EFIFB &&
		 !CON_IS_MMIO(con->flags))
		report_simple(c, CC_DEBUG_CONSOLE, CC_ERROR, name,
			      "debug_console", -1, CC_VAL_RANGE, con->address,
			      con->address + con->size,
			      "is not MMIO (arm64 has no port I/O)",
			      "add JAILHOUSE_CON_ACCESS_MMIO to the debug console flags");
	else if (con->type != JAILHOUSE_CON_TYPE_NONE && con->address == 0)
		report_simple(c, CC_DEBUG_CONSOLE, CC_ERROR, name,
			      "debug_console", -1, CC_VAL_NONE, 0, 0,
			      "has no address",
			      "set the UART's physical address from the device tree (see the stdout-path node)");
}

/* ---- one cell ---------------------------------------------------------- */

static bool ivshmem_range_valid(const struct cell_view *v,
				const struct jailhouse_pci_device *dev)
{
	return dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
		(__u64)dev->shmem_regions_start + IVSHMEM_FIXED_REGIONS +
		dev->shmem_peers <= v->num_mem;
}

/* Is memory region idx part of an ivshmem device of the cell? */
static bool mem_is_ivshmem(const struct cell_view *v, __u64 idx)
{
	__u64 i, start;

	if (v->pci_too_large)
		return false;
	for (i = 0; i < v->num_pci; i++) {
		if (!ivshmem_range_valid(v, &v->pci[i]))
			continue;
		start = v->pci[i].shmem_regions_start;
		if (idx >= start &&
		    idx < start + IVSHMEM_FIXED_REGIONS + v->pci[i].shmem_peers)
			return true;
	}
	return false;
}

static bool mem_is_comm(const struct jailhouse_memory *m)
{
	return m->flags & JAILHOUSE_MEM_COMM_REGION;
}

/* Regions without physical memory behind them: empty or the comm page. */
static bool mem_has_phys(const struct jailhouse_memory *m)
{
	return m->size != 0 && !mem_is_comm(m);
}

static bool mem_wraps(const struct jailhouse_memory *m)
{
	return m->phys_start + m->size < m->phys_start ||
		m->virt_start + m->size < m->virt_start;
}

/* Shared with other cells on purpose. */
static bool mem_is_shared(const struct cell_view *v, __u64 idx)
{
	return (v->mem[idx].flags & JAILHOUSE_MEM_ROOTSHARED) ||
		mem_is_ivshmem(v, idx);
}

/* Is [start, end) covered by the union of the root's regions? */
static bool root_covers(const struct cell_view *root, __u64 start, __u64 end)
{
	__u64 pos = start, i;
	bool advanced = true;

	/* Each pass moves pos past one more root region, or stops. */
	while (pos < end && advanced) {
		advanced = false;
		for (i = 0; i < root->num_mem; i++) {
			const struct jailhouse_memory *r = &root->mem[i];

			if (!mem_has_phys(r) || mem_wraps(r))
				continue;
			if (r->phys_start <= pos &&
			    pos < r->phys_start + r->size) {
				pos = r->phys_start + r->size;
				advanced = true;
			}
		}
	}
	return pos >= end;
}

static void check_mem_region(struct checker *c,
			     const struct jailhouse_system *sys,
			     const struct cell_view *v, __u64 i)
{
	const struct jailhouse_memory *m = &v->mem[i];
	struct named_range gic[MAX_GIC_RANGES];
	struct config_check_finding f;
	__u64 pstart = m->phys_start, pend = m->phys_start + m->size;
	__u64 vstart = m->virt_start, vend = m->virt_start + m->size;
	__u64 start, end;
	unsigned int n, k;
	int idx = to_index(i);

	if (m->flags & ~(__u64)MEM_KNOWN_FLAGS)
		report_simple(c, CC_MEM_BAD_FLAGS, CC_ERROR, v->name,
			      "mem_regions", idx, CC_VAL_NUMBER,
			      m->flags & ~(__u64)MEM_KNOWN_FLAGS, 0,
			      "has unknown flag bits set:",
			      "use only JAILHOUSE_MEM_* flags of this revision");
	if ((m->flags & MEM_IO_ONLY_FLAGS) && !(m->flags & JAILHOUSE_MEM_IO))
		report_simple(c, CC_MEM_BAD_FLAGS, CC_WARNING, v->name,
			      "mem_regions", idx, CC_VAL_RANGE, pstart, pend,
			      "has an access width or IO_UNALIGNED without JAILHOUSE_MEM_IO",
			      "access widths only apply to sub-page MMIO regions: add JAILHOUSE_MEM_IO or drop them");
	if (mem_is_comm(m) && (m->flags & (JAILHOUSE_MEM_IO |
					   JAILHOUSE_MEM_DMA |
					   JAILHOUSE_MEM_LOADABLE |
					   JAILHOUSE_MEM_ROOTSHARED)))
		report_simple(c, CC_MEM_BAD_FLAGS, CC_WARNING, v->name,
			      "mem_regions", idx, CC_VAL_RANGE, vstart, vend,
			      "is a comm region with IO, DMA, LOADABLE or ROOTSHARED",
			      "the comm region is a hypervisor page: give it READ | WRITE | COMM_REGION only");

	if (m->size == 0) {
		/* ivshmem slots may be left out as { 0 } */
		if (m->phys_start || m->virt_start || m->flags ||
		    !mem_is_ivshmem(v, i))
			report_simple(c, CC_MEM_EMPTY, CC_ERROR, v->name,
				      "mem_regions", idx, CC_VAL_RANGE,
				      pstart, pstart,
				      "has size 0",
				      "remove the region and its count, or give it a size (only the slots of an ivshmem device may be { 0 })");
		return;
	}

	if (mem_wraps(m)) {
		finding_init(&f, CC_MEM_WRAP, CC_ERROR, v->name, "mem_regions",
			     idx, "wraps around the end of the address space",
			     "phys_start/virt_start + size must stay below 2^64: check the size");
		set_value(&f, CC_VAL_NUMBER, m->size, 0);
		emit(c, &f);
		return;
	}

	if (mem_is_comm(m)) {
		if ((vstart & PAGE_OFFS_MASK) || (m->size & PAGE_OFFS_MASK))
			report_simple(c, CC_COMM_REGION_BAD, CC_ERROR, v->name,
				      "mem_regions", idx, CC_VAL_RANGE,
				      vstart, vend,
				      "is a comm region that is not page aligned",
				      "map the comm region as one 4 KiB page at a page-aligned address (inmates expect 0x80000000)");
	} else if ((pstart & PAGE_OFFS_MASK) || (vstart & PAGE_OFFS_MASK) ||
		   (m->size & PAGE_OFFS_MASK)) {
		if (!(m->flags & JAILHOUSE_MEM_IO))
			report_simple(c, CC_MEM_UNALIGNED, CC_ERROR, v->name,
				      "mem_regions", idx, CC_VAL_RANGE,
				      pstart, pend,
				      "is not page aligned",
				      "RAM regions must start and end on 4 KiB boundaries; only MMIO regions (JAILHOUSE_MEM_IO) may be smaller, and are then emulated");
	}

	if (!sys)
		return;

	/* Things the hypervisor owns or intercepts, by physical address. */
	if (!mem_is_comm(m) &&
	    ranges_overlap(pstart, pend, sys->hypervisor_memory.phys_start,
			   sys->hypervisor_memory.phys_start +
			   sys->hypervisor_memory.size)) {
		finding_init(&f, CC_MEM_HYPERVISOR, CC_ERROR, v->name,
			     "mem_regions", idx, "overlaps hypervisor memory",
			     v->is_root ?
			     "end the root's RAM region below hypervisor_memory.phys_start (and keep Linux off it with mem= or a reserved-memory node)" :
			     "move the region out of hypervisor_memory; cell memory must come from the root's RAM");
		set_value(&f, CC_VAL_RANGE, pstart, pend);
		set_other_value(&f, CC_VAL_RANGE,
				sys->hypervisor_memory.phys_start,
				sys->hypervisor_memory.phys_start +
				sys->hypervisor_memory.size);
		emit(c, &f);
	}

	/* The GIC and the vPCI window are trapped at the same IPA. */
	n = gic_ranges(sys, gic);
	for (k = 0; k < n; k++) {
		if (!ranges_overlap(vstart, vend, gic[k].start, gic[k].end) &&
		    (mem_is_comm(m) ||
		     !ranges_overlap(pstart, pend, gic[k].start, gic[k].end)))
			continue;
		finding_init(&f, CC_MEM_GIC, CC_ERROR, v->name, "mem_regions",
			     idx, gic[k].name,
			     "the hypervisor owns the GIC and emulates its distributor for the cells: split the MMIO region so it leaves out the GIC window");
		set_value(&f, CC_VAL_RANGE, pstart, pend);
		set_other_value(&f, CC_VAL_RANGE, gic[k].start, gic[k].end);
		emit(c, &f);
	}

	if (sys->platform_info.pci_mmconfig_base) {
		start = sys->platform_info.pci_mmconfig_base;
		end = pci_mmconfig_end(sys);
		if (ranges_overlap(vstart, vend, start, end) ||
		    (!mem_is_comm(m) && ranges_overlap(pstart, pend, start, end))) {
			finding_init(&f, CC_MEM_PCI_MMCONFIG, CC_ERROR, v->name,
				     "mem_regions", idx,
				     "overlaps the virtual PCI config space (pci_mmconfig_base) at",
				     "the hypervisor traps this window ((end_bus + 1) MiB at pci_mmconfig_base): move pci_mmconfig_base to an unused hole or split the region");
			set_value(&f, CC_VAL_RANGE, pstart, pend);
			set_other_value(&f, CC_VAL_RANGE, start, end);
			emit(c, &f);
		}
	}

	if (mem_is_comm(m))
		return;

	for (k = 0; k < JAILHOUSE_MAX_IOMMU_UNITS; k++) {
		const struct jailhouse_iommu *u =
			&sys->platform_info.iommu_units[k];

		if (u->base == 0)
			break;
		if (!ranges_overlap(pstart, pend, u->base, u->base + u->size))
			continue;
		finding_init(&f, CC_MEM_IOMMU, CC_ERROR, v->name, "mem_regions",
			     idx, "overlaps an IOMMU unit at",
			     "the hypervisor owns the SMMU: leave its register window out of every cell");
		set_value(&f, CC_VAL_RANGE, pstart, pend);
		set_other_value(&f, CC_VAL_RANGE, u->base, u->base + u->size);
		set_other(&f, NULL, "iommu_units", k);
		emit(c, &f);
	}

	if (!v->is_root && !(m->flags & JAILHOUSE_MEM_ROOTSHARED) &&
	    debug_console_range(sys, &start, &end) &&
	    ranges_overlap(pstart, pend, start, end)) {
		finding_init(&f, CC_MEM_DEBUG_CONSOLE, CC_ERROR, v->name,
			     "mem_regions", idx,
			     "maps the hypervisor's debug console UART without ROOTSHARED:",
			     "add JAILHOUSE_MEM_ROOTSHARED so the UART stays with the root and the hypervisor, or give the cell a UART of its own");
		set_value(&f, CC_VAL_RANGE, pstart, pend);
		set_other_value(&f, CC_VAL_RANGE, start, end);
		emit(c, &f);
	}
}

/* Region j of a cell overlaps its region i (both ranges in one space). */
static void report_pair_overlap(struct checker *c, const struct cell_view *v,
				enum config_check_code code, const char *what,
				const char *hint, __u64 i, __u64 a_start,
				__u64 a_size, __u64 j, __u64 b_start,
				__u64 b_size)
{
	struct config_check_finding f;

	finding_init(&f, code, CC_ERROR, v->name, "mem_regions", to_index(j),
		     what, hint);
	set_value(&f, CC_VAL_RANGE, b_start, b_start + b_size);
	set_other_value(&f, CC_VAL_RANGE, a_start, a_start + a_size);
	set_other(&f, v->name, "mem_regions", to_index(i));
	emit(c, &f);
}

static void check_mem_overlaps(struct checker *c, const struct cell_view *v)
{
	__u64 i, j;

	for (i = 0; i < v->num_mem; i++) {
		const struct jailhouse_memory *a = &v->mem[i];

		if (a->size == 0 || mem_wraps(a))
			continue;
		for (j = i + 1; j < v->num_mem; j++) {
			const struct jailhouse_memory *b = &v->mem[j];

			if (b->size == 0 || mem_wraps(b))
				continue;
			if (!mem_is_comm(a) && !mem_is_comm(b) &&
			    ranges_overlap(a->phys_start, a->phys_start + a->size,
					   b->phys_start, b->phys_start + b->size)) {
				report_pair_overlap(c, v, CC_MEM_OVERLAP_PHYS,
					"overlaps physically with",
					"regions of one cell must not overlap: merge them or fix the addresses",
					i, a->phys_start, a->size,
					j, b->phys_start, b->size);
			}
			if (ranges_overlap(a->virt_start, a->virt_start + a->size,
					   b->virt_start, b->virt_start + b->size)) {
				report_pair_overlap(c, v, CC_MEM_OVERLAP_VIRT,
					"overlaps in guest-physical (virt_start) space with",
					"two regions map to the same guest address: fix virt_start of one of them",
					i, a->virt_start, a->size,
					j, b->virt_start, b->size);
			}
		}
	}
}

static void check_comm_region(struct checker *c, const struct cell_view *v)
{
	__u64 i, count = 0;

	for (i = 0; i < v->num_mem; i++) {
		if (!mem_is_comm(&v->mem[i]))
			continue;
		if (++count == 2)
			report_simple(c, CC_COMM_REGION_MULTIPLE, CC_ERROR,
				      v->name, "mem_regions", to_index(i),
				      CC_VAL_RANGE, v->mem[i].virt_start,
				      v->mem[i].virt_start + v->mem[i].size,
				      "is a second comm region",
				      "a cell has exactly one communication region: drop JAILHOUSE_MEM_COMM_REGION from all but one");
	}
	if (count == 0 && !v->is_root)
		report_simple(c, CC_COMM_REGION_MISSING, CC_ERROR, v->name,
			      "mem_regions", -1, CC_VAL_NONE, 0, 0,
			      "have no comm region",
			      "add { .virt_start = 0x80000000, .size = 0x1000, .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_COMM_REGION }: inmates and the cell protocol need it");
}

/* bit: INTID - pin_base, below PINS_PER_IRQCHIP */
static bool irqchip_bit_set(const struct jailhouse_irqchip *chip, __u64 bit)
{
	return chip->pin_bitmap[bit / 32] & (1U << (bit % 32));
}

static bool irqchip_usable(const struct jailhouse_system *sys,
			   const struct jailhouse_irqchip *chip)
{
	return chip->address == sys->platform_info.arm.gicd_base &&
		chip->pin_base % 32 == 0 && chip->pin_base < GIC_MAX_INTID;
}

static void check_irqchips(struct checker *c, const struct jailhouse_system *sys,
			   const struct cell_view *v)
{
	struct config_check_finding f;
	__u64 i;

	if (v->irqchips_too_large) {
		report_simple(c, CC_TOO_LARGE, CC_ERROR, v->name, "irqchips",
			      -1, CC_VAL_NUMBER, v->num_irqchips, 0,
			      "entries are more than the checker compares (64)",
			      "one entry covers 128 interrupts; no GIC needs more than 8");
		return;
	}
	for (i = 0; i < v->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &v->irqchips[i];

		if (chip->pin_base % 32 || chip->pin_base >= GIC_MAX_INTID)
			report_simple(c, CC_IRQCHIP_PIN_BASE, CC_ERROR, v->name,
				      "irqchips", to_index(i), CC_VAL_NUMBER,
				      chip->pin_base, 0,
				      "has a pin_base that is not a multiple of 32 below 1020:",
				      "use pin_base 32, 160, 288, ... (bit n of pin_bitmap[k] is INTID pin_base + 32 * k + n)");
		if (sys && chip->address != sys->platform_info.arm.gicd_base) {
			finding_init(&f, CC_IRQCHIP_ADDRESS, CC_ERROR, v->name,
				     "irqchips", to_index(i),
				     "is not at the GIC distributor address",
				     "set .address to platform_info.arm.gicd_base; entries at any other address are ignored, so their interrupts would never reach the cell");
			set_value(&f, CC_VAL_RANGE, chip->address,
				  chip->address + 1);
			set_other_value(&f, CC_VAL_RANGE,
					sys->platform_info.arm.gicd_base,
					sys->platform_info.arm.gicd_base + 1);
			emit(c, &f);
		}
	}
}

static bool cell_has_pin(const struct jailhouse_system *sys,
			 const struct cell_view *v, __u64 pin)
{
	__u64 i, bit;

	for (i = 0; i < v->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &v->irqchips[i];

		if (!irqchip_usable(sys, chip) || pin < chip->pin_base ||
		    pin >= (__u64)chip->pin_base + PINS_PER_IRQCHIP)
			continue;
		bit = pin - chip->pin_base;
		if (irqchip_bit_set(chip, bit))
			return true;
	}
	return false;
}

static void check_pci(struct checker *c, const struct cell_view *v)
{
	struct config_check_finding f;
	__u64 i, j, key_i, key_j;

	if (v->pci_too_large) {
		report_simple(c, CC_TOO_LARGE, CC_ERROR, v->name,
			      "pci_devices", -1, CC_VAL_NUMBER, v->num_pci, 0,
			      "entries are more than the checker compares (4096)",
			      "check num_pci_devices");
		return;
	}
	for (i = 0; i < v->num_pci; i++) {
		const struct jailhouse_pci_device *dev = &v->pci[i];
		int idx = to_index(i);

		key_i = (__u64)dev->domain << 16 | dev->bdf;
		if (dev->type != JAILHOUSE_PCI_TYPE_DEVICE &&
		    dev->type != JAILHOUSE_PCI_TYPE_BRIDGE &&
		    dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			report_simple(c, CC_PCI_TYPE, CC_ERROR, v->name,
				      "pci_devices", idx, CC_VAL_NUMBER,
				      dev->type, 0, "has an unknown type:",
				      "use JAILHOUSE_PCI_TYPE_DEVICE, _BRIDGE or _IVSHMEM");
		if ((__u64)dev->caps_start + dev->num_caps > v->num_caps) {
			finding_init(&f, CC_PCI_CAPS_RANGE, CC_ERROR, v->name,
				     "pci_devices", idx,
				     "refers to capabilities beyond pci_caps; caps_start + num_caps is",
				     "check caps_start/num_caps against the pci_caps array and num_pci_caps");
			set_value(&f, CC_VAL_NUMBER,
				  (__u64)dev->caps_start + dev->num_caps, 0);
			emit(c, &f);
		}
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM) {
			if (!ivshmem_range_valid(v, dev)) {
				finding_init(&f, CC_PCI_SHMEM_RANGE, CC_ERROR,
					     v->name, "pci_devices", idx,
					     "needs memory regions beyond mem_regions; its last one would be",
					     "an ivshmem device uses 2 + shmem_peers regions from shmem_regions_start: fix the start or add the regions");
				set_value(&f, CC_VAL_NUMBER,
					  (__u64)dev->shmem_regions_start +
					  IVSHMEM_FIXED_REGIONS +
					  dev->shmem_peers - 1, 0);
				emit(c, &f);
			}
			if (dev->shmem_peers == 0 ||
			    dev->shmem_peers > IVSHMEM_MAX_PEERS ||
			    dev->shmem_dev_id >= dev->shmem_peers) {
				finding_init(&f, CC_PCI_SHMEM_PEERS, CC_ERROR,
					     v->name, "pci_devices", idx,
					     "has shmem_dev_id/shmem_peers out of range:",
					     "need 0 <= shmem_dev_id < shmem_peers <= 12, and each cell sharing the device a different shmem_dev_id");
				set_value(&f, CC_VAL_NUMBER, dev->shmem_dev_id,
					  0);
				set_other_value(&f, CC_VAL_NUMBER,
						dev->shmem_peers, 0);
				emit(c, &f);
			}
		}
		for (j = 0; j < i; j++) {
			key_j = (__u64)v->pci[j].domain << 16 | v->pci[j].bdf;
			if (key_i != key_j)
				continue;
			finding_init(&f, CC_PCI_DUPLICATE_BDF, CC_ERROR,
				     v->name, "pci_devices", idx,
				     "has the same domain:bus:device.function as",
				     "give every PCI device of a cell its own bdf (bus << 8 | device << 3 | function)");
			set_value(&f, CC_VAL_BDF, key_i, 0);
			set_other(&f, v->name, "pci_devices", to_index(j));
			emit(c, &f);
			break;
		}
	}
}

/* Non-root cells take their resources from the root. */
static void check_against_root(struct checker *c,
			       const struct jailhouse_system *sys,
			       const struct cell_view *v)
{
	struct cell_view root;
	struct config_check_finding f;
	__u64 i, bit, pin;

	view_init(&root, &sys->root_cell, true, sys->root_cell.name);

	for (i = 0; i < (__u64)v->cpu_set_size * 8; i++) {
		if (!cpu_in_set(v->cpu_set, v->cpu_set_size, i) ||
		    cpu_in_set(root.cpu_set, root.cpu_set_size, i))
			continue;
		finding_init(&f, CC_CPU_NOT_IN_ROOT, CC_ERROR, v->name, "cpus",
			     to_index(i), "is not a CPU of the root cell",
			     "a cell can only take CPUs the root cell has: check the cpus bitmap (bit n is CPU n) of both configs");
		set_other(&f, root.name, NULL, -1);
		emit(c, &f);
	}

	if (!root.mem_too_large && !v->mem_too_large) {
		for (i = 0; i < v->num_mem; i++) {
			const struct jailhouse_memory *m = &v->mem[i];

			if (!mem_has_phys(m) || mem_wraps(m) ||
			    root_covers(&root, m->phys_start,
					m->phys_start + m->size))
				continue;
			finding_init(&f, CC_MEM_NOT_IN_ROOT, CC_ERROR, v->name,
				     "mem_regions", to_index(i),
				     "is not (fully) inside the root cell's memory regions",
				     "cell memory and devices are taken from the root: add the physical range to the root config (hidden from Linux via mem= or reserved-memory) or fix phys_start");
			set_value(&f, CC_VAL_RANGE, m->phys_start,
				  m->phys_start + m->size);
			set_other(&f, root.name, NULL, -1);
			emit(c, &f);
		}
	}

	if (root.irqchips_too_large || v->irqchips_too_large)
		return;
	for (i = 0; i < v->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &v->irqchips[i];

		if (!irqchip_usable(sys, chip))
			continue;
		for (bit = 0; bit < PINS_PER_IRQCHIP; bit++) {
			if (!irqchip_bit_set(chip, bit))
				continue;
			pin = chip->pin_base + bit;
			if (cell_has_pin(sys, &root, pin))
				continue;
			finding_init(&f, CC_IRQ_NOT_IN_ROOT, CC_WARNING,
				     v->name, "irqchips", to_index(i),
				     "is not granted to the root cell",
				     "interrupts of a cell normally come from the root: add the pin to the root's irqchips, or check the bit (bit n of pin_bitmap[k] is INTID pin_base + 32 * k + n)");
			set_value(&f, CC_VAL_PIN, pin, 0);
			set_other(&f, root.name, NULL, -1);
			emit(c, &f);
		}
	}
}

static void check_cell_content(struct checker *c,
			       const struct jailhouse_system *sys,
			       const struct cell_view *v)
{
	__u64 i;

	if (cpu_set_span(v->cpu_set, v->cpu_set_size) == 0)
		report_simple(c, CC_NO_CPUS, CC_ERROR, v->name, "cpus", -1,
			      CC_VAL_NONE, 0, 0, "is empty",
			      "set at least one bit in the cpus bitmap (bit n is CPU n)");

	check_pci(c, v);
	if (v->mem_too_large) {
		report_simple(c, CC_TOO_LARGE, CC_ERROR, v->name,
			      "mem_regions", -1, CC_VAL_NUMBER, v->num_mem, 0,
			      "entries are more than the checker compares (4096)",
			      "check num_memory_regions; merge adjacent regions");
	} else {
		for (i = 0; i < v->num_mem; i++)
			check_mem_region(c, sys, v, i);
		check_mem_overlaps(c, v);
		check_comm_region(c, v);
	}
	check_irqchips(c, sys, v);
	if (sys && !v->is_root)
		check_against_root(c, sys, v);
}

/* ---- entry points ------------------------------------------------------ */

int config_check_system(const void *blob, __u64 size,
			config_check_report_t report, void *ctx)
{
	struct checker c = { .report = report, .ctx = ctx, .errors = 0 };
	const struct jailhouse_system *sys = blob;
	struct cell_view v;
	const char *name;

	if (!blob)
		size = 0;
	if (!check_structure(&c, blob, size, true, &name))
		return c.errors;

	check_platform(&c, sys, name);
	view_init(&v, &sys->root_cell, true, name);
	check_cell_content(&c, sys, &v);
	return c.errors;
}

int config_check_cell(const struct jailhouse_system *sys,
		      const void *blob, __u64 size,
		      config_check_report_t report, void *ctx)
{
	struct checker c = { .report = report, .ctx = ctx, .errors = 0 };
	struct cell_view v;
	const char *name;

	if (!blob)
		size = 0;
	if (!check_structure(&c, blob, size, false, &name))
		return c.errors;

	view_init(&v, blob, false, name);
	check_cell_content(&c, sys, &v);
	return c.errors;
}

static void check_cell_pair(struct checker *c,
			    const struct jailhouse_system *sys,
			    const struct cell_view *a,
			    const struct cell_view *b)
{
	struct config_check_finding f;
	__u64 i, j, bit, pin;

	if (names_equal(a->desc->name, b->desc->name)) {
		finding_init(&f, CC_DUPLICATE_NAME, CC_ERROR, b->name, "name",
			     -1, "is also the name of another cell",
			     "cell names must be unique (the root's included): rename one");
		set_other(&f, a->name, NULL, -1);
		emit(c, &f);
	}

	for (i = 0; i < (__u64)b->cpu_set_size * 8; i++) {
		if (!cpu_in_set(b->cpu_set, b->cpu_set_size, i) ||
		    !cpu_in_set(a->cpu_set, a->cpu_set_size, i))
			continue;
		finding_init(&f, CC_CPU_SHARED, CC_ERROR, b->name, "cpus",
			     to_index(i), "is also a CPU of another cell",
			     "a CPU belongs to one cell at a time: give the cells disjoint cpus bitmaps");
		set_other(&f, a->name, "cpus", to_index(i));
		emit(c, &f);
	}

	if (!a->mem_too_large && !b->mem_too_large) {
		for (j = 0; j < b->num_mem; j++) {
			const struct jailhouse_memory *mb = &b->mem[j];

			if (!mem_has_phys(mb) || mem_wraps(mb))
				continue;
			for (i = 0; i < a->num_mem; i++) {
				const struct jailhouse_memory *ma = &a->mem[i];

				if (!mem_has_phys(ma) || mem_wraps(ma) ||
				    !ranges_overlap(ma->phys_start,
						    ma->phys_start + ma->size,
						    mb->phys_start,
						    mb->phys_start + mb->size))
					continue;
				/* Both ends must mean to share it. */
				if (mem_is_shared(a, i) && mem_is_shared(b, j))
					continue;
				finding_init(&f, CC_MEM_CELL_OVERLAP, CC_ERROR,
					     b->name, "mem_regions",
					     to_index(j),
					     "overlaps memory of another cell:",
					     "non-root cells get disjoint memory; only ROOTSHARED and ivshmem regions may be mapped by several cells");
				set_value(&f, CC_VAL_RANGE, mb->phys_start,
					  mb->phys_start + mb->size);
				set_other_value(&f, CC_VAL_RANGE,
						ma->phys_start,
						ma->phys_start + ma->size);
				set_other(&f, a->name, "mem_regions",
					  to_index(i));
				emit(c, &f);
			}
		}
	}

	if (a->irqchips_too_large || b->irqchips_too_large)
		return;
	for (j = 0; j < b->num_irqchips; j++) {
		const struct jailhouse_irqchip *chip = &b->irqchips[j];

		if (!irqchip_usable(sys, chip))
			continue;
		for (bit = 0; bit < PINS_PER_IRQCHIP; bit++) {
			if (!irqchip_bit_set(chip, bit))
				continue;
			pin = chip->pin_base + bit;
			if (!cell_has_pin(sys, a, pin))
				continue;
			finding_init(&f, CC_IRQ_SHARED, CC_ERROR, b->name,
				     "irqchips", to_index(j),
				     "is also granted to another cell",
				     "an interrupt goes to one non-root cell only: clear its bit in one of the pin_bitmaps");
			set_value(&f, CC_VAL_PIN, pin, 0);
			set_other(&f, a->name, NULL, -1);
			emit(c, &f);
		}
	}
}

int config_check_cells(const struct jailhouse_system *sys,
		       const struct jailhouse_cell_desc *const cells[],
		       unsigned int num_cells,
		       config_check_report_t report, void *ctx)
{
	struct checker c = { .report = report, .ctx = ctx, .errors = 0 };
	struct cell_view root, a, b;
	struct config_check_finding f;
	unsigned int i, j;
	__u64 cpu;
	bool starved;

	view_init(&root, &sys->root_cell, true, sys->root_cell.name);

	for (i = 0; i < num_cells; i++) {
		view_init(&b, cells[i], false, cells[i]->name);
		if (names_equal(root.desc->name, b.desc->name)) {
			finding_init(&f, CC_DUPLICATE_NAME, CC_ERROR, b.name,
				     "name", -1,
				     "is also the name of the root cell",
				     "cell names must be unique (the root's included): rename the cell");
			set_other(&f, root.name, NULL, -1);
			emit(&c, &f);
		}
		for (j = 0; j < i; j++) {
			view_init(&a, cells[j], false, cells[j]->name);
			check_cell_pair(&c, sys, &a, &b);
		}
	}

	/*
	 * The root keeps at least one CPU: report the cell that takes the
	 * last one, in the order given.
	 */
	for (i = 0; i < num_cells; i++) {
		starved = true;
		for (cpu = 0; cpu < (__u64)root.cpu_set_size * 8; cpu++) {
			if (!cpu_in_set(root.cpu_set, root.cpu_set_size, cpu))
				continue;
			for (j = 0; j <= i; j++)
				if (cpu_in_set((const __u8 *)cells[j] +
					       sizeof(*cells[j]),
					       cells[j]->cpu_set_size, cpu))
					break;
			if (j > i) {
				starved = false;
				break;
			}
		}
		if (!starved)
			continue;
		finding_init(&f, CC_CPU_ROOT_STARVED, CC_ERROR, cells[i]->name,
			     "cpus", -1,
			     "takes the root cell's last CPU",
			     "the root cell must keep at least one CPU (usually CPU 0): remove it from the non-root cells");
		set_other(&f, root.name, NULL, -1);
		emit(&c, &f);
		break;
	}
	return c.errors;
}

const char *config_check_code_name(enum config_check_code code)
{
	static const char *const names[CC_NUM_CODES] = {
		[CC_OK] = "ok",
		[CC_TRUNCATED] = "truncated",
		[CC_TRAILING_DATA] = "trailing-data",
		[CC_BAD_SIGNATURE] = "bad-signature",
		[CC_BAD_REVISION] = "bad-revision",
		[CC_BAD_ARCH] = "bad-arch",
		[CC_BAD_NAME] = "bad-name",
		[CC_BAD_CPU_SET_SIZE] = "bad-cpu-set-size",
		[CC_NO_CPUS] = "no-cpus",
		[CC_MEM_UNALIGNED] = "mem-unaligned",
		[CC_MEM_EMPTY] = "mem-empty",
		[CC_MEM_WRAP] = "mem-wrap",
		[CC_MEM_BAD_FLAGS] = "mem-bad-flags",
		[CC_MEM_OVERLAP_PHYS] = "mem-overlap-phys",
		[CC_MEM_OVERLAP_VIRT] = "mem-overlap-virt",
		[CC_MEM_HYPERVISOR] = "mem-hypervisor",
		[CC_MEM_GIC] = "mem-gic",
		[CC_MEM_DEBUG_CONSOLE] = "mem-debug-console",
		[CC_MEM_IOMMU] = "mem-iommu",
		[CC_MEM_PCI_MMCONFIG] = "mem-pci-mmconfig",
		[CC_MEM_NOT_IN_ROOT] = "mem-not-in-root",
		[CC_MEM_CELL_OVERLAP] = "mem-cell-overlap",
		[CC_CPU_NOT_IN_ROOT] = "cpu-not-in-root",
		[CC_CPU_SHARED] = "cpu-shared",
		[CC_CPU_ROOT_STARVED] = "cpu-root-starved",
		[CC_IRQCHIP_ADDRESS] = "irqchip-address",
		[CC_IRQCHIP_PIN_BASE] = "irqchip-pin-base",
		[CC_IRQ_SHARED] = "irq-shared",
		[CC_IRQ_NOT_IN_ROOT] = "irq-not-in-root",
		[CC_COMM_REGION_MISSING] = "comm-region-missing",
		[CC_COMM_REGION_MULTIPLE] = "comm-region-multiple",
		[CC_COMM_REGION_BAD] = "comm-region-bad",
		[CC_GIC_VERSION] = "gic-version",
		[CC_GIC_BASES] = "gic-bases",
		[CC_HV_MEM] = "hv-mem",
		[CC_DEBUG_CONSOLE] = "debug-console",
		[CC_PCI_SHMEM_RANGE] = "pci-shmem-range",
		[CC_PCI_SHMEM_PEERS] = "pci-shmem-peers",
		[CC_PCI_CAPS_RANGE] = "pci-caps-range",
		[CC_PCI_DUPLICATE_BDF] = "pci-duplicate-bdf",
		[CC_PCI_TYPE] = "pci-type",
		[CC_DUPLICATE_NAME] = "duplicate-name",
		[CC_TOO_LARGE] = "too-large",
	};

	if ((unsigned int)code >= CC_NUM_CODES || !names[code])
		return "unknown";
	return names[code];
}
