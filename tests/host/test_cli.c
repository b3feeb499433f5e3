// SPDX-License-Identifier: GPL-2.0
/*
 * The jailhouse command line: every form of the grammar parses to the
 * right action and fields, every malformed one is refused with a message
 * that names what is wrong.  Compiles tools/cli.c itself.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/ioctl.h>

#include "tools/cli.h"

static struct cli_command cmd;

static enum cli_action parse_vector(char **argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	cli_release(&cmd);
	return cli_parse(argc, argv, &cmd);
}

#define PARSE(...) \
	parse_vector((char *[]){ "jailhouse", __VA_ARGS__, NULL })

/* A usage error whose message is exactly @msg. */
#define assert_rejected(msg, ...)					\
	do {								\
		assert_int_equal(PARSE(__VA_ARGS__), CLI_USAGE_ERROR);	\
		assert_string_equal(cmd.error, msg);			\
		assert_non_null(cmd.usage);				\
	} while (0)

static int release(void **state)
{
	(void)state;
	cli_release(&cmd);
	return 0;
}

/* --- valid forms --------------------------------------------------- */

static void test_no_command(void **state)
{
	(void)state;
	assert_int_equal(parse_vector((char *[]){ "jailhouse", NULL }),
			 CLI_USAGE_ERROR);
	assert_string_equal(cmd.error, "missing command");
	assert_ptr_equal(cmd.usage, cli_usage);
}

static void test_help_and_version(void **state)
{
	static const char first_lines[] =
		"Usage: jailhouse { COMMAND | --help | --version }\n\n";

	(void)state;
	assert_int_equal(PARSE("--help"), CLI_HELP);
	assert_int_equal(PARSE("-h"), CLI_HELP);
	assert_int_equal(PARSE("--version"), CLI_VERSION);
	assert_int_equal(PARSE("cell", "--help"), CLI_HELP);
	assert_int_equal(PARSE("config", "-h"), CLI_HELP);
	assert_int_equal(PARSE("hardware", "--help"), CLI_HELP);
	assert_int_equal(strncmp(cli_usage, first_lines,
				 sizeof(first_lines) - 1), 0);
	assert_non_null(strstr(cli_usage, "   hardware check \n"));
}

static void test_enable_disable(void **state)
{
	(void)state;
	assert_int_equal(PARSE("enable", "sys.cell"), CLI_ENABLE);
	assert_string_equal(cmd.config, "sys.cell");
	assert_int_equal(PARSE("disable"), CLI_DISABLE);
}

static void test_console(void **state)
{
	(void)state;
	assert_int_equal(PARSE("console"), CLI_CONSOLE);
	assert_false(cmd.follow);
	assert_int_equal(PARSE("console", "-f"), CLI_CONSOLE);
	assert_true(cmd.follow);
	assert_int_equal(PARSE("console", "--follow"), CLI_CONSOLE);
	assert_true(cmd.follow);
}

static void test_cell_create_list(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "create", "demo.cell"),
			 CLI_CELL_CREATE);
	assert_string_equal(cmd.config, "demo.cell");
	assert_int_equal(PARSE("cell", "list"), CLI_CELL_LIST);
}

static void test_cell_ids_and_names(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "start", "3"), CLI_CELL_START);
	assert_int_equal(cmd.cell.id, 3);

	/* C notation like Jailhouse's strtoll(..., 0) */
	assert_int_equal(PARSE("cell", "start", "0x10"), CLI_CELL_START);
	assert_int_equal(cmd.cell.id, 16);
	assert_int_equal(PARSE("cell", "start", "0"), CLI_CELL_START);
	assert_int_equal(cmd.cell.id, 0);

	assert_int_equal(PARSE("cell", "start", "inmate-demo"),
			 CLI_CELL_START);
	assert_int_equal(cmd.cell.id, JAILHOUSE_CELL_ID_UNUSED);
	assert_string_equal(cmd.cell.name, "inmate-demo");

	/* a number that is not an ID: only with --name */
	assert_int_equal(PARSE("cell", "start", "--name", "7"),
			 CLI_CELL_START);
	assert_int_equal(cmd.cell.id, JAILHOUSE_CELL_ID_UNUSED);
	assert_string_equal(cmd.cell.name, "7");

	/* mixed text is a name */
	assert_int_equal(PARSE("cell", "destroy", "1abc"), CLI_CELL_DESTROY);
	assert_int_equal(cmd.cell.id, JAILHOUSE_CELL_ID_UNUSED);
	assert_string_equal(cmd.cell.name, "1abc");
}

static void test_name_of_max_length(void **state)
{
	const char *name31 = "abcdefghijklmnopqrstuvwxyz01234";

	(void)state;
	assert_int_equal(strlen(name31), JAILHOUSE_CELL_NAME_MAXLEN);
	assert_int_equal(PARSE("cell", "shutdown", (char *)name31),
			 CLI_CELL_SHUTDOWN);
	assert_string_equal(cmd.cell.name, name31);
}

static void test_cell_simple_commands(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "shutdown", "1"), CLI_CELL_SHUTDOWN);
	assert_int_equal(cmd.cell.id, 1);
	assert_int_equal(PARSE("cell", "destroy", "--name", "demo"),
			 CLI_CELL_DESTROY);
	assert_string_equal(cmd.cell.name, "demo");
	assert_int_equal(PARSE("cell", "stats", "2"), CLI_CELL_STATS);
	assert_int_equal(cmd.cell.id, 2);
	assert_int_equal(PARSE("cell", "stats", "--name", "demo"),
			 CLI_CELL_STATS);
	assert_string_equal(cmd.cell.name, "demo");
}

static void test_cell_load_one_image(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "load", "1", "gic-demo.bin"),
			 CLI_CELL_LOAD);
	assert_int_equal(cmd.cell.id, 1);
	assert_int_equal(cmd.num_images, 1);
	assert_string_equal(cmd.images[0].file, "gic-demo.bin");
	assert_null(cmd.images[0].string);
	assert_int_equal(cmd.images[0].target, 0);
	assert_false(cmd.images[0].has_target);
}

static void test_cell_load_hex_address(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "load", "--name", "demo", "a.bin",
			       "-a", "0x1000"), CLI_CELL_LOAD);
	assert_string_equal(cmd.cell.name, "demo");
	assert_int_equal(cmd.num_images, 1);
	assert_int_equal(cmd.images[0].target, 0x1000);
	assert_true(cmd.images[0].has_target);
}

static void test_cell_load_decimal_and_64bit(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "load", "demo", "a.bin",
			       "--address", "4096"), CLI_CELL_LOAD);
	assert_int_equal(cmd.images[0].target, 4096);
	assert_int_equal(PARSE("cell", "load", "demo", "a.bin", "-a",
			       "0xffff000080000000"), CLI_CELL_LOAD);
	assert_true(cmd.images[0].target == 0xffff000080000000ULL);
}

static void test_cell_load_string(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "load", "1", "-s", "hello world",
			       "-a", "0x100"), CLI_CELL_LOAD);
	assert_int_equal(cmd.num_images, 1);
	assert_null(cmd.images[0].file);
	assert_string_equal(cmd.images[0].string, "hello world");
	assert_int_equal(cmd.images[0].target, 0x100);

	/* strings may look like options */
	assert_int_equal(PARSE("cell", "load", "1", "--string", "-a"),
			 CLI_CELL_LOAD);
	assert_string_equal(cmd.images[0].string, "-a");
	assert_false(cmd.images[0].has_target);
}

static void test_cell_load_many_images(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "load", "linux", "loader.bin",
			       "kernel", "-a", "0x280000", "-s",
			       "kernel=0x280000 dtb=0x100000", "-a", "0x1000",
			       "dtb", "-a", "0x100000", "initrd"),
			 CLI_CELL_LOAD);
	assert_string_equal(cmd.cell.name, "linux");
	assert_int_equal(cmd.num_images, 5);
	assert_string_equal(cmd.images[0].file, "loader.bin");
	assert_false(cmd.images[0].has_target);
	assert_string_equal(cmd.images[1].file, "kernel");
	assert_int_equal(cmd.images[1].target, 0x280000);
	assert_string_equal(cmd.images[2].string,
			    "kernel=0x280000 dtb=0x100000");
	assert_int_equal(cmd.images[2].target, 0x1000);
	assert_string_equal(cmd.images[3].file, "dtb");
	assert_int_equal(cmd.images[3].target, 0x100000);
	assert_string_equal(cmd.images[4].file, "initrd");
	assert_int_equal(cmd.images[4].target, 0);
	assert_false(cmd.images[4].has_target);
}

static void test_extensions(void **state)
{
	(void)state;
	/* cell linux is built in (test_cell_linux_cli.c) */
	assert_int_equal(PARSE("config", "create", "-g", "out.c"),
			 CLI_EXTENSION);
	assert_string_equal(cmd.helper, "jailhouse-config-create");
	assert_string_equal(cmd.command, "config create");
	assert_int_equal(cmd.helper_argc, 3);
	assert_string_equal(cmd.helper_argv[0], "create");
	assert_string_equal(cmd.helper_argv[2], "out.c");
	assert_int_equal(PARSE("config", "collect", "x.tar"), CLI_EXTENSION);
	assert_string_equal(cmd.helper, "jailhouse-config-collect");
	assert_int_equal(PARSE("hardware", "check"), CLI_EXTENSION);
	assert_string_equal(cmd.helper, "jailhouse-hardware-check");
	assert_int_equal(cmd.helper_argc, 1);
}

/* the mixed-criticality commands: helpers of two words and of one */
static void test_ipc_health_console(void **state)
{
	(void)state;
	assert_int_equal(PARSE("ipc", "stats", "-w", "adas-demo"),
			 CLI_EXTENSION);
	assert_string_equal(cmd.helper, "jailhouse-ipc-stats");
	assert_int_equal(cmd.helper_argc, 3);
	assert_string_equal(cmd.helper_argv[2], "adas-demo");
	assert_int_equal(PARSE("ipc", "send", "/dev/uio1", "ping"),
			 CLI_EXTENSION);
	assert_string_equal(cmd.helper, "jailhouse-ipc-send");
	assert_int_equal(PARSE("ipc", "monitor", "x"), CLI_EXTENSION);
	assert_string_equal(cmd.helper, "jailhouse-ipc-monitor");
	assert_int_equal(PARSE("cell", "console", "adas-demo", "-f"),
			 CLI_EXTENSION);
	assert_string_equal(cmd.helper, "jailhouse-cell-console");
	assert_string_equal(cmd.command, "cell console");
	assert_int_equal(PARSE("health"), CLI_EXTENSION);
	assert_string_equal(cmd.helper, "jailhouse-health");
	assert_int_equal(cmd.helper_argc, 1);
	assert_int_equal(PARSE("health", "a", "b"), CLI_EXTENSION);
	assert_int_equal(cmd.helper_argc, 3);
	assert_string_equal(cmd.helper_argv[2], "b");
	assert_rejected("ipc: unknown subcommand \"bogus\"", "ipc", "bogus");
	assert_rejected("ipc: missing subcommand", "ipc");
}

static void test_config_check(void **state)
{
	(void)state;
	assert_int_equal(PARSE("config", "check", "sys.cell"),
			 CLI_CONFIG_CHECK);
	assert_string_equal(cmd.sysconfig, "sys.cell");
	assert_int_equal(cmd.num_cellconfigs, 0);

	assert_int_equal(PARSE("config", "check", "sys.cell", "a.cell",
			       "b.cell"), CLI_CONFIG_CHECK);
	assert_string_equal(cmd.sysconfig, "sys.cell");
	assert_int_equal(cmd.num_cellconfigs, 2);
	assert_string_equal(cmd.cellconfigs[0], "a.cell");
	assert_string_equal(cmd.cellconfigs[1], "b.cell");

	assert_int_equal(PARSE("config", "check", "-h"),
			 CLI_CONFIG_CHECK_HELP);
	assert_int_equal(PARSE("config", "check", "--help"),
			 CLI_CONFIG_CHECK_HELP);
	assert_int_equal(PARSE("config", "check", "sys.cell", "-h"),
			 CLI_CONFIG_CHECK_HELP);
}

static void test_octal_id_like_jailhouse(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "start", "010"), CLI_CELL_START);
	assert_int_equal(cmd.cell.id, 8);
}

static void test_dash_is_an_image(void **state)
{
	(void)state;
	assert_int_equal(PARSE("cell", "load", "1", "-", "-a", "0"),
			 CLI_CELL_LOAD);
	assert_int_equal(cmd.num_images, 1);
	assert_string_equal(cmd.images[0].file, "-");
	assert_true(cmd.images[0].has_target);
}

static void test_config_check_double_dash(void **state)
{
	(void)state;
	assert_int_equal(PARSE("config", "check", "--", "-odd.cell",
			       "b.cell"), CLI_CONFIG_CHECK);
	assert_string_equal(cmd.sysconfig, "-odd.cell");
	assert_int_equal(cmd.num_cellconfigs, 1);
}

/* --- malformed forms ----------------------------------------------- */

static void test_unknown_commands(void **state)
{
	(void)state;
	assert_rejected("unknown command \"foo\"", "foo");
	assert_rejected("unknown option \"--foo\"", "--foo");
	assert_rejected("cell: missing subcommand", "cell");
	assert_rejected("cell: unknown subcommand \"run\"", "cell", "run");
	assert_rejected("config: missing subcommand", "config");
	assert_rejected("config: unknown subcommand \"lint\"", "config",
			"lint");
	assert_rejected("hardware: missing subcommand", "hardware");
	assert_rejected("hardware: unknown subcommand \"list\"", "hardware",
			"list");
}

static void test_missing_config_files(void **state)
{
	(void)state;
	assert_rejected("enable: missing SYSCONFIG", "enable");
	assert_rejected("cell create: missing CELLCONFIG", "cell", "create");
	assert_rejected("enable: unknown option \"-x\"", "enable", "-x");
}

static void test_extra_arguments(void **state)
{
	(void)state;
	assert_rejected("enable: unexpected argument \"b.cell\"", "enable",
			"a.cell", "b.cell");
	assert_rejected("disable: unexpected argument \"now\"", "disable",
			"now");
	assert_rejected("cell list: unexpected argument \"-a\"", "cell",
			"list", "-a");
	assert_rejected("cell create: unexpected argument \"b\"", "cell",
			"create", "a", "b");
	assert_rejected("cell start: unexpected argument \"2\"", "cell",
			"start", "1", "2");
	assert_rejected("cell stats: unexpected argument \"x\"", "cell",
			"stats", "--name", "demo", "x");
	assert_rejected("--version: unexpected argument \"x\"", "--version",
			"x");
}

static void test_console_errors(void **state)
{
	(void)state;
	assert_rejected("console: unknown option \"-x\"", "console", "-x");
	assert_rejected("console: unexpected argument \"now\"", "console",
			"now");
}

static void test_missing_cell(void **state)
{
	(void)state;
	assert_rejected("cell start: missing cell (ID or [--name] NAME)",
			"cell", "start");
	assert_rejected("cell destroy: missing NAME after \"--name\"", "cell",
			"destroy", "--name");
	assert_rejected("cell load: missing cell (ID or [--name] NAME)",
			"cell", "load");
}

static void test_bad_cell_names(void **state)
{
	(void)state;
	assert_rejected("cell start: cell name "
			"\"abcdefghijklmnopqrstuvwxyz012345\" is too long "
			"(at most 31 characters)",
			"cell", "start", "abcdefghijklmnopqrstuvwxyz012345");
	assert_rejected("cell start: empty cell name", "cell", "start", "");
	assert_rejected("cell start: empty cell name", "cell", "start",
			"--name", "");
	assert_rejected("cell shutdown: unknown option \"-1\" where a cell ID "
			"or NAME was expected (use --name for names starting "
			"with '-')", "cell", "shutdown", "-1");
	assert_rejected("cell start: cell ID 99999999999 is out of range (use "
			"--name if it is a name)", "cell", "start",
			"99999999999");
}

static void test_load_without_image(void **state)
{
	(void)state;
	assert_rejected("cell load: missing IMAGE or -s STRING after cell "
			"\"1\"", "cell", "load", "1");
	assert_rejected("cell load: missing IMAGE or -s STRING after cell "
			"\"demo\"", "cell", "load", "--name", "demo");
}

static void test_load_address_before_image(void **state)
{
	(void)state;
	assert_rejected("cell load: \"-a 0x1000\" must follow an IMAGE or "
			"-s STRING", "cell", "load", "1", "-a", "0x1000");
	assert_rejected("cell load: \"--address 0\" must follow an IMAGE or "
			"-s STRING", "cell", "load", "1", "--address", "0");
}

static void test_load_missing_values(void **state)
{
	(void)state;
	assert_rejected("cell load: missing ADDRESS after \"-a\"", "cell",
			"load", "1", "img", "-a");
	assert_rejected("cell load: missing STRING after \"-s\"", "cell",
			"load", "1", "-s");
	assert_rejected("cell load: missing STRING after \"--string\"",
			"cell", "load", "1", "img", "--string");
}

static void test_load_bad_addresses(void **state)
{
	(void)state;
	assert_rejected("cell load: invalid address \"zz\" (expected a number "
			"like 0x1000)", "cell", "load", "1", "img", "-a", "zz");
	assert_rejected("cell load: invalid address \"0x1000k\" (expected a "
			"number like 0x1000)", "cell", "load", "1", "img", "-a",
			"0x1000k");
	assert_rejected("cell load: invalid address \"-1\" (expected a number "
			"like 0x1000)", "cell", "load", "1", "img", "-a", "-1");
	assert_rejected("cell load: invalid address \"\" (expected a number "
			"like 0x1000)", "cell", "load", "1", "img", "-a", "");
	assert_rejected("cell load: invalid address \"0x10000000000000000\" "
			"(expected a number like 0x1000)", "cell", "load", "1",
			"img", "-a", "0x10000000000000000");
}

static void test_load_second_address(void **state)
{
	(void)state;
	assert_rejected("cell load: second address \"-a 0x2000\" for image "
			"\"img\"", "cell", "load", "1", "img", "-a", "0x1000",
			"-a", "0x2000");
}

static void test_load_unknown_option(void **state)
{
	(void)state;
	assert_rejected("cell load: unknown option \"--adress\"", "cell",
			"load", "1", "img", "--adress", "0x1000");
}

static void test_config_check_errors(void **state)
{
	(void)state;
	assert_rejected("config check: missing SYSCONFIG", "config", "check");
	assert_ptr_equal(cmd.usage, cli_config_check_usage);
	assert_rejected("config check: unknown option \"-v\"", "config",
			"check", "-v", "sys.cell");
	assert_ptr_equal(cmd.usage, cli_config_check_usage);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_no_command, release),
		cmocka_unit_test_teardown(test_help_and_version, release),
		cmocka_unit_test_teardown(test_enable_disable, release),
		cmocka_unit_test_teardown(test_console, release),
		cmocka_unit_test_teardown(test_cell_create_list, release),
		cmocka_unit_test_teardown(test_cell_ids_and_names, release),
		cmocka_unit_test_teardown(test_name_of_max_length, release),
		cmocka_unit_test_teardown(test_cell_simple_commands, release),
		cmocka_unit_test_teardown(test_cell_load_one_image, release),
		cmocka_unit_test_teardown(test_cell_load_hex_address, release),
		cmocka_unit_test_teardown(test_cell_load_decimal_and_64bit,
					  release),
		cmocka_unit_test_teardown(test_cell_load_string, release),
		cmocka_unit_test_teardown(test_cell_load_many_images, release),
		cmocka_unit_test_teardown(test_extensions, release),
		cmocka_unit_test_teardown(test_ipc_health_console, release),
		cmocka_unit_test_teardown(test_config_check, release),
		cmocka_unit_test_teardown(test_octal_id_like_jailhouse,
					  release),
		cmocka_unit_test_teardown(test_dash_is_an_image, release),
		cmocka_unit_test_teardown(test_config_check_double_dash,
					  release),
		cmocka_unit_test_teardown(test_unknown_commands, release),
		cmocka_unit_test_teardown(test_missing_config_files, release),
		cmocka_unit_test_teardown(test_extra_arguments, release),
		cmocka_unit_test_teardown(test_console_errors, release),
		cmocka_unit_test_teardown(test_missing_cell, release),
		cmocka_unit_test_teardown(test_bad_cell_names, release),
		cmocka_unit_test_teardown(test_load_without_image, release),
		cmocka_unit_test_teardown(test_load_address_before_image,
					  release),
		cmocka_unit_test_teardown(test_load_missing_values, release),
		cmocka_unit_test_teardown(test_load_bad_addresses, release),
		cmocka_unit_test_teardown(test_load_second_address, release),
		cmocka_unit_test_teardown(test_load_unknown_option, release),
		cmocka_unit_test_teardown(test_config_check_errors, release),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
