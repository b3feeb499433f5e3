/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ivshmem-net: a virtual Ethernet link over an ivshmem 2.0 device with two
 * peers (protocol JAILHOUSE_SHMEM_PROTO_VETH), wire-compatible with the
 * driver of the same name in Siemens' and the vendors' kernel trees.
 *
 * Shared-memory layout (each peer writes only its own output section):
 *
 *   output section of peer N, S bytes:
 *     [0, vrsize)       a split virtqueue ("legacy" vring, 64-byte
 *                       alignment, qlen entries): the descriptor table and
 *                       the available ring of N's transmit queue, and the
 *                       used ring of N's receive queue (the peer's
 *                       transmit queue): a peer cannot write the other's
 *                       section, so the two used rings trade places
 *     [vrsize, S)       N's frame buffers; a descriptor's address is an
 *                       offset from the start of N's section
 *
 *   qlen is the largest power of two <= 4096 whose ring, rounded up to
 *   64 bytes, stays below S / 8; both peers compute it from S alone.
 *
 * Notifications use the virtio event-index rule (avail_event in the slot
 * after the used ring, used_event after the available ring); a doorbell
 * rings the peer's vector with the number of our own TX/RX vector.
 *
 * Link handshake through the ivshmem state register (the peer reads it in
 * the state table):
 *   RESET -> INIT   once the peer is below READY
 *   INIT  -> READY  once the peer has left RESET; our section is cleared
 *                   and our rings set up first
 *   READY -> RUN    once the peer is READY or RUN (carrier on); RUN only
 *                   while the interface is up
 *   any   -> RESET  when the peer falls back (carrier off)
 */
#ifndef IVSHMEM_NET_H
#define IVSHMEM_NET_H

#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/spinlock.h>
#include <linux/virtio_ring.h>
#include <linux/workqueue.h>

#define IVNET_DRV_NAME		"ivshmem-net"

#define IVNET_STATE_RESET	0
#define IVNET_STATE_INIT	1
#define IVNET_STATE_READY	2
#define IVNET_STATE_RUN		3

/* the vendor driver's constants, part of the shared layout */
#define IVNET_VRING_ALIGN	64
#define IVNET_QLEN_MAX		4096
#define IVNET_QLEN_MIN		32
#define IVNET_MTU_DEFAULT	16384

/* MSI-X: vector 0 signals state changes, vector 1 TX/RX */
#define IVNET_VECTOR_STATE	0
#define IVNET_VECTOR_TX_RX	1

/* our frame buffers are cache-line sized slots (a sender's own choice) */
#define IVNET_FRAME_ALIGN	64

/* ivshmem 2.0 registers (BAR 0) and vendor capability */
struct ivnet_regs {
	u32 id;
	u32 max_peers;
	u32 int_control;
	u32 doorbell;
	u32 state;
};

#define IVNET_CAP_PRIV_CONTROL		0x03
#define IVNET_CAP_STATE_TABLE_SIZE	0x04
#define IVNET_CAP_RW_SECTION_SIZE	0x08
#define IVNET_CAP_OUTPUT_SECTION_SIZE	0x10
#define IVNET_CAP_ADDRESS		0x18
#define IVNET_INT_ENABLE		0x01

struct ivnet_queue {
	struct vring vr;
	u16 last_avail_idx;
	u16 last_used_idx;
	/* our index (avail for TX, used for RX) when we last notified */
	u16 notified_idx;
	/* frame buffers: [data, data + size) of the owner's section */
	void *data;
	u32 size;
	/* TX only: the ring allocator of our frame buffers */
	u32 head;
	u32 tail;
};

/* the vendor driver's ethtool counters first, then ours */
struct ivnet_stats {
	u64 tx_rx_interrupts;
	u64 tx_packets;
	u64 tx_notify;
	u64 tx_pause;
	u64 rx_packets;
	u64 rx_notify;
	u64 napi_poll;
	u64 napi_complete;
	u64 rx_bad_desc;	/* peer's descriptors dropped as malformed */
	u64 tx_bad_used;	/* peer's used entries that made no sense */
	u64 rx_alloc_failed;
	u64 tx_too_long;
	u64 link_up;
	u64 link_down;
};

struct ivnet {
	struct net_device *ndev;
	struct pci_dev *pdev;
	struct ivnet_regs __iomem *regs;
	u32 *state_table;
	/* [0]: our output section (TX), [1]: the peer's (RX) */
	void *section[2];
	phys_addr_t section_phys[2];
	u32 section_size;
	u32 id;
	u32 peer_id;

	/* layout, equal on both peers */
	u32 qlen;
	u32 vrsize;
	u32 qsize;
	/* largest MTU the layout allows */
	u32 mtu_limit;

	struct ivnet_queue tx;
	struct ivnet_queue rx;
	/* TX buffer position after each descriptor's frame (by index) */
	u32 *tx_frame_end;
	/* xmit against TX cleaning from NAPI */
	spinlock_t tx_lock;
	u16 last_bad_used_idx;

	struct napi_struct napi;
	/* state machine, under rtnl */
	u32 state;
	u32 last_peer_state;
	bool running;		/* RUN: NAPI enabled, queue started */
	bool queues_ready;	/* rings set up since the last RESET */
	bool removing;
	struct workqueue_struct *state_wq;
	struct work_struct state_work;

	u32 tx_rx_vector;
	int nvectors;
	bool msix;

	struct ivnet_stats stats;
};

/* ivshmem_net_rings.c */
int ivnet_calc_layout(struct ivnet *in);
void ivnet_init_queues(struct ivnet *in);
netdev_tx_t ivnet_xmit(struct sk_buff *skb, struct net_device *ndev);
int ivnet_poll(struct napi_struct *napi, int budget);
bool ivnet_rx_pending(struct ivnet *in);
void ivnet_ring_doorbell(struct ivnet *in);

/* ivshmem_net_ethtool.c */
extern const struct ethtool_ops ivnet_ethtool_ops;

#endif
