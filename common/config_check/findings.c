// SPDX-License-Identifier: GPL-2.0
/*
 * Findings: how the checks hand a problem to the caller's callback, and
 * the stable short names of the codes.  Nothing here prints.
 */
#include "internal.h"

void cc_finding_init(struct config_check_finding *f,
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

void cc_set_value(struct config_check_finding *f,
		  enum config_check_value kind, __u64 start, __u64 end)
{
	f->kind = kind;
	f->start = start;
	f->end = end;
}

void cc_set_other_value(struct config_check_finding *f,
			enum config_check_value kind, __u64 start, __u64 end)
{
	f->other_kind = kind;
	f->other_start = start;
	f->other_end = end;
}

void cc_set_other(struct config_check_finding *f, const char *cell,
		  const char *array, int index)
{
	f->other_cell = cell;
	f->other_array = array;
	f->other_index = index;
}

void cc_emit(struct cc_checker *c, const struct config_check_finding *f)
{
	if (f->severity == CC_ERROR)
		c->errors++;
	if (c->report)
		c->report(c->ctx, f);
}

/* Report a finding that needs no more than a location and one value. */
void cc_report(struct cc_checker *c, enum config_check_code code,
	       enum config_check_severity severity,
	       const char *cell, const char *array, int index,
	       enum config_check_value kind, __u64 start, __u64 end,
	       const char *what, const char *hint)
{
	struct config_check_finding f;

	cc_finding_init(&f, code, severity, cell, array, index, what, hint);
	cc_set_value(&f, kind, start, end);
	cc_emit(c, &f);
}

const char *config_check_severity_name(enum config_check_severity severity)
{
	switch (severity) {
	case CC_ERROR:
		return "error";
	case CC_WARNING:
		return "warning";
	case CC_NOTE:
		return "note";
	default:
		return "finding";
	}
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
		[CC_MEM_ZERO_ENTRY] = "mem-zero-entry",
		[CC_IRQCHIP_ZERO_ENTRY] = "irqchip-zero-entry",
		[CC_MEM_BEYOND_ROOT] = "mem-beyond-root",
		[CC_PCI_SHMEM_NO_OUTPUT] = "pci-shmem-no-output",
		[CC_PCI_SHMEM_ID_TAKEN] = "pci-shmem-id-taken",
		[CC_MEM_ADDR_RANGE] = "mem-addr-range",
		[CC_PCI_SHMEM_ACCESS] = "pci-shmem-access",
		[CC_PCI_SHMEM_LAYOUT] = "pci-shmem-layout",
		[CC_PCI_SHMEM_IRQ] = "pci-shmem-irq",
		[CC_PCI_NO_VPCI] = "pci-no-vpci",
	};

	if ((unsigned int)code >= CC_NUM_CODES || !names[code])
		return "unknown";
	return names[code];
}
