// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions taken at EL2 itself.
 *
 * Two kinds.  A device access the hypervisor performs for a cell
 * (dev_access.S) may fail with an external abort: its address lies in a
 * range of __ex_table, and it goes on at the range's fixup, which makes the
 * access return -EIO; the caller reports it for the cell.  Anything else is
 * a bug of the hypervisor.  It is reported in one line, decoded:
 *
 *   FATAL: hypervisor fault on CPU N (cell "X", <what it was doing>):
 *   <EC name> (<fault status>) at jailhouse.bin+0x.. , FAR 0x..,
 *   LR jailhouse.bin+0x..; <what happens now>
 *
 * (jailhouse.bin+OFFSET is the offset into the image, linked at
 * JAILHOUSE_BASE: `addr2line -e hypervisor/hypervisor.o` takes
 * JAILHOUSE_BASE + OFFSET), and the CPU ends up in a defined state with
 * no lock held:
 *
 *  - Locks.  Every CPU keeps the list of spinlocks it holds
 *    (asm/spinlock.h); the recovery releases them all.  What they
 *    protected may be half updated: that is the price of not waiting for
 *    good, and the cell involved is marked failed so that nobody relies
 *    on it.
 *  - The stack.  Every exit from a guest (trap, hypercall, interrupt
 *    slow path) builds a complete struct trap_context at the top of the
 *    CPU's stack, with ESR_EL2 of the exit in it.  The recovery goes on
 *    from there on a fresh stack (hyp_fault_resume), abandoning every
 *    frame the fault interrupted.
 *  - Then, by what the CPU was doing:
 *    - handling an exit of a non-root cell: the CPU stops as after a
 *      fatal trap (panic_park: it answers park requests, so destroy
 *      works), and its cell is marked failed;
 *    - handling an exit of the root cell: a hypercall returns -EIO
 *      (and the cell a management hypercall worked on is marked
 *      failed), an interrupt is dropped, any other trap is reflected
 *      into Linux like an access the hypervisor refused (external
 *      abort, or undefined instruction);
 *    - parked: it parks again, failed;
 *    - entering or leaving the hypervisor (no guest frame), or a fault
 *      inside the recovery itself: the CPU stops for good (WFI).  The
 *      others do not wait for it for long: every wait at EL2 is bounded.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/utils.h>
#include <jailhouse/format.h>
#include <asm/sysregs.h>
#include <asm/traps.h>

#define FSC_MASK		0x3f
#define FSC_SYNC_EXT_ABORT	0x10
#define FSC_ALIGNMENT		0x21

struct ex_range {
	unsigned long from, to, fixup;
};

/* hypervisor.lds.S */
extern const struct ex_range __ex_table_start[], __ex_table_end[];

void __attribute__((noreturn))
hyp_fault_resume(struct trap_context *frame,
		 void (*next)(struct trap_context *frame));

BUILD_BUG_ON(__builtin_offsetof(struct per_cpu, held_locks) !=
	     PERCPU_HELD_LOCKS);
BUILD_BUG_ON(__builtin_offsetof(struct per_cpu, requests) != PERCPU_REQUESTS);
/* the frame of an exit lies right below the requests */
BUILD_BUG_ON(PERCPU_REQUESTS != PERCPU_STACK_SIZE);

static const struct ex_range *fixup_for(unsigned long pc)
{
	const struct ex_range *range;

	for (range = __ex_table_start; range < __ex_table_end; range++)
		if (pc >= range->from && pc < range->to)
			return range;
	return NULL;
}

static const char *fault_status(u64 esr)
{
	unsigned int ec = ESR_EC(esr), fsc = esr & FSC_MASK;

	if (ec != EC_DABT_CUR && ec != EC_IABT_CUR)
		return "-";
	switch (fsc) {
	case 0x04 ... 0x07: return "translation fault";
	case 0x08 ... 0x0b: return "access flag fault";
	case 0x0c ... 0x0f: return "permission fault";
	case FSC_SYNC_EXT_ABORT: return "external abort";
	case 0x14 ... 0x17: return "external abort on a table walk";
	case FSC_ALIGNMENT: return "alignment fault";
	case 0x30: return "TLB conflict";
	default: return "other fault status";
	}
}

/* "jailhouse.bin+0x1234", or the address itself outside the image */
static void in_image(char *buf, unsigned long size, unsigned long addr)
{
	if (addr >= JAILHOUSE_BASE && addr < (unsigned long)__page_pool)
		snprintf(buf, size, "jailhouse.bin+0x%lx",
			 addr - JAILHOUSE_BASE);
	else
		snprintf(buf, size, "0x%lx", addr);
}

static void doing(char *buf, unsigned long size, struct per_cpu *cpu_data,
		  const struct trap_context *frame)
{
	u64 esr = frame->esr;

	if (!cpu_data->serving)
		snprintf(buf, size, "entering or leaving the hypervisor");
	else if (cpu_data->in_park)
		snprintf(buf, size, "parked");
	else if (esr == TRAP_CTX_ESR_IRQ)
		snprintf(buf, size, "handling an interrupt");
	else if (ESR_EC(esr) == EC_HVC64)
		snprintf(buf, size, "handling hypercall 0x%llx",
			 frame->regs[0]);
	else
		snprintf(buf, size, "handling a trap: %s",
			 ec_name(ESR_EC(esr)));
}

static void report(struct per_cpu *cpu_data, const struct trap_context *fault,
		   const struct trap_context *frame, u64 esr, u64 far,
		   const char *outcome)
{
	char pc[40], lr[40], what[48];

	in_image(pc, sizeof(pc), fault->elr);
	in_image(lr, sizeof(lr), fault->regs[30]);
	doing(what, sizeof(what), cpu_data, frame);
	printk("FATAL: hypervisor fault on CPU %u (cell \"%s\", %s): "
	       "EC 0x%02llx (%s, %s) at %s, FAR 0x%llx, LR %s; %s\n",
	       cpu_data->cpu_id, cpu_data->cell ?
	       cpu_data->cell->config->name : "(none)", what, ESR_EC(esr),
	       ec_name(ESR_EC(esr)), fault_status(esr), pc, far, lr, outcome);
}

static void release_held_locks(void)
{
	struct held_locks *held = this_held_locks();
	unsigned int n;

	/* printk's lock first, with its owner mark */
	printk_fault_release();
	for (n = 0; n < held->count && n < MAX_HELD_LOCKS; n++)
		spin_release(held->lock[n]);
	held->count = 0;
}

static void __attribute__((noreturn)) stop_dead(void)
{
	for (;;)
		asm volatile("wfi");
}

/* A CPU of a non-root cell: stopped, its cell failed. */
static void stop_cell_cpu(struct trap_context *frame)
{
	struct per_cpu *cpu_data = this_cpu_data();

	/* in_hyp_fault stays set until cpu_park(): a fault on the way stops */
	cell_set_failed(cpu_data->cell);
	panic_park();
}

/* A parked CPU: parks again, failed. */
static void park_again(struct trap_context *frame)
{
	struct per_cpu *cpu_data = this_cpu_data();

	spin_lock(&cpu_power_lock);
	cpu_data->failed = true;
	cpu_data->power_state = CPU_POWER_OFF;
	spin_unlock(&cpu_power_lock);
	if (cpu_data->cell != &root_cell)
		cell_set_failed(cpu_data->cell);
	cpu_park(cpu_data);
}

/* A root CPU: its exit ends with an error Linux sees. */
static void root_recover(struct trap_context *frame)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u64 esr = frame->esr;

	if (cpu_data->mgmt_cell) {
		cell_failed_by_request(cpu_data->mgmt_cell);
		cpu_data->mgmt_cell = NULL;
	}
	if (esr == TRAP_CTX_ESR_IRQ)
		;	/* the interrupt is lost; Linux goes on */
	else if (ESR_EC(esr) == EC_HVC64)
		frame->regs[0] = -EIO;	/* ELR_EL2 is past the hvc */
	else
		inject_sync_exception(frame, esr, cpu_data->exit_far);
	cpu_data->in_hyp_fault = false;
	cpu_exit_check_requests(cpu_data);
}

void arch_handle_hyp_fault(struct trap_context *fault)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u64 esr = read_sysreg(esr_el2), far = read_sysreg(far_el2);
	struct trap_context *frame = (struct trap_context *)
		(cpu_data->stack + PERCPU_STACK_SIZE) - 1;
	const struct ex_range *range = fixup_for(fault->elr);

	if (range && ESR_EC(esr) == EC_DABT_CUR) {
		fault->elr = range->fixup;
		return;
	}

	if (cpu_data->in_hyp_fault) {
		printk("FATAL: CPU %u faulted again in the fault recovery "
		       "(EC 0x%02llx at 0x%llx): stopped for good\n",
		       cpu_data->cpu_id, ESR_EC(esr), fault->elr);
		stop_dead();
	}
	cpu_data->in_hyp_fault = true;
	release_held_locks();

	if (!cpu_data->serving || (cpu_data->in_park && cpu_data->failed)) {
		report(cpu_data, fault, frame, esr, far,
		       "CPU stopped for good");
		stop_dead();
	}
	if (cpu_data->in_park) {
		report(cpu_data, fault, frame, esr, far,
		       "CPU parked again, failed");
		hyp_fault_resume(frame, park_again);
	}
	if (cpu_data->cell != &root_cell) {
		report(cpu_data, fault, frame, esr, far,
		       "CPU stopped, cell failed");
		hyp_fault_resume(frame, stop_cell_cpu);
	}
	report(cpu_data, fault, frame, esr, far,
	       frame->esr == TRAP_CTX_ESR_IRQ ? "the interrupt is dropped" :
	       ESR_EC(frame->esr) == EC_HVC64 ?
	       "the hypercall returns -EIO" : "reflected into Linux");
	hyp_fault_resume(frame, root_recover);
}
