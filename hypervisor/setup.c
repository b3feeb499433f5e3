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
/* 0 while running, then 1 on success or -errno */
static volatile int early_result, late_result;
static volatile int cpu_init_error;
static volatile unsigned int cpus_initialized, cpus_irqchip_ready;

static void wait_while_zero(volatile int *result)
{
	while (!*result)
		arch_wait_for_event();
	memory_barrier();
}

static void wait_for_count(volatile unsigned int *counter, unsigned int n)
{
	while (*counter < n)
		arch_wait_for_event();
	memory_barrier();
}

static void publish(volatile int *result, int value)
{
	memory_barrier();
	*result = value;
	arch_send_event();
}

static void arrive(volatile unsigned int *counter, int err)
{
	spin_lock(&setup_lock);
	if (err && !cpu_init_error)
		cpu_init_error = err;
	(*counter)++;
	spin_unlock(&setup_lock);
	arch_send_event();
}

void print_config_finding(void *ctx, const struct config_check_finding *f)
{
	printk("%s: config: %s: %s[%d] %s (0x%llx-0x%llx)\n",
	       f->severity == CC_ERROR ? "ERROR" : "WARNING", f->cell,
	       f->array, f->index, f->what, f->start, f->end);
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
	u64 root_cpus, beyond;
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

	if (!jailhouse_cell_has_cpu(&system_config->root_cell,
				    cpu_data->cpu_id)) {
		printk(" CPU %u... not in the root cell\n", cpu_data->cpu_id);
		return -EINVAL;
	}
	err = arch_cpu_init(cpu_data);
	if (err) {
		printk(" CPU %u... FAILED (%d)\n", cpu_data->cpu_id, err);
		return err;
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
	if (!setup_master_chosen) {
		setup_master_chosen = true;
		master = true;
	}
	spin_unlock(&setup_lock);

	if (master) {
		err = init_early(phys_base, cpu_id);
		publish(&early_result, err ? err : 1);
	} else {
		wait_while_zero(&early_result);
	}
	if (early_result < 0) {
		err = early_result;
		goto exit;
	}

	/* root_cell is not set up yet: check the CPU against the config */
	err = cpu_init(cpu_data);
	arrive(&cpus_initialized, err);
	wait_for_count(&cpus_initialized, hypervisor_online_cpus);
	if (cpu_init_error) {
		err = cpu_init_error;
		goto exit;
	}

	if (master) {
		err = init_late();
		publish(&late_result, err ? err : 1);
	} else {
		wait_while_zero(&late_result);
	}
	if (late_result < 0) {
		err = late_result;
		goto exit;
	}

	err = irqchip_cpu_init(cpu_data);
	if (err)
		printk("ERROR: CPU %u: irqchip setup failed: %d\n", cpu_id, err);
	else
		irqchip_up = true;
	arrive(&cpus_irqchip_ready, err);
	wait_for_count(&cpus_irqchip_ready, hypervisor_online_cpus);
	if (cpu_init_error) {
		err = cpu_init_error;
		goto exit;
	}

	cpu_data->cell = &root_cell;
	if (master)
		printk("Activating hypervisor\n");
	arch_cpu_activate(cpu_data);
	frame->regs[0] = 0;
	return_to_guest(frame);

exit:
	if (irqchip_up)
		irqchip_cpu_shutdown(cpu_data);
	if (master)
		printk("Jailhouse enable failed: %d\n", err);
	arch_cpu_exit(cpu_data, frame, err, false);
}
