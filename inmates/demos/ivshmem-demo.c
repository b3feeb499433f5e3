// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem 2.0 demo, after Jailhouse's: finds the first ivshmem device,
 * prints its ID, maximum peers and where its sections are, sets its state
 * to ID + 1, and then, once a second, rings the next peer (vector 0).  On
 * each interrupt it counts it and prints the peers' states that changed
 * ("state[N] = S"); it writes the count into its slot of the R/W section
 * and ten times the count into its output section, as Jailhouse's does,
 * and the state it last saw of peer N into word 1 + N of its output
 * section (for tests: the root reads them through /dev/mem).
 *
 * Command line (cell load -s "..." -a 0x1000):
 *   target=N     the peer to ring (default: the next ID, wrapping)
 *   interval=MS  between doorbells (default 1000, 0: never ring)
 *   bar=ADDR     where to put the register BAR (default 0xff000000)
 *   state=S      the state to announce (default ID + 1)
 *   quiet        print neither doorbells sent nor interrupts received
 *                (several cells share a UART)
 *   burst=N      ring the target N times at once after set-up (for
 *                counting exits: each doorbell is one)
 *   attack=WHAT  after set-up: "state-table" writes the read-only state
 *                table, "output" writes the next peer's output section,
 *                "doorbell" rings peer 11 and vector 5 (absent: ignored),
 *                "cfg" writes config space of absent functions (ignored),
 *                "net" (peer 1 of an ivshmem-net link, start with
 *                state=1): once the other peer is READY, fills this
 *                peer's rings with malformed entries, announces RUN and
 *                rings it (its driver must drop and count them);
 *                "net-stall" (likewise) takes the other peer's frames
 *                but hands back only the first 20 (its TX buffer fills)
 *   bench-rx     time the doorbells of a benchmarking peer (below)
 *   bench=N      after set-up, wait for the target's state, then ring it N
 *                times, each once the previous one was handled
 *
 * The benchmark (scripts/bench/run-ivshmem-bench) uses a block at
 * BENCH_BLOCK of each peer's output section, the same layout for the root
 * (tests/bench/el2-bench.c) and the inmates: the sender stores the virtual
 * counter and a sequence number there right before each doorbell; the
 * receiver's handler reads the counter first thing, and stores the
 * difference, who sent it and the sequence number as its
 * acknowledgement in its own block.  Both call bench_marker() around
 * ivshmem_setup() and the sender around its doorbells, where the el2count
 * plugin takes its snapshots.
 */
#include <inmate.h>

#define DEFAULT_BAR		0xff000000UL

#define BENCH_BLOCK		0x100
/* no answer within this many ms: the doorbell was lost, stop */
#define BENCH_TIMEOUT_MS	100

struct bench_block {
	u32 seq;		/* sender: number of this doorbell, from 1 */
	u32 from;		/* receiver: the peer of the last one timed */
	u64 stamp;		/* sender: CNTVCT right before ringing */
	u32 ack;		/* receiver: seq of the last one timed */
	u32 pad;
	u32 delta[];		/* receiver: CNTVCT ticks, by seq - 1 */
};

static struct ivshmem_device dev;
static volatile unsigned int irq_count;
static u32 seen_state[16];
static u64 tick_ticks;
static volatile bool tick;
static bool quiet;
static bool bench_rx;
static u32 bench_seen[16];

/* "mov x16, x16": the el2count plugin's marker (address from nm) */
void __attribute__((noinline)) bench_marker(void)
{
	asm volatile("mov x16, x16" : : : "x16", "memory");
}

static volatile struct bench_block *bench_block(u32 peer)
{
	return (volatile struct bench_block *)
		((volatile u8 *)ivshmem_output_section(&dev, peer) +
		 BENCH_BLOCK);
}

static u32 bench_capacity(void)
{
	return (dev.output_section_size - BENCH_BLOCK -
		sizeof(struct bench_block)) / sizeof(u32);
}

/* the receiver's part, first in the handler: time whichever peer rang */
static void bench_receive(u64 now)
{
	volatile struct bench_block *mine = bench_block(dev.id), *peer;
	unsigned int n, peers = dev.max_peers < 16 ? dev.max_peers : 16;
	u32 seq;

	for (n = 0; n < peers; n++) {
		if (n == dev.id)
			continue;
		peer = bench_block(n);
		seq = peer->seq;
		if (seq == bench_seen[n])
			continue;
		bench_seen[n] = seq;
		if (seq == 0 || seq > bench_capacity())
			continue;
		mine->delta[seq - 1] = now - peer->stamp;
		mine->from = n;
		asm volatile("dmb ish" : : : "memory");
		mine->ack = seq;
	}
}

/* the sender's part: count doorbells, each after the last was handled */
static void bench_send(unsigned int target, unsigned int count)
{
	volatile struct bench_block *mine = bench_block(dev.id);
	volatile struct bench_block *peer = bench_block(target);
	u64 timeout = timer_get_frequency() * BENCH_TIMEOUT_MS / 1000;
	u64 start;
	u32 seq;

	if (target >= dev.max_peers || dev.output_section_size <
	    BENCH_BLOCK + sizeof(*mine) + count * sizeof(u32)) {
		printk("IVSHMEM: bench: bad target %u or count %u\n", target,
		       count);
		return;
	}
	while (!dev.state_table[target])
		asm volatile("wfe" : : : "memory");
	bench_marker();
	for (seq = 1; seq <= count; seq++) {
		mine->seq = seq;
		mine->stamp = timer_get_ticks();
		ivshmem_ring(&dev, target, 0);
		start = timer_get_ticks();
		while (peer->ack != seq || peer->from != dev.id) {
			if (timer_get_ticks() - start > timeout) {
				bench_marker();
				printk("IVSHMEM: bench: peer %u did not answer "
				       "doorbell %u\n", target, seq);
				return;
			}
			/* under -icount hands the host thread on */
			asm volatile("wfe" : : : "memory");
		}
	}
	bench_marker();
	printk("IVSHMEM: bench: rang peer %u %u times\n", target, count);
}

static void print_changed_states(void)
{
	unsigned int n, peers = dev.max_peers < 16 ? dev.max_peers : 16;
	u32 state;

	for (n = 0; n < peers; n++) {
		if (n == dev.id)
			continue;
		state = dev.state_table[n];
		if (state != seen_state[n]) {
			seen_state[n] = state;
			printk("IVSHMEM: state[%u] = %u\n", n, state);
		}
		if (dev.output_section_size >= 4 * (1 + 16) &&
		    dev.id < dev.max_peers)
			((volatile u32 *)ivshmem_output_section(&dev,
							       dev.id))[1 + n] =
				state;
	}
}

static void handle_irq(unsigned int irq)
{
	u64 now = timer_get_ticks();

	if (irq == TIMER_IRQ) {
		tick = true;
		timer_start(tick_ticks);
		return;
	}
	if (irq != dev.irq)
		return;
	if (bench_rx)
		bench_receive(now);
	irq_count++;
	/* (an ivshmem-net link has no R/W section) */
	if (dev.rw_section_size >= 4 * (dev.id + 1))
		((volatile u32 *)dev.rw_section)[dev.id] = irq_count;
	if (dev.output_section_size && dev.id < dev.max_peers)
		*(volatile u32 *)ivshmem_output_section(&dev, dev.id) =
			irq_count * 10;
	if (!quiet)
		printk("IVSHMEM: got interrupt 0 (#%u)\n", irq_count);
	print_changed_states();
}

/*
 * The ivshmem-net layout of a 520192-byte output section (2048 entries;
 * see driver/ivshmem_net.h): descriptors (16 bytes each) at 0, the
 * available ring at 32768 (flags, idx, ring), the used ring at 36928.
 */
#define NET_QLEN		2048
#define NET_AVAIL		0x8000
#define NET_USED		36928
#define NET_BAD_DESCS		64

struct net_desc {
	u64 addr;
	u32 len;
	u16 flags;
	u16 next;
};

static void attack_net(void)
{
	volatile u8 *out = ivshmem_output_section(&dev, dev.id);
	volatile struct net_desc *desc = (volatile struct net_desc *)out;
	volatile u16 *avail = (volatile u16 *)(out + NET_AVAIL);
	volatile u16 *used = (volatile u16 *)(out + NET_USED);
	u32 size = dev.output_section_size, noise = 0x2545f491;
	u64 start = timer_get_ticks(), limit = timer_get_frequency() * 5;
	unsigned int n, peer = !dev.id;

	if (dev.max_peers != 2 || size != 520192) {
		printk("IVSHMEM: attack=net needs an ivshmem-net link of 2 "
		       "peers with 520192-byte output sections\n");
		return;
	}
	/* the peer sets its rings up on the way to READY: wait for it */
	while (dev.state_table[peer] < 2) {
		if (timer_get_ticks() - start > limit) {
			printk("IVSHMEM: attack=net: peer %u stays in state "
			       "%u\n", peer, dev.state_table[peer]);
			return;
		}
		asm volatile("wfe" : : : "memory");
	}
	/* noise over the rings (xorshift32) ... */
	for (n = 0; n < NET_USED + 8 * NET_QLEN + 8; n += 4) {
		noise ^= noise << 13;
		noise ^= noise >> 17;
		noise ^= noise << 5;
		*(volatile u32 *)(out + n) = noise;
	}
	/* ... then NET_BAD_DESCS entries, each bad in its own way */
	for (n = 0; n < NET_BAD_DESCS; n++) {
		desc[n].addr = 0x10000;
		desc[n].len = 1500;
		desc[n].flags = 0;
		switch (n % 6) {
		case 0:	desc[n].flags = 1; break;		/* chained */
		case 1:	desc[n].addr = 0x100; break;		/* in the rings */
		case 2:	desc[n].addr = size - 10; break;	/* crosses the end */
		case 3:	desc[n].addr = 0xffffffff00000000ULL; break;
		case 4:	desc[n].len = 4; break;			/* shorter than a header */
		case 5:	desc[n].len = 0xffffffff; break;
		}
		/* every other one by an index beyond the ring */
		avail[2 + n] = n % 2 ? n : 0x8000 + n;
	}
	avail[1] = NET_BAD_DESCS;
	/* the used index of the peer's TX ring, far beyond what it sent */
	used[1] = 0x4321;
	asm volatile("dsb ish" : : : "memory");
	ivshmem_set_state(&dev, 3);
	ivshmem_ring(&dev, peer, 0);
	printk("IVSHMEM: attack=net: %u bad descriptors and a bad used "
	       "index offered to peer %u\n", NET_BAD_DESCS, peer);
}

/* the ring index at P once it has not moved for half a second */
static u16 index_when_still(volatile u16 *p)
{
	u64 still = timer_get_frequency() / 2, since = timer_get_ticks();
	u64 end = since + timer_get_frequency() * 20;
	u16 idx = *p, now;

	while (timer_get_ticks() - since < still &&
	       timer_get_ticks() < end) {
		now = *p;
		if (now != idx) {
			idx = now;
			since = timer_get_ticks();
		}
		asm volatile("wfe" : : : "memory");
	}
	return idx;
}

/*
 * attack=net-stall: a peer that goes to RUN, takes the frames the root
 * sends and hands back only the first NET_STALL_RETURNED.  The root's
 * buffer wraps around into the space they freed and fills up there: it
 * must stop its queue, not write past the buffer.
 */
#define NET_STALL_RETURNED	20

static void attack_net_stall(void)
{
	unsigned int n, peer = !dev.id;
	volatile u8 *out = ivshmem_output_section(&dev, dev.id);
	volatile u8 *in = ivshmem_output_section(&dev, peer);
	/* our used ring answers the root's TX ring: flags, idx, {id, len} */
	volatile u16 *used_idx = (volatile u16 *)(out + NET_USED + 2);
	volatile u32 *used = (volatile u32 *)(out + NET_USED + 4);
	volatile u16 *their_avail_idx = (volatile u16 *)(in + NET_AVAIL + 2);
	u64 start = timer_get_ticks(), limit = timer_get_frequency() * 5;
	u16 offered, more;

	while (dev.state_table[peer] < 2) {
		if (timer_get_ticks() - start > limit) {
			printk("IVSHMEM: net-stall: peer %u stays in state "
			       "%u\n", peer, dev.state_table[peer]);
			return;
		}
		asm volatile("wfe" : : : "memory");
	}
	/* empty rings of our own (an earlier run may have left some) */
	for (n = 0; n < NET_USED + 4 + 8 * NET_QLEN + 2; n += 4)
		*(volatile u32 *)(out + n) = 0;
	asm volatile("dsb ish" : : : "memory");
	ivshmem_set_state(&dev, 3);
	printk("IVSHMEM: net-stall: in RUN\n");

	offered = index_when_still(their_avail_idx);
	for (n = 0; n < NET_STALL_RETURNED; n++) {
		used[2 * n] = n;
		used[2 * n + 1] = 1;
	}
	asm volatile("dsb ish" : : : "memory");
	*used_idx = NET_STALL_RETURNED;
	asm volatile("dsb ish" : : : "memory");
	ivshmem_ring(&dev, peer, 0);
	more = index_when_still(their_avail_idx);
	printk("IVSHMEM: net-stall: %u frames offered, %u returned, then "
	       "%u more\n", offered, NET_STALL_RETURNED,
	       (u16)(more - offered));
}

static void attack(const char *what)
{
	unsigned int next = (dev.id + 1) % dev.max_peers;

	if (!strcmp(what, "state-table")) {
		printk("IVSHMEM: writing the state table\n");
		dev.state_table[dev.id] = 0xbad;
	} else if (!strcmp(what, "output")) {
		printk("IVSHMEM: writing the output section of peer %u\n",
		       next);
		*(volatile u32 *)ivshmem_output_section(&dev, next) = 0xbad;
	} else if (!strcmp(what, "doorbell")) {
		ivshmem_ring(&dev, 11, 0);
		ivshmem_ring(&dev, next, 5);
		printk("IVSHMEM: rang absent peer 11 and vector 5: ignored\n");
	} else if (!strcmp(what, "net")) {
		attack_net();
	} else if (!strcmp(what, "net-stall")) {
		attack_net_stall();
	} else if (!strcmp(what, "cfg")) {
		pci_write_config(0x0f8, PCI_CFG_COMMAND, PCI_CMD_MEM, 2);
		pci_write_config(0x0f1, PCI_CFG_BAR, 0xfe000000, 4);
		printk("IVSHMEM: config writes to absent devices done, "
		       "absent reads 0x%x\n",
		       pci_read_config(0x0f8, PCI_CFG_VENDOR_ID, 4));
	}
}

void inmate_main(void)
{
	unsigned long bar = cmdline_parse_int("bar", DEFAULT_BAR);
	long long interval_ms = cmdline_parse_int("interval", 1000);
	unsigned int target, before, burst, n, bench;
	char what[16];
	u32 state;

	if (irq_init(handle_irq) || pci_init()) {
		printk("IVSHMEM: no interrupt controller or PCI .. stopping.\n");
		return;
	}
	bench = cmdline_parse_int("bench", 0);
	bench_rx = cmdline_parse_bool("bench-rx", false);
	before = pci_config_accesses;
	if (bench || bench_rx)
		bench_marker();
	if (ivshmem_setup(&dev, 0, bar))
		return;
	if (bench || bench_rx)
		bench_marker();
	printk("IVSHMEM: Found device at %02x:%02x.%x\n", dev.bdf >> 8,
	       (dev.bdf >> 3) & 0x1f, dev.bdf & 7);
	printk("IVSHMEM: set up with %u config-space accesses\n",
	       pci_config_accesses - before);
	printk("IVSHMEM: bar0 is at 0x%lx\n", bar);
	printk("IVSHMEM: ID is %u\n", dev.id);
	printk("IVSHMEM: max. peers is %u\n", dev.max_peers);
	printk("IVSHMEM: state table is at 0x%lx\n",
	       (unsigned long)dev.state_table);
	printk("IVSHMEM: R/W section is at 0x%lx\n",
	       (unsigned long)dev.rw_section);
	printk("IVSHMEM: output sections start at 0x%lx\n",
	       (unsigned long)dev.output_sections);
	printk("IVSHMEM: output section is at 0x%lx\n",
	       (unsigned long)ivshmem_output_section(&dev, dev.id));
	if (!dev.irq)
		printk("IVSHMEM: no INTx pin, interrupts not used\n");

	target = dev.max_peers ? (dev.id + 1) % dev.max_peers : 0;
	target = cmdline_parse_int("target", target);
	state = cmdline_parse_int("state", dev.id + 1);
	quiet = cmdline_parse_bool("quiet", false);

	ivshmem_enable_irq(&dev, true);
	ivshmem_set_state(&dev, state);
	printk("IVSHMEM: initialized device, state %u\n", state);
	print_changed_states();

	cmdline_parse_str("attack", what, sizeof(what), "");
	if (what[0])
		attack(what);
	burst = cmdline_parse_int("burst", 0);
	if (burst > 0) {
		for (n = 0; n < burst; n++)
			ivshmem_ring(&dev, target, 0);
		printk("IVSHMEM: rang peer %u %u times\n", target, burst);
	}
	if (bench)
		bench_send(target, bench);

	tick_ticks = timer_get_frequency() * (interval_ms > 0 ?
					      interval_ms : 1000) / 1000;
	irq_enable(TIMER_IRQ);
	timer_start(tick_ticks);

	while (1) {
		if (comm_region_poll() == JAILHOUSE_MSG_SHUTDOWN_REQUEST) {
			ivshmem_set_state(&dev, 0);
			timer_stop();
			inmate_shutdown_approve();
			inmate_halt();
		}
		if (tick) {
			tick = false;
			print_changed_states();
			if (interval_ms > 0 && !quiet)
				printk("IVSHMEM: sending IRQ 0 to peer %u "
				       "(received %u)\n", target, irq_count);
			if (interval_ms > 0)
				ivshmem_ring(&dev, target, 0);
		}
		wait_for_interrupt();
	}
}
