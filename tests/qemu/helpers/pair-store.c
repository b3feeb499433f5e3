// SPDX-License-Identifier: GPL-2.0
/*
 * pair-store PHYS: one stp of x2 = 0x1111111111111111 and
 * x3 = 0x2222222222222222 to physical address PHYS through /dev/mem.  A
 * pair leaves no valid syndrome (ISV=0), so the hypervisor has to read
 * and decode the instruction of a user process of the root cell to
 * report the access (scenario 15).  Exits 0 if the store went through;
 * the reflected external abort kills it with SIGBUS instead.
 *
 * Built by the top-level make into tests/qemu/files/, which the QEMU
 * runner copies to /test.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAP_SIZE	4096UL

int main(int argc, char **argv)
{
	unsigned long phys, page;
	unsigned char *map;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: pair-store PHYS (8-byte aligned)\n");
		return 2;
	}
	phys = strtoul(argv[1], NULL, 0);
	if (phys & 7) {
		fprintf(stderr, "pair-store: 0x%lx is not 8-byte aligned\n",
			phys);
		return 2;
	}
	fd = open("/dev/mem", O_RDWR | O_SYNC);
	if (fd < 0) {
		perror("pair-store: /dev/mem");
		return 1;
	}
	page = phys & ~(MAP_SIZE - 1);
	map = mmap(NULL, MAP_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   page);
	if (map == MAP_FAILED) {
		perror("pair-store: mmap");
		return 1;
	}
	asm volatile("mov x2, %1\n\t"
		     "mov x3, %2\n\t"
		     "stp x2, x3, [%0]"
		     : : "r" (map + (phys - page)),
		       "r" (0x1111111111111111UL), "r" (0x2222222222222222UL)
		     : "x2", "x3", "memory");
	printf("pair-store: stored at 0x%lx\n", phys);
	return 0;
}
