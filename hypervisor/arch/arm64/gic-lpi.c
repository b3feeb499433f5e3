// SPDX-License-Identifier: GPL-2.0
/*
 * LPI decisions without hardware access (see <asm/gic_lpi.h>): kept apart
 * from gic-v3.c and gic-dist.c so that the host tests run exactly this
 * code.
 */
#include <asm/gic_lpi.h>
#include <asm/gic_v3.h>

/* 64-bit RD_base registers: the double word and either word */
static const struct {
	unsigned long offset;
	enum gic_rd_reg reg;
} rd_regs64[] = {
	{ GICR_TYPER, GIC_RD_TYPER },
	{ GICR_SETLPIR, GIC_RD_LPI_COMMAND },
	{ GICR_CLRLPIR, GIC_RD_LPI_COMMAND },
	{ GICR_PROPBASER, GIC_RD_LPI_TABLES },
	{ GICR_PENDBASER, GIC_RD_LPI_TABLES },
	{ GICR_INVLPIR, GIC_RD_LPI_COMMAND },
	{ GICR_INVALLR, GIC_RD_LPI_COMMAND },
};

enum gic_rd_reg gic_rd_classify(unsigned long offset, unsigned int size)
{
	unsigned int n;

	if ((size != 4 && size != 8) || (offset & (size - 1)) ||
	    offset >= GICR_SGI_BASE)
		return GIC_RD_INVALID;

	for (n = 0; n < sizeof(rd_regs64) / sizeof(rd_regs64[0]); n++)
		if ((offset & ~7UL) == rd_regs64[n].offset)
			return rd_regs64[n].reg;

	if (offset >= GICR_ID_FIRST)
		return size == 4 ? GIC_RD_ID : GIC_RD_INVALID;

	switch (offset) {
	case GICR_CTLR:
		return size == 4 ? GIC_RD_CTLR : GIC_RD_INVALID;
	case GICR_IIDR:
		return size == 4 ? GIC_RD_IIDR : GIC_RD_INVALID;
	case GICR_STATUSR:
		return size == 4 ? GIC_RD_STATUSR : GIC_RD_INVALID;
	case GICR_WAKER:
		return size == 4 ? GIC_RD_WAKER : GIC_RD_INVALID;
	case GICR_SYNCR:
		return size == 4 ? GIC_RD_SYNCR : GIC_RD_INVALID;
	default:
		/*
		 * The 32-bit registers sit at double-word offsets or right
		 * after one of the cases above: an aligned double word here
		 * holds none of them.
		 */
		return GIC_RD_RESERVED;
	}
}

/* index of the entry gic_lpi_queue_take() returns, or -1 */
static int best_entry(const struct gic_lpi_queue *q)
{
	unsigned int n;
	int best = -1;

	for (n = 0; n < q->count; n++)
		if (best < 0 || q->prio[n] < q->prio[best])
			best = n;
	return best;
}

int gic_lpi_queue_best_prio(const struct gic_lpi_queue *q)
{
	int best = best_entry(q);

	return best < 0 ? -1 : q->prio[best];
}

bool gic_lpi_queue_take(struct gic_lpi_queue *q, u32 *intid, u8 *prio)
{
	int best = best_entry(q);
	unsigned int n;

	if (best < 0)
		return false;
	*intid = q->intid[best];
	*prio = q->prio[best];
	for (n = best + 1; n < q->count; n++) {
		q->intid[n - 1] = q->intid[n];
		q->prio[n - 1] = q->prio[n];
	}
	q->count--;
	return true;
}
