/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Config validation shared by every component that reads configs: the CLI
 * (`jailhouse config check`), the driver (readable errors before EL2 is
 * touched), the hypervisor (enforcement; it never trusts the root cell) and
 * the host tests.  The implementation (hypervisor/config_check.c) is pure C
 * over the ABI structs: no libc, no allocation, no output.  Every problem
 * is handed to a caller-supplied callback as a structured finding, which
 * each user prints its own way (config_check_format() helps).
 */
#ifndef _JAILHOUSE_CONFIG_CHECK_H
#define _JAILHOUSE_CONFIG_CHECK_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

enum config_check_code {
	CC_OK = 0,
	/* blob structure */
	CC_TRUNCATED,		/* blob smaller than its header or arrays */
	CC_TRAILING_DATA,	/* blob larger than its declared content */
	CC_BAD_SIGNATURE,	/* neither JHSYS/JHCLL nor rev13 signature */
	CC_BAD_REVISION,	/* revision other than 14 (or 13) */
	CC_BAD_ARCH,		/* architecture byte is not arm64 */
	CC_BAD_NAME,		/* name empty or not NUL-terminated */
	CC_BAD_CPU_SET_SIZE,	/* zero, not a multiple of 8, or huge */
	CC_NO_CPUS,		/* empty CPU set */
	/* memory regions */
	CC_MEM_UNALIGNED,	/* phys/virt/size not page aligned (and not a
				   valid sub-page MMIO region) */
	CC_MEM_EMPTY,		/* size 0 outside an ivshmem R/W slot */
	CC_MEM_WRAP,		/* start + size overflows */
	CC_MEM_BAD_FLAGS,	/* unknown or contradictory flag bits */
	CC_MEM_OVERLAP_PHYS,	/* two regions of one cell overlap physically */
	CC_MEM_OVERLAP_VIRT,	/* two regions of one cell overlap in IPA */
	CC_MEM_HYPERVISOR,	/* region covers hypervisor memory */
	CC_MEM_GIC,		/* region maps the GICD/GICR/GICC/GICH */
	CC_MEM_DEBUG_CONSOLE,	/* non-root cell maps the hypervisor UART
				   without ROOTSHARED */
	CC_MEM_IOMMU,		/* region maps an IOMMU unit */
	CC_MEM_PCI_MMCONFIG,	/* region maps the (virtual) PCI ECAM */
	CC_MEM_NOT_IN_ROOT,	/* non-root memory not owned by the root */
	CC_MEM_CELL_OVERLAP,	/* non-root memory overlaps another cell's */
	/* CPUs */
	CC_CPU_NOT_IN_ROOT,	/* cell CPU not in the root cell's set */
	CC_CPU_SHARED,		/* CPU assigned to two non-root cells */
	CC_CPU_ROOT_STARVED,	/* cells take all of the root's CPUs */
	/* interrupts */
	CC_IRQCHIP_ADDRESS,	/* irqchip address is not the GICD */
	CC_IRQCHIP_PIN_BASE,	/* pin_base not a multiple of 32 / too big */
	CC_IRQ_SHARED,		/* one SPI granted to two non-root cells */
	CC_IRQ_NOT_IN_ROOT,	/* SPI not granted to the root cell */
	/* comm region */
	CC_COMM_REGION_MISSING,	/* non-root cell without COMM_REGION */
	CC_COMM_REGION_MULTIPLE,
	CC_COMM_REGION_BAD,	/* comm region size/placement wrong */
	/* platform */
	CC_GIC_VERSION,		/* gic_version not 2 or 3 */
	CC_GIC_BASES,		/* required GIC base missing */
	CC_HV_MEM,		/* hypervisor memory empty or unaligned */
	CC_DEBUG_CONSOLE,	/* unsupported/ill-formed debug console */
	/* PCI / ivshmem */
	CC_PCI_SHMEM_RANGE,	/* ivshmem regions beyond the memory array */
	CC_PCI_SHMEM_PEERS,	/* dev_id >= peers, or peers out of range */
	CC_PCI_CAPS_RANGE,	/* caps beyond the capability array */
	CC_PCI_DUPLICATE_BDF,	/* two devices with one domain:bdf */
	CC_PCI_TYPE,		/* unknown device type */
	/* identity */
	CC_DUPLICATE_NAME,	/* two cells with the same name */
	CC_NUM_CODES
};

enum config_check_severity {
	CC_ERROR,		/* the config must not be used */
	CC_WARNING,		/* suspicious but usable */
};

struct config_check_finding {
	enum config_check_code code;
	enum config_check_severity severity;
	/* config the finding is in: the cell's name (from the blob) */
	const char *cell;
	/* array the finding is in ("mem_regions", "irqchips", "cpus",
	   "pci_devices", "header", ...) and the element index, -1 if none */
	const char *array;
	int index;
	/* second element involved (overlaps), its cell and index, or NULL/-1 */
	const char *other_cell;
	int other_index;
	/* the addresses involved; meaning documented per code */
	__u64 start, end;		/* [start, end) of the offending item */
	__u64 other_start, other_end;
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
 * errors found (warnings are reported but not counted).
 */
int config_check_system(const void *blob, __u64 size,
			config_check_report_t report, void *ctx);

/*
 * Same for one non-root cell config, against the (already checked) system
 * config: ownership by the root, hypervisor/GIC/console/IOMMU coverage,
 * CPUs, comm region.
 */
int config_check_cell(const struct jailhouse_system *sys,
		      const void *blob, __u64 size,
		      config_check_report_t report, void *ctx);

/*
 * Checks across several non-root cells that would run at the same time:
 * disjoint memory (except ROOTSHARED, COMM_REGION and ivshmem regions),
 * CPUs, interrupt pins, names, and that the root keeps at least one CPU.
 */
int config_check_cells(const struct jailhouse_system *sys,
		       const struct jailhouse_cell_desc *const cells[],
		       unsigned int num_cells,
		       config_check_report_t report, void *ctx);

/* Short stable name of a code, e.g. "mem-overlap-phys". */
const char *config_check_code_name(enum config_check_code code);

#endif /* !_JAILHOUSE_CONFIG_CHECK_H */
