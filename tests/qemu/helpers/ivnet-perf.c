// SPDX-License-Identifier: GPL-2.0
/*
 * ivnet-perf LABEL MODE ARGS: the loads of the ivshmem-net benchmark
 * (scripts/bench/run-ivnet-bench).  Every mode prints one line
 *
 *   LABEL MODE key=value ... cntfrq=F
 *
 * with times as virtual-counter values (CNTVCT_EL0).  The root and its
 * cells share the counter (CNTVOFF_EL2 stays 0), so a start taken on one
 * end of the link and an end taken on the other make one interval; under
 * -icount every guest instruction, on whichever CPU, is 1 ns of it.
 *
 *   tcp-rx PORT [bg]             accept one connection, read it to EOF
 *   tcp-tx ADDR PORT MIB         connect, write MIB MiB, close
 *   udp-rx PORT [bg]             count datagrams up to the sender's end mark
 *   udp-tx ADDR PORT COUNT SIZE  send COUNT datagrams of SIZE bytes, then
 *                                end marks
 *   memcpy MIB                   copy MIB MiB in memory (the limit: each
 *                                byte crosses the link by copies like it)
 *
 * With "bg" the receiver forks after bind/listen: the parent prints
 * "LABEL listening" and exits, the child prints the result when done.
 * The shell (or the runner typing into it) thus knows the port is open
 * before it starts the sender: under -icount with sleep=off an idle guest
 * runs ahead of the host, so "sleep 1" before the sender proves nothing.
 *
 * Static, built by the top-level make into tests/qemu/files/ (the root's
 * /test) and copied into the Linux inmate's initramfs (/bin/ivnet-perf):
 * both ends run the same instructions.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

/* as large as one write of a bulk sender; a few MTU-sized frames */
#define CHUNK		(64 * 1024)
#define MIB		(1024 * 1024UL)
/* a datagram with this sequence number ends a UDP run */
#define END_MARK	0xffffffffU
#define END_MARKS	20

static const char *label;
/*
 * Before a background receiver's result: its shell printed a prompt
 * without a newline meanwhile, and the result must start a line.
 */
static const char *lead = "";

static uint64_t now(void)
{
	uint64_t cnt;

	asm volatile("isb; mrs %0, cntvct_el0" : "=r" (cnt) :: "memory");
	return cnt;
}

static uint64_t cntfrq(void)
{
	uint64_t frq;

	asm volatile("mrs %0, cntfrq_el0" : "=r" (frq));
	return frq;
}

static void die(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", label, what, strerror(errno));
	exit(1);
}

static unsigned long number(const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	if (!*s || *end) {
		fprintf(stderr, "%s: not a number: %s\n", label, s);
		exit(2);
	}
	return v;
}

static struct sockaddr_in address(const char *ip, const char *port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };

	sa.sin_port = htons(number(port));
	if (!ip)
		sa.sin_addr.s_addr = htonl(INADDR_ANY);
	else if (inet_pton(AF_INET, ip, &sa.sin_addr) != 1) {
		fprintf(stderr, "%s: not an IPv4 address: %s\n", label, ip);
		exit(2);
	}
	return sa;
}

static int bound_socket(int type, const char *port)
{
	struct sockaddr_in sa = address(NULL, port);
	int fd = socket(AF_INET, type, 0), one = 1;
	/* a burst of small datagrams must wait here, not be dropped */
	int rcvbuf = 4 * 1024 * 1024;

	if (fd < 0)
		die("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (type == SOCK_DGRAM)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
			   sizeof(rcvbuf));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)))
		die("bind");
	if (type == SOCK_STREAM && listen(fd, 1))
		die("listen");
	return fd;
}

/* "bg": return in the child, once the parent has said the port is open */
static void background(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid > 0) {
		printf("%s listening\n", label);
		exit(0);
	}
	lead = "\n";
}

static int tcp_rx(int argc, char **argv)
{
	uint64_t t_accept, t_first = 0, t_eof, bytes = 0;
	static char buf[CHUNK];
	int lfd, fd;
	ssize_t n;

	if (argc < 1)
		return -1;
	lfd = bound_socket(SOCK_STREAM, argv[0]);
	if (argc > 1 && !strcmp(argv[1], "bg"))
		background();
	fd = accept(lfd, NULL, NULL);
	if (fd < 0)
		die("accept");
	t_accept = now();
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("read");
		}
		if (!bytes)
			t_first = now();
		bytes += n;
	}
	t_eof = now();
	close(fd);
	printf("%s%s tcp-rx bytes=%llu accept=%llu first=%llu eof=%llu "
	       "cntfrq=%llu\n", lead, label, (unsigned long long)bytes,
	       (unsigned long long)t_accept, (unsigned long long)t_first,
	       (unsigned long long)t_eof, (unsigned long long)cntfrq());
	return 0;
}

static int tcp_tx(int argc, char **argv)
{
	struct sockaddr_in sa;
	uint64_t t_start, t_end, left;
	static char buf[CHUNK];
	unsigned int i;
	int fd;

	if (argc < 3)
		return -1;
	sa = address(argv[0], argv[1]);
	left = number(argv[2]) * MIB;
	/* not zeros: nothing on the way may treat the data as special */
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = i * 0x9e3779b9U >> 24;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		die("socket");
	t_start = now();
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)))
		die("connect");
	while (left) {
		ssize_t n = write(fd, buf, left < sizeof(buf) ? left :
				  sizeof(buf));

		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("write");
		}
		left -= n;
	}
	if (close(fd))
		die("close");
	t_end = now();
	printf("%s tcp-tx bytes=%llu start=%llu end=%llu cntfrq=%llu\n",
	       label, (unsigned long long)(number(argv[2]) * MIB),
	       (unsigned long long)t_start,
	       (unsigned long long)t_end, (unsigned long long)cntfrq());
	return 0;
}

static int udp_rx(int argc, char **argv)
{
	uint64_t t_first = 0, t_last = 0, packets = 0, bytes = 0;
	uint32_t seq, highest = 0;
	static char buf[65536];
	ssize_t n;
	int fd;

	if (argc < 1)
		return -1;
	fd = bound_socket(SOCK_DGRAM, argv[0]);
	if (argc > 1 && !strcmp(argv[1], "bg"))
		background();
	for (;;) {
		n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("recv");
		}
		if (n < (ssize_t)sizeof(seq))
			continue;
		memcpy(&seq, buf, sizeof(seq));
		if (seq == END_MARK)
			break;
		t_last = now();
		if (!packets)
			t_first = t_last;
		packets++;
		bytes += n;
		if (seq > highest)
			highest = seq;
	}
	printf("%s%s udp-rx packets=%llu bytes=%llu highest=%u first=%llu "
	       "last=%llu cntfrq=%llu\n", lead, label,
	       (unsigned long long)packets, (unsigned long long)bytes,
	       highest, (unsigned long long)t_first,
	       (unsigned long long)t_last, (unsigned long long)cntfrq());
	return 0;
}

static int udp_tx(int argc, char **argv)
{
	unsigned long count, size, sent = 0, dropped = 0, i;
	struct sockaddr_in sa;
	uint64_t t_start, t_end;
	static char buf[65536];
	uint32_t seq;
	int fd, one = 1;

	if (argc < 4)
		return -1;
	sa = address(argv[0], argv[1]);
	count = number(argv[2]);
	size = number(argv[3]);
	if (size < sizeof(seq) || size > 65507) {
		fprintf(stderr, "%s: datagram size %lu: 4..65507\n", label,
			size);
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0)
		die("socket");
	/* a bare-metal peer answers no ARP: it is sent the broadcast */
	if (setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &one, sizeof(one)))
		die("SO_BROADCAST");
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)))
		die("connect");
	t_start = now();
	for (i = 1; i <= count; i++) {
		seq = i;
		memcpy(buf, &seq, sizeof(seq));
		/* a full queue is reported only to some senders: count it */
		if (send(fd, buf, size, 0) == (ssize_t)size)
			sent++;
		else if (errno == ENOBUFS || errno == EAGAIN)
			dropped++;
		else
			die("send");
	}
	t_end = now();
	/*
	 * Several end marks, paced, so that one reaches the receiver even
	 * if the queue still drops: the receiver stops at the first.
	 */
	seq = END_MARK;
	memcpy(buf, &seq, sizeof(seq));
	for (i = 0; i < END_MARKS; i++) {
		usleep(10000);
		send(fd, buf, sizeof(seq), 0);
	}
	printf("%s udp-tx packets=%lu size=%lu refused=%lu start=%llu "
	       "end=%llu cntfrq=%llu\n", label, sent, size, dropped,
	       (unsigned long long)t_start, (unsigned long long)t_end,
	       (unsigned long long)cntfrq());
	return 0;
}

/*
 * Copies MIB MiB from one 4 MiB buffer into another, CHUNK bytes at a
 * time: what a socket write and read each do to every byte.  4 MiB spans
 * more than the caches of the boards this runs on, so on hardware too
 * it is a copy through memory, not within L1.
 */
static int mem_copy(int argc, char **argv)
{
	const size_t span = 4 * MIB;
	uint64_t t_start, t_end, total, done;
	unsigned long sum = 0;
	char *src, *dst;
	size_t i;

	if (argc < 1)
		return -1;
	total = number(argv[0]) * MIB;
	src = mmap(NULL, span, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	dst = mmap(NULL, span, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (src == MAP_FAILED || dst == MAP_FAILED)
		die("mmap");
	/* the page faults are no part of the copy: take them first */
	for (i = 0; i < span; i++)
		src[i] = i * 0x9e3779b9U >> 24;
	memset(dst, 0, span);
	t_start = now();
	for (done = 0; done < total; done += CHUNK) {
		size_t off = done % span;

		memcpy(dst + off, src + off, CHUNK);
		/* the copies must happen, in order, as written */
		asm volatile("" ::: "memory");
	}
	t_end = now();
	for (i = 0; i < span; i += 4096)
		sum += dst[i];
	printf("%s memcpy bytes=%llu start=%llu end=%llu cntfrq=%llu "
	       "check=%lu\n", label, (unsigned long long)total,
	       (unsigned long long)t_start, (unsigned long long)t_end,
	       (unsigned long long)cntfrq(), sum);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv);
	} modes[] = {
		{ "tcp-rx", tcp_rx }, { "tcp-tx", tcp_tx },
		{ "udp-rx", udp_rx }, { "udp-tx", udp_tx },
		{ "memcpy", mem_copy },
	};
	unsigned int i;
	int ret;

	/* the lines must not wait in a buffer when the output is a file */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3) {
		label = argv[1];
		for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
			if (strcmp(argv[2], modes[i].name))
				continue;
			ret = modes[i].run(argc - 3, argv + 3);
			if (ret >= 0)
				return ret;
			break;
		}
	}
	fprintf(stderr, "usage: ivnet-perf LABEL tcp-rx PORT [bg]\n"
		"       ivnet-perf LABEL tcp-tx ADDR PORT MIB\n"
		"       ivnet-perf LABEL udp-rx PORT [bg]\n"
		"       ivnet-perf LABEL udp-tx ADDR PORT COUNT SIZE\n"
		"       ivnet-perf LABEL memcpy MIB\n");
	return 2;
}
