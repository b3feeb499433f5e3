/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Config validation shared by every component that reads configs: the CLI
 * (`jailhouse config check`), the driver (readable errors before EL2 is
 * touched), the hypervisor (enforcement; it never trusts the root cell) and
 * the host tests.  The implementation (common/config_check/) is pure C
 * over the ABI structs: no libc, no allocation, no output.  Every problem
 * is handed to a caller-supplied callback as a structured finding, which
 * each user prints its own way (config_check_format() helps).
 *
 * Severities: an error refuses the config (isolation would break, or the
 * config cannot work).  A warning is accepted and printed: the hypervisor
 * makes the case safe (e.g. it carves a GIC window out of the root's
 * stage 2).  A note only informs (e.g. an all-zero array entry that is
 * ignored).  The config_check_*() functions return the number of errors.
 */
#ifndef _JAILHOUSE_CONFIG_CHECK_H
#define _JAILHOUSE_CONFIG_CHECK_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

enum config_check_code {
	CC_OK = 0,
	/* blob structure */
	CC_TRUNCATED,		/* blob smaller than its header or arrays */
	CC_TRAILING_DATA,	/* warning: blob larger than its declared
				   content; the rest is ignored */
	CC_BAD_SIGNATURE,	/* neither JHSYS/JHCLL nor rev13 signature */
	CC_BAD_REVISION,	/* revision other than 14 (or 13) */
	CC_BAD_ARCH,		/* architecture byte is not arm64 */
	CC_BAD_NAME,		/* name empty or not NUL-terminated */
	CC_BAD_CPU_SET_SIZE,	/* zero, not a multiple of 8, or huge */
	CC_NO_CPUS,		/* empty CPU set */
	/* memory regions */
	CC_MEM_UNALIGNED,	/* phys/virt/size not page aligned (and not a
				   valid sub-page MMIO region) */
	CC_MEM_EMPTY,		/* size 0 with other fields set (all-zero
				   entries: CC_MEM_ZERO_ENTRY) */
	CC_MEM_WRAP,		/* start + size overflows */
	CC_MEM_BAD_FLAGS,	/* warning: unknown or contradictory flag
				   bits, ignored */
	CC_MEM_OVERLAP_PHYS,	/* two regions of one cell overlap physically */
	CC_MEM_OVERLAP_VIRT,	/* two regions of one cell overlap in IPA */
	CC_MEM_HYPERVISOR,	/* region covers hypervisor memory */
	CC_MEM_GIC,		/* region maps the GICD/GICR/GICC/GICH/GICV
				   (warning in the root: carved out) */
	CC_MEM_DEBUG_CONSOLE,	/* non-root cell maps the hypervisor UART
				   without ROOTSHARED */
	CC_MEM_IOMMU,		/* region maps an IOMMU unit (warning in the
				   root: carved out) */
	CC_MEM_PCI_MMCONFIG,	/* region maps the (virtual) PCI ECAM
				   (warning in the root: carved out) */
	CC_MEM_NOT_IN_ROOT,	/* non-root RAM the root does not have, or a
				   device window beyond the root into its RAM
				   (else CC_MEM_BEYOND_ROOT) */
	CC_MEM_CELL_OVERLAP,	/* non-root memory overlaps another cell's */
	/* CPUs */
	CC_CPU_NOT_IN_ROOT,	/* cell CPU not in the root cell's set */
	CC_CPU_SHARED,		/* CPU assigned to two non-root cells */
	CC_CPU_ROOT_STARVED,	/* cells take all of the root's CPUs */
	/* interrupts */
	CC_IRQCHIP_ADDRESS,	/* warning: irqchip address is not the GICD,
				   the entry is ignored */
	CC_IRQCHIP_PIN_BASE,	/* pin_base not a multiple of 32 / too big */
	CC_IRQ_SHARED,		/* one SPI granted to two non-root cells */
	CC_IRQ_NOT_IN_ROOT,	/* warning: SPI not granted to the root */
	/* comm region */
	CC_COMM_REGION_MISSING,	/* warning: non-root cell without
				   COMM_REGION */
	CC_COMM_REGION_MULTIPLE, /* warning */
	CC_COMM_REGION_BAD,	/* comm region size/placement wrong */
	/* platform */
	CC_GIC_VERSION,		/* gic_version not 2 or 3 */
	CC_GIC_BASES,		/* required GIC base missing */
	CC_HV_MEM,		/* hypervisor memory empty or unaligned */
	CC_DEBUG_CONSOLE,	/* unsupported/ill-formed debug console */
	/* PCI / ivshmem */
	CC_PCI_SHMEM_RANGE,	/* ivshmem regions beyond the memory array */
	CC_PCI_SHMEM_PEERS,	/* dev_id above 11, too many MSI-X vectors;
				   warning: peers 0 or above 12 */
	CC_PCI_CAPS_RANGE,	/* caps beyond the capability array */
	CC_PCI_DUPLICATE_BDF,	/* two devices with one domain:bdf */
	CC_PCI_TYPE,		/* unknown device type */
	/* identity */
	CC_DUPLICATE_NAME,	/* two cells with the same name */
	/* limits of the checker itself */
	CC_TOO_LARGE,		/* more array entries than the checker
				   compares pairwise (see CONFIG_CHECK_MAX_*) */
	/* added later; kept here so that earlier codes keep their values */
	CC_MEM_ZERO_ENTRY,	/* note: all-zero mem_regions entry, ignored */
	CC_IRQCHIP_ZERO_ENTRY,	/* note: all-zero irqchips entry, ignored */
	CC_MEM_BEYOND_ROOT,	/* warning: a cell's device window is larger
				   than the root's; only MMIO outside */
	CC_PCI_SHMEM_NO_OUTPUT,	/* note: ivshmem shmem_dev_id >= shmem_peers,
				   the cell has no output section of its own */
	CC_PCI_SHMEM_ID_TAKEN,	/* two cells are the same ivshmem peer; the
				   later one cannot connect */
	CC_PCI_SHMEM_ACCESS,	/* the cell may write its state table or
				   another peer's output section */
	CC_PCI_SHMEM_LAYOUT,	/* ivshmem regions: state table too small,
				   unequal output sections, not page
				   granular, unlike the other peers' */
	CC_PCI_SHMEM_IRQ,	/* warning: the INTx INTID is not the cell's */
	CC_PCI_NO_VPCI,		/* warning: ivshmem without a virtual PCI
				   host; note: physical devices ignored */
	CC_MEM_ADDR_RANGE,	/* region ends above 2^48, beyond any address
				   of 4 KiB-granule tables */
	CC_NUM_CODES
};

enum config_check_severity {
	CC_ERROR,		/* the config must not be used */
	CC_WARNING,		/* accepted; the hypervisor makes it safe */
	CC_NOTE,		/* accepted; for information only */
};

/* What start/end (and other_start/other_end) of a finding hold. */
enum config_check_value {
	CC_VAL_NONE,		/* nothing */
	CC_VAL_RANGE,		/* an address range [start, end) */
	CC_VAL_NUMBER,		/* a plain number in start */
	CC_VAL_PIN,		/* an interrupt ID (INTID) in start */
	CC_VAL_BDF,		/* PCI domain << 16 | bdf in start */
	CC_VAL_HEX,		/* a number in start, shown in hex */
};

/*
 * Arrays longer than this are not compared pairwise (overlaps, duplicate
 * BDFs): the checks stay bounded in time even for hostile input, and a
 * CC_TOO_LARGE error is reported instead.  Far above any real board.
 */
#define CONFIG_CHECK_MAX_PAIRWISE	4096

struct config_check_finding {
	enum config_check_code code;
	enum config_check_severity severity;
	/* config the finding is in: the cell's name (from the blob), or
	   "(unknown)"/"(unnamed)" when the blob has no usable name */
	const char *cell;
	/* array or field the finding is in, with the element index or -1:
	   "mem_regions", "irqchips", "pci_devices", "cpus" (index = CPU
	   number), or a header field with -1: "header", "signature",
	   "revision", "architecture", "name", "cpu_set_size", "file",
	   "hypervisor_memory", "gic_version", "gic", "debug_console" */
	const char *array;
	int index;
	/* second element involved (overlaps), its cell and index, or NULL/-1 */
	const char *other_cell;
	int other_index;
	/* the addresses involved; meaning documented per code */
	enum config_check_value kind;	/* what start/end hold */
	__u64 start, end;		/* [start, end) of the offending item */
	enum config_check_value other_kind;
	__u64 other_start, other_end;
	/* array of the second element ("mem_regions" ...) or NULL */
	const char *other_array;
	/* one-line description and a hint on how to fix it (static text) */
	const char *what;
	const char *hint;
};

typedef void (*config_check_report_t)(void *ctx,
				      const struct config_check_finding *f);

/*
 * Structural check of a system config blob (sizes, signature, revision,
 * architecture) plus every check that needs only the system config: root
 * memory regions, platform, irqchips, PCI devices.  Returns the number of
 * errors found (warnings are reported but not counted).  report may be
 * NULL to only count.  Findings point into the blob (cell names): use them
 * before the blob goes away.  The blob may be of any alignment and
 * content; nothing outside [blob, blob + size) is read.
 */
int config_check_system(const void *blob, __u64 size,
			config_check_report_t report, void *ctx);

/*
 * Same for one non-root cell config, against the system config, which must
 * have passed config_check_system() without errors: ownership by the root
 * (memory, CPUs, interrupts), hypervisor/GIC/console/IOMMU/vPCI coverage,
 * comm region.  sys may be NULL to check the cell on its own (structure,
 * alignment, overlaps inside the cell, comm region, ivshmem, PCI).
 * Checks between cells (including "root keeps a CPU") are left to
 * config_check_cells(), which callers run even for a single cell.
 */
int config_check_cell(const struct jailhouse_system *sys,
		      const void *blob, __u64 size,
		      config_check_report_t report, void *ctx);

/*
 * Checks across several non-root cells that would run at the same time:
 * disjoint memory (a range may be mapped by two cells only if both map it
 * ROOTSHARED or as an ivshmem region; comm regions have no physical
 * memory), CPUs, interrupt pins, names (the root's included), and that the
 * root keeps at least one CPU.  Every cell must have passed
 * config_check_cell() without errors.
 */
int config_check_cells(const struct jailhouse_system *sys,
		       const struct jailhouse_cell_desc *const cells[],
		       unsigned int num_cells,
		       config_check_report_t report, void *ctx);

/*
 * The same for cells[first..] joining cells[0..first-1], which were
 * checked together before: only pairs with a joining cell are compared
 * (the hypervisor creates one cell at a time).  Each pair costs up to
 * num_memory_regions(a) * num_memory_regions(b) comparisons; a cell config
 * of the hypervisor's 64 KiB holds about 2000 regions, and there are at
 * most 63 other cells (one CPU each, the root keeps one): about 2.5e8
 * comparisons for the worst create, well under a second at EL2.
 */
int config_check_cells_from(const struct jailhouse_system *sys,
			    const struct jailhouse_cell_desc *const cells[],
			    unsigned int num_cells, unsigned int first,
			    config_check_report_t report, void *ctx);

/*
 * Size a config declares in its header, summed in 64 bits: the ABI helpers
 * of cell-config.h sum in 32 bits, which a damaged or hostile header can
 * wrap to something small.
 */
__u64 config_check_cell_size(const struct jailhouse_cell_desc *cell);
__u64 config_check_system_size(const struct jailhouse_system *sys);

/* Short stable name of a code, e.g. "mem-overlap-phys". */
const char *config_check_code_name(enum config_check_code code);

/*
 * Render one finding as one line of text ending in a newline
 * (common/config_check/format.c, needs snprintf: hosted, kernel, or the
 * hypervisor's), ranges inclusive, e.g.
 *   error: inmate-demo: mem_regions[2] 0x7fc00000-0x7fc0ffff overlaps
 *   hypervisor memory 0x7fc00000-0x7fffffff; hint: ...
 * Returns what snprintf returns: the length of the full text, which was
 * cut if >= len.  buf may be NULL with len 0 to measure.
 */
int config_check_format(const struct config_check_finding *f,
			char *buf, size_t len);

/*
 * The same, naming the config by @where (e.g. its file name) instead of
 * the cell's name; NULL falls back to the cell's name.
 */
int config_check_format_at(const struct config_check_finding *f,
			   const char *where, char *buf, size_t len);

/* "error", "warning" or "note" */
const char *config_check_severity_name(enum config_check_severity severity);

#endif /* !_JAILHOUSE_CONFIG_CHECK_H */
