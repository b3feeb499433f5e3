// SPDX-License-Identifier: GPL-2.0
/*
 * `jailhouse ipc stats` and `jailhouse ipc monitor`: the root reading a
 * cell's IPC ring.  Rates are measured in the producer's time (the ts_ms
 * of the messages), so a busy root does not skew them; lost messages show
 * as gaps in the sequence numbers.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adas_tools.h"
#include "ipc_link.h"

/* how often the root looks into the ring: 64 slots last 200 ms at 310/s */
#define POLL_US		5000

struct type_stats {
	unsigned int count;
	u32 first_ts, last_ts;
};

struct window {
	struct type_stats type[IPC_MSG_TYPE_MAX + 1];
	unsigned int other, bad, lost, backlog;
	u32 overflows0, errors0, heartbeat0;
	u32 last_seq;
	bool have_seq;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig __attribute__((unused)))
{
	stop = 1;
}

static void account(struct window *win, const struct ipc_msg *msg)
{
	struct type_stats *ts;

	if (win->have_seq && msg->seq != win->last_seq + 1)
		win->lost += msg->seq - win->last_seq - 1;
	win->last_seq = msg->seq;
	win->have_seq = true;
	if (msg->type == 0 || msg->type > IPC_MSG_TYPE_MAX) {
		win->other++;
		return;
	}
	ts = &win->type[msg->type];
	if (!ts->count)
		ts->first_ts = msg->ts_ms;
	ts->last_ts = msg->ts_ms;
	ts->count++;
}

/*
 * Reads what is in the ring and counts it into the window, except for the
 * first `skip' messages, which are only counted as backlog.  Returns -1 if
 * the ring became invalid.
 */
static int drain(struct ipc_link *link, struct window *win, u32 skip)
{
	enum ipc_ring_status status;
	struct ipc_msg msg;

	if (ipc_ring_check(link->peer_ep, link->section_size) != IPC_RING_OK)
		return -1;
	while ((status = ipc_ring_receive(link->peer_ep, link->me, &msg)) !=
	       IPC_RING_EMPTY) {
		if (skip) {
			skip--;
			win->backlog++;
			continue;
		}
		if (status != IPC_RING_OK) {
			win->bad++;
			continue;
		}
		account(win, &msg);
	}
	return 0;
}

static void print_window(struct ipc_link *link, const struct window *win,
			 double seconds)
{
	volatile struct ipc_endpoint *peer = link->peer_ep;
	u32 overflows = ipc_load(&peer->overflows);
	u32 errors = ipc_load(&link->me->errors);
	u32 heartbeat = ipc_load(&peer->heartbeat);
	const struct type_stats *ts;
	unsigned int t;
	double hz;

	printf("%s (%s, %s, peer %u): ring %u/%u used, %u slots of %u "
	       "bytes\n", link->peer_name, link->dev, link->pci, link->peer,
	       ipc_ring_used(peer, link->me), IPC_RING_SLOTS, IPC_RING_SLOTS,
	       IPC_RING_SLOT_SIZE);
	printf("  heartbeat %u (+%u in %.1f s, period %u ms), uptime %u ms\n",
	       heartbeat, heartbeat - win->heartbeat0, seconds,
	       ipc_load(&peer->heartbeat_ms), ipc_load(&peer->uptime_ms));
	printf("  overflows %u (+%u), errors %u (+%u), lost %u, bad %u, "
	       "backlog %u\n", overflows, overflows - win->overflows0, errors,
	       errors - win->errors0, win->lost, win->bad + win->other,
	       win->backlog);
	for (t = 1; t <= IPC_MSG_TYPE_MAX; t++) {
		ts = &win->type[t];
		hz = 0;
		if (ts->count > 1 && ts->last_ts != ts->first_ts)
			hz = (ts->count - 1) * 1000.0 /
				(u32)(ts->last_ts - ts->first_ts);
		printf("  %-11s %6u msgs %8.1f Hz\n", ipc_msg_type_name(t),
		       ts->count, hz);
	}
	fflush(stdout);
}

static int open_reader(struct ipc_link *link, const char *target,
		       const char *what)
{
	if (ipc_link_open(link, target, what))
		return -1;
	if (ipc_link_check(link, what) != IPC_RING_OK ||
	    ipc_link_lock(link, IPC_LOCK_READER, what)) {
		ipc_link_close(link);
		return -1;
	}
	ipc_link_attach(link);
	return 0;
}

static const char stats_usage[] =
	"usage: jailhouse ipc stats [-w] [-i SECONDS] [-n COUNT] [-p US] "
	"{ CELL | /dev/uioN }\n"
	"\n"
	"Reads the cell's IPC ring for SECONDS (default 3) and prints, per\n"
	"message type, the count and the rate in the cell's time, the ring\n"
	"fill, overflows, errors, lost messages and heartbeat progress.\n"
	"-w repeats like top until interrupted (or COUNT times); -p: poll\n"
	"the ring every US microseconds (default 5000).\n";

int ipc_stats_main(int argc, char *argv[])
{
	unsigned int rounds = 1, round, poll_us = POLL_US;
	double seconds = 3;
	struct ipc_link link;
	bool watch = false;
	unsigned long long start;
	struct window win;
	int opt;

	while ((opt = getopt(argc, argv, "+wi:n:p:h")) != -1) {
		switch (opt) {
		case 'p':
			poll_us = strtoul(optarg, NULL, 0);
			break;
		case 'w':
			watch = true;
			rounds = 0;
			break;
		case 'i':
			seconds = atof(optarg);
			if (seconds < 0.1 || seconds > 3600) {
				fprintf(stderr, "jailhouse ipc stats: invalid "
					"interval \"%s\" (0.1 to 3600 s)\n",
					optarg);
				return 2;
			}
			break;
		case 'n':
			rounds = strtoul(optarg, NULL, 0);
			break;
		case 'h':
			fputs(stats_usage, stdout);
			return 0;
		default:
			fputs(stats_usage, stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fputs(stats_usage, stderr);
		return 2;
	}
	if (open_reader(&link, argv[optind], "stats"))
		return 1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	for (round = 0; !stop && (!rounds || round < rounds); round++) {
		memset(&win, 0, sizeof(win));
		/*
		 * What piled up before is not part of the rates: the ring's
		 * fill now, not whatever the cell adds while it is read.  The
		 * counters are taken after it, so that a full ring's
		 * overflows up to here are not counted in the window either.
		 */
		if (drain(&link, &win, ipc_ring_used(link.peer_ep, link.me)))
			break;
		win.overflows0 = ipc_load(&link.peer_ep->overflows);
		win.errors0 = ipc_load(&link.me->errors);
		win.heartbeat0 = ipc_load(&link.peer_ep->heartbeat);
		start = ipc_now_us();
		while (!stop && ipc_now_us() - start < seconds * 1e6) {
			usleep(poll_us);
			if (drain(&link, &win, 0))
				break;
		}
		if (ipc_link_check(&link, "stats") != IPC_RING_OK)
			break;
		if (watch)
			printf("\033[H\033[2J");
		print_window(&link, &win, (ipc_now_us() - start) / 1e6);
	}
	round = ipc_ring_check(link.peer_ep, link.section_size) != IPC_RING_OK;
	ipc_link_close(&link);
	return round;
}

static void print_msg(const struct ipc_msg *msg)
{
	const u8 *d = msg->data;
	unsigned int n;

	printf("%10u ms #%-7u %-10s ", msg->ts_ms, msg->seq,
	       ipc_msg_type_name(msg->type));
	switch (msg->type) {
	case IPC_MSG_SENSOR_IMU:
		if (msg->len >= 28) {
			printf("accel %d %d %d gyro %d %d %d sample %u",
			       (int)ipc_get_u32(d), (int)ipc_get_u32(d + 4),
			       (int)ipc_get_u32(d + 8), (int)ipc_get_u32(d + 12),
			       (int)ipc_get_u32(d + 16), (int)ipc_get_u32(d + 20),
			       ipc_get_u32(d + 24));
			break;
		}
		goto hex;
	case IPC_MSG_SENSOR_CAN:
		if (msg->len >= 16) {
			printf("id 0x%03x dlc %u data", ipc_get_u32(d),
			       ipc_get_u32(d + 4));
			for (n = 0; n < 8; n++)
				printf(" %02x", d[8 + n]);
			break;
		}
		goto hex;
	case IPC_MSG_HEARTBEAT:
		if (msg->len >= 4) {
			printf("%u", ipc_get_u32(d));
			break;
		}
		goto hex;
	case IPC_MSG_LOG:
		printf("\"%.*s\"", (int)msg->len, (const char *)d);
		break;
	case IPC_MSG_STATUS:
		if (msg->len >= 24) {
			printf("uptime %u ms, rates imu %u can %u heartbeat %u "
			       "status %u Hz, overflows %u", ipc_get_u32(d),
			       ipc_get_u32(d + 4), ipc_get_u32(d + 8),
			       ipc_get_u32(d + 12), ipc_get_u32(d + 16),
			       ipc_get_u32(d + 20));
			break;
		}
		goto hex;
	case IPC_MSG_COMMAND:
		if (msg->len >= 8) {
			printf("%s %s arg %u value %u%s%s",
			       d[0] & IPC_CMD_REPLY ? "reply to" : "command",
			       ipc_cmd_name(d[0] & ~IPC_CMD_REPLY), d[1],
			       ipc_get_u32(d + 4),
			       d[0] & IPC_CMD_REPLY ? ", status " : "",
			       d[0] & IPC_CMD_REPLY ?
			       (d[2] == IPC_CMD_OK ? "ok" : "invalid") : "");
			break;
		}
		/* fall through */
	default:
hex:
		printf("len %u:", msg->len);
		for (n = 0; n < msg->len && n < 32; n++)
			printf(" %02x", d[n]);
	}
	printf("\n");
}

static const char monitor_usage[] =
	"usage: jailhouse ipc monitor [-n COUNT] [-t SECONDS] [-T TYPE] "
	"{ CELL | /dev/uioN }\n"
	"\n"
	"Prints the cell's messages decoded as they come, until interrupted,\n"
	"COUNT messages or SECONDS have passed; -T: only that type (1-6 or\n"
	"a name: imu, can, command, heartbeat, log, status).\n";

int ipc_monitor_main(int argc, char *argv[])
{
	unsigned long long start, limit_us = 0;
	unsigned int count = 0, limit = 0;
	enum ipc_ring_status status;
	int opt, type = 0, rc = 0;
	struct ipc_link link;
	struct ipc_msg msg;

	while ((opt = getopt(argc, argv, "+n:t:T:h")) != -1) {
		switch (opt) {
		case 'n':
			limit = strtoul(optarg, NULL, 0);
			break;
		case 't':
			limit_us = atof(optarg) * 1e6;
			break;
		case 'T':
			type = ipc_parse_type(optarg);
			if (type < 0) {
				fprintf(stderr, "jailhouse ipc monitor: unknown "
					"message type \"%s\"\n", optarg);
				return 2;
			}
			break;
		case 'h':
			fputs(monitor_usage, stdout);
			return 0;
		default:
			fputs(monitor_usage, stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fputs(monitor_usage, stderr);
		return 2;
	}
	if (open_reader(&link, argv[optind], "monitor"))
		return 1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	setvbuf(stdout, NULL, _IOLBF, 0);

	start = ipc_now_us();
	while (!stop && (!limit || count < limit) &&
	       (!limit_us || ipc_now_us() - start < limit_us)) {
		if (ipc_link_check(&link, "monitor") != IPC_RING_OK) {
			rc = 1;
			break;
		}
		status = ipc_ring_receive(link.peer_ep, link.me, &msg);
		if (status == IPC_RING_EMPTY) {
			usleep(POLL_US);
			continue;
		}
		if (status != IPC_RING_OK) {
			printf("(%s)\n", ipc_ring_strerror(status));
			continue;
		}
		if (type && msg.type != (u32)type)
			continue;
		print_msg(&msg);
		count++;
	}
	ipc_link_close(&link);
	return rc;
}
