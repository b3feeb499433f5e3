// SPDX-License-Identifier: GPL-2.0
/*
 * `jailhouse ipc send`: one COMMAND into the root's ring to a cell, the
 * doorbell if the cell asked for one, and the cell's reply awaited (it is
 * read from the cell's ring, so a concurrent reader makes us skip that).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "adas_tools.h"
#include "ipc_link.h"

static const struct {
	const char *name;
	unsigned int type;
} type_names[] = {
	{ "imu", IPC_MSG_SENSOR_IMU }, { "can", IPC_MSG_SENSOR_CAN },
	{ "command", IPC_MSG_COMMAND }, { "heartbeat", IPC_MSG_HEARTBEAT },
	{ "log", IPC_MSG_LOG }, { "status", IPC_MSG_STATUS },
};

int ipc_parse_type(const char *name)
{
	unsigned int n;
	char *end;
	long value;

	for (n = 0; n < sizeof(type_names) / sizeof(type_names[0]); n++)
		if (!strcasecmp(name, type_names[n].name) ||
		    !strcasecmp(name, ipc_msg_type_name(type_names[n].type)))
			return type_names[n].type;
	value = strtol(name, &end, 0);
	if (*name && !*end && value >= 1 && value <= IPC_MSG_TYPE_MAX)
		return value;
	return -1;
}

const char *ipc_cmd_name(unsigned int opcode)
{
	switch (opcode) {
	case IPC_CMD_SET_RATE: return "set-rate";
	case IPC_CMD_PING: return "ping";
	case IPC_CMD_LOG_LEVEL: return "log-level";
	case IPC_CMD_HEARTBEAT: return "heartbeat";
	}
	return "unknown";
}

static const char send_usage[] =
	"usage: jailhouse ipc send [-t MS] [-q] [-c COUNT] { CELL | /dev/uioN } "
	"COMMAND\n"
	"\n"
	"COMMAND is one of\n"
	"  rate { imu | can | heartbeat | status } HZ   (0 stops it)\n"
	"  ping [TOKEN]\n"
	"  log-level { 0 | 1 | 2 | 3 }\n"
	"  heartbeat { stop | start }\n"
	"  raw OPCODE ARG VALUE\n"
	"and is answered by the cell within MS milliseconds (default 1000);\n"
	"-q: do not wait for the answer; -c: send it COUNT times, one after\n"
	"the other's answer, and print the round trips (min/avg/max us).\n";

static bool parse_u32(const char *arg, u32 *value)
{
	char *end;
	unsigned long long v;

	if (!*arg || *arg == '-')
		return false;
	v = strtoull(arg, &end, 0);
	if (*end || v > 0xffffffffULL)
		return false;
	*value = v;
	return true;
}

/* fills data[0..7]; 0, or -1 after printing why */
static int parse_command(int argc, char *argv[], u8 *data)
{
	const char *cmd = argv[0];
	u32 value = 0, opcode, arg = 0;
	int type;

	memset(data, 0, 8);
	if (!strcmp(cmd, "rate") && argc == 3) {
		type = ipc_parse_type(argv[1]);
		if (type < 0 || type == IPC_MSG_COMMAND ||
		    type == IPC_MSG_LOG) {
			fprintf(stderr, "jailhouse ipc send: rate: \"%s\" is "
				"not a periodic message type (imu, can, "
				"heartbeat, status)\n", argv[1]);
			return -1;
		}
		if (!parse_u32(argv[2], &value)) {
			fprintf(stderr, "jailhouse ipc send: rate: invalid "
				"rate \"%s\"\n", argv[2]);
			return -1;
		}
		opcode = IPC_CMD_SET_RATE;
		arg = type;
	} else if (!strcmp(cmd, "ping") && argc <= 2) {
		opcode = IPC_CMD_PING;
		value = getpid();
		if (argc == 2 && !parse_u32(argv[1], &value)) {
			fprintf(stderr, "jailhouse ipc send: ping: invalid "
				"token \"%s\"\n", argv[1]);
			return -1;
		}
	} else if (!strcmp(cmd, "log-level") && argc == 2) {
		if (!parse_u32(argv[1], &arg) || arg > 3) {
			fprintf(stderr, "jailhouse ipc send: log-level: "
				"invalid level \"%s\" (0-3)\n", argv[1]);
			return -1;
		}
		opcode = IPC_CMD_LOG_LEVEL;
	} else if (!strcmp(cmd, "heartbeat") && argc == 2 &&
		   (!strcmp(argv[1], "stop") || !strcmp(argv[1], "start"))) {
		opcode = IPC_CMD_HEARTBEAT;
		arg = !strcmp(argv[1], "start");
	} else if (!strcmp(cmd, "raw") && argc == 4) {
		if (!parse_u32(argv[1], &opcode) || opcode > 0x7f ||
		    !parse_u32(argv[2], &arg) || arg > 0xff ||
		    !parse_u32(argv[3], &value)) {
			fprintf(stderr, "jailhouse ipc send: raw: invalid "
				"OPCODE (0-0x7f), ARG (0-255) or VALUE\n");
			return -1;
		}
	} else {
		fprintf(stderr, "jailhouse ipc send: invalid command \"%s\" "
			"or wrong number of arguments\n", cmd);
		fputs(send_usage, stderr);
		return -1;
	}
	data[0] = opcode;
	data[1] = arg;
	ipc_put_u32(data + 4, value);
	return 0;
}

static int await_reply(struct ipc_link *link, const u8 *cmd,
		       unsigned long long sent_us, unsigned int timeout_ms,
		       bool verbose, unsigned long long *rtt_us)
{
	enum ipc_ring_status status;
	unsigned long long now;
	struct ipc_msg msg;

	for (;;) {
		now = ipc_now_us();
		if (now - sent_us > timeout_ms * 1000ULL)
			break;
		if (ipc_link_check(link, "send") != IPC_RING_OK)
			return 1;
		status = ipc_ring_receive(link->peer_ep, link->me, &msg);
		if (status == IPC_RING_EMPTY) {
			/* polling, not sleeping: the reply is near */
			usleep(50);
			continue;
		}
		if (status != IPC_RING_OK || msg.type != IPC_MSG_COMMAND ||
		    msg.len < 8 || msg.data[0] != (cmd[0] | IPC_CMD_REPLY) ||
		    msg.data[1] != cmd[1] ||
		    ipc_get_u32(msg.data + 4) != ipc_get_u32(cmd + 4))
			continue;
		*rtt_us = now - sent_us;
		if (verbose)
			printf("%s: %s %s after %llu us (heartbeat period %u "
			       "ms)\n", link->peer_name, ipc_cmd_name(cmd[0]),
			       msg.data[2] == IPC_CMD_OK ? "acknowledged" :
			       "refused", now - sent_us,
			       ipc_load(&link->peer_ep->heartbeat_ms));
		return msg.data[2] == IPC_CMD_OK ? 0 : 1;
	}
	fprintf(stderr, "jailhouse ipc send: %s: no reply to %s within %u "
		"ms\n", link->peer_name, ipc_cmd_name(cmd[0]), timeout_ms);
	return 1;
}

int ipc_send_main(int argc, char *argv[])
{
	unsigned long long rtt = 0, rtt_min = ~0ULL, rtt_max = 0, rtt_sum = 0;
	unsigned int timeout_ms = 1000, count = 1, n;
	bool wait = true, reader;
	unsigned long long sent;
	struct ipc_link link;
	u8 data[8];
	int opt, rc = 0;

	while ((opt = getopt(argc, argv, "+t:qc:h")) != -1) {
		switch (opt) {
		case 'c':
			count = strtoul(optarg, NULL, 0);
			if (count < 1 || count > 1000000) {
				fprintf(stderr, "jailhouse ipc send: invalid "
					"count \"%s\"\n", optarg);
				return 2;
			}
			break;
		case 't':
			timeout_ms = strtoul(optarg, NULL, 0);
			break;
		case 'q':
			wait = false;
			break;
		case 'h':
			fputs(send_usage, stdout);
			return 0;
		default:
			fputs(send_usage, stderr);
			return 2;
		}
	}
	if (argc - optind < 2) {
		fputs(send_usage, stderr);
		return 2;
	}
	if (parse_command(argc - optind - 1, argv + optind + 1, data))
		return 2;
	if (ipc_link_open(&link, argv[optind], "send"))
		return 1;
	if (ipc_link_check(&link, "send") != IPC_RING_OK ||
	    ipc_link_lock(&link, IPC_LOCK_SENDER, "send")) {
		ipc_link_close(&link);
		return 1;
	}
	ipc_link_attach(&link);
	reader = wait && !ipc_link_lock(&link, IPC_LOCK_READER, "send");
	if (wait && !reader)
		fprintf(stderr, "jailhouse ipc send: not waiting for the "
			"reply\n");
	/* skip what is there: the reply is what comes after the command */
	while (reader && ipc_ring_used(link.peer_ep, link.me)) {
		struct ipc_msg old;

		ipc_ring_receive(link.peer_ep, link.me, &old);
	}
	for (n = 0, rc = 0; n < count && !rc; n++) {
		sent = ipc_now_us();
		if (ipc_ring_send(link.me, link.peer_ep, link.section_size,
				  IPC_MSG_COMMAND, sent / 1000, data,
				  sizeof(data)) != IPC_RING_OK) {
			fprintf(stderr, "jailhouse ipc send: %s: the ring to "
				"the cell is full (%u unread commands): is it "
				"running?\n", link.peer_name, IPC_RING_SLOTS);
			rc = 1;
			break;
		}
		ipc_link_notify(&link);
		if (!reader)
			continue;
		rc = await_reply(&link, data, sent, timeout_ms, count == 1,
				 &rtt);
		rtt_sum += rtt;
		rtt_min = rtt < rtt_min ? rtt : rtt_min;
		rtt_max = rtt > rtt_max ? rtt : rtt_max;
	}
	if (!reader && !rc)
		printf("%s: %s sent%s\n", link.peer_name,
		       ipc_cmd_name(data[0]), count > 1 ? " (repeatedly)" : "");
	if (reader && count > 1 && !rc)
		printf("%s: %u x %s: round trip min %llu avg %llu max %llu us\n",
		       link.peer_name, count, ipc_cmd_name(data[0]), rtt_min,
		       rtt_sum / count, rtt_max);
	ipc_link_close(&link);
	return rc;
}
