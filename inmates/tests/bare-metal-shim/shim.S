/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-only EL2 shim: runs an inmate image on QEMU virt without the
 * hypervisor, in the environment a Jailhouse cell gets, so that the inmate
 * library and demos can be tested on their own (and gic-demo gives a
 * bare-metal latency baseline).
 *
 *   IPA 0 .. 2 MiB          -> INMATE_PA (where -device loader put the image)
 *   IPA 0x08000000 .. 32 MiB -> identity, device (GIC, PL011 at 0x09000000)
 *   IPA 0x80000000 .. 2 MiB -> COMM_PA, a comm region filled in here:
 *                              "JHCOMM" rev 2, PL011 console, GICv3 bases
 *
 * The GIC is set up the way Linux and Jailhouse would leave it for a cell
 * (distributor on with affinity routing, redistributor awake, everything
 * group 1), the timers are not trapped, and HCR_EL2 has only RW, VM and
 * TSC, so interrupts go straight to EL1.  The inmate's PSCI calls (smc)
 * trap to the shim, which passes them on to QEMU's PSCI firmware, except
 * CPU_ON: that starts the CPU in the shim first (secondary_start), which
 * gives it the same EL2 setup and then enters the inmate's entry point.
 * Anything else that traps to EL2 (a stage-2 fault: the inmate touched an
 * IPA that is not mapped) is printed on the UART and QEMU is powered off,
 * so a test fails fast.
 */

#define INMATE_PA	0x40200000
#define COMM_PA		0x40400000
#define GICD_BASE	0x08000000
#define GICR_BASE	0x080a0000
#define UART_BASE	0x09000000

#define GICD_CTLR		0x0
#define  GICD_CTLR_ENABLE_G0	(1 << 0)
#define  GICD_CTLR_ENABLE_G1	(1 << 1)
#define  GICD_CTLR_ARE		(1 << 4)
#define  GICD_CTLR_RWP		(1 << 31)
#define GICR_FRAME_SIZE		0x20000
#define GICR_WAKER		0x14
#define  GICR_WAKER_SLEEP	(1 << 1)
#define  GICR_WAKER_ASLEEP	(1 << 2)
#define GICR_IGROUPR0		(0x10000 + 0x80)

#define ICC_SRE_EL2		s3_4_c12_c9_5
#define ICC_SRE_EL1		s3_0_c12_c12_5

/* stage-2 block descriptors: S2AP read/write, access flag */
#define S2_BLOCK_NORMAL	0x7fd		/* MemAttr WB/WB, inner shareable */
#define S2_BLOCK_DEVICE	0x4c5		/* MemAttr Device-nGnRE */
#define S2_XN		(1 << 54)
#define S2_TABLE	0x3

/* 4 GiB IPA (T0SZ 32), start at level 1, WBWA inner-shareable walks,
 * 36-bit PA, RES1 bit 31 */
#define VTCR_VALUE	0x80013560

#define HCR_VM		(1 << 0)
#define HCR_TSC		(1 << 19)
#define HCR_RW		(1 << 31)
#define CPTR_EL2_RES1	0x33ff
#define SCTLR_EL1_RES1	0x30d00800
#define SPSR_EL1H_MASKED 0x3c5

#define PSCI_SYSTEM_OFF	0x84000008
#define PSCI_CPU_ON_32	0x84000003
#define PSCI_CPU_ON_64	0xc4000003
#define PSCI_INVALID	-2

#define ESR_EC_SHIFT	26
#define ESR_EC_SMC64	0x17

/* CPUs the shim can start: Aff0 0 .. MAX_CPUS - 1 */
#define MAX_CPUS	8

	.text
	.globl	_start
_start:
	msr	daifset, #0xf
	adr	x0, el2_vectors
	msr	vbar_el2, x0

	/* comm region: zero the page, then copy the template */
	ldr	x0, =COMM_PA
	mov	x1, #4096 / 8
1:	str	xzr, [x0], #8
	subs	x1, x1, #1
	b.ne	1b
	ldr	x0, =COMM_PA
	adr	x1, comm_template
	mov	x2, #(comm_template_end - comm_template)
2:	ldrb	w3, [x1], #1
	strb	w3, [x0], #1
	subs	x2, x2, #1
	b.ne	2b

	/* distributor: affinity routing first, then the groups */
	ldr	x0, =GICD_BASE
	mov	w1, #GICD_CTLR_ARE
	str	w1, [x0, #GICD_CTLR]
	bl	gicd_wait
	mov	w1, #(GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1 | GICD_CTLR_ENABLE_G0)
	str	w1, [x0, #GICD_CTLR]
	bl	gicd_wait

	bl	cpu_setup

	/* into the cell: EL1h at IPA 0, interrupts masked */
	mov	x0, #SPSR_EL1H_MASKED
	msr	spsr_el2, x0
	msr	elr_el2, xzr
	mov	x0, xzr
	eret

/*
 * A CPU started by the inmate's CPU_ON: x0 = its Aff0, an index into the
 * entry and context tables that el2_smc filled.
 */
secondary_start:
	msr	daifset, #0xf
	mov	x19, x0
	adr	x0, el2_vectors
	msr	vbar_el2, x0
	bl	cpu_setup
	adr	x0, secondary_entry
	ldr	x1, [x0, x19, lsl #3]
	msr	elr_el2, x1
	adr	x0, secondary_context
	ldr	x0, [x0, x19, lsl #3]
	mov	x1, #SPSR_EL1H_MASKED
	msr	spsr_el2, x1
	eret

/* EL2 setup every CPU needs before entering the inmate; clobbers x0-x3 */
cpu_setup:
	/* this CPU's redistributor: wake it, put SGIs/PPIs in group 1 */
	mrs	x1, mpidr_el1
	and	x1, x1, #0xff
	mov	x2, #GICR_FRAME_SIZE
	ldr	x0, =GICR_BASE
	madd	x0, x1, x2, x0
	ldr	w1, [x0, #GICR_WAKER]
	bic	w1, w1, #GICR_WAKER_SLEEP
	str	w1, [x0, #GICR_WAKER]
3:	ldr	w1, [x0, #GICR_WAKER]
	tbnz	w1, #2, 3b
	add	x1, x0, #(GICR_IGROUPR0 & 0xfff)
	add	x1, x1, #(GICR_IGROUPR0 & ~0xfff)
	mov	w2, #-1
	str	w2, [x1]

	/* system register GIC interface for EL2 and EL1 */
	mov	x0, #0xf
	msr	ICC_SRE_EL2, x0
	isb
	mov	x0, #0x7
	msr	ICC_SRE_EL1, x0

	/* timers and counters untrapped, no virtual offset */
	mov	x0, #3
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr

	/* EL1 sees the real CPU identity */
	mrs	x0, midr_el1
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0

	ldr	x0, =CPTR_EL2_RES1
	msr	cptr_el2, x0
	msr	hstr_el2, xzr
	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0

	/* stage 2 */
	ldr	x0, =VTCR_VALUE
	msr	vtcr_el2, x0
	adr	x0, s2_l1
	msr	vttbr_el2, x0
	isb
	tlbi	alle1
	dsb	sy
	isb
	ldr	x0, =(HCR_RW | HCR_VM | HCR_TSC)
	msr	hcr_el2, x0
	isb
	ret

/*
 * A trapped smc from the inmate: PSCI for QEMU's firmware, which sees the
 * shim as its caller.  SMCCC lets the callee clobber x4-x17, so they are
 * free here; x0-x3 are the inmate's arguments.
 */
el2_smc:
	ldr	x4, =PSCI_CPU_ON_64
	cmp	x0, x4
	ldr	x4, =PSCI_CPU_ON_32
	ccmp	x0, x4, #4, ne
	b.ne	2f

	/* CPU_ON(x1 = MPIDR, x2 = entry, x3 = context) */
	and	x5, x1, #0xff
	cmp	x5, #MAX_CPUS
	b.hs	1f
	adr	x6, secondary_entry
	str	x2, [x6, x5, lsl #3]
	adr	x6, secondary_context
	str	x3, [x6, x5, lsl #3]
	adr	x2, secondary_start
	mov	x3, x5
	b	2f
1:	mov	x0, #PSCI_INVALID
	b	3f
2:	smc	#0
	/* a trapped smc returns to itself, not to the next instruction */
3:	mrs	x4, elr_el2
	add	x4, x4, #4
	msr	elr_el2, x4
	eret

el2_sync_lower:
	mrs	x4, esr_el2
	lsr	x4, x4, #ESR_EC_SHIFT
	cmp	x4, #ESR_EC_SMC64
	b.eq	el2_smc
	b	el2_trap

gicd_wait:
	ldr	w1, [x0, #GICD_CTLR]
	tbnz	w1, #31, gicd_wait
	ret

/* x0: NUL-terminated string; clobbers x0-x2 */
puts:
	ldr	x1, =UART_BASE
1:	ldrb	w2, [x0], #1
	cbz	w2, 3f
2:	ldr	w3, [x1, #0x18]
	tbnz	w3, #5, 2b
	str	w2, [x1]
	b	1b
3:	ret

/* x0: value printed as 16 hex digits; clobbers x0-x5 */
puthex:
	ldr	x1, =UART_BASE
	mov	x4, #60
1:	lsr	x2, x0, x4
	and	x2, x2, #0xf
	cmp	x2, #10
	add	x5, x2, #'0'
	add	x2, x2, #('a' - 10)
	csel	x2, x5, x2, lo
2:	ldr	w3, [x1, #0x18]
	tbnz	w3, #5, 2b
	str	w2, [x1]
	subs	x4, x4, #4
	b.ge	1b
	ret

el2_trap:
	adr	x0, msg_trap
	bl	puts
	mrs	x0, esr_el2
	bl	puthex
	adr	x0, msg_elr
	bl	puts
	mrs	x0, elr_el2
	bl	puthex
	adr	x0, msg_far
	bl	puts
	mrs	x0, far_el2
	bl	puthex
	adr	x0, msg_hpfar
	bl	puts
	mrs	x0, hpfar_el2
	lsl	x0, x0, #8
	bl	puthex
	adr	x0, msg_end
	bl	puts
	ldr	x0, =PSCI_SYSTEM_OFF
	smc	#0
1:	wfi
	b	1b
	.ltorg

	/* 0-7: from EL2 itself, 8: synchronous from EL1 (AArch64) */
	.balign	2048
el2_vectors:
	.rept	8
	.balign	0x80
	b	el2_trap
	.endr
	.balign	0x80
	b	el2_sync_lower
	.rept	7
	.balign	0x80
	b	el2_trap
	.endr

	.section .rodata
msg_trap:	.asciz	"\r\nshim: unexpected trap to EL2, ESR_EL2 0x"
msg_elr:	.asciz	" ELR_EL2 0x"
msg_far:	.asciz	"\r\nshim: FAR_EL2 0x"
msg_hpfar:	.asciz	" IPA page 0x"
msg_end:	.asciz	"\r\nshim: powering off\r\n"

	/* struct jailhouse_comm_region, see <jailhouse/hypercall.h> */
	.balign	8
comm_template:
	.ascii	"JHCOMM"
	.short	2			/* revision */
	.long	0, 0, 0			/* cell_state, msg_to_cell, reply */
	.long	0			/* flags */
	.quad	UART_BASE		/* console.address */
	.long	0x1000			/* console.size */
	.short	0x0003			/* console.type: PL011 */
	.short	0x0003			/* console.flags: MMIO | REGDIST_4 */
	.long	0, 0			/* divider (keep setup), gate_nr */
	.quad	0			/* clock_reg */
	.quad	0			/* pci_mmconfig_base */
	.byte	3			/* gic_version */
	.fill	7, 1, 0
	.quad	GICD_BASE
	.quad	0			/* gicc_base */
	.quad	GICR_BASE
	.long	0			/* vpci_irq_base */
comm_template_end:

	.data
	/* where the CPUs the inmate starts enter it, by Aff0 */
	.balign	8
secondary_entry:
	.fill	MAX_CPUS, 8, 0
secondary_context:
	.fill	MAX_CPUS, 8, 0

	/* stage-2 translation tables, level 1 then level 2 */
	.balign	4096
s2_l1:
	.quad	s2_l2_low + S2_TABLE	/* IPA 0 .. 1 GiB */
	.quad	0
	.quad	s2_l2_comm + S2_TABLE	/* IPA 2 .. 3 GiB */
	.quad	0

	.balign	4096
s2_l2_low:
	.quad	INMATE_PA + S2_BLOCK_NORMAL
	.fill	(GICD_BASE >> 21) - 1, 8, 0
	.set	addr, GICD_BASE
	.rept	16
	.quad	addr + S2_BLOCK_DEVICE + S2_XN
	.set	addr, addr + 0x200000
	.endr
	.balign	4096, 0

s2_l2_comm:
	.quad	COMM_PA + S2_BLOCK_NORMAL
	.balign	4096, 0
