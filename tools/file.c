// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "file.h"

static void *read_fd(int fd, const char *path, size_t *size)
{
	size_t capacity = 0, len = 0;
	char *buffer = NULL, *bigger;
	struct stat st;
	ssize_t got;

	/* sysfs and pipes report no useful size: grow as needed */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		capacity = st.st_size + 1;
	else
		capacity = 4096;

	for (;;) {
		if (len == capacity || !buffer) {
			if (buffer)
				capacity *= 2;
			bigger = realloc(buffer, capacity);
			if (!bigger) {
				fprintf(stderr, "jailhouse: reading %s: out of "
					"memory\n", path);
				free(buffer);
				return NULL;
			}
			buffer = bigger;
		}
		got = read(fd, buffer + len, capacity - len);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "jailhouse: reading %s: %s\n", path,
				strerror(errno));
			free(buffer);
			return NULL;
		}
		if (got == 0)
			break;
		len += got;
	}

	if (len == 0) {
		fprintf(stderr, "jailhouse: %s is empty\n", path);
		free(buffer);
		return NULL;
	}
	*size = len;
	return buffer;
}

void *file_read_all(const char *path, size_t *size)
{
	void *buffer;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "jailhouse: opening %s: %s\n", path,
			strerror(errno));
		return NULL;
	}
	buffer = read_fd(fd, path, size);
	close(fd);
	return buffer;
}
