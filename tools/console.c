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

int console_dump(bool follow)
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
			fprintf(stderr, "jailhouse: console: reading "
				JAILHOUSE_DEVICE ": %s\n", strerror(errno));
			close(fd);
			return 1;
		}
		if (!write_all(chunk, len)) {
			close(fd);
			return errno == EPIPE ? 0 : 1;
		}
	}
	close(fd);
	return 0;
}
