// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net: the rings in the shared memory (layout in ivshmem_net.h).
 *
 * Everything the peer wrote is read once and checked before use: the
 * peer may be a broken or hostile cell.  A bad descriptor is dropped and
 * counted (rx_bad_desc, rx_errors) and handed back; a used entry that
 * does not match what we sent stops TX cleaning and is counted
 * (tx_bad_used, tx_errors), until the link is reset.
 */

#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/io.h>
#include <linux/skbuff.h>

#include "ivshmem_net.h"

int ivnet_calc_layout(struct ivnet *in)
{
	u32 size = in->section_size;
	u32 qlen, vrsize = 0;

	/*
	 * The vendor driver's search, reproduced to the byte because both
	 * ends must agree: halve from 4096 while the ring is not below 1/8
	 * of the section, down to 64.  If even 64 entries are too big, it
	 * ends with 32 entries but keeps the ring size of 64.
	 */
	for (qlen = IVNET_QLEN_MAX; qlen > IVNET_QLEN_MIN; qlen >>= 1) {
		vrsize = ALIGN(vring_size(qlen, IVNET_VRING_ALIGN),
			       IVNET_VRING_ALIGN);
		if (vrsize < size / 8)
			break;
	}
	if (vrsize >= size || size - vrsize < 4 * ETH_MIN_MTU)
		return -EINVAL;

	in->qlen = qlen;
	in->vrsize = vrsize;
	in->qsize = size - vrsize;
	in->mtu_limit = min_t(u32, ETH_MAX_MTU, in->qsize / 4);
	return 0;
}

/* Called between RESET and READY only: NAPI off, queue stopped. */
void ivnet_init_queues(struct ivnet *in)
{
	struct vring_used *our_used;

	spin_lock_bh(&in->tx_lock);
	memset(in->section[0], 0, in->section_size);

	memset(&in->tx, 0, sizeof(in->tx));
	memset(&in->rx, 0, sizeof(in->rx));
	vring_init(&in->tx.vr, in->qlen, in->section[0], IVNET_VRING_ALIGN);
	vring_init(&in->rx.vr, in->qlen, in->section[1], IVNET_VRING_ALIGN);
	/* we can only write our own section: the used rings trade places */
	our_used = in->tx.vr.used;
	in->tx.vr.used = in->rx.vr.used;
	in->rx.vr.used = our_used;

	in->tx.data = in->section[0] + in->vrsize;
	in->tx.size = in->qsize;
	in->rx.data = in->section[1] + in->vrsize;
	in->rx.size = in->qsize;
	in->last_bad_used_idx = 0;
	spin_unlock_bh(&in->tx_lock);
}

void ivnet_ring_doorbell(struct ivnet *in)
{
	writel(in->tx_rx_vector | (in->peer_id << 16), &in->regs->doorbell);
}

static u16 tx_in_flight(struct ivnet *in)
{
	return in->tx.last_avail_idx - in->tx.last_used_idx;
}

/*
 * Where a frame of LEN bytes goes in our buffer ring, or -1 if it does
 * not fit now.  Frames never wrap; head == tail only when nothing is in
 * flight.
 */
static long tx_place(struct ivnet *in, unsigned int len)
{
	struct ivnet_queue *tx = &in->tx;
	u32 slot = ALIGN(len, IVNET_FRAME_ALIGN);

	if (tx_in_flight(in) >= in->qlen)
		return -1;
	if (!tx_in_flight(in))
		return slot <= tx->size ? 0 : -1;
	if (tx->head >= tx->tail) {
		if (tx->size - tx->head >= slot)
			return tx->head;
		return slot < tx->tail ? 0 : -1;
	}
	/*
	 * Not a conditional expression: with tx->head (u32) in it, its -1
	 * would become 0xffffffff, a "position" 4 GiB past the buffer.
	 */
	if (tx->tail - tx->head > slot)
		return tx->head;
	return -1;
}

static bool tx_fits_max_frame(struct ivnet *in)
{
	return tx_place(in, in->ndev->mtu + VLAN_ETH_HLEN) >= 0;
}

static void tx_bad_used(struct ivnet *in, u16 used_idx, const char *what,
			u32 a, u32 b)
{
	if (used_idx == in->last_bad_used_idx && in->stats.tx_bad_used)
		return;
	in->last_bad_used_idx = used_idx;
	in->stats.tx_bad_used++;
	in->ndev->stats.tx_errors++;
	if (net_ratelimit())
		netdev_warn(in->ndev, "peer returned a bad TX used entry (%s %u, expected %u): TX stalls until the link is reset\n",
			    what, a, b);
}

/* Takes back the frames the peer has consumed.  Under tx_lock. */
static void tx_clean(struct ivnet *in)
{
	struct ivnet_queue *tx = &in->tx;
	u16 used_idx, slot;
	u32 id, len;

	if (!tx->vr.used)
		return;
	used_idx = smp_load_acquire(&tx->vr.used->idx);
	if ((u16)(used_idx - tx->last_used_idx) > tx_in_flight(in)) {
		tx_bad_used(in, used_idx, "index", used_idx,
			    tx->last_avail_idx);
		return;
	}
	while (tx->last_used_idx != used_idx) {
		slot = tx->last_used_idx & (in->qlen - 1);
		id = READ_ONCE(tx->vr.used->ring[slot].id);
		len = READ_ONCE(tx->vr.used->ring[slot].len);
		if (id != slot || len != 1) {
			tx_bad_used(in, used_idx, id != slot ? "id" : "len",
				    id != slot ? id : len, id != slot ? slot : 1);
			return;
		}
		tx->tail = in->tx_frame_end[slot];
		tx->last_used_idx++;
	}
}

static void tx_notify(struct ivnet *in, u16 old)
{
	struct ivnet_queue *tx = &in->tx;
	u16 event;

	/* our avail index store before the peer's event index load */
	smp_mb();
	event = READ_ONCE(vring_avail_event(&tx->vr));
	if (vring_need_event(event, tx->last_avail_idx, old)) {
		ivnet_ring_doorbell(in);
		in->stats.tx_notify++;
	}
}

netdev_tx_t ivnet_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);
	struct ivnet_queue *tx = &in->tx;
	struct vring_desc *desc;
	unsigned int len = skb->len;
	long pos;
	u16 slot;

	spin_lock(&in->tx_lock);
	if (!in->queues_ready || len > in->ndev->mtu + VLAN_ETH_HLEN ||
	    len < ETH_HLEN) {
		if (in->queues_ready)
			in->stats.tx_too_long++;
		ndev->stats.tx_dropped++;
		goto out_drop;
	}
	tx_clean(in);
	pos = tx_place(in, len);
	if (pos < 0) {
		/* only if the MTU grew while frames were in flight */
		netif_stop_queue(ndev);
		in->stats.tx_pause++;
		vring_used_event(&tx->vr) = tx->last_used_idx;
		smp_mb();
		spin_unlock(&in->tx_lock);
		return NETDEV_TX_BUSY;
	}

	slot = tx->last_avail_idx & (in->qlen - 1);
	skb_copy_and_csum_dev(skb, tx->data + pos);
	tx->head = pos + ALIGN(len, IVNET_FRAME_ALIGN);
	if (!tx_in_flight(in))
		tx->tail = 0;
	in->tx_frame_end[slot] = tx->head;

	desc = &tx->vr.desc[slot];
	desc->addr = (tx->data - in->section[0]) + pos;
	desc->len = len;
	desc->flags = 0;
	desc->next = 0;
	tx->vr.avail->ring[slot] = slot;
	tx->last_avail_idx++;
	smp_store_release(&tx->vr.avail->idx, tx->last_avail_idx);

	in->stats.tx_packets++;
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += len;

	if (!tx_fits_max_frame(in)) {
		netif_stop_queue(ndev);
		in->stats.tx_pause++;
		/* ask the peer for an interrupt at its next used entry */
		vring_used_event(&tx->vr) = tx->last_used_idx;
		smp_mb();
		tx_clean(in);
		if (tx_fits_max_frame(in))
			netif_wake_queue(ndev);
	}
	/* a batch is notified at its end, and so is a stop */
	if (!netdev_xmit_more() || netif_queue_stopped(ndev)) {
		tx_notify(in, tx->notified_idx);
		tx->notified_idx = tx->last_avail_idx;
	}
	spin_unlock(&in->tx_lock);
	dev_consume_skb_any(skb);
	return NETDEV_TX_OK;

out_drop:
	spin_unlock(&in->tx_lock);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

bool ivnet_rx_pending(struct ivnet *in)
{
	smp_mb();
	return READ_ONCE(in->rx.vr.avail->idx) != in->rx.last_avail_idx;
}

static void rx_bad_desc(struct ivnet *in, u32 id, u64 addr, u32 len,
			u16 flags)
{
	in->stats.rx_bad_desc++;
	in->ndev->stats.rx_errors++;
	in->ndev->stats.rx_dropped++;
	if (net_ratelimit())
		netdev_warn(in->ndev, "dropped a bad descriptor from the peer (index %u, offset 0x%llx, length %u, flags 0x%x; ring of %u, section of %u bytes)\n",
			    id, addr, len, flags, in->qlen, in->section_size);
}

/* The frame a descriptor of the peer's TX ring points at, NULL if bad. */
static void *rx_desc_data(struct ivnet *in, u32 id, u32 *len)
{
	struct vring_desc *desc;
	u64 addr = 0;
	u32 dlen = 0;
	u16 flags = 0;

	if (id < in->qlen) {
		desc = &in->rx.vr.desc[id];
		addr = READ_ONCE(desc->addr);
		dlen = READ_ONCE(desc->len);
		flags = READ_ONCE(desc->flags);
		if (!flags && addr >= in->vrsize && addr < in->section_size &&
		    dlen <= in->section_size - addr && dlen >= ETH_HLEN &&
		    dlen <= ETH_MAX_MTU + VLAN_ETH_HLEN) {
			*len = dlen;
			return in->section[1] + addr;
		}
	}
	rx_bad_desc(in, id, addr, dlen, flags);
	return NULL;
}

/* Hands a descriptor back to the peer through our used ring. */
static void rx_complete(struct ivnet *in, u32 id)
{
	struct ivnet_queue *rx = &in->rx;
	u16 slot = rx->last_used_idx & (in->qlen - 1);

	rx->vr.used->ring[slot].id = id;
	rx->vr.used->ring[slot].len = 1;
	rx->last_used_idx++;
	smp_store_release(&rx->vr.used->idx, rx->last_used_idx);
}

static void rx_notify(struct ivnet *in)
{
	struct ivnet_queue *rx = &in->rx;
	u16 event;

	if (rx->notified_idx == rx->last_used_idx)
		return;
	smp_mb();
	event = READ_ONCE(vring_used_event(&rx->vr));
	if (vring_need_event(event, rx->last_used_idx, rx->notified_idx)) {
		ivnet_ring_doorbell(in);
		in->stats.rx_notify++;
	}
	rx->notified_idx = rx->last_used_idx;
}

static int rx_receive(struct ivnet *in, int budget)
{
	struct ivnet_queue *rx = &in->rx;
	struct net_device *ndev = in->ndev;
	struct sk_buff *skb;
	int done = 0;
	u16 avail_idx;
	u32 id, len;
	void *data;

	while (done < budget) {
		avail_idx = smp_load_acquire(&rx->vr.avail->idx);
		if (avail_idx == rx->last_avail_idx)
			break;
		if ((u16)(avail_idx - rx->last_avail_idx) > in->qlen) {
			/* not a ring any more: skip what it claims */
			rx_bad_desc(in, avail_idx, 0, 0, 0);
			rx->last_avail_idx = avail_idx;
			break;
		}
		id = READ_ONCE(rx->vr.avail->ring[rx->last_avail_idx &
						   (in->qlen - 1)]);
		rx->last_avail_idx++;
		done++;

		data = rx_desc_data(in, id, &len);
		if (data) {
			skb = napi_alloc_skb(&in->napi, len);
			if (skb) {
				skb_put_data(skb, data, len);
				skb->protocol = eth_type_trans(skb, ndev);
				napi_gro_receive(&in->napi, skb);
				ndev->stats.rx_packets++;
				ndev->stats.rx_bytes += len;
				in->stats.rx_packets++;
			} else {
				in->stats.rx_alloc_failed++;
				ndev->stats.rx_dropped++;
			}
		}
		rx_complete(in, id);
	}
	return done;
}

int ivnet_poll(struct napi_struct *napi, int budget)
{
	struct ivnet *in = container_of(napi, struct ivnet, napi);
	struct net_device *ndev = in->ndev;
	int done;

	in->stats.napi_poll++;

	spin_lock(&in->tx_lock);
	tx_clean(in);
	if (netif_queue_stopped(ndev) && tx_fits_max_frame(in))
		netif_wake_queue(ndev);
	spin_unlock(&in->tx_lock);

	done = rx_receive(in, budget);
	rx_notify(in);

	if (done < budget && napi_complete_done(napi, done)) {
		in->stats.napi_complete++;
		/* interrupt me at the next frame after those seen */
		vring_avail_event(&in->rx.vr) = in->rx.last_avail_idx;
		if (ivnet_rx_pending(in))
			napi_schedule(napi);
	}
	return done;
}
