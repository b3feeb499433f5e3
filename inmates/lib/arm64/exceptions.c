// SPDX-License-Identifier: GPL-2.0
/*
 * Report of an exception the inmate does not handle.  The CPU stops
 * afterwards (vectors.S): an inmate that faults is broken, and continuing
 * would only hide where.
 */
#include <inmate.h>

void exception_report(struct exception_frame *frame, unsigned int vector);

static const char *const origins[] = {
	"current EL, SP_EL0", "current EL, SP_EL1",
	"lower EL, AArch64", "lower EL, AArch32",
};

static const char *const kinds[] = { "synchronous", "IRQ", "FIQ", "SError" };

void exception_report(struct exception_frame *frame, unsigned int vector)
{
	u64 esr = read_sysreg(esr_el1);
	unsigned int n;

	printk("\nFATAL: unhandled %s exception (%s)\n", kinds[vector % 4],
	       origins[(vector / 4) % 4]);
	printk("ESR_EL1: 0x%016llx (EC 0x%02llx)  FAR_EL1: 0x%016llx\n",
	       esr, (esr >> 26) & 0x3f, read_sysreg(far_el1));
	printk("ELR_EL1: 0x%016llx  SPSR_EL1: 0x%016llx\n",
	       frame->elr, frame->spsr);
	for (n = 0; n < 31; n += 2) {
		if (n == 30)
			printk("x30: 0x%016llx\n", frame->x[30]);
		else
			printk("x%-2u: 0x%016llx  x%-2u: 0x%016llx\n", n,
			       frame->x[n], n + 1, frame->x[n + 1]);
	}
	printk("Stopping the CPU.\n");
}
