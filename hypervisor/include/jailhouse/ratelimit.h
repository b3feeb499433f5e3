/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Rate limit for messages a cell can make the hypervisor print (security
 * review M3): a token bucket.  A limit starts with RATELIMIT_BURST
 * tokens and gains one per second, up to that many again; a message costs
 * one token, and one that finds none is counted as suppressed.  The count
 * is handed out with the next message that gets through (at most one a
 * second once the burst is spent), or by ratelimit_take_suppressed().
 *
 * Pure logic: the caller passes the time (counter ticks and ticks per
 * second) and serialises the calls on one limit, so that the host tests
 * compile this very file.
 */
#ifndef _JAILHOUSE_RATELIMIT_H
#define _JAILHOUSE_RATELIMIT_H

#include <jailhouse/types.h>

/* enough for every report of a cell misbehaving once on each CPU */
#define RATELIMIT_BURST		10

/* all zero: full bucket at the first message */
struct ratelimit {
	/* counter time up to which tokens have been credited */
	u64 credited_until;
	unsigned int tokens;
	/* messages refused since the last report of their number */
	unsigned int suppressed;
	bool started;
};

/*
 * Whether a message may be printed at time now.  If so, *report is the
 * number of messages suppressed before it, to be said first (0: none).
 */
bool ratelimit_allow(struct ratelimit *limit, u64 now, u64 ticks_per_sec,
		     unsigned int *report);

/* The suppressed count not yet reported, which is reset. */
unsigned int ratelimit_take_suppressed(struct ratelimit *limit);

#endif /* !_JAILHOUSE_RATELIMIT_H */
