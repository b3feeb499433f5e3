/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the GIC front end (gic.c) needs from a GIC version's driver.
 */
#ifndef _INMATE_ASM_GIC_H
#define _INMATE_ASM_GIC_H

#include <jailhouse/types.h>

#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180

/* INTIDs 1020-1023 are special: nothing to handle or acknowledge */
#define GIC_SPURIOUS_FIRST	1020

struct gic_driver {
	/* 0 or -1 (after printing why) */
	int (*init)(void);
	void (*enable)(unsigned int irq);
	void (*disable)(unsigned int irq);
	/* reads the highest pending interrupt and marks it active */
	u32 (*ack)(void);
	/* drops priority and deactivates */
	void (*eoi)(u32 irq);
	void (*send_sgi)(unsigned int sgi, u64 mpidr);
};

extern const struct gic_driver gic_v2_driver;
extern const struct gic_driver gic_v3_driver;

/* called by the IRQ vector */
void irq_dispatch(void);

#endif /* !_INMATE_ASM_GIC_H */
