/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_CONFIG_CHECK_CMD_H
#define _JAILHOUSE_TOOLS_CONFIG_CHECK_CMD_H

/*
 * `jailhouse config check SYSCONFIG [CELLCONFIG ...]`: prints every finding
 * of the shared checker and a summary.  Returns 0 without errors (warnings
 * allowed), 1 otherwise.
 */
int config_check_command(const char *sysconfig, char *const cellconfigs[],
			 unsigned int num_cellconfigs);

#endif /* !_JAILHOUSE_TOOLS_CONFIG_CHECK_CMD_H */
