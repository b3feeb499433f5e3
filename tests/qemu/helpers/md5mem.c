// SPDX-License-Identifier: GPL-2.0
/*
 * md5mem LABEL [MIB]: the CPU-bound load of the Linux-cell benchmark
 * (scripts/bench/run-linux-cell-bench).  Fills MIB MiB (default 64) of
 * fresh memory with a fixed pattern, then takes its MD5, and prints
 *
 *   LABEL md5mem mib=64 fill=T1 md5=T2 cntfrq=F cpu=C irqs=N digest=HEX
 *
 * with T1 and T2 the virtual-counter ticks of each phase, and N the
 * interrupts CPU C (where it runs: pin it) took meanwhile, from
 * /proc/interrupts; under the hypervisor each is one exit of that CPU.
 * The same static binary runs in the root (/test/md5mem) and in the Linux
 * inmate (/bin/md5mem), so the two sides execute the same instructions and
 * pay for no pipes or files: what differs is what the hypervisor adds.
 * The fill touches every page (page faults, stage-1 and stage-2 walks on
 * real hardware); the MD5 is computation over memory read in order.  The
 * digest proves both sides did the same work: for 64 MiB it equals
 *   python3 -c 'import sys,array; sys.stdout.buffer.write(array.array("I",
 *     ((i * 0x9e3779b9) & 0xffffffff for i in range(1 << 24))).tobytes())'
 * piped into a host's md5sum.
 *
 * The MD5 is written here from RFC 1321's description (no libcrypto in
 * a static busybox world).
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* floor(2^32 * |sin(i + 1)|), RFC 1321 section 3.4 */
static const uint32_t md5_sine[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
	0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
	0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
	0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
	0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
	0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
	0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
	0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
	0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
	0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
	0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
	0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
	0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* left-rotation amounts, four per round */
static const uint8_t md5_shift[4][4] = {
	{ 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 },
};

static uint32_t rotl(uint32_t x, unsigned int n)
{
	return (x << n) | (x >> (32 - n));
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* one 64-byte block into the state h[4] */
static void md5_block(uint32_t h[4], const uint8_t *block)
{
	uint32_t m[16], a = h[0], b = h[1], c = h[2], d = h[3];
	unsigned int i;

	for (i = 0; i < 16; i++)
		m[i] = le32(block + 4 * i);
	for (i = 0; i < 64; i++) {
		uint32_t f, next;
		unsigned int word;

		switch (i / 16) {
		case 0:
			f = (b & c) | (~b & d);
			word = i;
			break;
		case 1:
			f = (d & b) | (~d & c);
			word = (5 * i + 1) % 16;
			break;
		case 2:
			f = b ^ c ^ d;
			word = (3 * i + 5) % 16;
			break;
		default:
			f = c ^ (b | ~d);
			word = (7 * i) % 16;
			break;
		}
		next = b + rotl(a + f + md5_sine[i] + m[word],
				md5_shift[i / 16][i % 4]);
		a = d;
		d = c;
		c = b;
		b = next;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
}

static void md5(const uint8_t *data, size_t len, uint8_t digest[16])
{
	uint32_t h[4] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 };
	uint8_t tail[128] = { 0 };
	size_t full = len & ~(size_t)63, rest = len - full, tail_len, i;
	uint64_t bits = (uint64_t)len * 8;

	for (i = 0; i < full; i += 64)
		md5_block(h, data + i);

	/* 0x80, zeros up to 56 mod 64, then the length in bits (LE) */
	memcpy(tail, data + full, rest);
	tail[rest] = 0x80;
	tail_len = rest < 56 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[tail_len - 8 + i] = bits >> (8 * i);
	for (i = 0; i < tail_len; i += 64)
		md5_block(h, tail + i);

	for (i = 0; i < 16; i++)
		digest[i] = h[i / 4] >> (8 * (i % 4));
}

static uint64_t counter(void)
{
#ifdef __aarch64__
	uint64_t cnt;

	asm volatile("isb; mrs %0, cntvct_el0" : "=r" (cnt) :: "memory");
	return cnt;
#else	/* a host build, to check the digest */
	return 0;
#endif
}

static uint64_t counter_freq(void)
{
#ifdef __aarch64__
	uint64_t frq;

	asm volatile("mrs %0, cntfrq_el0" : "=r" (frq));
	return frq;
#else
	return 0;
#endif
}

/* the interrupts CPU cpu has taken so far, summed over /proc/interrupts */
static unsigned long long cpu_interrupts(int cpu)
{
	char line[1024], name[16], *p, *end;
	unsigned long long sum = 0, n;
	int col = -1, i;
	FILE *f;

	f = fopen("/proc/interrupts", "r");
	if (!f)
		return 0;
	/* the header names the online CPUs' columns: find ours */
	if (fgets(line, sizeof(line), f)) {
		snprintf(name, sizeof(name), "CPU%d", cpu);
		p = strtok(line, " \t\n");
		for (i = 0; p; i++, p = strtok(NULL, " \t\n"))
			if (!strcmp(p, name))
				col = i;
	}
	while (col >= 0 && fgets(line, sizeof(line), f)) {
		p = strchr(line, ':');
		if (!p)
			continue;
		p++;
		for (i = 0; i <= col; i++, p = end) {
			n = strtoull(p, &end, 10);
			if (end == p)
				break;
			if (i == col)
				sum += n;
		}
	}
	fclose(f);
	return sum;
}

int main(int argc, char **argv)
{
	const char *label = argc > 1 ? argv[1] : "md5mem";
	unsigned long mib = argc > 2 ? strtoul(argv[2], NULL, 0) : 64;
	size_t words = mib << 18, i;
	unsigned long long irqs;
	uint64_t t0, t1, t2;
	uint8_t digest[16];
	int cpu;
	uint32_t *buf;

	if (argc > 3 || mib == 0 || mib > 1024) {
		fprintf(stderr, "usage: md5mem LABEL [MIB (1..1024, default 64)]\n");
		return 2;
	}
	/*
	 * 4 KiB pages on both sides: the root (768 MiB) would get
	 * transparent huge pages where the inmate (128 MiB) does not, and
	 * that difference of the guests' page-fault work is not the
	 * hypervisor's.
	 */
	buf = mmap(NULL, words * sizeof(*buf), PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED) {
		fprintf(stderr, "md5mem: cannot map %lu MiB\n", mib);
		return 1;
	}
	madvise(buf, words * sizeof(*buf), MADV_NOHUGEPAGE);

	cpu = sched_getcpu();
	irqs = cpu_interrupts(cpu);
	t0 = counter();
	for (i = 0; i < words; i++)
		buf[i] = (uint32_t)i * 0x9e3779b9u;
	t1 = counter();
	md5((const uint8_t *)buf, words * sizeof(*buf), digest);
	t2 = counter();
	irqs = cpu_interrupts(cpu) - irqs;

	printf("%s md5mem mib=%lu fill=%llu md5=%llu cntfrq=%llu cpu=%d "
	       "irqs=%llu digest=", label, mib, (unsigned long long)(t1 - t0),
	       (unsigned long long)(t2 - t1),
	       (unsigned long long)counter_freq(), cpu, irqs);
	for (i = 0; i < 16; i++)
		printf("%02x", digest[i]);
	printf("\n");
	munmap(buf, words * sizeof(*buf));
	return 0;
}
