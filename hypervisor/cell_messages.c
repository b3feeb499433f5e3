// SPDX-License-Identifier: GPL-2.0
/*
 * The comm region of a non-root cell, from the hypervisor's side: what it
 * holds when the cell starts, the cell state the cell reports there, and
 * the messages the root's requests send through it (shutdown request,
 * reconfiguration done) with the wait for the cell's reply.  Used by the
 * cell life cycle (cell_control.c), under cell_lock.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/cell_lifecycle.h>
#include <jailhouse/control.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

/* msg_reply_timeout 0: about one second of polls */
#define DEFAULT_REPLY_POLLS	1000000
/* one poll of a cell's reply every microsecond */
#define REPLY_POLL_US		1

/*
 * The comm region is shared with a cell that may run with its MMU off,
 * i.e. uncached: every access goes to the point of coherency.
 */
#define comm_read(comm, field) ({					\
	arch_dcache_clean_inval((comm), sizeof(*(comm)));		\
	(comm)->field;							\
})

u32 cell_state(struct cell *cell)
{
	return comm_read(cell->comm_page, cell_state);
}

void set_cell_state(struct cell *cell, u32 state)
{
	cell->comm_page->cell_state = state;
	arch_dcache_clean_inval(cell->comm_page, sizeof(*cell->comm_page));
}

/*
 * As in Jailhouse, a cell that wrote a value of its own into cell_state
 * still runs: it gets messages (and the reply timeout) like any other.
 */
bool cell_is_running(struct cell *cell)
{
	u32 state = cell_state(cell);

	return state != JAILHOUSE_CELL_SHUT_DOWN &&
		state != JAILHOUSE_CELL_FAILED &&
		state != JAILHOUSE_CELL_FAILED_COMM_REV;
}

/*
 * Send msg and wait for the reply.  Returns false only if the cell denied
 * a shutdown request.  A cell with a passive comm region, or one that
 * cannot answer (not running), counts as agreeing; one that does not
 * answer within msg_reply_timeout polls (CPU_WAIT_TIMEOUT_S at most) is
 * marked FAILED.
 */
bool cell_send_message(struct cell *cell, u32 msg)
{
	struct jailhouse_comm_region *comm = cell->comm_page;
	unsigned long polls, timeout = cell->config->msg_reply_timeout;
	u64 start = arch_counter_ticks();
	u32 reply;

	if (cell->config->flags & JAILHOUSE_CELL_PASSIVE_COMMREG)
		return true;
	if (!cell_is_running(cell))
		return true;
	if (!timeout)
		timeout = DEFAULT_REPLY_POLLS;

	jailhouse_send_msg_to_cell(comm, msg);
	arch_dcache_clean_inval(comm, sizeof(*comm));

	/* a config's msg_reply_timeout never keeps the root CPU longer */
	for (polls = 0; polls < timeout && !cpu_wait_expired(start); polls++) {
		if (!cell_is_running(cell))
			return true;
		reply = comm_read(comm, reply_from_cell);
		if (reply != JAILHOUSE_MSG_NONE) {
			if (msg != JAILHOUSE_MSG_SHUTDOWN_REQUEST)
				return true;
			if (reply == JAILHOUSE_MSG_REQUEST_APPROVED)
				return true;
			printk("Cell \"%s\" %s the shutdown request\n",
			       cell->config->name,
			       reply == JAILHOUSE_MSG_REQUEST_DENIED ?
			       "denied" : "did not understand");
			return false;
		}
		arch_delay_us(REPLY_POLL_US);
	}
	printk("Cell \"%s\" did not reply to message %u within %lu polls: "
	       "marked failed\n", cell->config->name, msg, polls);
	set_cell_state(cell, JAILHOUSE_CELL_FAILED);
	return true;
}

/* Tell the running cells (except one) that the set of cells changed. */
void cells_reconfig_completed(struct cell *except)
{
	struct cell *cell;

	for (cell = cell_list; cell; cell = cell->next)
		if (cell != except)
			cell_send_message(cell,
					  JAILHOUSE_MSG_RECONFIG_COMPLETED);
}

bool any_cell_locked(struct cell *except)
{
	struct cell *cell;

	for (cell = cell_list; cell; cell = cell->next) {
		if (cell == except ||
		    cell_state(cell) != JAILHOUSE_CELL_RUNNING_LOCKED)
			continue;
		printk("Cell \"%s\" is locked: no cell can be created or "
		       "destroyed\n", cell->config->name);
		return true;
	}
	return false;
}

void fill_comm_region(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	struct jailhouse_comm_region *comm = cell->comm_page;

	memset(comm, 0, PAGE_SIZE);
	memcpy(comm->signature, COMM_REGION_MAGIC, sizeof(comm->signature));
	comm->revision = COMM_REGION_ABI_REVISION;
	comm->cell_state = JAILHOUSE_CELL_RUNNING;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(desc->flags))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(desc->flags))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE;
	comm->console = desc->console;
	comm->pci_mmconfig_base =
		system_config->platform_info.pci_mmconfig_base;
	comm->gic_version = system_config->platform_info.arm.gic_version;
	comm->gicd_base = system_config->platform_info.arm.gicd_base;
	comm->gicc_base = system_config->platform_info.arm.gicc_base;
	comm->gicr_base = system_config->platform_info.arm.gicr_base;
	comm->vpci_irq_base = desc->vpci_irq_base;
	arch_dcache_clean_inval(comm, PAGE_SIZE);
}
