// SPDX-License-Identifier: GPL-2.0
/*
 * Enabling the hypervisor.  Every online CPU arrives here from the entry
 * code (arch) with its MMU on at the link address, running on its own
 * stack with the bootstrap page tables, Linux's registers saved in
 * frame.  The first CPU to arrive sets up what exists once (pools, the
 * validated config copy, the debug console, the hypervisor's page
 * tables); then every CPU sets itself up; then the first CPU sets up the
 * units (interrupt controller, root cell); then every CPU hands its
 * interrupt controller interface over and activates trapping.  The CPUs
 * meet between the steps, sleeping in WFE (never spinning: a CPU spinning
 * at EL2 starves the others under QEMU -icount), and an error anywhere
 * makes every CPU return it to Linux with all EL2 state undone.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/config_check.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/irqchip.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/utils.h>
#include <asm/traps.h>

struct jailhouse_system *system_config;
unsigned int hypervisor_online_cpus;

static struct uart_chip debug_uart;

static spinlock_t setup_lock = SPINLOCK_INIT;
static bool setup_master_chosen;
static unsigned int setup_master_cpu;
/* 0 while running, then 1 on success or -errno */
static volatile int early_result, late_result;
static volatile int cpu_init_error;
/* -ETIMEDOUT once a rendezvous was given up: every CPU leaves */
static volatile int enable_aborted;
/* bit n: CPU n reached hypervisor_entry / finished a step */
static volatile u64 cpus_entered, cpus_initialized, cpus_irqchip_ready;
static volatile unsigned int num_initialized, num_irqchip_ready;

/* the root cell's CPUs as the config names them (after early setup) */
static u64 root_cpus;

static u64 cpu_bit(unsigned int cpu)
{
	return cpu < MAX_CPUS ? 1ULL << cpu : 0;
}

enum give_up { ALL_ARRIVED, GAVE_UP_FIRST, GAVE_UP };

/*
 * Gives the enable up after a missed rendezvous, unless the last CPU
 * arrived at *@count meanwhile (decided under the lock arrive() counts
 * under, so that no CPU can see the step complete while another gave it
 * up).  The first CPU to give up reports it.  The lock covers no printing.
 */
static enum give_up give_up(volatile unsigned int *count)
{
	enum give_up result = GAVE_UP;

	spin_lock(&setup_lock);
	if (count && *count >= hypervisor_online_cpus) {
		result = ALL_ARRIVED;
	} else if (!enable_aborted) {
		enable_aborted = -ETIMEDOUT;
		result = GAVE_UP_FIRST;
	}
	spin_unlock(&setup_lock);
	arch_send_event();
	return result;
}

/* Sleeps until the master published *@result; -ETIMEDOUT if it did not. */
static int wait_for_master(volatile int *result, const char *step)
{
	u64 start = arch_counter_ticks();

	while (!*result && !enable_aborted) {
		if (cpu_wait_expired(start)) {
			if (give_up(NULL) == GAVE_UP_FIRST)
				printk("ERROR: CPU %u did not finish %s within "
				       "%u s\n", setup_master_cpu, step,
				       CPU_WAIT_TIMEOUT_S);
			return -ETIMEDOUT;
		}
		arch_wait_for_event();
	}
	memory_barrier();
	return enable_aborted;
}

/*
 * Sleeps until every online CPU counted itself in *@count; on timeout,
 * names each CPU of the root cell missing from *@done (the first CPU to
 * give up does), saying whether it reached the hypervisor at all.
 */
static int wait_for_all(volatile unsigned int *count, volatile u64 *done,
			const char *step)
{
	u64 start = arch_counter_ticks(), missing;
	unsigned int cpu;

	while (*count < hypervisor_online_cpus && !enable_aborted) {
		if (cpu_wait_expired(start))
			goto timed_out;
		arch_wait_for_event();
	}
	/* a count seen complete was completed before any give_up() */
	memory_barrier();
	return enable_aborted;

timed_out:
	switch (give_up(count)) {
	case ALL_ARRIVED:
		memory_barrier();
		return enable_aborted;
	case GAVE_UP:
		return -ETIMEDOUT;
	case GAVE_UP_FIRST:
		break;
	}
	memory_barrier();
	missing = root_cpus & ~*done;
	for (cpu = 0; cpu < MAX_CPUS; cpu++) {
		if (!(missing & cpu_bit(cpu)))
			continue;
		if (cpus_entered & cpu_bit(cpu))
			printk("ERROR: CPU %u did not finish %s within %u s\n",
			       cpu, step, CPU_WAIT_TIMEOUT_S);
		else
			printk("ERROR: CPU %u did not reach the hypervisor "
			       "within %u s\n", cpu, CPU_WAIT_TIMEOUT_S);
	}
	if (!missing)
		printk("ERROR: only %u of %u CPUs finished %s within %u s\n",
		       *count, hypervisor_online_cpus, step,
		       CPU_WAIT_TIMEOUT_S);
	return -ETIMEDOUT;
}

static void publish(volatile int *result, int value)
{
	memory_barrier();
	*result = value;
	arch_send_event();
}

static void arrive(volatile unsigned int *count, volatile u64 *done,
		   unsigned int cpu, int err)
{
	spin_lock(&setup_lock);
	if (err && !cpu_init_error)
		cpu_init_error = err;
	*done |= cpu_bit(cpu);
	(*count)++;
	spin_unlock(&setup_lock);
	arch_send_event();
}

void print_pool_usage(const char *when)
{
	printk("Page pool usage after %s: mem %lu/%lu, remap %lu/%lu\n", when,
	       mem_pool.used_pages, mem_pool.pages, remap_pool.used_pages,
	       remap_pool.pages);
}

/*
 * The config the driver put behind the per-CPU data is copied into the
 * pool and checked there: the root cell could still change the original
 * until every CPU is trapped.
 */
static int init_early(unsigned long phys_base, unsigned int cpu_id)
{
	const struct jailhouse_header *hdr = &hypervisor_header;
	unsigned long config_offset, config_size, hv_size, pool_offset;
	struct jailhouse_system *orig;
	int uart_err = -ENODEV;
	void *uart_base;
	u64 beyond;
	int err;

	/* no UART yet: these reasons reach the console ring only */
	if (hdr->online_cpus == 0 || hdr->online_cpus > hdr->max_cpus ||
	    hdr->max_cpus > MAX_CPUS) {
		printk("ERROR: header: %u online of %u CPUs is impossible\n",
		       hdr->online_cpus, hdr->max_cpus);
		return -EINVAL;
	}
	hypervisor_online_cpus = hdr->online_cpus;

	config_offset = hdr->core_size + hdr->max_cpus * hdr->percpu_size;
	orig = (void *)(JAILHOUSE_BASE + config_offset);
	hv_size = orig->hypervisor_memory.size;
	if (orig->hypervisor_memory.phys_start != phys_base ||
	    hv_size <= config_offset + sizeof(*orig) ||
	    hv_size > (1UL << 30) - 2 * 1024 * 1024) {
		printk("ERROR: config: hypervisor memory 0x%llx+0x%lx does not "
		       "match the image at 0x%lx (or is not 4 KiB .. 1 GiB)\n",
		       orig->hypervisor_memory.phys_start, hv_size, phys_base);
		return -EINVAL;
	}
	config_size = jailhouse_system_config_size(orig);
	if (config_size > hv_size - config_offset) {
		printk("ERROR: config: %lu bytes do not fit\n", config_size);
		return -EINVAL;
	}
	pool_offset = ALIGN_UP(config_offset + config_size, PAGE_SIZE);

	err = paging_init(phys_base, hv_size, pool_offset);
	if (err)
		return err;
	arch_paging_activate_hv();

	system_config = page_alloc(&mem_pool, PAGES(config_size));
	if (!system_config)
		return -ENOMEM;
	memcpy(system_config, orig, config_size);

	/* the UART first, so that the checker's findings can be seen */
	uart_base = paging_map_device(system_config->debug_console.address,
				      system_config->debug_console.size ?:
				      PAGE_SIZE);
	if (uart_base)
		uart_err = uart_init(&debug_uart,
				     &system_config->debug_console, uart_base);
	if (uart_err == 0)
		printk_set_uart(&debug_uart);

	printk("\nInitializing Jailhouse hypervisor %s on CPU %u\n",
	       JAILHOUSE_VERSION, cpu_id);
	printk("Code location: 0x%lx\n", (unsigned long)hyp_vectors);
	/* otherwise a board whose UART has no driver yet looks dead */
	if (uart_err == -EINVAL)
		printk("Note: no driver for debug console type %u, hypervisor "
		       "output only in the console buffer\n",
		       system_config->debug_console.type);

	if (config_check_system(system_config, config_size, print_config_finding,
				NULL) != 0) {
		printk("ERROR: the system config is invalid\n");
		return -EINVAL;
	}
	/* accepted so that i.MX8QM-style configs run, but say what it means */
	if (system_config->platform_info.iommu_units[0].base)
		printk("Note: IOMMU units in the config are not supported yet: "
		       "DMA of devices passed to cells is NOT isolated\n");

	err = config_cpu_set(&system_config->root_cell, &root_cpus, &beyond);
	if (err) {
		printk("ERROR: the root cell names CPU %llu, but the hypervisor "
		       "supports CPUs 0-%u only\n", beyond, MAX_CPUS - 1);
		return -EINVAL;
	}

	err = arch_init_early();
	if (err)
		return err;

	print_pool_usage("early setup");
	printk("Initializing processors:\n");
	return 0;
}

static int init_late(void)
{
	int err;

	printk("Initializing unit: irqchip\n");
	err = irqchip_init();
	if (err) {
		printk("ERROR: irqchip initialization failed: %d\n", err);
		return err;
	}
	err = root_cell_init();
	if (err) {
		printk("ERROR: root cell initialization failed: %d\n", err);
		return err;
	}
	print_pool_usage("late setup");
	return 0;
}

static int cpu_init(struct per_cpu *cpu_data)
{
	int err;

	/* switches to the hypervisor's tables: from here on the UART works */
	err = arch_cpu_init(cpu_data);
	if (err) {
		printk(" CPU %u... FAILED (%d)\n", cpu_data->cpu_id, err);
		return err;
	}
	if (!jailhouse_cell_has_cpu(&system_config->root_cell,
				    cpu_data->cpu_id)) {
		printk(" CPU %u... not in the root cell\n", cpu_data->cpu_id);
		return -EINVAL;
	}
	printk(" CPU %u... OK\n", cpu_data->cpu_id);
	return 0;
}

void __attribute__((noreturn))
hypervisor_entry(struct trap_context *frame, unsigned long phys_base,
		 unsigned int cpu_id)
{
	struct per_cpu *cpu_data = this_cpu_data();
	bool master = false, irqchip_up = false;
	int err = 0;

	cpu_data->cpu_id = cpu_id;
	cpu_data->entry_ctx = frame;
	cpu_data->power_state = CPU_POWER_ON;

	spin_lock(&setup_lock);
	/* the others gave up on this CPU already: touch nothing */
	err = enable_aborted;
	if (!err) {
		cpus_entered |= cpu_bit(cpu_id);
		if (!setup_master_chosen) {
			setup_master_chosen = true;
			setup_master_cpu = cpu_id;
			master = true;
		}
	}
	spin_unlock(&setup_lock);
	if (err)
		goto exit;

	if (master) {
		err = init_early(phys_base, cpu_id);
		publish(&early_result, err ? err : 1);
	} else {
		err = wait_for_master(&early_result, "early setup");
		if (!err && early_result < 0)
			err = early_result;
	}
	if (err)
		goto exit;

	/* root_cell is not set up yet: check the CPU against the config */
	err = cpu_init(cpu_data);
	arrive(&num_initialized, &cpus_initialized, cpu_id, err);
	err = wait_for_all(&num_initialized, &cpus_initialized,
			   "its CPU setup");
	if (!err)
		err = cpu_init_error;
	if (err)
		goto exit;

	if (master) {
		err = init_late();
		publish(&late_result, err ? err : 1);
	} else {
		err = wait_for_master(&late_result, "the unit setup");
		if (!err && late_result < 0)
			err = late_result;
	}
	if (err)
		goto exit;

	err = irqchip_cpu_init(cpu_data);
	if (err)
		printk("ERROR: CPU %u: irqchip setup failed: %d\n", cpu_id, err);
	else
		irqchip_up = true;
	arrive(&num_irqchip_ready, &cpus_irqchip_ready, cpu_id, err);
	err = wait_for_all(&num_irqchip_ready, &cpus_irqchip_ready,
			   "its interrupt controller setup");
	if (!err)
		err = cpu_init_error;
	if (err)
		goto exit;

	cpu_data->cell = &root_cell;
	if (master) {
		printk("Activating hypervisor\n");
		printk_enable_done();
	}
	arch_cpu_activate(cpu_data);
	/* EL2 faults are recovered from now on (hyp_fault.c) */
	cpu_data->serving = true;
	frame->regs[0] = 0;
	return_to_guest(frame);

exit:
	if (irqchip_up)
		irqchip_cpu_shutdown(cpu_data);
	if (master)
		printk("Jailhouse enable failed: %d\n", err);
	arch_cpu_exit(cpu_data, frame, err, false);
}
