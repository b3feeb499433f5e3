// SPDX-License-Identifier: GPL-2.0
/*
 * Token bucket for cell-provoked messages; see <jailhouse/ratelimit.h>.
 */
#include <jailhouse/ratelimit.h>

static void credit(struct ratelimit *limit, u64 now, u64 ticks_per_sec)
{
	u64 seconds;

	if (!limit->started) {
		limit->started = true;
		limit->tokens = RATELIMIT_BURST;
		limit->credited_until = now;
		return;
	}
	/* a counter that went backwards (another CPU's view): no credit */
	if (now <= limit->credited_until)
		return;
	seconds = (now - limit->credited_until) / ticks_per_sec;
	if (seconds >= RATELIMIT_BURST - limit->tokens) {
		/* full: time spent full earns nothing later */
		limit->tokens = RATELIMIT_BURST;
		limit->credited_until = now;
	} else {
		limit->tokens += seconds;
		/* keep the fraction of a second towards the next token */
		limit->credited_until += seconds * ticks_per_sec;
	}
}

bool ratelimit_allow(struct ratelimit *limit, u64 now, u64 ticks_per_sec,
		     unsigned int *report)
{
	credit(limit, now, ticks_per_sec ? ticks_per_sec : 1);
	if (!limit->tokens) {
		if (limit->suppressed != ~0U)
			limit->suppressed++;
		*report = 0;
		return false;
	}
	limit->tokens--;
	*report = ratelimit_take_suppressed(limit);
	return true;
}

unsigned int ratelimit_take_suppressed(struct ratelimit *limit)
{
	unsigned int suppressed = limit->suppressed;

	limit->suppressed = 0;
	return suppressed;
}
