// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 mechanics of enable and disable: EL2 registers, the cells'
 * stage-2 translation and leaving EL2.
 *
 * Stage 2 uses the 4 KiB granule and the CPUs' physical address size
 * (ID_AA64MMFR0_EL1.PARange, at most 48 bits), starting at level 1 with
 * concatenated root tables up to 42 bits, at level 0 above.  The root
 * cell has VMID 0, a cell n VMID n.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/cpu_state.h>
#include <asm/owner_traps.h>
#include <asm/paging_arm64.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

/*
 * Every guest: set/way cache maintenance is trapped (sysreg_trap.c), as
 * it would discard other owners' dirty lines of a shared cache.  Non-root
 * cells also may neither read nor write ACTLR_EL1 nor any IMPLEMENTATION
 * DEFINED register directly: those configure the core for whoever runs
 * on it next.
 */
#define HCR_GUEST	(HCR_VM | HCR_IMO | HCR_FMO | HCR_TSC | HCR_RW | \
			 HCR_TSW)
#define HCR_NON_ROOT	(HCR_TACR | HCR_TIDCP)
/*
 * Linux's choices that its EL1 code relies on (pointer authentication and
 * MTE instructions not trapped) stay as they were.
 */
#define HCR_KEEP	(HCR_API | HCR_APK | HCR_ATA)

#define VTCR_RES1	(1UL << 31)
#define VTCR_SH0_INNER	(3UL << 12)
#define VTCR_ORGN0_WB	(1UL << 10)
#define VTCR_IRGN0_WB	(1UL << 8)
#define VTCR_SL0_SHIFT	6
#define VTCR_PS_SHIFT	16

extern u8 stub_vectors[];
extern u8 exit_to_linux_idmap[];
extern const struct paging_env hv_paging_env;

static unsigned int parange;
static unsigned int ipa_bits;
static u64 vtcr;
static unsigned int s2_root_level, s2_root_pages;

static const unsigned int parange_bits[] = { 32, 36, 40, 42, 44, 48 };

/*
 * Held while a stage 2 changes, so that a CPU that faulted on an entry
 * being split (break-before-make, stage2_break_block()) can tell, once the
 * splitter is done, whether its address is mapped now.
 */
static spinlock_t stage2_lock = SPINLOCK_INIT;
/* hv_paging_env plus break-before-make for splits of live blocks */
static struct paging_env stage2_env;

void psci_probe_firmware(void);

static u64 guest_hcr(struct per_cpu *cpu_data)
{
	u64 hcr = HCR_GUEST | (cpu_data->arch.linux_hcr & HCR_KEEP);

	if (cpu_data->cell != &root_cell)
		hcr |= HCR_NON_ROOT;
	return hcr;
}

/*
 * A stage-2 block is about to become a table (paging.c split_block()) and
 * its entry is invalid now.  The root's tables are split while its other
 * CPUs run on them (cell create, start, destroy take its memory), always
 * by a root CPU: VTTBR_EL2 holds the root's VMID here, and TLBI by IPA
 * acts on that VMID in every CPU of the inner shareable domain.  A block
 * is one TLB entry whatever address of it is named; the combined stage 1
 * and 2 entries go with VMALLE1IS.  Another cell's tables are never split
 * while its CPUs run (they are stopped, and flush their TLB when they
 * start: arch_cpu_start()).
 */
static void stage2_break_block(void *ctx, unsigned long ipa,
			       unsigned long size)
{
	asm volatile("dsb ishst; tlbi ipas2e1is, %0; dsb ish; "
		     "tlbi vmalle1is; dsb ish; isb"
		     : : "r" (ipa >> PAGE_SHIFT) : "memory");
}

#define FSC_MASK		0x3f
#define FSC_TRANSLATION		0x04	/* levels 0-3: 0x04-0x07 */

/*
 * A stage-2 translation fault (data, instruction, or stage-1 walk) on an
 * address that is mapped by the time the stage-2 lock is free again: the
 * CPU walked while a block was being split.  The caller returns to the
 * same instruction.  Faults on addresses that stay unmapped (emulated or
 * refused) are left to the caller.  Only on the failure paths: emulated
 * MMIO never pays for the lock.
 */
bool arch_stage2_fault_retry(u64 esr, u64 ipa)
{
	struct cell *cell = this_cell();
	unsigned long phys;

	if ((ESR_ISS(esr) & FSC_MASK & ~3) != FSC_TRANSLATION)
		return false;
	spin_lock(&stage2_lock);
	phys = paging_virt_to_phys(&cell->stage2, ipa);
	spin_unlock(&stage2_lock);
	return phys != INVALID_PHYS_ADDR;
}

int arch_init_early(void)
{
	unsigned long stub_phys;
	int err;

	stage2_env = hv_paging_env;
	stage2_env.break_block = stage2_break_block;

	parange = read_sysreg(id_aa64mmfr0_el1) & 0xf;
	if (parange > 5)
		parange = 5;
	ipa_bits = parange_bits[parange];

	if (ipa_bits > 42) {
		s2_root_level = 0;
		s2_root_pages = 1;
		vtcr = 2UL << VTCR_SL0_SHIFT;
	} else {
		s2_root_level = 1;
		s2_root_pages = ipa_bits > 39 ? 1U << (ipa_bits - 39) : 1;
		vtcr = 1UL << VTCR_SL0_SHIFT;
	}
	vtcr |= VTCR_RES1 | VTCR_SH0_INNER | VTCR_ORGN0_WB | VTCR_IRGN0_WB |
		((u64)parange << VTCR_PS_SHIFT) | (64 - ipa_bits);

	/* the page of the exit path, identity mapped for the MMU switch */
	stub_phys = paging_hvirt2phys(stub_vectors) & PAGE_MASK;
	err = paging_create(&hv_paging, stub_phys, PAGE_SIZE, stub_phys,
			    PAGING_READ | PAGING_EXEC);
	if (err)
		return err;
	arch_paging_flush_hv();

	psci_probe_firmware();
	return 0;
}

void arch_paging_activate_hv(void)
{
	write_sysreg(ttbr0_el2, paging_hvirt2phys(hv_paging.root));
	isb();
	asm volatile("tlbi alle2; dsb nsh; isb" : : : "memory");
	this_cpu_data()->hv_paging_active = true;
}

void arch_paging_flush_hv(void)
{
	asm volatile("dsb ishst; isb" : : : "memory");
}

void arch_paging_invalidate_hv(void)
{
	asm volatile("dsb ishst; tlbi alle2is; dsb ish; isb" : : : "memory");
}

int arch_cpu_init(struct per_cpu *cpu_data)
{
	unsigned int cpu_parange = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	arch_paging_activate_hv();

	if (cpu_parange < parange) {
		printk("ERROR: CPU %u has a smaller physical address size\n",
		       cpu_data->cpu_id);
		return -EINVAL;
	}
	cpu_data->mpidr = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
	arch_cpu_state_capture(cpu_data);
	write_sysreg(vtcr_el2, vtcr);
	isb();
	return 0;
}

void arch_cpu_activate(struct per_cpu *cpu_data)
{
	extern u8 hyp_vectors[];

	write_sysreg(vbar_el2, hyp_vectors);
	write_sysreg(vttbr_el2, cpu_data->cell->vttbr);
	write_sysreg(hcr_el2, guest_hcr(cpu_data));
	arch_owner_traps_apply(cpu_data);
	isb();
	asm volatile("tlbi vmalls12e1; dsb nsh; isb" : : : "memory");
}

void arch_dcache_clean_inval(const void *start, unsigned long size)
{
	unsigned long ctr = read_sysreg(ctr_el0);
	unsigned long line = 4UL << ((ctr >> 16) & 0xf);
	unsigned long addr;

	for (addr = (unsigned long)start & ~(line - 1);
	     addr < (unsigned long)start + size; addr += line)
		asm volatile("dc civac, %0" : : "r" (addr) : "memory");
	asm volatile("dsb sy" : : : "memory");
}

void __attribute__((noreturn))
arch_cpu_exit(struct per_cpu *cpu_data, struct trap_context *frame,
	      long result, bool power_off)
{
	void (*exit_idmap)(unsigned long frame, unsigned long vectors,
			   unsigned long power_off) __attribute__((noreturn));
	/* not paging_hvirt2phys(): this may run before the pools exist */
	unsigned long to_phys = cpu_data->phys - (unsigned long)cpu_data;

	write_sysreg(hcr_el2, cpu_data->arch.linux_hcr);
	write_sysreg(cnthctl_el2, cpu_data->arch.linux_cnthctl);
	write_sysreg(mdcr_el2, cpu_data->arch.linux_mdcr);
	write_sysreg(cptr_el2, cpu_data->arch.linux_cptr);
	write_sysreg(vttbr_el2, 0);
	isb();
	asm volatile("tlbi vmalls12e1; dsb nsh; isb" : : : "memory");

	frame->regs[0] = result;
	/* the exit path reads the frame with the MMU off */
	arch_dcache_clean_inval(frame, sizeof(*frame));

	exit_idmap = (void *)((unsigned long)exit_to_linux_idmap + to_phys);
	exit_idmap((unsigned long)frame + to_phys,
		   (unsigned long)stub_vectors + to_phys, power_off);
}

int arch_cell_init(struct cell *cell)
{
	struct paging_structs *pg = &cell->stage2;

	/* the VMID is the cell id, 8 bits */
	if (cell->id > 0xff)
		return -E2BIG;
	pg->env = &stage2_env;
	pg->root_level = s2_root_level;
	pg->root_pages = s2_root_pages;
	pg->stage2 = true;
	pg->root = page_alloc(&mem_pool, s2_root_pages);
	if (!pg->root)
		return -ENOMEM;
	cell->s2_root_table = paging_hvirt2phys(pg->root);
	/* VTTBR ignores the low address bits of a concatenated root */
	if (cell->s2_root_table & (s2_root_pages * PAGE_SIZE - 1)) {
		printk("ERROR: stage-2 root table 0x%lx not aligned to its "
		       "%u pages\n", cell->s2_root_table, s2_root_pages);
		page_free(&mem_pool, pg->root, s2_root_pages);
		return -EINVAL;
	}
	cell->vttbr = cell->s2_root_table | ((u64)(cell->id & 0xff) << 48);
	return 0;
}

int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	unsigned int flags = 0;
	int err;

	if (mem->flags & JAILHOUSE_MEM_READ)
		flags |= PAGING_READ;
	if (mem->flags & JAILHOUSE_MEM_WRITE)
		flags |= PAGING_WRITE;
	if (mem->flags & JAILHOUSE_MEM_EXECUTE)
		flags |= PAGING_EXEC;
	if (mem->flags & JAILHOUSE_MEM_IO)
		flags |= PAGING_DEVICE;
	if (mem->flags & JAILHOUSE_MEM_NO_HUGEPAGES)
		flags |= PAGING_NO_HUGE;
	if (mem->virt_start + mem->size > (1UL << ipa_bits))
		return -ERANGE;
	/*
	 * The config checker allows up to 2^48; the CPUs may have fewer
	 * physical address bits (ID_AA64MMFR0_EL1.PARange, the same on every
	 * CPU: arch_cpu_init()).  Beyond them a descriptor faults, or its
	 * address is taken modulo the size on some cores: never map it.
	 */
	if (!arch_phys_range_valid(mem->phys_start, mem->size))
		return -ERANGE;
	spin_lock(&stage2_lock);
	err = paging_create(&cell->stage2, mem->phys_start, mem->size,
			    mem->virt_start, flags);
	spin_unlock(&stage2_lock);
	return err;
}

bool arch_phys_range_valid(unsigned long phys, unsigned long size)
{
	return phys + size >= phys && phys + size <= (1UL << ipa_bits);
}

unsigned int arch_phys_addr_bits(void)
{
	return ipa_bits;
}

void arch_cell_destroy(struct cell *cell)
{
	struct paging_structs *pg = &cell->stage2;

	if (!pg->root)
		return;
	paging_free_all(pg);
	page_free(&mem_pool, pg->root, pg->root_pages);
	pg->root = NULL;
}

int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem)
{
	int err;

	spin_lock(&stage2_lock);
	err = paging_destroy(&cell->stage2, mem->virt_start, mem->size);
	spin_unlock(&stage2_lock);
	return err;
}

void arch_flush_current_stage2(void)
{
	asm volatile("dsb ishst; tlbi vmalls12e1is; dsb ish; isb"
		     : : : "memory");
}

void arch_cpu_idle(void)
{
	asm volatile("dsb sy; wfi" : : : "memory");
	/* a wake-up of a parked CPU counts as an exit, like the vector's */
	this_cpu_data()->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	irqchip_handle_irq();
	/* nobody runs here to take it: settled at once, not at the start */
	irqchip_cpu_park(this_cpu_data());
}

/* x0 = top of the stack, x1 = entry, x2 = context (entry.S) */
void __attribute__((noreturn))
enter_guest_fresh(unsigned long stack_top, unsigned long entry,
		  unsigned long context);

void arch_cpu_stop_guest(void)
{
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	isb();
	irqchip_cpu_park(this_cpu_data());
}

void __attribute__((noreturn))
arch_cpu_start(struct per_cpu *cpu_data, unsigned long entry,
	       unsigned long context)
{
	unsigned long stack_top = (unsigned long)cpu_data->stack +
		PERCPU_STACK_SIZE;
	bool new_owner = cpu_data->cell != &root_cell || cpu_data->cell_changed;

	if (!new_owner) {
		/* Linux sets up the rest itself when a CPU comes online */
		write_sysreg(sctlr_el1, SCTLR_EL1_RESET);
		isb();
	}
	write_sysreg(hcr_el2, guest_hcr(cpu_data));
	write_sysreg(vttbr_el2, cpu_data->cell->vttbr);
	arch_owner_traps_apply(cpu_data);
	isb();
	/* a previous cell may have had this VMID or left code at entry */
	asm volatile("tlbi vmalls12e1; dsb nsh; ic iallu; dsb nsh; isb"
		     : : : "memory");

	if (new_owner) {
		irqchip_cpu_reset(cpu_data);
		cpu_data->cell_changed = false;
		/* last: nothing may refill FP/SIMD after it */
		arch_cpu_state_reset(cpu_data);
	}

	/* the frame of the next trap lies where this fresh one is built */
	cpu_data->trap_ctx = (struct trap_context *)stack_top - 1;
	/* from here on, an EL2 fault is one of the guest's exits */
	cpu_data->in_park = false;
	enter_guest_fresh(stack_top, entry, context);
}

u64 arch_counter_ticks(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

u64 arch_counter_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

void arch_delay_us(unsigned long us)
{
	u64 ticks = read_sysreg(cntfrq_el0) / 1000000 * us;
	u64 start;

	isb();
	start = read_sysreg(cntpct_el0);
	do {
		cpu_relax();
		isb();
	} while (read_sysreg(cntpct_el0) - start < ticks);
}
