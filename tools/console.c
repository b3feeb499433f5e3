// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "console.h"
#include "device.h"

static bool write_all(const char *data, size_t len)
{
	ssize_t done;

	while (len > 0) {
		done = write(STDOUT_FILENO, data, len);
		if (done < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		data += done;
		len -= done;
	}
	return true;
}

int console_read(bool follow, console_sink sink, void *ctx, const char *who)
{
	char chunk[4096];
	ssize_t len;
	int fd;

	/* a closed pipe (jailhouse console | head) ends us quietly */
	signal(SIGPIPE, SIG_DFL);

	fd = device_open(O_RDWR | (follow ? 0 : O_NONBLOCK));
	if (fd < 0)
		return 1;

	for (;;) {
		len = read(fd, chunk, sizeof(chunk));
		if (len == 0)
			break;
		if (len < 0) {
			/* without -f: everything there was has been read */
			if (errno == EAGAIN && !follow)
				break;
			if (errno == EINTR && !follow)
				continue;
			if (errno == EINTR)
				break;
			fprintf(stderr, "%s: reading " JAILHOUSE_DEVICE ": %s\n",
				who, strerror(errno));
			close(fd);
			return 1;
		}
		if (!sink(chunk, len, ctx)) {
			close(fd);
			return errno == EPIPE ? 0 : 1;
		}
	}
	close(fd);
	return 0;
}

static bool write_chunk(const char *data, size_t len,
			void *ctx __attribute__((unused)))
{
	return write_all(data, len);
}

int console_dump(bool follow)
{
	return console_read(follow, write_chunk, NULL, "jailhouse: console");
}
