/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the parts of the config checker share (common/config_check/).
 * The public interface is include/jailhouse/config_check.h.
 *
 * The same sources are compiled freestanding (hypervisor: no libc, hence
 * the tiny helpers below), in the kernel (driver/config_check.c includes
 * them all into one file, so file-local names must differ between the
 * files) and hosted (CLI, host tests).  Input is untrusted: every byte
 * read from a blob is first proven to lie inside it, sizes are computed in
 * 64 bits (u32 counts times struct sizes cannot overflow there) and every
 * loop is bounded by a count that has been checked against the blob size
 * or by one of the CONFIG_CHECK_MAX_* limits.  Findings are built field by
 * field so that the compiler never needs memset/memcpy.
 *
 * Everything global here starts with cc_: the hypervisor and the driver
 * link these files together with their own code.
 */
#ifndef _CONFIG_CHECK_INTERNAL_H
#define _CONFIG_CHECK_INTERNAL_H

#include <jailhouse/config_check.h>
#include <jailhouse/cpu_set.h>

#define CC_PAGE_OFFS_MASK	0xfffULL
#define CC_PAGE_SIZE		0x1000ULL
#define CC_HV_MEM_ALIGN		0x200000ULL
/*
 * Addresses end at or below 2^48: the hypervisor's tables use the 4 KiB
 * granule without FEAT_LPA2, so no descriptor holds more bits (and
 * ID_AA64MMFR0_EL1.PARange may allow less: the hypervisor checks that).
 */
#define CC_ADDR_LIMIT		(1ULL << 48)

/* The hypervisor keeps the CPU set in one page. */
#define CC_MAX_CPU_SET_SIZE	4096

#define CC_PINS_PER_IRQCHIP	128
#define CC_GIC_MAX_INTID	1020
#define CC_MAX_IRQCHIPS		64

#define CC_UNKNOWN_NAME		"(unknown)"
#define CC_UNNAMED_NAME		"(unnamed)"

/* Order of the variable arrays behind a cell descriptor. */
enum cc_array {
	CC_ARR_CPUS,
	CC_ARR_MEM,
	CC_ARR_CACHE,
	CC_ARR_IRQCHIPS,
	CC_ARR_PIO,
	CC_ARR_PCI,
	CC_ARR_CAPS,
	CC_ARR_STREAM_IDS,
	CC_ARR_NUM
};

struct cc_checker {
	config_check_report_t report;
	void *ctx;
	int errors;
};

/* A cell whose arrays are known to lie inside their blob. */
struct cc_cell {
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

/* A window of the address space the hypervisor owns or intercepts. */
struct cc_window {
	const char *what;	/* what a finding says about it */
	__u64 start, end;
};

#define CC_MAX_GIC_WINDOWS	4

static inline bool cc_ranges_overlap(__u64 s1, __u64 e1, __u64 s2, __u64 e2)
{
	return s1 < e2 && s2 < e1;
}

static inline bool cc_cpu_set_has(const struct cc_cell *v, __u64 cpu)
{
	return jailhouse_cpu_set_has(v->cpu_set, v->cpu_set_size, cpu);
}

/* Clamp an array position to what a finding's index can hold. */
static inline int cc_index(__u64 i)
{
	return i > 0x7fffffff ? 0x7fffffff : (int)i;
}

static inline bool cc_mem_is_comm(const struct jailhouse_memory *m)
{
	return m->flags & JAILHOUSE_MEM_COMM_REGION;
}

/* Regions without physical memory behind them: empty or the comm page. */
static inline bool cc_mem_has_phys(const struct jailhouse_memory *m)
{
	return m->size != 0 && !cc_mem_is_comm(m);
}

static inline bool cc_mem_wraps(const struct jailhouse_memory *m)
{
	return m->phys_start + m->size < m->phys_start ||
		m->virt_start + m->size < m->virt_start;
}

/* findings.c: building and handing out findings */
void cc_finding_init(struct config_check_finding *f,
		     enum config_check_code code,
		     enum config_check_severity severity,
		     const char *cell, const char *array, int index,
		     const char *what, const char *hint);
void cc_set_value(struct config_check_finding *f,
		  enum config_check_value kind, __u64 start, __u64 end);
void cc_set_other_value(struct config_check_finding *f,
			enum config_check_value kind, __u64 start, __u64 end);
void cc_set_other(struct config_check_finding *f, const char *cell,
		  const char *array, int index);
void cc_emit(struct cc_checker *c, const struct config_check_finding *f);
void cc_report(struct cc_checker *c, enum config_check_code code,
	       enum config_check_severity severity,
	       const char *cell, const char *array, int index,
	       enum config_check_value kind, __u64 start, __u64 end,
	       const char *what, const char *hint);

/* structure.c: the blob's layout */
bool cc_names_equal(const char *a, const char *b);
void cc_cell_init(struct cc_cell *v, const struct jailhouse_cell_desc *d,
		  bool is_root, const char *name);
bool cc_check_structure(struct cc_checker *c, const __u8 *blob, __u64 size,
			bool system, const char **name);

/* platform.c: hypervisor memory, GIC, debug console, vPCI window */
void cc_check_platform(struct cc_checker *c,
		       const struct jailhouse_system *sys, const char *name);
unsigned int cc_gic_windows(const struct jailhouse_system *sys,
			    struct cc_window w[CC_MAX_GIC_WINDOWS]);
bool cc_debug_console_window(const struct jailhouse_system *sys,
			     struct cc_window *w);
bool cc_pci_mmconfig_window(const struct jailhouse_system *sys,
			    struct cc_window *w);

/* memory.c: memory regions of one cell, the comm region; returns whether
   two of its regions overlap physically */
bool cc_check_memory(struct cc_checker *c,
		     const struct jailhouse_system *sys,
		     const struct cc_cell *v);

/* memory_reserved.c: what no region may cover (region i of v) */
void cc_check_mem_reserved(struct cc_checker *c,
			   const struct jailhouse_system *sys,
			   const struct cc_cell *v, __u64 i);

/* memory_ownership.c: memory taken from the root, not from other cells */
void cc_check_memory_against_root(struct cc_checker *c,
				  const struct cc_cell *root,
				  const struct cc_cell *v);
void cc_check_memory_pair(struct cc_checker *c, const struct cc_cell *a,
			  const struct cc_cell *b);

/* cpus.c: CPU sets */
void cc_check_cpus(struct cc_checker *c, const struct cc_cell *v);
void cc_check_cpus_against_root(struct cc_checker *c,
				const struct cc_cell *root,
				const struct cc_cell *v);
void cc_check_cpu_pair(struct cc_checker *c, const struct cc_cell *a,
		       const struct cc_cell *b);
void cc_check_root_keeps_cpu(struct cc_checker *c, const struct cc_cell *root,
			     const struct jailhouse_cell_desc *const cells[],
			     unsigned int num_cells);

/* irqchips.c: interrupt assignment */
void cc_check_irqchips(struct cc_checker *c,
		       const struct jailhouse_system *sys,
		       const struct cc_cell *v);
void cc_check_irqs_against_root(struct cc_checker *c,
				const struct jailhouse_system *sys,
				const struct cc_cell *root,
				const struct cc_cell *v);
/* Does the cell's irqchips config grant it INTID pin? */
bool cc_cell_has_pin(const struct jailhouse_system *sys,
		     const struct cc_cell *v, __u64 pin);
void cc_check_irq_pair(struct cc_checker *c,
		       const struct jailhouse_system *sys,
		       const struct cc_cell *a, const struct cc_cell *b);

/* pci.c: PCI devices, ivshmem */
void cc_check_pci(struct cc_checker *c, const struct jailhouse_system *sys,
		  const struct cc_cell *v);
bool cc_mem_is_ivshmem(const struct cc_cell *v, __u64 idx);
void cc_check_ivshmem_pair(struct cc_checker *c, const struct cc_cell *a,
			   const struct cc_cell *b);

#endif /* !_CONFIG_CHECK_INTERNAL_H */
