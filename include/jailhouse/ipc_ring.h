/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * IPC rings over ivshmem 2.0: a header-only library for bare-metal inmates,
 * RTOS ports and Linux user space alike.  The layout is specified in
 * Documentation/ipc-ring.md; this file is one implementation of it.
 *
 * Each peer owns one "endpoint", at the start of its own ivshmem output
 * section, which only it writes and every other peer may read:
 *
 *   0x000  identity   magic, version, sizes, name (written once, magic last)
 *   0x040  producer   head, overflows, sent  (this peer's ring)
 *   0x080  consumer   tail, errors, lost, doorbell request (the peer's ring)
 *   0x0c0  heartbeat  counter, period, uptime, log level
 *   0x100  64 slots of 128 bytes
 *
 * A ring is single-producer single-consumer: the owner of an endpoint
 * produces into its slots and advances its head; the one peer that reads it
 * advances the tail in *its own* endpoint.  head and tail are free-running
 * 32-bit message counts, so used = head - tail, and they live on different
 * cache lines (different pages even).  A full ring drops the new message
 * and counts an overflow: unread messages are never overwritten.
 *
 * Ordering: the producer writes the slot, then publishes head with a
 * store-release; the consumer loads head with a load-acquire, copies the
 * slot, checks it, then publishes tail with a store-release, so a slot is
 * reused only after it was read.  Both sides must map the sections with the
 * same (normal, cacheable) attributes, as uio_ivshmem and the inmate
 * library do.
 */
#ifndef _JAILHOUSE_IPC_RING_H
#define _JAILHOUSE_IPC_RING_H

#include <jailhouse/types.h>

#define IPC_RING_MAGIC		0x474e5249	/* "IRNG" in memory order */
#define IPC_RING_VERSION	1
#define IPC_RING_HEADER_SIZE	0x100
#define IPC_RING_SLOT_SIZE	128
#define IPC_RING_SLOTS		64		/* a power of two */
#define IPC_RING_DATA_MAX	112
#define IPC_RING_NAME_LEN	32
/* what an output section must at least hold */
#define IPC_RING_ENDPOINT_SIZE	\
	(IPC_RING_HEADER_SIZE + IPC_RING_SLOTS * IPC_RING_SLOT_SIZE)

/* message types (the i.MX8QM guide's table) */
#define IPC_MSG_SENSOR_IMU	0x01
#define IPC_MSG_SENSOR_CAN	0x02
#define IPC_MSG_COMMAND		0x03
#define IPC_MSG_HEARTBEAT	0x04
#define IPC_MSG_LOG		0x05
#define IPC_MSG_STATUS		0x06
#define IPC_MSG_TYPE_MAX	0x06

/* COMMAND payload: data[0] opcode, data[1] argument, data[4..7] u32 value */
#define IPC_CMD_SET_RATE	0x01	/* data[1] = message type, value = Hz */
#define IPC_CMD_PING		0x02	/* value = token, echoed */
#define IPC_CMD_LOG_LEVEL	0x03	/* data[1] = level (0 quiet .. 3) */
#define IPC_CMD_HEARTBEAT	0x04	/* data[1] = 0 stop, 1 start */
/* a reply is a COMMAND with the opcode | REPLY and data[2] = status */
#define IPC_CMD_REPLY		0x80
#define IPC_CMD_OK		0
#define IPC_CMD_EINVAL		1

struct ipc_msg {
	u32 type;
	u32 seq;	/* per producer, counts dropped messages too */
	u32 ts_ms;	/* producer's clock, ms since it started */
	u32 len;	/* bytes of data used, at most IPC_RING_DATA_MAX */
	u8 data[IPC_RING_DATA_MAX];
};

struct ipc_endpoint {
	/* 0x000: identity, written once; magic is published last */
	u32 magic;
	u16 version;
	u16 header_size;
	u16 slot_size;
	u16 slots;
	u32 peer_id;			/* the owner's ivshmem ID */
	char name[IPC_RING_NAME_LEN];	/* the owner, e.g. its cell name */
	u32 reserved0[4];
	/* 0x040: producer line */
	u32 head;			/* messages published */
	u32 overflows;			/* messages dropped: ring full */
	u32 seq;			/* next sequence number */
	u32 reserved1[13];
	/* 0x080: consumer line, about the peer's ring */
	u32 tail;			/* peer's messages consumed */
	u32 errors;			/* bad messages or ring state seen */
	u32 doorbell;			/* 1: ring me after publishing */
	u32 reserved2[13];
	/* 0x0c0: liveness */
	u32 heartbeat;			/* advances every heartbeat period */
	u32 heartbeat_ms;		/* that period, 0 if none */
	u32 uptime_ms;
	u32 log_level;
	u32 reserved3[12];
	/* 0x100 */
	struct ipc_msg slot[IPC_RING_SLOTS];
};

_Static_assert(sizeof(struct ipc_msg) == IPC_RING_SLOT_SIZE,
	       "ipc_msg is one slot");
_Static_assert(__builtin_offsetof(struct ipc_endpoint, head) == 0x40,
	       "head line");
_Static_assert(__builtin_offsetof(struct ipc_endpoint, tail) == 0x80,
	       "tail line");
_Static_assert(__builtin_offsetof(struct ipc_endpoint, heartbeat) == 0xc0,
	       "heartbeat line");
_Static_assert(__builtin_offsetof(struct ipc_endpoint, slot) ==
	       IPC_RING_HEADER_SIZE, "slots");
_Static_assert(sizeof(struct ipc_endpoint) == IPC_RING_ENDPOINT_SIZE,
	       "endpoint size");

/* results of ipc_ring_check() and the receive and send calls */
enum ipc_ring_status {
	IPC_RING_OK = 0,
	IPC_RING_EMPTY,		/* nothing to read (receive) */
	IPC_RING_FULL,		/* dropped, overflow counted (send) */
	IPC_RING_UNSET,		/* magic 0: the peer has not set it up yet */
	IPC_RING_BAD_MAGIC,
	IPC_RING_BAD_VERSION,
	IPC_RING_BAD_GEOMETRY,	/* header, slot size or slot count differ */
	IPC_RING_TOO_SMALL,	/* the section cannot hold an endpoint */
	IPC_RING_BAD_INDEX,	/* head - tail beyond the ring: resynced */
	IPC_RING_BAD_MSG,	/* a message with a bad length: skipped */
};

static inline const char *ipc_ring_strerror(enum ipc_ring_status status)
{
	switch (status) {
	case IPC_RING_OK: return "ok";
	case IPC_RING_EMPTY: return "ring empty";
	case IPC_RING_FULL: return "ring full";
	case IPC_RING_UNSET: return "ring not set up by its owner yet";
	case IPC_RING_BAD_MAGIC: return "bad magic";
	case IPC_RING_BAD_VERSION: return "unsupported version";
	case IPC_RING_BAD_GEOMETRY:
		return "header size, slot size or slot count differ from "
			"this side's";
	case IPC_RING_TOO_SMALL: return "output section too small";
	case IPC_RING_BAD_INDEX: return "head and tail out of range";
	case IPC_RING_BAD_MSG: return "message with a bad length";
	}
	return "unknown";
}

static inline u32 ipc_load_acquire(const volatile u32 *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static inline void ipc_store_release(volatile u32 *p, u32 value)
{
	__atomic_store_n(p, value, __ATOMIC_RELEASE);
}

static inline u32 ipc_load(const volatile u32 *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static inline void ipc_store(volatile u32 *p, u32 value)
{
	__atomic_store_n(p, value, __ATOMIC_RELAXED);
}

/*
 * Checks an endpoint (ours or the peer's) before use: the identity must be
 * exactly this implementation's geometry.  section_size is the size of the
 * output section it lies in.
 */
static inline enum ipc_ring_status
ipc_ring_check(const volatile struct ipc_endpoint *ep,
	       unsigned long section_size)
{
	u32 magic;

	if (section_size < IPC_RING_ENDPOINT_SIZE)
		return IPC_RING_TOO_SMALL;
	magic = ipc_load_acquire(&ep->magic);
	if (magic == 0)
		return IPC_RING_UNSET;
	if (magic != IPC_RING_MAGIC)
		return IPC_RING_BAD_MAGIC;
	if (ep->version != IPC_RING_VERSION)
		return IPC_RING_BAD_VERSION;
	if (ep->header_size != IPC_RING_HEADER_SIZE ||
	    ep->slot_size != IPC_RING_SLOT_SIZE ||
	    ep->slots != IPC_RING_SLOTS)
		return IPC_RING_BAD_GEOMETRY;
	return IPC_RING_OK;
}

/*
 * Sets up our endpoint: zeroes it, fills in the identity and publishes
 * the magic last.  Our tail starts at the peer's current head if the peer
 * is there (old messages are skipped), else at 0.
 */
static inline void ipc_ring_init(volatile struct ipc_endpoint *ep,
				 const volatile struct ipc_endpoint *peer,
				 unsigned long peer_section_size,
				 u32 peer_id, const char *name)
{
	volatile u32 *word = (volatile u32 *)ep;
	unsigned int n;

	ipc_store_release(&ep->magic, 0);
	for (n = 1; n < IPC_RING_HEADER_SIZE / 4; n++)
		word[n] = 0;
	ep->version = IPC_RING_VERSION;
	ep->header_size = IPC_RING_HEADER_SIZE;
	ep->slot_size = IPC_RING_SLOT_SIZE;
	ep->slots = IPC_RING_SLOTS;
	ep->peer_id = peer_id;
	for (n = 0; n < IPC_RING_NAME_LEN - 1 && name && name[n]; n++)
		ep->name[n] = name[n];
	if (peer && ipc_ring_check(peer, peer_section_size) == IPC_RING_OK)
		ep->tail = ipc_load_acquire(&peer->head);
	ipc_store_release(&ep->magic, IPC_RING_MAGIC);
}

/* messages waiting in the peer's ring for us (0 if it is not valid) */
static inline u32 ipc_ring_used(const volatile struct ipc_endpoint *producer,
				const volatile struct ipc_endpoint *consumer)
{
	return ipc_load_acquire(&producer->head) - ipc_load(&consumer->tail);
}

/*
 * Publishes one message into our ring.  peer is the reader's endpoint
 * (its tail says what it consumed); a reader that is not there (NULL or
 * not valid) consumes nothing, so the ring fills and overflows are
 * counted.  Returns IPC_RING_OK or IPC_RING_FULL.
 */
static inline enum ipc_ring_status
ipc_ring_send(volatile struct ipc_endpoint *ep,
	      const volatile struct ipc_endpoint *peer,
	      unsigned long peer_section_size, u32 type, u32 ts_ms,
	      const void *data, u32 len)
{
	u32 head = ipc_load(&ep->head), seq = ipc_load(&ep->seq), tail = 0;
	volatile struct ipc_msg *msg;
	unsigned int n;

	ipc_store(&ep->seq, seq + 1);
	if (peer && ipc_ring_check(peer, peer_section_size) == IPC_RING_OK)
		tail = ipc_load_acquire(&peer->tail);
	else
		tail = head - IPC_RING_SLOTS;	/* nobody reads: full */
	/* a tail beyond head (a reader that resynced wrongly) is full too */
	if ((u32)(head - tail) >= IPC_RING_SLOTS) {
		ipc_store(&ep->overflows, ipc_load(&ep->overflows) + 1);
		return IPC_RING_FULL;
	}
	if (len > IPC_RING_DATA_MAX)
		len = IPC_RING_DATA_MAX;
	msg = &ep->slot[head & (IPC_RING_SLOTS - 1)];
	msg->type = type;
	msg->seq = seq;
	msg->ts_ms = ts_ms;
	msg->len = len;
	for (n = 0; n < len; n++)
		msg->data[n] = ((const u8 *)data)[n];
	ipc_store_release(&ep->head, head + 1);
	return IPC_RING_OK;
}

/*
 * Takes the oldest message of the producer's ring into *msg, advancing
 * the consumer's (our) tail.  The producer's endpoint must have passed
 * ipc_ring_check().  Bad state is counted in our errors and skipped:
 * a head more than a ring ahead of the tail (or behind it: the producer
 * restarted) resyncs the tail to head (IPC_RING_BAD_INDEX); a message with
 * a length beyond the slot is consumed and dropped (IPC_RING_BAD_MSG).
 */
static inline enum ipc_ring_status
ipc_ring_receive(const volatile struct ipc_endpoint *producer,
		 volatile struct ipc_endpoint *consumer, struct ipc_msg *msg)
{
	u32 head = ipc_load_acquire(&producer->head);
	u32 tail = ipc_load(&consumer->tail);
	const volatile struct ipc_msg *slot;
	unsigned int n;

	if (head == tail)
		return IPC_RING_EMPTY;
	if ((u32)(head - tail) > IPC_RING_SLOTS) {
		ipc_store(&consumer->errors, ipc_load(&consumer->errors) + 1);
		ipc_store_release(&consumer->tail, head);
		return IPC_RING_BAD_INDEX;
	}
	slot = &producer->slot[tail & (IPC_RING_SLOTS - 1)];
	msg->type = slot->type;
	msg->seq = slot->seq;
	msg->ts_ms = slot->ts_ms;
	msg->len = slot->len;
	if (msg->len > IPC_RING_DATA_MAX) {
		ipc_store(&consumer->errors, ipc_load(&consumer->errors) + 1);
		ipc_store_release(&consumer->tail, tail + 1);
		return IPC_RING_BAD_MSG;
	}
	for (n = 0; n < msg->len; n++)
		msg->data[n] = slot->data[n];
	for (; n < IPC_RING_DATA_MAX; n++)
		msg->data[n] = 0;
	/* the slot is copied: the producer may reuse it */
	ipc_store_release(&consumer->tail, tail + 1);
	return IPC_RING_OK;
}

static inline const char *ipc_msg_type_name(u32 type)
{
	static const char *const names[] = {
		"?", "SENSOR_IMU", "SENSOR_CAN", "COMMAND", "HEARTBEAT",
		"LOG", "STATUS",
	};

	return type <= IPC_MSG_TYPE_MAX ? names[type] : "?";
}

/* little-endian u32 in a payload (no alignment assumed) */
static inline u32 ipc_get_u32(const u8 *p)
{
	return p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static inline void ipc_put_u32(u8 *p, u32 value)
{
	p[0] = value;
	p[1] = value >> 8;
	p[2] = value >> 16;
	p[3] = value >> 24;
}

#endif /* !_JAILHOUSE_IPC_RING_H */
