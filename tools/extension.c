// SPDX-License-Identifier: GPL-2.0
/*
 * Commands implemented by separate helper programs, found like Jailhouse
 * finds its scripts: next to the jailhouse binary first, then in
 * $(libexecdir)/jailhouse, then in $PATH.  A missing helper is reported
 * as a missing feature, not as an execvp error.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "extension.h"

#define HELPER_DIR	LIBEXECDIR "/jailhouse"

struct search_path {
	char dirs[4][PATH_MAX];
	unsigned int num_dirs;
};

static void add_dir(struct search_path *search, const char *dir)
{
	unsigned int n;

	if (!dir[0] || search->num_dirs == ARRAY_SIZE(search->dirs))
		return;
	for (n = 0; n < search->num_dirs; n++)
		if (strcmp(search->dirs[n], dir) == 0)
			return;
	snprintf(search->dirs[search->num_dirs++], PATH_MAX, "%s", dir);
}

/* Adds the directory part of @path, if it has one. */
static void add_dir_of(struct search_path *search, const char *path)
{
	char dir[PATH_MAX];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		return;
	if (slash == dir)
		slash++;	/* the root directory itself */
	*slash = '\0';
	add_dir(search, dir);
}

static bool is_executable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		access(path, X_OK) == 0;
}

static bool find_in_path(const char *name, char *found, size_t len)
{
	const char *path = getenv("PATH"), *end;
	size_t dir_len;

	while (path && *path) {
		end = strchr(path, ':');
		dir_len = end ? (size_t)(end - path) : strlen(path);
		if (dir_len > 0) {
			snprintf(found, len, "%.*s/%s", (int)dir_len, path,
				 name);
			if (is_executable(found))
				return true;
		}
		path = end ? end + 1 : NULL;
	}
	return false;
}

/* Why exec failed although the file is there: usually the interpreter. */
static void explain_exec_failure(const char *path, int err)
{
	char line[256] = "";
	FILE *script;
	size_t len;

	fprintf(stderr, "jailhouse: cannot run %s: %s\n", path,
		strerror(err));
	if (err != ENOENT)
		return;
	script = fopen(path, "r");
	if (!script)
		return;
	if (fgets(line, sizeof(line), script) && strncmp(line, "#!", 2) == 0) {
		len = strlen(line);
		while (len > 0 && (line[len - 1] == '\n' ||
				   line[len - 1] == '\r'))
			line[--len] = '\0';
		fprintf(stderr, "jailhouse: its interpreter \"%s\" is not "
			"installed\n", line + 2);
	}
	fclose(script);
}

int extension_run(const struct cli_command *cmd, const char *argv0)
{
	char exe[PATH_MAX], helper[PATH_MAX + CLI_HELPER_NAME_MAX + 1];
	char new_path[4 * PATH_MAX];
	struct search_path search = { .num_dirs = 0 };
	const char *old_path = getenv("PATH");
	char **helper_argv;
	unsigned int n;
	ssize_t len;
	int err;

	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len > 0) {
		exe[len] = '\0';
		add_dir_of(&search, exe);
	}
	add_dir_of(&search, argv0);
	add_dir(&search, HELPER_DIR);

	helper[0] = '\0';
	for (n = 0; n < search.num_dirs; n++) {
		snprintf(helper, sizeof(helper), "%s/%s", search.dirs[n],
			 cmd->helper);
		if (is_executable(helper))
			break;
	}
	if (n == search.num_dirs &&
	    !find_in_path(cmd->helper, helper, sizeof(helper))) {
		fprintf(stderr, "jailhouse: \"%s\" is not available yet "
			"(helper %s not installed)\n", cmd->command,
			cmd->helper);
		fprintf(stderr, "jailhouse: looked next to jailhouse, in "
			HELPER_DIR " and in $PATH\n");
		return 1;
	}

	/* helpers call each other and jailhouse: let them find us first */
	snprintf(new_path, sizeof(new_path), "%s%s%s%s%s",
		 search.num_dirs > 0 ? search.dirs[0] : "",
		 search.num_dirs > 0 ? ":" : "", HELPER_DIR,
		 old_path ? ":" : "", old_path ? old_path : "");
	setenv("PATH", new_path, 1);

	helper_argv = calloc(cmd->helper_argc + 1, sizeof(*helper_argv));
	if (!helper_argv) {
		fprintf(stderr, "jailhouse: out of memory\n");
		return 1;
	}
	helper_argv[0] = (char *)cmd->helper;
	for (n = 1; n < (unsigned int)cmd->helper_argc; n++)
		helper_argv[n] = cmd->helper_argv[n];

	execv(helper, helper_argv);
	err = errno;
	explain_exec_failure(helper, err);
	free(helper_argv);
	return 1;
}
