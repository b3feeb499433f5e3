// SPDX-License-Identifier: GPL-2.0
/*
 * CPU state across owners: `-s "check=NAME"` (default "state").
 *
 *   state    first thing, before any code could write them: the
 *            registers a previous owner of the CPU may have left
 *            something in (FP/SIMD, PMU, debug, timers, thread IDs,
 *            pointer-auth keys where implemented, the priority and group
 *            of its timer PPIs).  One line per class:
 *            "state-demo: CLASS reset (N registers)" or "state-demo:
 *            CLASS NOT RESET: REG = VALUE (k of N non-zero)".
 *   dirty    the same registers filled with markers, then idle (its
 *            polling timer leaves the virtual timer set): a later start
 *            ("state") on the same CPU must not find any of them.
 *   setway   DC ISW, CSW and CISW over every line of the L1 data cache:
 *            the hypervisor traps each one (counted in the CPU's exits)
 *            and the cell goes on.
 *   actlr    reads ACTLR_EL1 (emulated), then writes it (stops the cell).
 *   impdef   reads the IMPLEMENTATION DEFINED S3_1_C15_C2_1 (CPUECTLR
 *            on Cortex-A57/A72): stops the cell.
 * Afterwards the inmate idles and answers shutdown requests.
 */
#include <inmate.h>

#define ID_FIELD(reg, shift)	(((reg) >> (shift)) & 0xf)

#define APIAKEYLO_EL1		S3_0_C2_C1_0
#define APIAKEYHI_EL1		S3_0_C2_C1_1
#define APDAKEYLO_EL1		S3_0_C2_C2_0
#define APGAKEYLO_EL1		S3_0_C2_C3_0
#define MDCCINT_EL1		S2_0_C0_C2_0
#define IMPDEF_CPUECTLR		S3_1_C15_C2_1

#define PMCR_WRITABLE		0xffUL	/* the rest are IDs and N */
#define MDSCR_CONTROL		0xb001UL	/* MDE, KDE, TDCC, SS */
#define TIMER_CTL_CONTROL	0x3UL	/* ENABLE, IMASK; not ISTATUS */
#define MARKER			0x5afe5afe0badc0deUL
#define POLL_HZ			100

static u64 poll_ticks;

/* v0-v31 as the CPU had them at entry */
static u64 fp_regs[32][2];
static u64 fpcr, fpsr;

#define SAVE_V(n)							\
	asm volatile("mov %0, v" #n ".d[0]\n\tmov %1, v" #n ".d[1]"	\
		     : "=r" (fp_regs[n][0]), "=r" (fp_regs[n][1]))
#define FILL_V(n)							\
	asm volatile("dup v" #n ".2d, %0" : : "r" (MARKER + n))

/* before anything else runs: nothing in the library writes FP/SIMD */
static void save_fp_regs(void)
{
	SAVE_V(0); SAVE_V(1); SAVE_V(2); SAVE_V(3);
	SAVE_V(4); SAVE_V(5); SAVE_V(6); SAVE_V(7);
	SAVE_V(8); SAVE_V(9); SAVE_V(10); SAVE_V(11);
	SAVE_V(12); SAVE_V(13); SAVE_V(14); SAVE_V(15);
	SAVE_V(16); SAVE_V(17); SAVE_V(18); SAVE_V(19);
	SAVE_V(20); SAVE_V(21); SAVE_V(22); SAVE_V(23);
	SAVE_V(24); SAVE_V(25); SAVE_V(26); SAVE_V(27);
	SAVE_V(28); SAVE_V(29); SAVE_V(30); SAVE_V(31);
	fpcr = read_sysreg(fpcr);
	fpsr = read_sysreg(fpsr);
}

static void fill_fp_regs(void)
{
	FILL_V(0); FILL_V(1); FILL_V(2); FILL_V(3);
	FILL_V(4); FILL_V(5); FILL_V(6); FILL_V(7);
	FILL_V(8); FILL_V(9); FILL_V(10); FILL_V(11);
	FILL_V(12); FILL_V(13); FILL_V(14); FILL_V(15);
	FILL_V(16); FILL_V(17); FILL_V(18); FILL_V(19);
	FILL_V(20); FILL_V(21); FILL_V(22); FILL_V(23);
	FILL_V(24); FILL_V(25); FILL_V(26); FILL_V(27);
	FILL_V(28); FILL_V(29); FILL_V(30); FILL_V(31);
	/* round towards zero, flush to zero; every cumulative flag, QC */
	write_sysreg(fpcr, 0x01c00000UL);
	write_sysreg(fpsr, 0x0800009fUL);
}

/* The non-zero registers of one class: the first is named. */
struct verdict {
	const char *first;
	u64 first_value;
	unsigned int checked, non_zero;
};

static void check(struct verdict *v, const char *reg, u64 value)
{
	v->checked++;
	if (!value)
		return;
	if (!v->non_zero++) {
		v->first = reg;
		v->first_value = value;
	}
}

static void report(const char *class, const struct verdict *v)
{
	if (!v->non_zero)
		printk("state-demo: %s reset (%u registers)\n", class,
		       v->checked);
	else
		printk("state-demo: %s NOT RESET: %s = 0x%llx (%u of %u "
		       "non-zero)\n", class, v->first, v->first_value,
		       v->non_zero, v->checked);
}

static void check_fp(void)
{
	static const char *const names[32] = {
		"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9",
		"v10", "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18",
		"v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27",
		"v28", "v29", "v30", "v31",
	};
	struct verdict v = { 0 };
	unsigned int n;

	for (n = 0; n < 32; n++)
		check(&v, names[n], fp_regs[n][0] | fp_regs[n][1]);
	check(&v, "FPCR", fpcr);
	check(&v, "FPSR", fpsr);
	report("FP/SIMD", &v);
}

static unsigned int pmu_counters(void)
{
	unsigned int ver = ID_FIELD(read_sysreg(id_aa64dfr0_el1), 8);

	if (ver == 0 || ver == 0xf)
		return 0;
	return (read_sysreg(pmcr_el0) >> 11) & 0x1f;
}

static void check_pmu(void)
{
	unsigned int n, counters = pmu_counters();
	struct verdict v = { 0 };

	if (!ID_FIELD(read_sysreg(id_aa64dfr0_el1), 8)) {
		printk("state-demo: PMU not implemented\n");
		return;
	}
	/* first: reading the event counters below selects them */
	check(&v, "PMSELR_EL0", read_sysreg(pmselr_el0));
	check(&v, "PMCR_EL0", read_sysreg(pmcr_el0) & PMCR_WRITABLE);
	check(&v, "PMCNTENSET_EL0", read_sysreg(pmcntenset_el0));
	check(&v, "PMINTENSET_EL1", read_sysreg(pmintenset_el1));
	check(&v, "PMOVSSET_EL0", read_sysreg(pmovsset_el0));
	check(&v, "PMUSERENR_EL0", read_sysreg(pmuserenr_el0));
	check(&v, "PMCCFILTR_EL0", read_sysreg(pmccfiltr_el0));
	check(&v, "PMCCNTR_EL0", read_sysreg(pmccntr_el0));
	for (n = 0; n < counters; n++) {
		write_sysreg(pmselr_el0, n);
		asm volatile("isb");
		check(&v, "PMEVTYPER<n>_EL0", read_sysreg(pmxevtyper_el0));
		check(&v, "PMEVCNTR<n>_EL0", read_sysreg(pmxevcntr_el0));
	}
	write_sysreg(pmselr_el0, 0);
	report("PMU", &v);
}

static void dirty_pmu(void)
{
	if (!pmu_counters())
		return;
	write_sysreg(pmselr_el0, 0);
	asm volatile("isb");
	write_sysreg(pmxevtyper_el0, 0x11);	/* CPU_CYCLES */
	write_sysreg(pmccfiltr_el0, 1UL << 27);	/* NSH: count EL2 too */
	write_sysreg(pmuserenr_el0, 0xf);
	write_sysreg(pmintenset_el1, 1);
	write_sysreg(pmcntenset_el0, (1UL << 31) | 1);
	write_sysreg(pmcr_el0, 1);		/* E */
	write_sysreg(pmselr_el0, 1);
}

#define DBG_READ(v, n)							\
	do {								\
		check(v, "DBGBVR" #n "_EL1", read_sysreg(S2_0_C0_C##n##_4)); \
		check(v, "DBGBCR" #n "_EL1", read_sysreg(S2_0_C0_C##n##_5)); \
	} while (0)
#define DBG_READ_W(v, n)						\
	do {								\
		check(v, "DBGWVR" #n "_EL1", read_sysreg(S2_0_C0_C##n##_6)); \
		check(v, "DBGWCR" #n "_EL1", read_sysreg(S2_0_C0_C##n##_7)); \
	} while (0)

/* every core has at least two breakpoints and two watchpoints */
static void check_debug(void)
{
	struct verdict v = { 0 };

	check(&v, "MDSCR_EL1", read_sysreg(mdscr_el1) & MDSCR_CONTROL);
	check(&v, "MDCCINT_EL1", read_sysreg(MDCCINT_EL1));
	DBG_READ(&v, 0);
	DBG_READ(&v, 1);
	DBG_READ_W(&v, 0);
	DBG_READ_W(&v, 1);
	report("debug", &v);
}

static void dirty_debug(void)
{
	/* all disabled (E = 0): nothing fires, the values stay */
	write_sysreg(S2_0_C0_C0_4, 0x1000UL);
	write_sysreg(S2_0_C0_C0_5, 0x1e6UL);
	write_sysreg(S2_0_C0_C1_6, 0x2000UL);
	write_sysreg(S2_0_C0_C1_7, 0x1ffeUL);
	write_sysreg(MDCCINT_EL1, 1UL << 29);
	write_sysreg(mdscr_el1, 1UL << 12);	/* TDCC */
}

static void check_timers(void)
{
	struct verdict v = { 0 };

	check(&v, "CNTV_CTL_EL0", read_sysreg(cntv_ctl_el0) &
	      TIMER_CTL_CONTROL);
	check(&v, "CNTV_CVAL_EL0", read_sysreg(cntv_cval_el0));
	check(&v, "CNTP_CTL_EL0", read_sysreg(cntp_ctl_el0) &
	      TIMER_CTL_CONTROL);
	check(&v, "CNTP_CVAL_EL0", read_sysreg(cntp_cval_el0));
	check(&v, "CNTKCTL_EL1", read_sysreg(cntkctl_el1));
	report("timers", &v);
}

/* the virtual timer stays set by the idle loop's polling */
static void dirty_timers(void)
{
	/* enabled but masked: no interrupt, the comparator stays set */
	write_sysreg(cntp_cval_el0, MARKER);
	write_sysreg(cntp_ctl_el0, 3);
	write_sysreg(cntkctl_el1, 3);
}

static void check_thread_ids(void)
{
	struct verdict v = { 0 };

	check(&v, "TPIDR_EL0", read_sysreg(tpidr_el0));
	check(&v, "TPIDRRO_EL0", read_sysreg(tpidrro_el0));
	check(&v, "TPIDR_EL1", read_sysreg(tpidr_el1));
	check(&v, "CONTEXTIDR_EL1", read_sysreg(contextidr_el1));
	report("thread IDs", &v);
}

static void dirty_thread_ids(void)
{
	write_sysreg(tpidr_el0, MARKER);
	write_sysreg(tpidrro_el0, MARKER);
	write_sysreg(tpidr_el1, MARKER);
	write_sysreg(contextidr_el1, 0x1234);
}

#define GICR_TYPER		0x0008
#define GICR_TYPER_LAST		(1UL << 4)
#define GICR_TYPER_VLPIS	(1UL << 1)
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x080)
#define GICR_IPRIORITYR		(GICR_SGI_BASE + 0x400)
#define PPI_VTIMER		27
#define PPI_PTIMER		30
#define DIRTY_PRIORITY		0x10

/* this CPU's redistributor frame: its GICR_TYPER names its affinity */
static unsigned long own_redistributor(void)
{
	u64 mpidr = cpu_mpidr(), typer;
	u32 affinity = (mpidr & 0xffffff) | (((mpidr >> 32) & 0xff) << 24);
	unsigned long base = comm_region->gicr_base;
	unsigned int n;

	for (n = 0; n < 64; n++) {
		typer = mmio_read64(base + GICR_TYPER);
		if ((typer >> 32) == affinity)
			return base;
		if (typer & GICR_TYPER_LAST)
			break;
		base += (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
	}
	return 0;
}

static u8 dirty_priority(unsigned long rd, unsigned int irq)
{
	u8 priority = mmio_read8(rd + GICR_IPRIORITYR + irq);

	return priority == DIRTY_PRIORITY ? priority : 0;
}

/*
 * The previous owner's PPI setup: "dirty" leaves the timer PPIs at a
 * priority nobody else uses and the physical timer in group 0.
 */
static void check_gic(void)
{
	unsigned long rd = own_redistributor();
	struct verdict v = { 0 };

	if (!rd) {
		printk("state-demo: no redistributor for this CPU\n");
		return;
	}
	/* each check is non-zero only if the value is the dirty one */
	check(&v, "GICR_IPRIORITYR<27>", dirty_priority(rd, PPI_VTIMER));
	check(&v, "GICR_IPRIORITYR<30>", dirty_priority(rd, PPI_PTIMER));
	check(&v, "GICR_IGROUPR0<30> cleared",
	      !(mmio_read32(rd + GICR_IGROUPR0) & (1U << PPI_PTIMER)));
	report("GIC SGI/PPI setup", &v);
}

static void dirty_gic(void)
{
	unsigned long rd = own_redistributor();

	if (!rd)
		return;
	mmio_write8(rd + GICR_IPRIORITYR + PPI_VTIMER, DIRTY_PRIORITY);
	mmio_write8(rd + GICR_IPRIORITYR + PPI_PTIMER, DIRTY_PRIORITY);
	mmio_write32(rd + GICR_IGROUPR0, mmio_read32(rd + GICR_IGROUPR0) &
		     ~(1U << PPI_PTIMER));
}

/* APA/API/GPA/GPI of ID_AA64ISAR1_EL1 */
static bool has_pauth(void)
{
	return read_sysreg(id_aa64isar1_el1) & 0xff000ff0UL;
}

static void check_pauth(void)
{
	struct verdict v = { 0 };

	if (!has_pauth()) {
		printk("state-demo: pointer authentication not implemented\n");
		return;
	}
	check(&v, "APIAKeyLo_EL1", read_sysreg(APIAKEYLO_EL1));
	check(&v, "APIAKeyHi_EL1", read_sysreg(APIAKEYHI_EL1));
	check(&v, "APDAKeyLo_EL1", read_sysreg(APDAKEYLO_EL1));
	check(&v, "APGAKeyLo_EL1", read_sysreg(APGAKEYLO_EL1));
	report("pointer-auth keys", &v);
}

static void dirty_pauth(void)
{
	if (!has_pauth())
		return;
	write_sysreg(APIAKEYLO_EL1, MARKER);
	write_sysreg(APIAKEYHI_EL1, MARKER);
	write_sysreg(APDAKEYLO_EL1, MARKER);
	write_sysreg(APGAKEYLO_EL1, MARKER);
}

static unsigned long own_exits(void)
{
	return jailhouse_call_arg2(JAILHOUSE_HC_CPU_GET_INFO, cpu_id(),
				   JAILHOUSE_CPU_INFO_STAT_BASE +
				   JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);
}

/* Level 1 data cache, every set and way, each of the three operations. */
static void check_setway(void)
{
	unsigned int line_shift, ways, sets, way_shift, set, way;
	unsigned long ops = 0, exits;
	u64 ccsidr, op;

	write_sysreg(csselr_el1, 0);
	asm volatile("isb");
	ccsidr = read_sysreg(ccsidr_el1);
	line_shift = (ccsidr & 0x7) + 4;
	ways = ((ccsidr >> 3) & 0x3ff) + 1;
	sets = ((ccsidr >> 13) & 0x7fff) + 1;
	way_shift = ways > 1 ? __builtin_clz(ways - 1) : 0;

	printk("state-demo setway: L1 data cache %u sets, %u ways\n", sets,
	       ways);
	exits = own_exits();
	for (way = 0; way < ways; way++) {
		for (set = 0; set < sets; set++) {
			op = ((u64)way << way_shift) |
				((u64)set << line_shift);
			asm volatile("dc isw, %0" : : "r" (op) : "memory");
			asm volatile("dc csw, %0" : : "r" (op) : "memory");
			asm volatile("dc cisw, %0" : : "r" (op) : "memory");
			ops += 3;
		}
	}
	asm volatile("dsb sy" : : : "memory");
	exits = own_exits() - exits;
	printk("state-demo setway: %lu set/way operations, %s, cell still "
	       "running\n", ops, exits >= ops ? "trapped" : "NOT TRAPPED!");
}

static void check_actlr(void)
{
	u64 actlr = read_sysreg(actlr_el1);

	printk("state-demo actlr: ACTLR_EL1 reads 0x%llx; writing it\n",
	       actlr);
	write_sysreg(actlr_el1, actlr);
	printk("state-demo actlr: write NOT STOPPED!\n");
}

static void check_impdef(void)
{
	u64 value;

	printk("state-demo impdef: reading S3_1_C15_C2_1\n");
	value = read_sysreg(IMPDEF_CPUECTLR);
	printk("state-demo impdef: read NOT STOPPED (0x%llx)!\n", value);
}

static void handle_irq(unsigned int irq)
{
	if (irq == TIMER_IRQ)
		timer_start(poll_ticks);
}

void inmate_main(void)
{
	char selected[16];

	save_fp_regs();
	cmdline_parse_str("check", selected, sizeof(selected), "state");
	printk("state-demo on CPU %u: check \"%s\"\n", cpu_id(), selected);

	if (!strcmp(selected, "state")) {
		check_fp();
		check_pmu();
		check_debug();
		check_timers();
		check_thread_ids();
		check_pauth();
		check_gic();
	} else if (!strcmp(selected, "dirty")) {
		dirty_pmu();
		dirty_debug();
		dirty_timers();
		dirty_thread_ids();
		dirty_pauth();
		dirty_gic();
		fill_fp_regs();
		printk("state-demo: registers dirtied\n");
	} else if (!strcmp(selected, "setway")) {
		check_setway();
	} else if (!strcmp(selected, "actlr")) {
		check_actlr();
	} else if (!strcmp(selected, "impdef")) {
		check_impdef();
	} else {
		printk("state-demo: unknown check \"%s\"\n", selected);
	}
	printk("state-demo: done, idling\n");

	/* a timer tick to poll the comm region for shutdown requests */
	if (irq_init(handle_irq))
		return;
	poll_ticks = timer_get_frequency() / POLL_HZ;
	irq_enable(TIMER_IRQ);
	timer_start(poll_ticks);
	inmate_idle_until_shutdown();
}
