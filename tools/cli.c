// SPDX-License-Identifier: GPL-2.0
/*
 * Parser of the jailhouse command line.  The grammar is Jailhouse's; unlike
 * Jailhouse, every malformed command is rejected with a message that names
 * the offending argument instead of a bare usage dump, and arguments that
 * Jailhouse silently truncated or misread (long names, stray options,
 * garbage addresses) are refused.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/ioctl.h>

#include "cli.h"

const char cli_usage[] =
	"Usage: jailhouse { COMMAND | --help | --version }\n"
	"\n"
	"Available commands:\n"
	"   enable SYSCONFIG\n"
	"   disable\n"
	"   console [-f | --follow]\n"
	"   cell create CELLCONFIG\n"
	"   cell list\n"
	"   cell load { ID | [--name] NAME } "
	"{ IMAGE | { -s | --string } \"STRING\" }\n"
	"             [-a | --address ADDRESS] ...\n"
	"   cell start { ID | [--name] NAME }\n"
	"   cell shutdown { ID | [--name] NAME }\n"
	"   cell destroy { ID | [--name] NAME }\n"
	"   cell linux [-h] [-d DTB] [-i INITRD] [-c \"CMDLINE\"] "
	"[-w PARAMS_FILE]\n"
	"              [-a ARCH] [-k FACTOR]\n"
	"              CELLCONFIG KERNEL\n"
	"   cell stats { ID | [--name] NAME }\n"
	"   cell console NAME [-f | --follow]\n"
	"   config create [-h] [-g] [-r ROOT] [-t TEMPLATE_DIR] [-c CONSOLE]\n"
	"                 [--mem-inmates MEM_INMATES] [--mem-hv MEM_HV]\n"
	"                 FILE\n"
	"   config collect FILE.TAR\n"
	"   config check [-h] SYSCONFIG [CELLCONFIG [CELLCONFIG ...]]\n"
	"   hardware check \n"
	"   ipc { stats [-w] | monitor | send } { CELL | /dev/uioN } ...\n"
	"   health [CELL ...]\n";

const char cli_config_check_usage[] =
	"usage: jailhouse config check [-h] SYSCONFIG "
	"[CELLCONFIG [CELLCONFIG ...]]\n"
	"\n"
	"Check the system config and the cell configs that are to run on it\n"
	"(compiled .cell files) for errors: structure, overlapping or\n"
	"unowned memory, hypervisor/GIC/IOMMU/PCI regions mapped into cells,\n"
	"CPU and interrupt conflicts between cells.\n"
	"\n"
	"positional arguments:\n"
	"  SYSCONFIG   system (root cell) configuration file\n"
	"  CELLCONFIG  non-root cell configuration file(s)\n"
	"\n"
	"optional arguments:\n"
	"  -h, --help  show this help message and exit\n"
	"\n"
	"Exit status: 0 if no errors were found (warnings are allowed), 1 "
	"otherwise.\n";

/* The extension commands and the helper programs that implement them. */
static const struct {
	const char *command;
	const char *subcommand;
} extensions[] = {
	{ "config", "create" },
	{ "config", "collect" },
	{ "hardware", "check" },
	{ "cell", "console" },
	{ "ipc", "stats" },
	{ "ipc", "monitor" },
	{ "ipc", "send" },
};

static enum cli_action usage_error(struct cli_command *cmd,
				   const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum cli_action usage_error(struct cli_command *cmd,
				   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd->error, sizeof(cmd->error), fmt, ap);
	va_end(ap);
	cmd->action = CLI_USAGE_ERROR;
	if (!cmd->usage)
		cmd->usage = cli_usage;
	return CLI_USAGE_ERROR;
}

static bool is_option(const char *arg)
{
	/* a lone "-" is an ordinary argument (conventionally stdin) */
	return arg[0] == '-' && arg[1] != '\0';
}

static bool is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/*
 * Parses a whole argument as an unsigned number in C notation (0x..., 0...,
 * decimal), as Jailhouse does with strtoll(..., 0).
 */
static bool parse_number(const char *arg, unsigned long long *value)
{
	char *end;

	/* strtoull would accept leading blanks and a minus sign */
	if (arg[0] < '0' || arg[0] > '9')
		return false;
	errno = 0;
	*value = strtoull(arg, &end, 0);
	return errno == 0 && *end == '\0';
}

/*
 * Parses `{ ID | [--name] NAME }` at argv[*pos].  An argument that is a
 * non-negative number is an ID (Jailhouse's rule); anything else, or the
 * argument after --name, is a name.  Advances *pos past what it used.
 */
static bool parse_cell_ref(struct cli_command *cmd, const char *what,
			   int argc, char *const argv[], int *pos)
{
	struct cli_cell_ref *cell = &cmd->cell;
	unsigned long long id;
	const char *arg;

	memset(cell, 0, sizeof(*cell));
	if (*pos >= argc) {
		usage_error(cmd, "%s: missing cell (ID or [--name] NAME)",
			    what);
		return false;
	}
	arg = argv[*pos];
	if (strcmp(arg, "--name") == 0) {
		if (*pos + 1 >= argc) {
			usage_error(cmd, "%s: missing NAME after \"--name\"",
				    what);
			return false;
		}
		(*pos)++;
		arg = argv[*pos];
	} else if (parse_number(arg, &id)) {
		if (id > INT32_MAX) {
			usage_error(cmd,
				    "%s: cell ID %s is out of range (use --name if it is a name)",
				    what, arg);
			return false;
		}
		cell->id = (__s32)id;
		cell->arg = arg;
		(*pos)++;
		return true;
	} else if (is_option(arg)) {
		usage_error(cmd,
			    "%s: unknown option \"%s\" where a cell ID or NAME was expected (use --name for names starting with '-')",
			    what, arg);
		return false;
	}

	if (arg[0] == '\0') {
		usage_error(cmd, "%s: empty cell name", what);
		return false;
	}
	if (strlen(arg) > JAILHOUSE_CELL_NAME_MAXLEN) {
		usage_error(cmd,
			    "%s: cell name \"%s\" is too long (at most %d characters)",
			    what, arg, JAILHOUSE_CELL_NAME_MAXLEN);
		return false;
	}
	cell->id = JAILHOUSE_CELL_ID_UNUSED;
	strcpy(cell->name, arg);
	cell->arg = arg;
	(*pos)++;
	return true;
}

static enum cli_action no_more_args(struct cli_command *cmd,
				    const char *what, int argc,
				    char *const argv[], int pos,
				    enum cli_action action)
{
	if (pos < argc)
		return usage_error(cmd, "%s: unexpected argument \"%s\"",
				   what, argv[pos]);
	cmd->action = action;
	return action;
}

/* enable SYSCONFIG, cell create CELLCONFIG */
static enum cli_action parse_config_arg(struct cli_command *cmd,
					const char *what, const char *name,
					int argc, char *const argv[], int pos,
					enum cli_action action)
{
	if (pos >= argc)
		return usage_error(cmd, "%s: missing %s", what, name);
	if (is_option(argv[pos]))
		return usage_error(cmd, "%s: unknown option \"%s\"", what,
				   argv[pos]);
	cmd->config = argv[pos];
	return no_more_args(cmd, what, argc, argv, pos + 1, action);
}

static enum cli_action parse_console(struct cli_command *cmd, int argc,
				     char *const argv[])
{
	int pos;

	for (pos = 2; pos < argc; pos++) {
		if (strcmp(argv[pos], "-f") == 0 ||
		    strcmp(argv[pos], "--follow") == 0)
			cmd->follow = true;
		else if (is_option(argv[pos]))
			return usage_error(cmd,
					   "console: unknown option \"%s\"",
					   argv[pos]);
		else
			return usage_error(cmd,
					   "console: unexpected argument \"%s\"",
					   argv[pos]);
	}
	cmd->action = CLI_CONSOLE;
	return CLI_CONSOLE;
}

/* The argument that introduced an image, for messages: file or -s. */
static const char *image_arg(const struct cli_image *image)
{
	return image->file ? image->file : image->string;
}

/* `-a ADDRESS` at argv[pos], for the image before it (NULL if none). */
static bool parse_address(struct cli_command *cmd, struct cli_image *image,
			  int argc, char *const argv[], int pos)
{
	const char *what = "cell load", *opt = argv[pos], *value;
	unsigned long long address;

	if (pos + 1 >= argc) {
		usage_error(cmd, "%s: missing ADDRESS after \"%s\"", what, opt);
		return false;
	}
	value = argv[pos + 1];
	if (!image) {
		usage_error(cmd,
			    "%s: \"%s %s\" must follow an IMAGE or -s STRING",
			    what, opt, value);
		return false;
	}
	if (image->has_target) {
		usage_error(cmd, "%s: second address \"%s %s\" for image \"%s\"",
			    what, opt, value, image_arg(image));
		return false;
	}
	if (!parse_number(value, &address)) {
		usage_error(cmd,
			    "%s: invalid address \"%s\" (expected a number like 0x1000)",
			    what, value);
		return false;
	}
	image->target = address;
	image->has_target = true;
	return true;
}

/*
 * cell load { ID | [--name] NAME }
 *     { IMAGE | { -s | --string } "STRING" } [-a | --address ADDRESS] ...
 */
static enum cli_action parse_cell_load(struct cli_command *cmd, int argc,
				       char *const argv[])
{
	const char *what = "cell load";
	struct cli_image *image = NULL;
	const char *arg;
	int pos = 3;

	if (!parse_cell_ref(cmd, what, argc, argv, &pos))
		return CLI_USAGE_ERROR;

	/* there are at most as many images as arguments left */
	cmd->images = calloc(argc - pos + 1, sizeof(*cmd->images));
	if (!cmd->images)
		return usage_error(cmd, "%s: out of memory", what);

	for (; pos < argc; pos++) {
		arg = argv[pos];
		if (strcmp(arg, "-a") == 0 || strcmp(arg, "--address") == 0) {
			if (!parse_address(cmd, image, argc, argv, pos))
				return CLI_USAGE_ERROR;
			pos++;
		} else if (strcmp(arg, "-s") == 0 ||
			   strcmp(arg, "--string") == 0) {
			if (pos + 1 >= argc)
				return usage_error(cmd,
						   "%s: missing STRING after \"%s\"",
						   what, arg);
			image = &cmd->images[cmd->num_images++];
			image->string = argv[++pos];
		} else if (is_option(arg)) {
			return usage_error(cmd, "%s: unknown option \"%s\"",
					   what, arg);
		} else {
			image = &cmd->images[cmd->num_images++];
			image->file = arg;
		}
	}

	if (cmd->num_images == 0)
		return usage_error(cmd,
				   "%s: missing IMAGE or -s STRING after cell \"%s\"",
				   what, cmd->cell.arg);

	cmd->action = CLI_CELL_LOAD;
	return CLI_CELL_LOAD;
}

static enum cli_action parse_cell_ref_only(struct cli_command *cmd,
					   const char *what, int argc,
					   char *const argv[],
					   enum cli_action action)
{
	int pos = 3;

	if (!parse_cell_ref(cmd, what, argc, argv, &pos))
		return CLI_USAGE_ERROR;
	return no_more_args(cmd, what, argc, argv, pos, action);
}

static enum cli_action parse_extension(struct cli_command *cmd, int argc,
				       char *const argv[])
{
	snprintf(cmd->helper, sizeof(cmd->helper), "jailhouse-%s-%s",
		 argv[1], argv[2]);
	snprintf(cmd->command, sizeof(cmd->command), "%s %s", argv[1],
		 argv[2]);
	/* like Jailhouse: the helper sees argv[2..], its name in front */
	cmd->helper_argv = argv + 2;
	cmd->helper_argc = argc - 2;
	cmd->action = CLI_EXTENSION;
	return CLI_EXTENSION;
}

static bool is_extension(const char *command, const char *subcommand)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(extensions); n++)
		if (strcmp(extensions[n].command, command) == 0 &&
		    strcmp(extensions[n].subcommand, subcommand) == 0)
			return true;
	return false;
}

/* cell linux: its own grammar (linux_args.c), built in like cell stats */
static enum cli_action parse_cell_linux(struct cli_command *cmd, int argc,
					char *const argv[])
{
	cmd->usage = linux_args_usage;
	if (linux_args_parse(argc - 3, argv + 3, &cmd->linux_args,
			     cmd->error, sizeof(cmd->error))) {
		cmd->action = CLI_USAGE_ERROR;
		return CLI_USAGE_ERROR;
	}
	cmd->action = cmd->linux_args.help ? CLI_CELL_LINUX_HELP :
		CLI_CELL_LINUX;
	return cmd->action;
}

static enum cli_action parse_cell(struct cli_command *cmd, int argc,
				  char *const argv[])
{
	const char *sub;

	if (argc < 3)
		return usage_error(cmd, "cell: missing subcommand");
	sub = argv[2];
	if (is_help(sub))
		return no_more_args(cmd, sub, argc, argv, 3, CLI_HELP);

	if (strcmp(sub, "create") == 0)
		return parse_config_arg(cmd, "cell create", "CELLCONFIG",
					argc, argv, 3, CLI_CELL_CREATE);
	if (strcmp(sub, "list") == 0)
		return no_more_args(cmd, "cell list", argc, argv, 3,
				    CLI_CELL_LIST);
	if (strcmp(sub, "load") == 0)
		return parse_cell_load(cmd, argc, argv);
	if (strcmp(sub, "start") == 0)
		return parse_cell_ref_only(cmd, "cell start", argc, argv,
					   CLI_CELL_START);
	if (strcmp(sub, "shutdown") == 0)
		return parse_cell_ref_only(cmd, "cell shutdown", argc, argv,
					   CLI_CELL_SHUTDOWN);
	if (strcmp(sub, "destroy") == 0)
		return parse_cell_ref_only(cmd, "cell destroy", argc, argv,
					   CLI_CELL_DESTROY);
	if (strcmp(sub, "stats") == 0)
		return parse_cell_ref_only(cmd, "cell stats", argc, argv,
					   CLI_CELL_STATS);
	if (strcmp(sub, "linux") == 0)
		return parse_cell_linux(cmd, argc, argv);
	if (is_extension("cell", sub))
		return parse_extension(cmd, argc, argv);
	return usage_error(cmd, "cell: unknown subcommand \"%s\"", sub);
}

static enum cli_action parse_config_check(struct cli_command *cmd, int argc,
					  char *const argv[])
{
	int pos = 3;

	cmd->usage = cli_config_check_usage;
	/* options first, like the Python tool's argparse */
	for (; pos < argc && is_option(argv[pos]); pos++) {
		if (is_help(argv[pos])) {
			cmd->action = CLI_CONFIG_CHECK_HELP;
			return CLI_CONFIG_CHECK_HELP;
		}
		if (strcmp(argv[pos], "--") == 0) {
			pos++;
			break;
		}
		return usage_error(cmd, "config check: unknown option \"%s\"",
				   argv[pos]);
	}
	if (pos >= argc)
		return usage_error(cmd, "config check: missing SYSCONFIG");

	cmd->sysconfig = argv[pos++];
	cmd->cellconfigs = argv + pos;
	cmd->num_cellconfigs = argc - pos;
	for (; pos < argc; pos++)
		if (is_help(argv[pos])) {
			cmd->action = CLI_CONFIG_CHECK_HELP;
			return CLI_CONFIG_CHECK_HELP;
		}
	cmd->action = CLI_CONFIG_CHECK;
	return CLI_CONFIG_CHECK;
}

static enum cli_action parse_config(struct cli_command *cmd, int argc,
				    char *const argv[])
{
	if (argc < 3)
		return usage_error(cmd, "config: missing subcommand");
	if (is_help(argv[2]))
		return no_more_args(cmd, argv[2], argc, argv, 3, CLI_HELP);
	if (strcmp(argv[2], "check") == 0)
		return parse_config_check(cmd, argc, argv);
	if (is_extension("config", argv[2]))
		return parse_extension(cmd, argc, argv);
	return usage_error(cmd, "config: unknown subcommand \"%s\"",
			   argv[2]);
}

static enum cli_action parse_hardware(struct cli_command *cmd, int argc,
				      char *const argv[])
{
	if (argc < 3)
		return usage_error(cmd, "hardware: missing subcommand");
	if (is_help(argv[2]))
		return no_more_args(cmd, argv[2], argc, argv, 3, CLI_HELP);
	if (is_extension("hardware", argv[2]))
		return parse_extension(cmd, argc, argv);
	return usage_error(cmd, "hardware: unknown subcommand \"%s\"",
			   argv[2]);
}

/* ipc { stats | monitor | send } ... */
static enum cli_action parse_ipc(struct cli_command *cmd, int argc,
				 char *const argv[])
{
	if (argc < 3)
		return usage_error(cmd, "ipc: missing subcommand");
	if (is_help(argv[2]))
		return no_more_args(cmd, argv[2], argc, argv, 3, CLI_HELP);
	if (is_extension("ipc", argv[2]))
		return parse_extension(cmd, argc, argv);
	return usage_error(cmd, "ipc: unknown subcommand \"%s\"", argv[2]);
}

/* health [CELL ...]: a helper of one word, it sees argv[1..] */
static enum cli_action parse_health(struct cli_command *cmd, int argc,
				    char *const argv[])
{
	snprintf(cmd->helper, sizeof(cmd->helper), "jailhouse-health");
	snprintf(cmd->command, sizeof(cmd->command), "health");
	cmd->helper_argv = argv + 1;
	cmd->helper_argc = argc - 1;
	cmd->action = CLI_EXTENSION;
	return CLI_EXTENSION;
}

enum cli_action cli_parse(int argc, char *const argv[],
			  struct cli_command *cmd)
{
	const char *command;

	memset(cmd, 0, sizeof(*cmd));
	if (argc < 2)
		return usage_error(cmd, "missing command");
	command = argv[1];

	if (strcmp(command, "enable") == 0)
		return parse_config_arg(cmd, "enable", "SYSCONFIG", argc,
					argv, 2, CLI_ENABLE);
	if (strcmp(command, "disable") == 0)
		return no_more_args(cmd, "disable", argc, argv, 2,
				    CLI_DISABLE);
	if (strcmp(command, "console") == 0)
		return parse_console(cmd, argc, argv);
	if (strcmp(command, "cell") == 0)
		return parse_cell(cmd, argc, argv);
	if (strcmp(command, "config") == 0)
		return parse_config(cmd, argc, argv);
	if (strcmp(command, "hardware") == 0)
		return parse_hardware(cmd, argc, argv);
	if (strcmp(command, "ipc") == 0)
		return parse_ipc(cmd, argc, argv);
	if (strcmp(command, "health") == 0)
		return parse_health(cmd, argc, argv);
	if (strcmp(command, "--version") == 0)
		return no_more_args(cmd, "--version", argc, argv, 2,
				    CLI_VERSION);
	if (is_help(command))
		return no_more_args(cmd, command, argc, argv, 2, CLI_HELP);
	if (is_option(command))
		return usage_error(cmd, "unknown option \"%s\"", command);
	return usage_error(cmd, "unknown command \"%s\"", command);
}

void cli_release(struct cli_command *cmd)
{
	free(cmd->images);
	cmd->images = NULL;
	cmd->num_images = 0;
}
