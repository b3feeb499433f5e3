// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/jailhouse access.  Error lines keep Jailhouse's wording
 * ("opening /dev/jailhouse: ...", "JAILHOUSE_ENABLE: Invalid argument")
 * so that scripts written for Jailhouse keep matching.  A failed ioctl
 * gets the driver's reason on the same line, so that it is said once; a
 * failed open gets a line that says what to do.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <jailhouse/ioctl.h>

#include "device.h"
#include "sysfs.h"

/* Present while jailhouse.ko is loaded, whether or not udev made the node. */
#define JAILHOUSE_SYSFS_MODULE	"/sys/module/jailhouse"

/* the real tree: JAILHOUSE_SYSFS_ROOT fakes cells, not a loaded module */
static bool module_loaded(void)
{
	struct stat st;

	return stat(JAILHOUSE_SYSFS_MODULE, &st) == 0 ||
		stat(SYSFS_DEFAULT_ROOT, &st) == 0;
}

int device_open(int flags)
{
	int saved_errno;
	int fd;

	fd = open(JAILHOUSE_DEVICE, flags);
	if (fd >= 0)
		return fd;

	saved_errno = errno;
	fprintf(stderr, "opening " JAILHOUSE_DEVICE ": %s\n",
		strerror(saved_errno));
	switch (saved_errno) {
	case ENOENT:
	case ENODEV:
	case ENXIO:
		if (module_loaded())
			fprintf(stderr,
				"jailhouse: jailhouse.ko is loaded but "
				JAILHOUSE_DEVICE " is missing: is devtmpfs "
				"mounted on /dev?\n");
		else
			fprintf(stderr,
				"jailhouse: jailhouse.ko is not loaded: run "
				"modprobe jailhouse\n");
		break;
	case EACCES:
	case EPERM:
		fprintf(stderr,
			"jailhouse: " JAILHOUSE_DEVICE " needs root: run "
			"jailhouse as root (e.g. with sudo)\n");
		break;
	}
	return -1;
}

/*
 * The driver's account of the last failure on @fd into @msg, rewritten
 * and without trailing newlines; false if it gives none.
 */
static bool driver_reason(int fd, struct jailhouse_error_msg *msg,
			  device_reason_rewrite_t rewrite, void *ctx)
{
	size_t len;

	memset(msg, 0, sizeof(*msg));
	/* drivers without the extension answer ENOTTY: nothing to add */
	if (ioctl(fd, JAILHOUSE_GET_ERROR, msg) != 0)
		return false;
	msg->text[sizeof(msg->text) - 1] = '\0';
	if (rewrite && msg->text[0])
		rewrite(msg->text, sizeof(msg->text), ctx);
	len = strlen(msg->text);
	while (len > 0 && msg->text[len - 1] == '\n')
		msg->text[--len] = '\0';
	return len > 0;
}

int device_ioctl(int fd, unsigned long request, void *arg, const char *name,
		 device_reason_rewrite_t rewrite, void *ctx)
{
	struct jailhouse_error_msg msg;
	int saved_errno;

	if (ioctl(fd, request, arg) == 0)
		return 0;

	/* one line: Jailhouse's "NAME: strerror", then why */
	saved_errno = errno;
	if (driver_reason(fd, &msg, rewrite, ctx))
		fprintf(stderr, "%s: %s: %s\n", name, strerror(saved_errno),
			msg.text);
	else
		fprintf(stderr, "%s: %s\n", name, strerror(saved_errno));
	return -1;
}
