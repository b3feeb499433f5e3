// SPDX-License-Identifier: GPL-2.0
/*
 * uio-map DEV INDEX ro|rw: mmap map INDEX of the UIO device DEV (one
 * page) read-only or read/write and print the outcome and, if mapped,
 * the first word:
 *   "map1 rw: Operation not permitted" or "map1 ro: 0x00000001"
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	long page = sysconf(_SC_PAGESIZE);
	volatile uint32_t *map;
	int fd, index, rw;

	if (argc != 4) {
		fprintf(stderr, "usage: uio-map DEV INDEX ro|rw\n");
		return 2;
	}
	index = atoi(argv[2]);
	rw = !strcmp(argv[3], "rw");
	fd = open(argv[1], O_RDWR);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	map = mmap(NULL, page, PROT_READ | (rw ? PROT_WRITE : 0), MAP_SHARED,
		   fd, index * page);
	if (map == MAP_FAILED) {
		printf("map%d %s: %s\n", index, argv[3], strerror(errno));
		return 1;
	}
	printf("map%d %s: 0x%08x\n", index, argv[3], map[0]);
	return 0;
}
