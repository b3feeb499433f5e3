// SPDX-License-Identifier: GPL-2.0
/*
 * The structure of a config blob: signature, revision, architecture, name
 * and the sizes of the arrays behind the header.  Only a blob that passes
 * here is looked into by the other checks.
 */
#include "internal.h"

static const char *const array_names[CC_ARR_NUM] = {
	[CC_ARR_CPUS] = "cpus",
	[CC_ARR_MEM] = "mem_regions",
	[CC_ARR_CACHE] = "cache_regions",
	[CC_ARR_IRQCHIPS] = "irqchips",
	[CC_ARR_PIO] = "pio_regions",
	[CC_ARR_PCI] = "pci_devices",
	[CC_ARR_CAPS] = "pci_caps",
	[CC_ARR_STREAM_IDS] = "stream_ids",
};

static bool bytes_equal(const char *a, const char *b, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* Compare two NUL-terminated names of at most JAILHOUSE_CELL_NAME_MAXLEN. */
bool cc_names_equal(const char *a, const char *b)
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

static void cell_layout(const struct jailhouse_cell_desc *d, __u64 base,
			__u64 off[CC_ARR_NUM + 1])
{
	off[CC_ARR_CPUS] = base;
	off[CC_ARR_MEM] = off[CC_ARR_CPUS] + d->cpu_set_size;
	off[CC_ARR_CACHE] = off[CC_ARR_MEM] + (__u64)d->num_memory_regions *
		sizeof(struct jailhouse_memory);
	off[CC_ARR_IRQCHIPS] = off[CC_ARR_CACHE] +
		(__u64)d->num_cache_regions * sizeof(struct jailhouse_cache);
	off[CC_ARR_PIO] = off[CC_ARR_IRQCHIPS] + (__u64)d->num_irqchips *
		sizeof(struct jailhouse_irqchip);
	off[CC_ARR_PCI] = off[CC_ARR_PIO] + (__u64)d->num_pio_regions *
		sizeof(struct jailhouse_pio);
	off[CC_ARR_CAPS] = off[CC_ARR_PCI] + (__u64)d->num_pci_devices *
		sizeof(struct jailhouse_pci_device);
	off[CC_ARR_STREAM_IDS] = off[CC_ARR_CAPS] + (__u64)d->num_pci_caps *
		sizeof(struct jailhouse_pci_capability);
	off[CC_ARR_NUM] = off[CC_ARR_STREAM_IDS] + (__u64)d->num_stream_ids *
		sizeof(union jailhouse_stream_id);
}

__u64 config_check_cell_size(const struct jailhouse_cell_desc *cell)
{
	__u64 off[CC_ARR_NUM + 1];

	cell_layout(cell, sizeof(*cell), off);
	return off[CC_ARR_NUM];
}

__u64 config_check_system_size(const struct jailhouse_system *sys)
{
	return sizeof(*sys) - sizeof(sys->root_cell) +
		config_check_cell_size(&sys->root_cell);
}

void cc_cell_init(struct cc_cell *v, const struct jailhouse_cell_desc *d,
		  bool is_root, const char *name)
{
	const __u8 *arrays = (const __u8 *)d + sizeof(*d);
	__u64 off[CC_ARR_NUM + 1];

	cell_layout(d, 0, off);
	v->desc = d;
	v->name = name;
	v->is_root = is_root;
	v->cpu_set = arrays;
	v->cpu_set_size = d->cpu_set_size;
	v->mem = (const struct jailhouse_memory *)(arrays + off[CC_ARR_MEM]);
	v->num_mem = d->num_memory_regions;
	v->irqchips = (const struct jailhouse_irqchip *)
		(arrays + off[CC_ARR_IRQCHIPS]);
	v->num_irqchips = d->num_irqchips;
	v->pci = (const struct jailhouse_pci_device *)
		(arrays + off[CC_ARR_PCI]);
	v->num_pci = d->num_pci_devices;
	v->num_caps = d->num_pci_caps;
	v->mem_too_large = v->num_mem > CONFIG_CHECK_MAX_PAIRWISE;
	v->pci_too_large = v->num_pci > CONFIG_CHECK_MAX_PAIRWISE;
	v->irqchips_too_large = v->num_irqchips > CC_MAX_IRQCHIPS;
}

/* A name that is safe to print, whatever the blob holds. */
static const char *blob_cell_name(const __u8 *blob, __u64 size,
				  __u64 desc_off)
{
	const struct jailhouse_cell_desc *d;

	if (size < desc_off + sizeof(*d))
		return CC_UNKNOWN_NAME;
	d = (const struct jailhouse_cell_desc *)(blob + desc_off);
	if (!name_terminated(d->name))
		return CC_UNKNOWN_NAME;
	if (d->name[0] == 0)
		return CC_UNNAMED_NAME;
	return d->name;
}

/*
 * Signature, revision, architecture, sizes.  Returns true when the arrays
 * can be walked; *name gets a printable name for further findings.
 */
bool cc_check_structure(struct cc_checker *c, const __u8 *blob, __u64 size,
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
	__u64 off[CC_ARR_NUM + 1];
	__u16 revision;
	unsigned int a;

	*name = blob_cell_name(blob, size, desc_off);

	if (size < 8) {
		cc_finding_init(&f, CC_TRUNCATED, CC_ERROR, *name, "header", -1,
				"is cut short: the file size is",
				"this is not a config file (a .cell needs at least its signature, architecture and revision)");
		cc_set_value(&f, CC_VAL_RANGE, 0, header_size);
		cc_set_other_value(&f, CC_VAL_NUMBER, size, 0);
		cc_emit(c, &f);
		return false;
	}

	revision = ((const struct jailhouse_cell_desc *)blob)->revision;
	if (bytes_equal((const char *)blob, sig13, 6)) {
		/* revision 13: same layout, six-character signature */
		if (revision != JAILHOUSE_CONFIG_REVISION_COMPAT) {
			cc_report(c, CC_BAD_REVISION, CC_ERROR, *name,
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
			cc_report(c, CC_BAD_REVISION, CC_ERROR, *name,
				  "revision", -1, CC_VAL_NUMBER,
				  revision, 0,
				  "is not supported (expected 14, or 13 with the JHSYST/JHCELL signature)",
				  "rebuild the config from its source against this tree's include/jailhouse/cell-config.h");
			return false;
		}
		if (blob[5] != JAILHOUSE_ARM64) {
			cc_report(c, CC_BAD_ARCH, CC_ERROR, *name,
				  "architecture", -1, CC_VAL_NUMBER,
				  blob[5], 0,
				  "is not arm64 (2)",
				  "this config was built for another architecture (0 is x86, 1 is arm): set .architecture = JAILHOUSE_ARM64");
			return false;
		}
	} else if (bytes_equal((const char *)blob, other_sig, 5) ||
		   bytes_equal((const char *)blob, other_sig13, 6)) {
		cc_report(c, CC_BAD_SIGNATURE, CC_ERROR, *name,
			  "signature", -1, CC_VAL_NONE, 0, 0,
			  system ? "is JHCLL: this is a cell config, not a system config" :
			  "is JHSYS: this is a system config, not a cell config",
			  system ? "give the root cell's config (the one for \"jailhouse enable\") first, cell configs after it" :
			  "use the system config with \"jailhouse enable\" and non-root cell configs with \"cell create\"");
		return false;
	} else {
		cc_report(c, CC_BAD_SIGNATURE, CC_ERROR, *name,
			  "signature", -1, CC_VAL_NONE, 0, 0,
			  system ? "is not JHSYS: not a system config" :
			  "is not JHCLL: not a cell config",
			  "pass the binary .cell file built from the config source, not the source or another file");
		return false;
	}

	if (size < header_size) {
		cc_finding_init(&f, CC_TRUNCATED, CC_ERROR, *name, "header", -1,
				"is cut short: the file size is",
				"the file is incomplete; copy or rebuild it");
		cc_set_value(&f, CC_VAL_RANGE, 0, header_size);
		cc_set_other_value(&f, CC_VAL_NUMBER, size, 0);
		cc_emit(c, &f);
		return false;
	}

	d = (const struct jailhouse_cell_desc *)(blob + desc_off);
	if (!name_terminated(d->name) || d->name[0] == 0)
		cc_report(c, CC_BAD_NAME, CC_ERROR, *name, "name", -1,
			  CC_VAL_NONE, 0, 0,
			  d->name[0] ? "is not NUL-terminated within 32 bytes" :
			  "is empty",
			  "give the cell a name of 1 to 31 characters");

	if (d->cpu_set_size == 0 || d->cpu_set_size > CC_MAX_CPU_SET_SIZE) {
		cc_report(c, CC_BAD_CPU_SET_SIZE, CC_ERROR, *name,
			  "cpu_set_size", -1, CC_VAL_NUMBER,
			  d->cpu_set_size, 0,
			  "is out of range (1..4096 bytes)",
			  "set .cpu_set_size = sizeof(config.cpus) with a __u64 cpus[] array");
		return false;
	}
	if (d->cpu_set_size % 8)
		cc_report(c, CC_BAD_CPU_SET_SIZE, CC_ERROR, *name,
			  "cpu_set_size", -1, CC_VAL_NUMBER,
			  d->cpu_set_size, 0,
			  "is not a multiple of 8 bytes",
			  "the CPU set is an array of 64-bit words: declare __u64 cpus[N] and use sizeof(config.cpus)");

	cell_layout(d, header_size, off);
	for (a = 0; a < CC_ARR_NUM; a++) {
		if (off[a + 1] <= size)
			continue;
		cc_finding_init(&f, CC_TRUNCATED, CC_ERROR, *name, array_names[a],
				-1, "extends past the end of the file, whose size is",
				"a num_* count or cpu_set_size does not match the arrays that follow, or the file was cut short");
		cc_set_value(&f, CC_VAL_RANGE, off[a], off[a + 1]);
		cc_set_other_value(&f, CC_VAL_NUMBER, size, 0);
		cc_emit(c, &f);
		return false;
	}
	if (off[CC_ARR_NUM] < size) {
		/* ignored, as Jailhouse does: nothing reads past the arrays */
		cc_finding_init(&f, CC_TRAILING_DATA, CC_WARNING, *name,
				"file", -1,
				"holds bytes after the last declared array, which are ignored",
				"a num_* count is smaller than its array in the config source; use ARRAY_SIZE() for every count");
		cc_set_value(&f, CC_VAL_RANGE, off[CC_ARR_NUM], size);
		cc_emit(c, &f);
	}
	return true;
}

