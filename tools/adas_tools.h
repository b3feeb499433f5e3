/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The helper programs of the mixed-criticality commands, one binary
 * installed under each helper name (jailhouse-ipc-stats, ...): `ipc stats`,
 * `ipc monitor`, `ipc send`, `cell console`, `health`.
 */
#ifndef _JAILHOUSE_TOOLS_ADAS_TOOLS_H
#define _JAILHOUSE_TOOLS_ADAS_TOOLS_H

int ipc_stats_main(int argc, char *argv[]);
int ipc_monitor_main(int argc, char *argv[]);
int ipc_send_main(int argc, char *argv[]);
int cell_console_main(int argc, char *argv[]);
int health_main(int argc, char *argv[]);

/* "imu", "SENSOR_IMU", "1" ... -> message type, or -1 */
int ipc_parse_type(const char *name);
/* COMMAND opcode name ("set-rate", "ping", ...) */
const char *ipc_cmd_name(unsigned int opcode);

#endif /* !_JAILHOUSE_TOOLS_ADAS_TOOLS_H */
