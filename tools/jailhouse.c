// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse: the management tool.  Parses the command line (cli.c) and
 * runs the command.  Exit status: 0 on success and for --help, 1 for a
 * usage error or a failed command.
 */
#include <stdio.h>

#include "cell_linux.h"
#include "cell_list.h"
#include "cell_stats.h"
#include "cli.h"
#include "config_check_cmd.h"
#include "console.h"
#include "control.h"
#include "extension.h"

#ifndef JAILHOUSE_VERSION
#error "build with -DJAILHOUSE_VERSION=\"...\" (the VERSION file)"
#endif

static int run(const struct cli_command *cmd, const char *argv0)
{
	switch (cmd->action) {
	case CLI_USAGE_ERROR:
		fprintf(stderr, "jailhouse: %s\n\n", cmd->error);
		fputs(cmd->usage, stderr);
		return 1;
	case CLI_HELP:
		fputs(cli_usage, stdout);
		return 0;
	case CLI_VERSION:
		printf("Jailhouse management tool %s\n", JAILHOUSE_VERSION);
		return 0;
	case CLI_CONSOLE:
		return console_dump(cmd->follow);
	case CLI_CELL_LIST:
		return cell_list();
	case CLI_CELL_STATS:
		return cell_stats(&cmd->cell);
	case CLI_CONFIG_CHECK:
		return config_check_command(cmd->sysconfig, cmd->cellconfigs,
					    cmd->num_cellconfigs);
	case CLI_CONFIG_CHECK_HELP:
		fputs(cli_config_check_usage, stdout);
		return 0;
	case CLI_CELL_LINUX:
		return cell_linux(&cmd->linux_args, argv0);
	case CLI_CELL_LINUX_HELP:
		fputs(linux_args_usage, stdout);
		return 0;
	case CLI_EXTENSION:
		return extension_run(cmd, argv0);
	default:
		return control_command(cmd);
	}
}

int main(int argc, char *argv[])
{
	struct cli_command cmd;
	int status;

	cli_parse(argc, argv, &cmd);
	status = run(&cmd, argc > 0 ? argv[0] : "jailhouse");
	cli_release(&cmd);
	return status;
}
