/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command line of the jailhouse tool, parsed into a description of what to
 * do.  Parsing has no side effects (no I/O, no device access), so the host
 * tests can check every form of the grammar without a target.
 */
#ifndef _JAILHOUSE_TOOLS_CLI_H
#define _JAILHOUSE_TOOLS_CLI_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#include "linux_args.h"

enum cli_action {
	CLI_USAGE_ERROR,	/* cmd->error says why; exit 1 */
	CLI_HELP,
	CLI_VERSION,
	CLI_ENABLE,
	CLI_DISABLE,
	CLI_CONSOLE,
	CLI_CELL_CREATE,
	CLI_CELL_LIST,
	CLI_CELL_LOAD,
	CLI_CELL_START,
	CLI_CELL_SHUTDOWN,
	CLI_CELL_DESTROY,
	CLI_CELL_STATS,
	CLI_CONFIG_CHECK,
	CLI_CONFIG_CHECK_HELP,
	CLI_EXTENSION,		/* run the helper program cmd->helper */
	CLI_CELL_LINUX,		/* cmd->linux_args */
	CLI_CELL_LINUX_HELP,
};

/* A cell as the user named it: by ID, or by name with id == -1. */
struct cli_cell_ref {
	__s32 id;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	const char *arg;	/* as typed, for messages */
};

/* One preload image of `cell load`: a file or an inline string. */
struct cli_image {
	const char *file;	/* NULL for a string */
	const char *string;	/* NULL for a file */
	__u64 target;		/* load address in the cell, 0 by default */
	bool has_target;
};

#define CLI_HELPER_NAME_MAX	64
#define CLI_ERROR_MAX		256

struct cli_command {
	enum cli_action action;

	/* enable, cell create: the config file */
	const char *config;

	/* console */
	bool follow;

	/* cell load/start/shutdown/destroy/stats */
	struct cli_cell_ref cell;

	/* cell load */
	struct cli_image *images;
	unsigned int num_images;

	/* config check: system config, then the cell configs */
	const char *sysconfig;
	char *const *cellconfigs;
	unsigned int num_cellconfigs;

	/* cell linux */
	struct linux_args linux_args;

	/* extensions: program name, command as typed, argv for the helper
	 * (helper_argv[0] is to be replaced by the program name) */
	char helper[CLI_HELPER_NAME_MAX];
	char command[CLI_HELPER_NAME_MAX];
	char *const *helper_argv;
	int helper_argc;

	/* CLI_USAGE_ERROR: what is wrong, without the "jailhouse: " prefix,
	 * and the usage text to show with it */
	char error[CLI_ERROR_MAX];
	const char *usage;
};

/*
 * Fills @cmd from the command line and returns cmd->action.  The command
 * keeps pointers into @argv.  Call cli_release() when done.
 */
enum cli_action cli_parse(int argc, char *const argv[],
			  struct cli_command *cmd);

void cli_release(struct cli_command *cmd);

/* Text of `jailhouse --help`, and of `jailhouse config check -h`. */
extern const char cli_usage[];
extern const char cli_config_check_usage[];

#endif /* !_JAILHOUSE_TOOLS_CLI_H */
