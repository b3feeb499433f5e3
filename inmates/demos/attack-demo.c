// SPDX-License-Identifier: GPL-2.0
/*
 * Isolation tests: `-s "attack=NAME"` makes the cell try something its
 * config does not allow.  Each attack says what it tries; one the
 * hypervisor lets through ends with "... NOT STOPPED!" or "... NOT
 * REFUSED!", one it refuses with "... refused", and one whose effect only
 * the root can see with "done; the root's ... must still ...".  Accesses
 * outside the cell's memory must stop the cell instead (the hypervisor
 * reports them).  Afterwards the inmate idles and answers shutdown
 * requests.
 *
 *   mem-write-root  write root RAM (0x40000000, not mapped in the cell)
 *   mem-write-hv    write hypervisor memory (0x7fc00000)
 *   mem-read-hv     read hypervisor memory
 *   mem-write-near  write 16 bytes past the end of the cell's RAM
 *                   (0x10010): the report names the RAM region
 *   stp-unmapped    stp x2, x3 (0x1111111111111111, 0x2222222222222222)
 *                   to an address nothing has (0x7fa20000): the
 *                   syndrome is not valid for pairs, the report must
 *                   decode the instruction
 *   str-post        str w2, [x0], #4 (0x12345678) there: writeback, no
 *                   valid syndrome either
 *   gicd-wide       a 64-bit write to GICD_CTLR, a width the
 *                   distributor does not allow
 *   gicr-wide       a 64-bit write to CPU 0's GICR_ICENABLER0, a width
 *                   the redistributor does not allow
 *   asgi1r          ICC_ASGI1R_EL1 (x2 = 0x1000001), which the
 *                   hypervisor does not emulate: the report names it
 *   cell-state      write an unknown value (0xbad) into the comm
 *                   region's cell_state and keep running: the root
 *                   shows the cell as "invalid"
 *   spi-disable     GICD_ICENABLER: disable INTID 33 (the root's UART)
 *   spi-enable      GICD_ISENABLER: enable INTID 33
 *   spi-route       GICD_IROUTER: INTID 33 to this CPU, the cell's own SPI
 *                   (spi=N, default 79) to CPU 0
 *   gicd-ctlr       GICD_CTLR: switch the distributor off
 *   gicr-foreign    CPU 0's redistributor: disable its SGIs and PPIs
 *                   (the hypervisor may ignore the write or stop the cell)
 *   lpi             the LPI machinery of its own redistributor: point
 *                   GICR_PROPBASER and GICR_PENDBASER at hypervisor
 *                   memory, set GICR_CTLR.EnableLPIs, raise LPI 8192
 *                   through GICR_SETLPIR; everything must read back 0
 *   gicr-ctlr-wide  an 8-byte read of its own GICR_CTLR (a 32-bit
 *                   register): must stop the cell, never reach the GIC
 *   sgi             ICC_SGI1R_EL1: SGI 1 to itself as a check, then
 *                   SGI 2 (Linux's IPI_CPU_STOP) to CPU 0 and to all
 *                   other CPUs (dropped, or the cell stopped)
 *   hypercall       management hypercalls (DISABLE, CELL_CREATE, _START,
 *                   _SET_LOADABLE, _DESTROY, _GET_STATE): -EPERM expected
 *   cpu-on          PSCI CPU_ON of CPU 0 and CPU 3: DENIED expected
 *   system-off      PSCI SYSTEM_OFF: must stop this cell only
 *   system-reset    PSCI SYSTEM_RESET: likewise
 *   flood           count=N (default 2000) times each: GICD_IROUTER of
 *                   its own SPI to CPU 0 and PSCI CPU_ON of CPU 0, both
 *                   refused with a message; then, 1.1 s later, one more
 *                   IROUTER write.  The hypervisor must print a burst, then
 *                   say how many it suppressed; the root stays responsive
 *   all             every attack that should not stop the cell, in turn
 */
#include <inmate.h>
#include <jailhouse/errno.h>

#define ROOT_RAM		0x40000000UL
#define HV_RAM			0x7fc00000UL
/* 16 bytes past the end of the cell's 64 KiB of RAM at 0 */
#define PAST_OWN_RAM		0x10010UL
/* neither RAM nor a device, in no cell's config */
#define UNMAPPED		0x7fa20000UL
#define GARBAGE_CELL_STATE	0xbad
#define ROOT_UART_IRQ		33
#define DEFAULT_OWN_SPI		79
#define STOP_SGI		2
#define CHECK_SGI		1
#define POLL_HZ			100
#define SETTLE_US		200000
#define DEFAULT_FLOOD		2000
/* more than the hypervisor's second between messages of a cell */
#define FLOOD_PAUSE_US		1100000

#define GICD_CTLR		0x0000
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_IROUTER		0x6000
#define GICR_FRAME_SIZE		0x20000
#define GICR_SGI_ICENABLER0	(0x10000 + 0x180)

#define GICD_TYPER		0x0004
#define  GICD_TYPER_LPIS	(1U << 17)
#define GICR_CTLR		0x0000
#define  GICR_CTLR_ENABLE_LPIS	(1U << 0)
#define GICR_TYPER		0x0008
#define  GICR_TYPER_PLPIS	(1UL << 0)
#define GICR_SETLPIR		0x0040
#define GICR_PROPBASER		0x0070
#define GICR_PENDBASER		0x0078
#define GICR_INVALLR		0x00b0
#define GICR_SYNCR		0x00c0
#define FIRST_LPI		8192
/* IDbits 15: LPIs up to 65535 */
#define PROPBASER_IDBITS	15

#define ICC_SGI1R_EL1		s3_0_c12_c11_5
#define SGI1R_INTID_SHIFT	24
#define SGI1R_IRM		(1UL << 40)

struct attack {
	const char *name;
	void (*run)(const char *name);
	/* part of "all": the hypervisor should refuse, not stop the cell */
	bool survivable;
};

static u64 poll_ticks;
static volatile unsigned int check_sgis;

static void handle_irq(unsigned int irq)
{
	if (irq == TIMER_IRQ)
		timer_start(poll_ticks);
	else if (irq == CHECK_SGI)
		check_sgis++;
	else
		printk("attack: IRQ %u received\n", irq);
}

static void verdict(const char *name, bool refused, const char *what)
{
	printk("attack %s: %s %s\n", name, what,
	       refused ? "refused" : "NOT REFUSED!");
}

static void mem_write(const char *name, unsigned long addr, const char *what)
{
	printk("attack %s: writing 0x%lx (%s)\n", name, addr, what);
	mmio_write32(addr, 0xdeadbeef);
	printk("attack %s: write to 0x%lx NOT STOPPED!\n", name, addr);
}

static void attack_mem_write_root(const char *name)
{
	mem_write(name, ROOT_RAM, "root RAM");
}

static void attack_mem_write_hv(const char *name)
{
	mem_write(name, HV_RAM, "hypervisor memory");
}

static void attack_mem_write_near(const char *name)
{
	mem_write(name, PAST_OWN_RAM, "just past the cell's RAM");
}

static void attack_mem_read_hv(const char *name)
{
	u32 value;

	printk("attack %s: reading 0x%lx (hypervisor memory)\n", name,
	       HV_RAM);
	value = mmio_read32(HV_RAM);
	printk("attack %s: read of 0x%lx NOT STOPPED (0x%x)!\n", name, HV_RAM,
	       value);
}

static void attack_stp_unmapped(const char *name)
{
	u64 first = 0x1111111111111111UL, second = 0x2222222222222222UL;

	printk("attack %s: stp x2, x3 to 0x%lx (unmapped)\n", name, UNMAPPED);
	asm volatile("mov x2, %1\n\t"
		     "mov x3, %2\n\t"
		     "stp x2, x3, [%0]"
		     : : "r" (UNMAPPED), "r" (first), "r" (second)
		     : "x2", "x3", "memory");
	printk("attack %s: stp NOT STOPPED!\n", name);
}

static void attack_str_post(const char *name)
{
	unsigned long addr = UNMAPPED;

	printk("attack %s: str w2, [x0], #4 to 0x%lx (unmapped)\n", name,
	       addr);
	asm volatile("mov x0, %1\n\t"
		     "mov w2, %w2\n\t"
		     "str w2, [x0], #4\n\t"
		     "mov %0, x0"
		     : "=r" (addr) : "r" (addr), "r" (0x12345678)
		     : "x0", "x2", "memory");
	printk("attack %s: str NOT STOPPED (x0 0x%lx)!\n", name, addr);
}

static void attack_cell_state(const char *name)
{
	printk("attack %s: cell_state = 0x%x\n", name, GARBAGE_CELL_STATE);
	*(volatile u32 *)&comm_region->cell_state = GARBAGE_CELL_STATE;
	printk("attack %s: done; still running\n", name);
}

static unsigned long gicd(unsigned long reg)
{
	return comm_region->gicd_base + reg;
}

static u32 isenabler_of(unsigned int irq)
{
	return mmio_read32(gicd(GICD_ISENABLER + irq / 32 * 4));
}

/*
 * The cell sees (and may change) only its own interrupts; any bit of
 * another's reads as 0 here whether or not the root has it enabled.
 */
static void attack_spi_disable(const char *name)
{
	u32 bit = 1U << (ROOT_UART_IRQ % 32);

	printk("attack %s: GICD_ICENABLER%u bit %u (INTID %u, root's UART), "
	       "reads 0x%x\n", name, ROOT_UART_IRQ / 32, ROOT_UART_IRQ % 32,
	       ROOT_UART_IRQ, isenabler_of(ROOT_UART_IRQ));
	mmio_write32(gicd(GICD_ICENABLER + ROOT_UART_IRQ / 32 * 4), bit);
	printk("attack %s: written, reads 0x%x now\n", name,
	       isenabler_of(ROOT_UART_IRQ));
	printk("attack %s: done; the root's UART must still work\n", name);
}

static void attack_spi_enable(const char *name)
{
	u32 bit = 1U << (ROOT_UART_IRQ % 32);
	u32 after;

	printk("attack %s: GICD_ISENABLER%u bit %u (INTID %u, root's UART)\n",
	       name, ROOT_UART_IRQ / 32, ROOT_UART_IRQ % 32, ROOT_UART_IRQ);
	mmio_write32(gicd(GICD_ISENABLER + ROOT_UART_IRQ / 32 * 4), bit);
	after = isenabler_of(ROOT_UART_IRQ);
	printk("attack %s: written, reads 0x%x\n", name, after);
	verdict(name, !(after & bit), "enabling a foreign SPI");
}

static void attack_spi_route(const char *name)
{
	unsigned int own_spi = cmdline_parse_int("spi", DEFAULT_OWN_SPI);
	unsigned long uart_router = gicd(GICD_IROUTER + ROOT_UART_IRQ * 8);
	unsigned long own_router = gicd(GICD_IROUTER + own_spi * 8);
	u64 before, after;

	before = mmio_read64(uart_router);
	printk("attack %s: GICD_IROUTER%u (root's UART) 0x%llx -> this CPU\n",
	       name, ROOT_UART_IRQ, before);
	mmio_write64(uart_router, cpu_mpidr());
	after = mmio_read64(uart_router);
	printk("attack %s: reads 0x%llx\n", name, after);
	verdict(name, after != cpu_mpidr() || !cpu_mpidr(),
		"routing a foreign SPI here");

	before = mmio_read64(own_router);
	printk("attack %s: GICD_IROUTER%u (own SPI) 0x%llx -> CPU 0\n", name,
	       own_spi, before);
	mmio_write64(own_router, 0);
	after = mmio_read64(own_router);
	printk("attack %s: reads 0x%llx\n", name, after);
	verdict(name, after != 0, "routing an own SPI to a foreign CPU");
}

static void attack_gicd_ctlr(const char *name)
{
	u32 before = mmio_read32(gicd(GICD_CTLR));

	printk("attack %s: GICD_CTLR 0x%x -> 0 (distributor off)\n", name,
	       before);
	mmio_write32(gicd(GICD_CTLR), 0);
	printk("attack %s: reads 0x%x now\n", name,
	       mmio_read32(gicd(GICD_CTLR)));
	printk("attack %s: done; the root's interrupts must still come\n",
	       name);
}

static void attack_gicd_wide(const char *name)
{
	printk("attack %s: 8-byte write to GICD_CTLR\n", name);
	mmio_write64(gicd(GICD_CTLR), 0);
	printk("attack %s: 8-byte write NOT STOPPED!\n", name);
}

static void attack_gicr_wide(const char *name)
{
	printk("attack %s: 8-byte write to CPU 0's GICR_ICENABLER0\n", name);
	mmio_write64(comm_region->gicr_base + GICR_SGI_ICENABLER0, 0);
	printk("attack %s: 8-byte write NOT STOPPED!\n", name);
}

static void attack_asgi1r(const char *name)
{
	printk("attack %s: msr ICC_ASGI1R_EL1, x2\n", name);
	asm volatile("mov x2, %0\n\t"
		     "msr s3_0_c12_c11_6, x2"
		     : : "r" ((1UL << SGI1R_INTID_SHIFT) | 1) : "x2");
	printk("attack %s: ICC_ASGI1R_EL1 write NOT STOPPED!\n", name);
}

static void attack_gicr_foreign(const char *name)
{
	unsigned long addr = comm_region->gicr_base + GICR_SGI_ICENABLER0;

	/* CPU 0's frame is the first: the root keeps CPU 0 */
	printk("attack %s: writing CPU 0's GICR_ICENABLER0 at 0x%lx\n", name,
	       addr);
	mmio_write32(addr, ~0U);
	/* ignoring the write is as good as stopping the cell */
	printk("attack %s: done; CPU 0's timer must still tick\n", name);
}

/*
 * The redistributor's LPI tables are physical addresses that the GIC
 * reads and writes without stage 2: a cell that could program them would
 * reach any memory.  Every step must read back as zero.
 */
static void attack_lpi(const char *name)
{
	unsigned long rd = gic_v3_redistributor();
	u64 typer, propbaser, pendbaser, syncr;
	u32 gicd_typer, ctlr;
	bool refused;

	if (!rd) {
		printk("attack %s: no redistributor of this CPU\n", name);
		return;
	}
	gicd_typer = mmio_read32(gicd(GICD_TYPER));
	typer = mmio_read64(rd + GICR_TYPER);
	printk("attack %s: GICD_TYPER.LPIS %u, GICR_TYPER.PLPIS %u\n", name,
	       !!(gicd_typer & GICD_TYPER_LPIS),
	       (unsigned int)(typer & GICR_TYPER_PLPIS));

	/* the tables first, with LPIs off, as the architecture wants it */
	mmio_write32(rd + GICR_CTLR,
		     mmio_read32(rd + GICR_CTLR) & ~GICR_CTLR_ENABLE_LPIS);
	mmio_write64(rd + GICR_PROPBASER, HV_RAM | PROPBASER_IDBITS);
	mmio_write64(rd + GICR_PENDBASER, HV_RAM);
	propbaser = mmio_read64(rd + GICR_PROPBASER);
	pendbaser = mmio_read64(rd + GICR_PENDBASER);
	printk("attack %s: GICR_PROPBASER <- 0x%lx reads 0x%llx, "
	       "GICR_PENDBASER <- 0x%lx reads 0x%llx\n", name,
	       HV_RAM | PROPBASER_IDBITS, propbaser, HV_RAM, pendbaser);

	mmio_write32(rd + GICR_CTLR,
		     mmio_read32(rd + GICR_CTLR) | GICR_CTLR_ENABLE_LPIS);
	ctlr = mmio_read32(rd + GICR_CTLR);
	printk("attack %s: GICR_CTLR.EnableLPIs <- 1 reads %u\n", name,
	       ctlr & GICR_CTLR_ENABLE_LPIS);

	mmio_write64(rd + GICR_SETLPIR, FIRST_LPI);
	mmio_write64(rd + GICR_INVALLR, 0);
	syncr = mmio_read32(rd + GICR_SYNCR);
	printk("attack %s: GICR_SETLPIR <- %u, GICR_SYNCR reads 0x%llx\n",
	       name, FIRST_LPI, syncr);

	refused = !(gicd_typer & GICD_TYPER_LPIS) &&
		!(typer & GICR_TYPER_PLPIS) && !propbaser && !pendbaser &&
		!(ctlr & GICR_CTLR_ENABLE_LPIS);
	verdict(name, refused, "programming LPIs");
	/* a pending LPI would be reported by handle_irq() meanwhile */
	delay_us(SETTLE_US);
	printk("attack %s: done; the root's MSIs must still come\n", name);
}

/* L8: 32-bit registers take 32-bit accesses only */
static void attack_gicr_ctlr_wide(const char *name)
{
	unsigned long rd = gic_v3_redistributor();
	u64 value;

	printk("attack %s: 8-byte read of GICR_CTLR at 0x%lx\n", name,
	       rd + GICR_CTLR);
	value = mmio_read64(rd + GICR_CTLR);
	printk("attack %s: read 0x%llx, NOT STOPPED!\n", name, value);
}

static void write_sgi1r(u64 value)
{
	asm volatile("dsb ishst" : : : "memory");
	write_sysreg(ICC_SGI1R_EL1, value);
	asm volatile("isb" : : : "memory");
}

static void attack_sgi(const char *name)
{
	u64 deadline;

	/* first show that SGIs work at all, the hypervisor may stop us */
	irq_enable(CHECK_SGI);
	irq_send_sgi(CHECK_SGI, cpu_mpidr());
	deadline = timer_get_ticks() + timer_get_frequency();
	while (!check_sgis && timer_get_ticks() < deadline)
		wait_for_interrupt();
	printk("attack %s: SGI %u to this CPU %s\n", name, CHECK_SGI,
	       check_sgis ? "arrived" : "did NOT arrive");

	printk("attack %s: SGI %u to CPU 0\n", name, STOP_SGI);
	/* Aff3-1 0, target list bit 0: CPU 0 on QEMU */
	write_sgi1r((u64)STOP_SGI << SGI1R_INTID_SHIFT | 1);
	printk("attack %s: SGI %u to all other CPUs\n", name, STOP_SGI);
	write_sgi1r((u64)STOP_SGI << SGI1R_INTID_SHIFT | SGI1R_IRM);
	printk("attack %s: done; the root's CPUs must still run\n", name);
}

static void hypercall(const char *name, const char *call, u32 code,
		      unsigned long arg)
{
	long result = (long)jailhouse_call_arg1(code, arg);

	printk("attack %s: %s returned %ld\n", name, call, result);
	verdict(name, result == -EPERM, call);
}

static void attack_hypercall(const char *name)
{
	hypercall(name, "CELL_CREATE(0x0)", JAILHOUSE_HC_CELL_CREATE, 0);
	hypercall(name, "CELL_START(0)", JAILHOUSE_HC_CELL_START, 0);
	hypercall(name, "CELL_SET_LOADABLE(1)",
		  JAILHOUSE_HC_CELL_SET_LOADABLE, 1);
	hypercall(name, "CELL_DESTROY(1)", JAILHOUSE_HC_CELL_DESTROY, 1);
	hypercall(name, "CELL_GET_STATE(0)", JAILHOUSE_HC_CELL_GET_STATE, 0);
	hypercall(name, "DISABLE", JAILHOUSE_HC_DISABLE, 0);
}

static void foreign_cpu_on(const char *name, unsigned int cpu)
{
	int result;

	printk("attack %s: PSCI CPU_ON of CPU %u\n", name, cpu);
	result = psci_cpu_on((cpu_mpidr() & ~0xffUL) | cpu, 0, 0);
	printk("attack %s: CPU_ON of CPU %u returned %d\n", name, cpu, result);
	verdict(name, result == PSCI_DENIED || result == PSCI_INVALID_PARAMS,
		"starting a foreign CPU");
}

static void attack_cpu_on(const char *name)
{
	foreign_cpu_on(name, 0);
	foreign_cpu_on(name, 3);
}

static void attack_system_off(const char *name)
{
	printk("attack %s: PSCI SYSTEM_OFF\n", name);
	printk("attack %s: SYSTEM_OFF returned %d, NOT STOPPED!\n", name,
	       psci_system_off());
}

static void attack_system_reset(const char *name)
{
	printk("attack %s: PSCI SYSTEM_RESET\n", name);
	printk("attack %s: SYSTEM_RESET returned %d, NOT STOPPED!\n", name,
	       psci_system_reset());
}

/* Security review M3: a cell must not be able to flood the console. */
static void attack_flood(const char *name)
{
	unsigned int count = cmdline_parse_int("count", DEFAULT_FLOOD);
	unsigned int own_spi = cmdline_parse_int("spi", DEFAULT_OWN_SPI);
	unsigned long own_router = gicd(GICD_IROUTER + own_spi * 8);
	u64 cpu0 = cpu_mpidr() & ~0xffUL;
	unsigned int n, denied = 0;

	printk("attack %s: %u IROUTER%u writes and %u CPU_ON of CPU 0\n",
	       name, count, own_spi, count);
	for (n = 0; n < count; n++) {
		mmio_write64(own_router, cpu0);
		denied += psci_cpu_on(cpu0, 0, 0) == PSCI_DENIED;
	}
	printk("attack %s: %u of %u CPU_ON denied\n", name, denied, count);
	verdict(name, denied == count, "starting a foreign CPU");
	delay_us(FLOOD_PAUSE_US);
	mmio_write64(own_router, cpu0);
	printk("attack %s: done; the root must still answer\n", name);
}

static const struct attack attacks[] = {
	{ "mem-write-root", attack_mem_write_root, false },
	{ "mem-write-hv", attack_mem_write_hv, false },
	{ "mem-read-hv", attack_mem_read_hv, false },
	{ "mem-write-near", attack_mem_write_near, false },
	{ "stp-unmapped", attack_stp_unmapped, false },
	{ "str-post", attack_str_post, false },
	{ "cell-state", attack_cell_state, false },
	{ "spi-disable", attack_spi_disable, true },
	{ "spi-enable", attack_spi_enable, true },
	{ "spi-route", attack_spi_route, true },
	{ "gicd-ctlr", attack_gicd_ctlr, true },
	{ "gicd-wide", attack_gicd_wide, false },
	{ "gicr-wide", attack_gicr_wide, false },
	{ "asgi1r", attack_asgi1r, false },
	{ "gicr-foreign", attack_gicr_foreign, false },
	{ "lpi", attack_lpi, true },
	{ "gicr-ctlr-wide", attack_gicr_ctlr_wide, false },
	{ "sgi", attack_sgi, true },
	{ "hypercall", attack_hypercall, true },
	{ "cpu-on", attack_cpu_on, true },
	{ "system-off", attack_system_off, false },
	{ "system-reset", attack_system_reset, false },
	{ "flood", attack_flood, false },
};

static void run_attacks(const char *selected)
{
	bool all = !strcmp(selected, "all");
	unsigned int n;
	bool found = false;

	for (n = 0; n < ARRAY_SIZE(attacks); n++) {
		if (all ? !attacks[n].survivable :
		    strcmp(selected, attacks[n].name))
			continue;
		found = true;
		attacks[n].run(attacks[n].name);
	}
	if (!found) {
		printk("attack-demo: unknown attack \"%s\"; one of: all",
		       selected);
		for (n = 0; n < ARRAY_SIZE(attacks); n++)
			printk(" %s", attacks[n].name);
		printk("\n");
	}
}

void inmate_main(void)
{
	char selected[32];

	cmdline_parse_str("attack", selected, sizeof(selected), "");
	if (irq_init(handle_irq))
		return;
	poll_ticks = timer_get_frequency() / POLL_HZ;
	irq_enable(TIMER_IRQ);
	timer_start(poll_ticks);

	printk("attack-demo on CPU %u: attack \"%s\"\n", cpu_id(), selected);
	/*
	 * The hypervisor's fault report shares the UART with the root's
	 * "cell start", which may still be printing: let it finish first.
	 */
	delay_us(SETTLE_US);
	run_attacks(selected);
	printk("attack-demo: done, idling\n");

	inmate_idle_until_shutdown();
}
