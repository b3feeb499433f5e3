/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LPIs (message-based interrupts, INTIDs 8192 and up) under the
 * hypervisor: the decisions that need no hardware, implemented in
 * arch/arm64/gic-lpi.c, which the host tests compile as is.
 *
 * The LPI machinery of a redistributor (GICR_PROPBASER, GICR_PENDBASER,
 * GICR_CTLR.EnableLPIs, the direct LPI registers) makes the GIC read and
 * write physical memory that no stage 2 translates.  Only the root cell,
 * which owns the ITS if there is one, may program it; every other cell
 * sees a redistributor and a distributor without LPIs.
 *
 * LPIs have no active state: acknowledging one and dropping its priority
 * (ICC_EOIR1_EL1) completes it, there is nothing to deactivate.  So an
 * LPI cannot go into a list register with the HW bit (whose pINTID field
 * holds SPIs and PPIs only anyway): the hypervisor completes it at EL2
 * and injects a purely virtual LPI with the same INTID, which the guest
 * completes with its EOI alone.
 */
#ifndef _JAILHOUSE_ASM_GIC_LPI_H
#define _JAILHOUSE_ASM_GIC_LPI_H

#include <jailhouse/types.h>

#define GIC_FIRST_LPI		8192

/* GICD_TYPER */
#define GICD_TYPER_LPIS		(1U << 17)
#define GICD_TYPER_DVIS		(1U << 18)	/* direct vLPI injection */

/* GICR_CTLR: the bits about LPIs */
#define GICR_CTLR_ENABLE_LPIS	(1U << 0)
#define GICR_CTLR_CES		(1U << 1)	/* EnableLPIs can be cleared */
#define GICR_CTLR_IR		(1U << 2)	/* INVLPIR, INVALLR exist */
#define GICR_CTLR_LPI_BITS						\
	(GICR_CTLR_ENABLE_LPIS | GICR_CTLR_CES | GICR_CTLR_IR)

/* GICR_TYPER */
#define GICR_TYPER_PLPIS	(1UL << 0)
#define GICR_TYPER_DIRECT_LPI	(1UL << 3)

/* RD_base registers besides those of <asm/gic_v3.h> */
#define GICR_SETLPIR		0x0040
#define GICR_CLRLPIR		0x0048
#define GICR_INVLPIR		0x00a0
#define GICR_INVALLR		0x00b0
#define GICR_SYNCR		0x00c0

static inline bool gic_intid_is_lpi(u32 intid)
{
	return intid >= GIC_FIRST_LPI;
}

/* What a register in a redistributor's RD_base frame is. */
enum gic_rd_reg {
	GIC_RD_INVALID,		/* width or alignment not allowed: violation */
	GIC_RD_RESERVED,	/* nothing (or nothing a guest needs): RAZ/WI */
	GIC_RD_CTLR,		/* 32 bits, EnableLPIs among them */
	GIC_RD_IIDR,		/* 32 bits, read-only */
	GIC_RD_TYPER,		/* 64 bits, read-only */
	GIC_RD_STATUSR,		/* 32 bits */
	GIC_RD_WAKER,		/* 32 bits */
	GIC_RD_LPI_TABLES,	/* PROPBASER, PENDBASER: 64 bits */
	GIC_RD_LPI_COMMAND,	/* SETLPIR, CLRLPIR, INVLPIR, INVALLR */
	GIC_RD_SYNCR,		/* 32 bits, read-only: LPI commands done? */
	GIC_RD_ID,		/* identification registers, 32 bits */
};

/*
 * The register an access of size bytes at offset (below 64 KiB) of an
 * RD_base frame reaches.  64-bit registers take double words or either
 * word, 32-bit registers words only: an 8-byte access to a 32-bit
 * register never reaches the GIC, where it is not defined.  Reserved
 * space takes aligned words and double words and reads as zero.
 */
enum gic_rd_reg gic_rd_classify(unsigned long offset, unsigned int size);

/* Does the register belong to the LPI machinery (RAZ/WI without LPIs)? */
static inline bool gic_rd_reg_is_lpi(enum gic_rd_reg reg)
{
	return reg == GIC_RD_LPI_TABLES || reg == GIC_RD_LPI_COMMAND ||
		reg == GIC_RD_SYNCR;
}

/* GICR_TYPER as a cell sees it: without LPIs, no PLPIS or DirectLPI. */
static inline u64 gic_rd_typer_for_cell(u64 typer, bool lpis)
{
	return lpis ? typer :
		typer & ~(GICR_TYPER_PLPIS | GICR_TYPER_DIRECT_LPI);
}

/* GICD_TYPER as a cell sees it: without LPIs, no LPIS or DVIS. */
static inline u32 gic_dist_typer_for_cell(u32 typer, bool lpis)
{
	return lpis ? typer : typer & ~(GICD_TYPER_LPIS | GICD_TYPER_DVIS);
}

/*
 * What becomes of an LPI the hypervisor acknowledged on a CPU: the root
 * cell programmed every redistributor and ITS that can send one, so it
 * gets it as a virtual LPI; on a CPU of another cell (a stale one, sent
 * to a CPU the root gave away) it is only completed.
 */
enum gic_lpi_action {
	GIC_LPI_NONE,		/* not an LPI */
	GIC_LPI_FORWARD,	/* inject as a virtual LPI */
	GIC_LPI_DROP,		/* complete it, nobody gets it */
};

static inline enum gic_lpi_action gic_lpi_action(u32 intid, bool root_cpu)
{
	if (!gic_intid_is_lpi(intid))
		return GIC_LPI_NONE;
	return root_cpu ? GIC_LPI_FORWARD : GIC_LPI_DROP;
}

/*
 * Virtual LPIs waiting for a free list register on one CPU, in the order
 * they came.  LPIs are edge-like: one that is already waiting merges
 * (keeping the higher priority).  Only the CPU itself touches its queue,
 * with IRQs masked.
 */
#define GIC_LPI_QUEUE_LEN	32

struct gic_lpi_queue {
	unsigned int count;
	/* LPIs lost because the queue was full, or at shutdown */
	unsigned int lost;
	u32 intid[GIC_LPI_QUEUE_LEN];
	u8 prio[GIC_LPI_QUEUE_LEN];
};

/*
 * Queue intid with priority prio; false (and counted lost) if full.
 * Inline: it calls nothing, so the compiler knows that the IRQ paths that
 * may queue an LPI clobber no more registers than they did before.
 */
static inline bool gic_lpi_queue_add(struct gic_lpi_queue *q, u32 intid,
				     u8 prio)
{
	unsigned int n;

	for (n = 0; n < q->count; n++) {
		if (q->intid[n] != intid)
			continue;
		if (prio < q->prio[n])
			q->prio[n] = prio;
		return true;
	}
	if (q->count >= GIC_LPI_QUEUE_LEN) {
		q->lost++;
		return false;
	}
	q->intid[q->count] = intid;
	q->prio[q->count] = prio;
	q->count++;
	return true;
}

/*
 * Take the waiting LPI of highest priority (lowest value; the oldest
 * among equals).  Returns false if none waits.
 */
bool gic_lpi_queue_take(struct gic_lpi_queue *q, u32 *intid, u8 *prio);

/* The priority gic_lpi_queue_take() would return next, or -1. */
int gic_lpi_queue_best_prio(const struct gic_lpi_queue *q);

#endif /* !_JAILHOUSE_ASM_GIC_LPI_H */
