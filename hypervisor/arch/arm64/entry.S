/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 entry and exit.
 *
 * Two vector tables:
 *
 * stub_vectors sits in its own page at a fixed image offset (see
 * hypervisor.lds.S) and works with the EL2 MMU off.  It is what
 * header.entry names, and what every CPU's VBAR_EL2 points to after
 * disable.  It answers Linux's hyp-stub ABI exactly like the kernel's own
 * stub (so the kernel's later HVC_SET_VECTORS / HVC_RESET_VECTORS /
 * HVC_SOFT_RESTART calls work, and an unknown call returns HVC_STUB_ERR),
 * plus one extra call, JAILHOUSE_ENTER, that enters the hypervisor:
 *   x0 = JAILHOUSE_ENTER, x1 = physical address of the image,
 *   x2 = logical CPU id.
 * Because a second enable re-copies the image while VBAR_EL2 of the CPUs
 * still points into this page, its code must not move between builds
 * with the same layout: keep it small and first in its section.
 *
 * hyp_vectors handles the cells' traps once the hypervisor runs, at the
 * hypervisor's virtual addresses.
 *
 * Frame convention: SP_EL2 is the top of the per-CPU stack whenever a
 * guest runs; a trap pushes a struct trap_context (asm/traps.h) and pops
 * it before eret.
 */
#include <jailhouse/errno.h>
#include <jailhouse/header.h>
#include <asm/layout.h>
#include <asm/sysregs.h>
#include <asm/traps.h>
#include <asm/jailhouse_hypercall.h>

#define HVC_SET_VECTORS		0
#define HVC_SOFT_RESTART	1
#define HVC_RESET_VECTORS	2

.macro vector_entry label
	.balign	0x80
	b	\label
.endm

/*
 * The frame is saved in two parts: the registers a C call may clobber
 * (x19 rides along to keep the pairs), then the callee-saved rest with
 * ELR_EL2 and SPSR_EL2, with x16/x17 as scratch (saved by then).
 */
.macro save_frame_clobbered
	sub	sp, sp, #TRAP_CTX_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	str	x30, [sp, #16 * 15]
.endm

.macro save_frame_rest
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	mrs	x16, elr_el2
	mrs	x17, spsr_el2
	stp	x16, x17, [sp, #TRAP_CTX_ELR]
.endm

.macro save_frame
	save_frame_clobbered
	save_frame_rest
.endm

/* x0 = frame; everything in it is loaded, x0 last */
.macro load_frame_and_eret
	ldp	x1, x2, [x0, #TRAP_CTX_ELR]
	msr	elr_el2, x1
	msr	spsr_el2, x2
	ldp	x2, x3, [x0, #16 * 1]
	ldp	x4, x5, [x0, #16 * 2]
	ldp	x6, x7, [x0, #16 * 3]
	ldp	x8, x9, [x0, #16 * 4]
	ldp	x10, x11, [x0, #16 * 5]
	ldp	x12, x13, [x0, #16 * 6]
	ldp	x14, x15, [x0, #16 * 7]
	ldp	x16, x17, [x0, #16 * 8]
	ldp	x18, x19, [x0, #16 * 9]
	ldp	x20, x21, [x0, #16 * 10]
	ldp	x22, x23, [x0, #16 * 11]
	ldp	x24, x25, [x0, #16 * 12]
	ldp	x26, x27, [x0, #16 * 13]
	ldp	x28, x29, [x0, #16 * 14]
	ldr	x30, [x0, #16 * 15]
	ldp	x0, x1, [x0]
	eret
.endm

/* ---------------------------------------------------------------------- */
	.section .text.stub, "ax"
	.balign	VECTOR_TABLE_ALIGN
	.globl	stub_vectors
stub_vectors:
	/* current EL with SP_EL0 */
	vector_entry	stub_stop
	vector_entry	stub_stop
	vector_entry	stub_stop
	vector_entry	stub_stop
	/* current EL with SP_ELx */
	vector_entry	stub_stop
	vector_entry	stub_stop
	vector_entry	stub_stop
	vector_entry	stub_stop
	/* lower EL, AArch64 */
	vector_entry	stub_hvc
	vector_entry	stub_stop
	vector_entry	stub_stop
	vector_entry	stub_stop
	/* lower EL, AArch32 */
	vector_entry	stub_stop
	vector_entry	stub_stop
	vector_entry	stub_stop
	vector_entry	stub_stop
	.balign	0x80

/*
 * Like Linux's stub: only hvc reaches EL2 with the traps Linux leaves
 * set, and only x0 (and what the call defines) changes.
 */
stub_hvc:
	cmp	x0, #HVC_SET_VECTORS
	b.ne	1f
	msr	vbar_el2, x1
	mov	x0, #0
	eret
1:	cmp	x0, #HVC_RESET_VECTORS
	b.ne	2f
	/* these vectors already are the stub's */
	mov	x0, #0
	eret
2:	cmp	x0, #HVC_SOFT_RESTART
	b.ne	3f
	mov	x0, x2
	mov	x2, x4
	mov	x4, x1
	mov	x1, x3
	br	x4
3:	movz	x9, #(JAILHOUSE_ENTER & 0xffff)
	movk	x9, #(JAILHOUSE_ENTER >> 16), lsl #16
	cmp	x0, x9
	b.eq	bootstrap_enter
	movz	x0, #(HVC_STUB_ERR & 0xffff)
	movk	x0, #(HVC_STUB_ERR >> 16), lsl #16
	eret

/* an exception at EL2 with the MMU off: nothing can report it */
stub_stop:
	msr	daifset, #0xf
1:	wfi
	b	1b

/*
 * Leave EL2 for good on this CPU (disable, failed enable): runs from the
 * identity mapping of this page.
 *   x0 = physical address of the frame to return with (cleaned to PoC)
 *   x1 = physical address of stub_vectors
 *   x2 = 0: eret to the frame; 1: power the CPU off via PSCI instead
 */
	.globl	exit_to_linux_idmap
exit_to_linux_idmap:
	msr	vbar_el2, x1
	mrs	x3, sctlr_el2
	mov	x4, #(SCTLR_M | SCTLR_C)
	orr	x4, x4, #SCTLR_I
	bic	x3, x3, x4
	msr	sctlr_el2, x3
	isb
	/* MMU off: from here on, physical addresses only */
	ic	iallu
	tlbi	alle2
	dsb	nsh
	isb
	cbnz	x2, 1f
	load_frame_and_eret
1:	movz	x0, #0x0002
	movk	x0, #0x8400, lsl #16	/* PSCI CPU_OFF */
	smc	#0
	b	stub_stop

/*
 * JAILHOUSE_ENTER, MMU off, at the physical address of the image:
 * x1 = image base, x2 = CPU id.  Find this CPU's stack, save Linux's
 * registers there, build the bootstrap tables, switch the MMU on and
 * continue at the link address in C.
 */
bootstrap_enter:
	ldr	w4, [x1, #JAILHOUSE_HEADER_MAX_CPUS]
	cmp	x2, x4
	b.hs	bad_cpu_id
	ldr	x3, [x1, #JAILHOUSE_HEADER_CORE_SIZE]
	ldr	x4, [x1, #JAILHOUSE_HEADER_PERCPU_SIZE]
	madd	x3, x2, x4, x3
	add	x3, x3, x1
	add	x4, x3, #PERCPU_STACK_SIZE
	mov	sp, x4
	save_frame

	ldr	x19, [sp, #8]		/* image base (physical), x1 on entry */
	mov	x20, x3			/* per_cpu (physical) */
	mov	x21, x2			/* CPU id */
	mov	x0, x19
	mov	x1, x20
	bl	bootstrap_build_tables	/* x0 = root table (physical) */

	ldr	x1, =MAIR_EL2_VALUE
	msr	mair_el2, x1
	mrs	x2, id_aa64mmfr0_el1
	and	x2, x2, #0xf
	cmp	x2, #5
	mov	x3, #5
	csel	x2, x2, x3, ls
	ldr	x1, =TCR_EL2_BASE
	orr	x1, x1, x2, lsl #TCR_PS_SHIFT
	msr	tcr_el2, x1
	msr	ttbr0_el2, x0
	isb
	tlbi	alle2
	dsb	nsh
	isb
	ldr	x1, =(SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_I)
	msr	sctlr_el2, x1
	isb
	ldr	x1, =bootstrap_virt
	br	x1

bad_cpu_id:
	mov	x0, #-EINVAL
	eret

	.ltorg

/* ---------------------------------------------------------------------- */
	.text
bootstrap_virt:
	/* same memory, now at the link address */
	ldr	x1, =JAILHOUSE_BASE
	sub	x1, x19, x1		/* physical - virtual */
	mov	x2, sp
	sub	x2, x2, x1
	mov	sp, x2
	sub	x20, x20, x1
	msr	tpidr_el2, x20
	mov	x0, sp			/* frame */
	mov	x1, x19
	mov	x2, x21
	bl	hypervisor_entry	/* does not return */
1:	b	1b

/* x0 = frame on the current stack: restore the guest and return to it */
	.globl	return_to_guest
return_to_guest:
	add	sp, x0, #TRAP_CTX_SIZE
	load_frame_and_eret

/*
 * Start the guest afresh (arch_cpu_start): x0 = top of this CPU's stack,
 * x1 = entry, x2 = context.  The frame is built at the top of the stack
 * from registers only, since the C frames that called this may lie there.
 */
	.globl	enter_guest_fresh
enter_guest_fresh:
	sub	sp, x0, #TRAP_CTX_SIZE
	mov	x3, sp
	mov	x4, #(TRAP_CTX_SIZE / 16)
1:	stp	xzr, xzr, [x3], #16
	subs	x4, x4, #1
	b.ne	1b
	str	x2, [sp, #TRAP_CTX_REGS]
	mov	x4, #(PSR_DAIF_MASK | PSR_MODE_EL1H)
	stp	x1, x4, [sp, #TRAP_CTX_ELR]
	mov	x0, sp
	/* the guest runs with SP_EL2 at the top: the next exit's frame is here */
	add	sp, sp, #TRAP_CTX_SIZE
	load_frame_and_eret

/* ---------------------------------------------------------------------- */
	.section .text.vectors, "ax"
	.balign	VECTOR_TABLE_ALIGN
	.globl	hyp_vectors
hyp_vectors:
	/* current EL with SP_EL0: never used */
	vector_entry	hyp_fault
	vector_entry	hyp_fault
	vector_entry	hyp_fault
	vector_entry	hyp_fault
	/* current EL with SP_ELx: a bug in the hypervisor */
	vector_entry	hyp_fault
	vector_entry	hyp_fault
	vector_entry	hyp_fault
	vector_entry	hyp_fault
	/* lower EL, AArch64: the cells */
	vector_entry	guest_sync
	vector_entry	guest_irq
	vector_entry	guest_other
	vector_entry	guest_other
	/* lower EL, AArch32: not supported, reported */
	vector_entry	guest_other
	vector_entry	guest_other
	vector_entry	guest_other
	vector_entry	guest_other
	.balign	0x80

/*
 * Hypercalls other than DISABLE take a short path: the result goes
 * straight to x0, and only the registers C may clobber (x0-x18, x30) are
 * loaded again.  The frame is complete all the same (x19-x29, ELR_EL2,
 * SPSR_EL2 and ESR_EL2 included): should the hypervisor fault while
 * handling the call, the recovery (hyp_fault.c) resumes the guest from
 * it.  C keeps x19-x29, and nothing at EL2 changes ELR_EL2 and SPSR_EL2
 * short of such a fault, so the short exit need not restore them.
 * Everything else, and DISABLE (which may leave EL2 with the full frame),
 * continues into the full path.  The hvc is recognised by its whole
 * syndrome: EC, IL and the immediate.
 */
#define ESR_HVC_JAILHOUSE	((EC_HVC64 << ESR_EC_SHIFT) | (1 << 25) | \
				 JAILHOUSE_HVC_CODE)
guest_sync:
	save_frame_clobbered
	save_frame_rest
	mrs	x16, esr_el2
	str	x16, [sp, #TRAP_CTX_ESR]
	movz	w17, #(ESR_HVC_JAILHOUSE & 0xffff)
	movk	w17, #(ESR_HVC_JAILHOUSE >> 16), lsl #16
	cmp	w16, w17
	ccmp	x0, #0, #4, eq		/* x0 == DISABLE counts as "not fast" */
	b.eq	guest_sync_full
	bl	arch_hypercall_fast
	/* per_cpu.requests lies right above the stack, i.e. the frame */
	ldr	w1, [sp, #TRAP_CTX_SIZE]
	tbnz	w1, #CPU_REQ_PARK_BIT, hypercall_park
	ldr	x1, [sp, #8]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldr	x18, [sp, #16 * 9]
	ldr	x30, [sp, #16 * 15]
	add	sp, sp, #TRAP_CTX_SIZE
	eret

/* a park request came while the hypercall ran: the guest never resumes */
hypercall_park:
	mrs	x0, tpidr_el2
	bl	cpu_park_on_exit
1:	b	1b

guest_sync_full:
	mov	x0, sp
	bl	arch_handle_trap
	mov	x0, sp
	add	sp, sp, #TRAP_CTX_SIZE
	load_frame_and_eret

/*
 * Physical interrupt while a cell runs: the interrupt controller driver's
 * fast path saves what it needs and erets itself.
 */
guest_irq:
	b	gic_v3_irq_entry

guest_other:
	save_frame
	mrs	x0, esr_el2
	str	x0, [sp, #TRAP_CTX_ESR]
	mov	x0, sp
	bl	arch_handle_unexpected	/* does not return */
1:	b	1b

/*
 * An exception at EL2: a device access with a fixup (it goes on there),
 * or a hypervisor bug (hyp_fault.c recovers through hyp_fault_resume).
 * The frame is pushed wherever the stack is.
 */
hyp_fault:
	save_frame
	mov	x0, sp
	bl	arch_handle_hyp_fault	/* returns only to a fixup */
	mov	x0, sp
	add	sp, sp, #TRAP_CTX_SIZE
	load_frame_and_eret

/*
 * Go on after a hypervisor fault with a fresh stack: x0 = the frame at
 * the top of this CPU's stack (the guest's, of the exit that faulted),
 * x1 = a function called with it on the stack below; everything the
 * fault left on the stack is abandoned.  If the function returns, the
 * guest resumes from the frame.
 */
	.globl	hyp_fault_resume
hyp_fault_resume:
	mov	sp, x0
	mov	x19, x0
	mov	x29, #0
	blr	x1
	mov	x0, x19
	b	return_to_guest
