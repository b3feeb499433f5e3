// SPDX-License-Identifier: GPL-2.0
/*
 * The real-time "ADAS" cell of the i.MX8QM mixed-criticality scenario:
 * publishes fake sensor data to the root over an IPC ring
 * (include/jailhouse/ipc_ring.h, Documentation/ipc-ring.md) in its ivshmem
 * output section - IMU at 100 Hz, CAN at 200 Hz, heartbeat at 10 Hz,
 * status at 1 Hz - and obeys the COMMAND messages the root puts into its
 * own ring: change a rate, ping, log level, stop/start the heartbeat (as
 * if its task hung: the root's health check must notice).
 * Every command is answered.  It asks the root for a doorbell, so commands
 * are handled at once, not at the next tick.
 *
 * Written against the RTOS hooks (rtos_hooks.h) only: a 1 kHz tick from the
 * virtual timer, the yield SGI from the tick when a task is due, the IRQ
 * table for the ivshmem interrupt.  The tasks run in the main loop ("task
 * context"), as they would as RTOS tasks.
 *
 * Command line (cell load -s "..." -a 0x1000):
 *   name=NAME    the name in its endpoint (default adas-demo)
 *   imu=HZ can=HZ heartbeat=HZ status=HZ   start rates (0: off)
 *   log=LEVEL    0 quiet, 1 commands (default), 2 more, 3 every status
 *   bar=ADDR     where to put the register BAR (default 0xff000000)
 *   garbage      write garbage into its ring header after set-up (tests:
 *                the root must refuse the ring)
 *   flood        benchmark: instead of the periodic tasks, IMU messages as
 *                fast as the root takes them (the heartbeat stays)
 */
#include <inmate.h>
#include <rtos_hooks.h>
#include <jailhouse/ipc_ring.h>

#define DEFAULT_BAR		0xff000000UL
#define TICK_HZ			1000
#define MAX_RATE_HZ		TICK_HZ

enum task_id { TASK_IMU, TASK_CAN, TASK_HEARTBEAT, TASK_STATUS, NUM_TASKS };

struct task {
	u32 type;
	const char *name;
	u32 hz;
	u64 next_us;	/* deadline, advanced by whole periods */
	u32 count;
};

static struct task tasks[NUM_TASKS] = {
	[TASK_IMU] = { IPC_MSG_SENSOR_IMU, "imu", 100 },
	[TASK_CAN] = { IPC_MSG_SENSOR_CAN, "can", 200 },
	[TASK_HEARTBEAT] = { IPC_MSG_HEARTBEAT, "heartbeat", 10 },
	[TASK_STATUS] = { IPC_MSG_STATUS, "status", 1 },
};

static struct ivshmem_device dev;
static volatile struct ipc_endpoint *me, *root;
static unsigned long section_size;
static volatile bool work_due;
/* the earliest deadline of all tasks, for the tick */
static volatile u64 next_due_us = ~0ULL;
static volatile unsigned int doorbells;
static u32 log_level = 1;
static bool flood;

static void send(u32 type, const void *data, u32 len)
{
	ipc_ring_send(me, root, section_size, type, rtos_time_ms(), data,
		      len);
	/* the root asked for a doorbell: ring it */
	if (ipc_ring_check(root, section_size) == IPC_RING_OK &&
	    ipc_load(&root->doorbell))
		ivshmem_ring(&dev, root->peer_id, 0);
}

static void log_msg(u32 level, const char *fmt, ...)
{
	char text[IPC_RING_DATA_MAX + 1];
	va_list ap;
	int len;

	if (level > log_level)
		return;
	va_start(ap, fmt);
	len = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (len > IPC_RING_DATA_MAX)
		len = IPC_RING_DATA_MAX;
	printk("ADAS: %s\n", text);
	send(IPC_MSG_LOG, text, len);
}

static void set_rate(struct task *task, u32 hz)
{
	task->hz = hz;
	task->next_us = rtos_time_us() + (hz ? 1000000 / hz : 0);
	if (task->next_us < next_due_us)
		next_due_us = task->next_us;
	if (task == &tasks[TASK_HEARTBEAT])
		ipc_store(&me->heartbeat_ms, hz ? 1000 / hz : 0);
}

static void run_task(struct task *task, u32 now_ms)
{
	u8 data[IPC_RING_DATA_MAX];
	u32 len = 0, n, c = task->count;

	switch (task->type) {
	case IPC_MSG_SENSOR_IMU:
		/* accel x/y/z (mg), gyro x/y/z (mdps): a slow wobble */
		for (n = 0; n < 6; n++)
			ipc_put_u32(data + 4 * n, (c * (n + 1)) % 2001 - 1000);
		ipc_put_u32(data + 24, c);
		len = 28;
		break;
	case IPC_MSG_SENSOR_CAN:
		/* CAN ID, DLC, 8 data bytes */
		ipc_put_u32(data, 0x100 + c % 4);
		ipc_put_u32(data + 4, 8);
		for (n = 0; n < 8; n++)
			data[8 + n] = c >> (n % 4 * 8);
		len = 16;
		break;
	case IPC_MSG_HEARTBEAT:
		ipc_store(&me->heartbeat, ipc_load(&me->heartbeat) + 1);
		ipc_put_u32(data, ipc_load(&me->heartbeat));
		len = 4;
		break;
	case IPC_MSG_STATUS:
		ipc_put_u32(data, now_ms);
		for (n = 0; n < NUM_TASKS; n++)
			ipc_put_u32(data + 4 + 4 * n, tasks[n].hz);
		ipc_put_u32(data + 20, ipc_load(&me->overflows));
		len = 24;
		if (log_level >= 3)
			printk("ADAS: status at %u ms, %u overflows\n", now_ms,
			       ipc_load(&me->overflows));
		break;
	}
	task->count++;
	send(task->type, data, len);
}

static void run_due_tasks(void)
{
	u64 now = rtos_time_us();
	struct task *task;
	unsigned int n;

	u64 earliest = ~0ULL;

	ipc_store(&me->uptime_ms, now / 1000);
	for (n = 0; n < NUM_TASKS; n++) {
		task = &tasks[n];
		/* catch up whole periods, as many as were missed */
		while (task->hz && now >= task->next_us) {
			task->next_us += 1000000 / task->hz;
			run_task(task, now / 1000);
		}
		if (task->hz && task->next_us < earliest)
			earliest = task->next_us;
	}
	next_due_us = earliest;
}

static struct task *task_of_type(u32 type)
{
	unsigned int n;

	for (n = 0; n < NUM_TASKS; n++)
		if (tasks[n].type == type)
			return &tasks[n];
	return NULL;
}

static void reply(const struct ipc_msg *cmd, u8 status)
{
	u8 data[8] = { cmd->data[0] | IPC_CMD_REPLY, cmd->data[1], status };

	ipc_put_u32(data + 4, ipc_get_u32(cmd->data + 4));
	send(IPC_MSG_COMMAND, data, sizeof(data));
}

static void handle_command(const struct ipc_msg *cmd)
{
	u32 value = ipc_get_u32(cmd->data + 4);
	struct task *task;

	if (cmd->type != IPC_MSG_COMMAND || cmd->len < 8) {
		log_msg(1, "ignored a message of type %u, length %u",
			cmd->type, cmd->len);
		return;
	}
	switch (cmd->data[0]) {
	case IPC_CMD_SET_RATE:
		task = task_of_type(cmd->data[1]);
		if (!task || value > MAX_RATE_HZ) {
			reply(cmd, IPC_CMD_EINVAL);
			log_msg(1, "refused rate %u Hz for type %u", value,
				cmd->data[1]);
			return;
		}
		set_rate(task, value);
		reply(cmd, IPC_CMD_OK);
		log_msg(1, "rate of %s set to %u Hz", task->name, value);
		return;
	case IPC_CMD_PING:
		reply(cmd, IPC_CMD_OK);
		log_msg(2, "ping %u answered", value);
		return;
	case IPC_CMD_LOG_LEVEL:
		if (cmd->data[1] > 3) {
			reply(cmd, IPC_CMD_EINVAL);
			return;
		}
		log_level = cmd->data[1];
		ipc_store(&me->log_level, log_level);
		reply(cmd, IPC_CMD_OK);
		log_msg(1, "log level %u", log_level);
		return;
	case IPC_CMD_HEARTBEAT:
		if (cmd->data[1] > 1) {
			reply(cmd, IPC_CMD_EINVAL);
			return;
		}
		/*
		 * Stopping leaves the announced period alone: to the root
		 * this is a heartbeat task that hangs, unlike "rate
		 * heartbeat 0", which announces that there is none.
		 */
		if (cmd->data[1])
			set_rate(&tasks[TASK_HEARTBEAT], 10);
		else
			tasks[TASK_HEARTBEAT].hz = 0;
		reply(cmd, IPC_CMD_OK);
		log_msg(1, "heartbeat %s", cmd->data[1] ? "started" :
			"stopped");
		return;
	}
	reply(cmd, IPC_CMD_EINVAL);
	log_msg(1, "unknown command 0x%x", cmd->data[0]);
}

static void poll_commands(void)
{
	static enum ipc_ring_status last_check = IPC_RING_UNSET;
	enum ipc_ring_status status;
	struct ipc_msg cmd;

	status = ipc_ring_check(root, section_size);
	if (status != last_check && status == IPC_RING_OK)
		printk("ADAS: the root attached to the ring\n");
	else if (status != last_check && status != IPC_RING_UNSET)
		printk("ADAS: root ring refused: %s\n",
		       ipc_ring_strerror(status));
	last_check = status;
	if (status != IPC_RING_OK)
		return;
	while ((status = ipc_ring_receive(root, me, &cmd)) != IPC_RING_EMPTY)
		if (status == IPC_RING_OK)
			handle_command(&cmd);
}

/*
 * As many IMU messages as the ring takes, then wait for the root's tail to
 * move: an exclusive load of it arms the monitor, whose loss (the root's
 * store) is an event that ends the wfe, as does any interrupt.
 */
static void flood_ring(void)
{
	volatile u32 *tail = &root->tail;
	u32 seen;

	if (ipc_ring_check(root, section_size) != IPC_RING_OK)
		return;
	while ((u32)(ipc_load(&me->head) - ipc_load_acquire(tail)) <
	       IPC_RING_SLOTS)
		run_task(&tasks[TASK_IMU], rtos_time_ms());
	asm volatile("ldaxr %w0, [%1]" : "=r" (seen) : "r" (tail) : "memory");
	if ((u32)(ipc_load(&me->head) - seen) >= IPC_RING_SLOTS)
		asm volatile("wfe" : : : "memory");
}

static void tick(void)
{
	/* a task is due: switch to "task context", as an RTOS would */
	if (!work_due && rtos_time_us() >= next_due_us) {
		work_due = true;
		rtos_yield();
	}
}

static void yield(void)
{
}

static void ivshmem_irq(unsigned int irq, void *arg)
{
	doorbells++;
}

static void set_up_rates(void)
{
	static const char *const names[NUM_TASKS] = {
		"imu", "can", "heartbeat", "status"
	};
	long long hz;
	unsigned int n;

	for (n = 0; n < NUM_TASKS; n++) {
		hz = cmdline_parse_int(names[n], tasks[n].hz);
		set_rate(&tasks[n], hz >= 0 && hz <= MAX_RATE_HZ ? hz :
			 tasks[n].hz);
	}
}

void inmate_main(void)
{
	unsigned long bar = cmdline_parse_int("bar", DEFAULT_BAR);
	char name[IPC_RING_NAME_LEN];
	u32 peer;

	cmdline_parse_str("name", name, sizeof(name), "adas-demo");
	log_level = cmdline_parse_int("log", 1);
	if (rtos_irq_init() || pci_init()) {
		printk("ADAS: no interrupt controller or PCI, stopping\n");
		return;
	}
	if (ivshmem_setup(&dev, 0, bar))
		return;
	section_size = dev.output_section_size;
	if (dev.max_peers != 2 || dev.id > 1 ||
	    section_size < IPC_RING_ENDPOINT_SIZE) {
		printk("ADAS: ivshmem link with %u peers, output sections of "
		       "0x%lx bytes: need 2 peers and 0x%x bytes\n",
		       dev.max_peers, section_size, IPC_RING_ENDPOINT_SIZE);
		return;
	}
	peer = dev.id ^ 1;
	me = ivshmem_output_section(&dev, dev.id);
	root = ivshmem_output_section(&dev, peer);
	ipc_ring_init(me, root, section_size, dev.id, name);
	/* commands should not wait for the next tick */
	ipc_store(&me->doorbell, 1);
	ipc_store(&me->log_level, log_level);

	if (dev.irq)
		rtos_irq_register(dev.irq, ivshmem_irq, NULL);
	ivshmem_enable_irq(&dev, true);
	ivshmem_set_state(&dev, 1);
	rtos_set_yield_handler(yield);
	if (rtos_tick_start(TICK_HZ, tick)) {
		printk("ADAS: no tick\n");
		return;
	}
	set_up_rates();
	printk("ADAS: %s is peer %u of 2 on %02x:%02x.%x, ring at 0x%lx, "
	       "rates imu %u can %u heartbeat %u status %u Hz\n", name,
	       dev.id, dev.bdf >> 8, (dev.bdf >> 3) & 0x1f, dev.bdf & 7,
	       (unsigned long)me, tasks[TASK_IMU].hz, tasks[TASK_CAN].hz,
	       tasks[TASK_HEARTBEAT].hz, tasks[TASK_STATUS].hz);

	flood = cmdline_parse_bool("flood", false);
	if (flood) {
		set_rate(&tasks[TASK_IMU], 0);
		set_rate(&tasks[TASK_CAN], 0);
		set_rate(&tasks[TASK_STATUS], 0);
	}
	if (cmdline_parse_bool("garbage", false)) {
		me->version = 0xbad;
		me->slots = 1000;
		printk("ADAS: wrote garbage into the ring header\n");
	}

	while (1) {
		if (comm_region_poll() == JAILHOUSE_MSG_SHUTDOWN_REQUEST) {
			printk("ADAS: shutting down\n");
			ivshmem_set_state(&dev, 0);
			rtos_tick_stop();
			inmate_shutdown_approve();
			inmate_halt();
		}
		asm volatile("msr daifset, #2" : : : "memory");
		work_due = false;
		asm volatile("msr daifclr, #2" : : : "memory");
		poll_commands();
		run_due_tasks();
		if (flood)
			flood_ring();
		asm volatile("msr daifset, #2" : : : "memory");
		if (!work_due && !flood)
			wait_for_interrupt();
		asm volatile("msr daifclr, #2" : : : "memory");
	}
}
