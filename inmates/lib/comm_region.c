// SPDX-License-Identifier: GPL-2.0
/*
 * The cell's side of the communication region protocol
 * (<jailhouse/hypercall.h>).
 */
#include <inmate_internal.h>

struct jailhouse_comm_region *const comm_region =
	(struct jailhouse_comm_region *)COMM_REGION_BASE;

bool comm_region_valid(void)
{
	return !memcmp(comm_region->signature, COMM_REGION_MAGIC,
		       sizeof(comm_region->signature)) &&
		comm_region->revision == COMM_REGION_ABI_REVISION;
}

u32 comm_region_poll(void)
{
	u32 msg = comm_region->msg_to_cell;

	switch (msg) {
	case JAILHOUSE_MSG_NONE:
	case JAILHOUSE_MSG_SHUTDOWN_REQUEST:
		break;
	case JAILHOUSE_MSG_RECONFIG_COMPLETED:
		jailhouse_send_reply_from_cell(comm_region,
					       JAILHOUSE_MSG_RECEIVED);
		break;
	default:
		jailhouse_send_reply_from_cell(comm_region,
					       JAILHOUSE_MSG_UNKNOWN);
		break;
	}
	return msg;
}

void inmate_shutdown_approve(void)
{
	jailhouse_send_reply_from_cell(comm_region,
				       JAILHOUSE_MSG_REQUEST_APPROVED);
}

void inmate_shutdown_deny(void)
{
	jailhouse_send_reply_from_cell(comm_region,
				       JAILHOUSE_MSG_REQUEST_DENIED);
}

int inmate_set_cell_state(u32 state)
{
	if (state != JAILHOUSE_CELL_RUNNING &&
	    state != JAILHOUSE_CELL_RUNNING_LOCKED)
		return -1;
	comm_region->cell_state = state;
	return 0;
}

void inmate_idle_until_shutdown(void)
{
	for (;;) {
		wait_for_interrupt();
		if (comm_region_poll() == JAILHOUSE_MSG_SHUTDOWN_REQUEST) {
			timer_stop();
			printk("Shutdown request received, stopping.\n");
			inmate_shutdown_approve();
			return;
		}
	}
}
