// SPDX-License-Identifier: GPL-2.0
/*
 * cntvct [LABEL]: prints "LABEL cntvct=N cntfrq=F", the virtual counter
 * and its frequency as EL0 reads them.  The root and its cells share the
 * counter (the hypervisor leaves CNTVOFF_EL2 at 0), so two values printed
 * in different cells give the guest time between them: the Linux-cell
 * benchmark takes the root's `cell start` and the inmate's init this way
 * (under -icount, deterministic virtual time).
 *
 * Built by the top-level make into tests/qemu/files/ (the root's /test)
 * and copied into the Linux inmate's initramfs (/bin/cntvct).
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	unsigned long cnt, frq;

	asm volatile("isb; mrs %0, cntvct_el0" : "=r" (cnt));
	asm volatile("mrs %0, cntfrq_el0" : "=r" (frq));
	printf("%s cntvct=%lu cntfrq=%lu\n", argc > 1 ? argv[1] : "counter",
	       cnt, frq);
	return 0;
}
