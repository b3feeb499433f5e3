/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GICv3 register map (distributor, redistributor, CPU interface and
 * virtualisation system registers).  Preprocessor definitions only, so the
 * host tests can use them too.
 */
#ifndef _JAILHOUSE_ASM_GIC_V3_H
#define _JAILHOUSE_ASM_GIC_V3_H

#define GIC_NUM_SGIS		16
#define GIC_NUM_PRIVATE		32	/* SGIs and PPIs */
#define GIC_FIRST_SPECIAL	1020	/* 1020..1023: no interrupt */
#define GIC_SPURIOUS		1023

/* distributor, 64 KiB */
#define GICD_SIZE		0x10000
#define GICD_CTLR		0x0000
#define  GICD_CTLR_ARE_NS	(1 << 4)	/* "ARE" when DS = 1 */
#define  GICD_CTLR_ARE_S	(1 << 5)
#define  GICD_CTLR_DS		(1 << 6)
#define  GICD_CTLR_RWP		(1U << 31)
#define GICD_TYPER		0x0004
#define  GICD_TYPER_ITLINES_MASK 0x1f	/* SPI INTIDs < 32 * (N + 1) */
#define GICD_IIDR		0x0008
#define GICD_TYPER2		0x000c
#define GICD_STATUSR		0x0010
#define GICD_SETSPI_NSR		0x0040
#define GICD_CLRSPI_NSR		0x0048
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ISPENDR		0x0200
#define GICD_ICPENDR		0x0280
#define GICD_ISACTIVER		0x0300
#define GICD_ICACTIVER		0x0380
#define GICD_IPRIORITYR		0x0400
#define GICD_ITARGETSR		0x0800
#define GICD_ICFGR		0x0c00
#define GICD_IGRPMODR		0x0d00
#define GICD_NSACR		0x0e00
#define GICD_SGIR		0x0f00
#define GICD_IROUTER		0x6000
#define  GICD_IROUTER_IRM	(1UL << 31)
#define  GICD_IROUTER_AFF_MASK	0xff00ffffffUL	/* same layout as MPIDR */
#define GICD_ID_FIRST		0xffd0	/* PIDR4..CIDR3 */
#define GICD_PIDR2		0xffe8

/* redistributor frame: RD_base, then SGI_base; VLPI frames on GICv4 */
#define GICR_SGI_BASE		0x10000
#define GICR_STRIDE		0x20000
#define GICR_STRIDE_VLPIS	0x40000
#define GICR_CTLR		0x0000
#define  GICR_CTLR_RWP		(1U << 3)
#define GICR_IIDR		0x0004
#define GICR_TYPER		0x0008
#define  GICR_TYPER_VLPIS	(1UL << 1)
#define  GICR_TYPER_LAST	(1UL << 4)
#define  GICR_TYPER_AFF_SHIFT	32
#define GICR_STATUSR		0x0010
#define GICR_WAKER		0x0014
#define GICR_PROPBASER		0x0070
#define GICR_PENDBASER		0x0078
#define GICR_ID_FIRST		0xffd0
/* in SGI_base: the GICD per-IRQ layout, for INTIDs 0..31 only */
#define GICR_IGROUPR0		GICD_IGROUPR
#define GICR_ISENABLER0		GICD_ISENABLER
#define GICR_ICENABLER0		GICD_ICENABLER
#define GICR_ISPENDR0		GICD_ISPENDR
#define GICR_ICACTIVER0		GICD_ICACTIVER
#define GICR_ISACTIVER0		GICD_ISACTIVER
#define GICR_IPRIORITYR		GICD_IPRIORITYR

/* ICC_SGI1R_EL1 */
#define SGIR_TARGETS_MASK	0xffffUL
#define SGIR_AFF1_SHIFT		16
#define SGIR_INTID_SHIFT	24
#define SGIR_INTID_MASK		0xfUL
#define SGIR_AFF2_SHIFT		32
#define SGIR_IRM		(1UL << 40)
#define SGIR_RS_SHIFT		44
#define SGIR_RS_MASK		0xfUL
#define SGIR_AFF3_SHIFT		48

/* MPIDR_EL1 affinity fields */
#define MPIDR_AFF0(m)		((m) & 0xff)
#define MPIDR_AFF1(m)		(((m) >> 8) & 0xff)
#define MPIDR_AFF2(m)		(((m) >> 16) & 0xff)
#define MPIDR_AFF3(m)		(((m) >> 32) & 0xff)

/* ICC_CTLR_EL1 */
#define ICC_CTLR_CBPR		(1UL << 0)
#define ICC_CTLR_EOIMODE	(1UL << 1)

/* ICC_SRE_EL2 */
#define ICC_SRE_SRE		(1UL << 0)
#define ICC_SRE_ENABLE		(1UL << 3)

/* ICH_HCR_EL2 */
#define ICH_HCR_EN		(1UL << 0)
#define ICH_HCR_UIE		(1UL << 1)

/* ICH_VTR_EL2 */
#define ICH_VTR_LISTREGS_MASK	0x1fUL

/* ICH_VMCR_EL2 */
#define ICH_VMCR_VENG1		(1UL << 1)
#define ICH_VMCR_VCBPR		(1UL << 4)
#define ICH_VMCR_VEOIM		(1UL << 9)
#define ICH_VMCR_VBPR1_SHIFT	18
#define ICH_VMCR_VBPR1_MASK	0x7UL
#define ICH_VMCR_VPMR_SHIFT	24
#define ICH_VMCR_VPMR_MASK	0xffUL

/* ICH_LR<n>_EL2 */
#define ICH_LR_VINTID_MASK	0xffffffffUL
#define ICH_LR_PINTID_SHIFT	32
#define ICH_LR_PRIO_SHIFT	48
#define ICH_LR_GROUP1		(1UL << 60)
#define ICH_LR_HW		(1UL << 61)
#define ICH_LR_STATE_SHIFT	62
#define ICH_LR_PENDING		(1UL << 62)
#define ICH_LR_ACTIVE		(1UL << 63)
#define ICH_LR_STATE_MASK	(3UL << 62)
#define ICH_MAX_LRS		16

/*
 * CPU interface and virtualisation registers by encoding, so that any
 * assembler accepts them whatever -march says.  At EL2 the ICC_*_EL1
 * names access the physical CPU interface.
 */
#define ICC_PMR_EL1		S3_0_C4_C6_0
#define ICC_DIR_EL1		S3_0_C12_C11_1
#define ICC_RPR_EL1		S3_0_C12_C11_3
#define ICC_SGI1R_EL1		S3_0_C12_C11_5
#define ICC_IAR1_EL1		S3_0_C12_C12_0
#define ICC_EOIR1_EL1		S3_0_C12_C12_1
#define ICC_BPR1_EL1		S3_0_C12_C12_3
#define ICC_CTLR_EL1		S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1		S3_0_C12_C12_7
#define ICC_SRE_EL2		S3_4_C12_C9_5
#define ICH_AP0R0_EL2		S3_4_C12_C8_0
#define ICH_AP1R0_EL2		S3_4_C12_C9_0
#define ICH_HCR_EL2		S3_4_C12_C11_0
#define ICH_VTR_EL2		S3_4_C12_C11_1
#define ICH_MISR_EL2		S3_4_C12_C11_2
#define ICH_ELRSR_EL2		S3_4_C12_C11_5
#define ICH_VMCR_EL2		S3_4_C12_C11_7
/* ICH_LR<n>_EL2: n = 8 * (crm - 12) + op2 */
#define ICH_LR_EL2(crm, op2)	S3_4_C12_C##crm##_##op2

#endif /* !_JAILHOUSE_ASM_GIC_V3_H */
