/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System register access and the EL2 register bits the hypervisor uses.
 */
#ifndef _JAILHOUSE_ASM_SYSREGS_H
#define _JAILHOUSE_ASM_SYSREGS_H

#ifdef __ASSEMBLY__
#define UL(x)		x
#else
#define UL(x)		x##UL
#endif

#define HCR_VM		(UL(1) << 0)
#define HCR_FMO		(UL(1) << 3)
#define HCR_IMO		(UL(1) << 4)
#define HCR_AMO		(UL(1) << 5)
#define HCR_TSC		(UL(1) << 19)
#define HCR_TIDCP	(UL(1) << 20)
#define HCR_TACR	(UL(1) << 21)
#define HCR_TSW		(UL(1) << 22)
#define HCR_RW		(UL(1) << 31)
#define HCR_APK		(UL(1) << 40)
#define HCR_API		(UL(1) << 41)
#define HCR_ATA		(UL(1) << 56)

#define SCTLR_M		(UL(1) << 0)
#define SCTLR_A		(UL(1) << 1)
#define SCTLR_C		(UL(1) << 2)
#define SCTLR_SA	(UL(1) << 3)
#define SCTLR_I		(UL(1) << 12)
#define SCTLR_WXN	(UL(1) << 19)
/* bits that read as one in SCTLR_EL2 without VHE (ARMv8.0) */
#define SCTLR_EL2_RES1	((UL(3) << 28) | (UL(3) << 22) | (UL(1) << 18) | \
			 (UL(1) << 16) | (UL(1) << 11) | (UL(3) << 4))
/* SCTLR_EL1 as after reset, MMU and caches off (ARMv8.0 RES1 bits) */
#define SCTLR_EL1_RESET	((UL(3) << 28) | (UL(3) << 22) | (UL(1) << 20) | \
			 (UL(1) << 11))

/* CPACR_EL1: FP/SIMD not trapped at EL0/EL1 */
#define CPACR_FPEN	(UL(3) << 20)

/* ESR_ELx */
#define ESR_EC_SHIFT	26
#define ESR_EC(esr)	(((esr) >> ESR_EC_SHIFT) & 0x3f)
#define ESR_IL		(UL(1) << 25)
#define ESR_ISS(esr)	((esr) & 0x1ffffff)

#define EC_UNKNOWN	0x00
#define EC_WFX		0x01
#define EC_HVC32	0x12
#define EC_SMC32	0x13
#define EC_HVC64	0x16
#define EC_SMC64	0x17
#define EC_SYS64	0x18
#define EC_IABT_LOW	0x20
#define EC_IABT_CUR	0x21
#define EC_DABT_LOW	0x24
#define EC_DABT_CUR	0x25

/* SPSR: EL1h with D, A, I, F masked */
#define PSR_MODE_EL1H	0x5
#define PSR_DAIF_MASK	(UL(0xf) << 6)

#define MPIDR_AFF_MASK	UL(0xff00ffffff)

/* MAIR_EL2: index 0 normal write-back, index 1 device-nGnRE */
#define MAIR_ATTR_NORMAL	0
#define MAIR_ATTR_DEVICE	1
#define MAIR_EL2_VALUE		0x04ff

/* TCR_EL2 without PS: 48-bit VA, 4 KiB granule, write-back walks */
#define TCR_EL2_BASE	((UL(1) << 31) | (UL(1) << 23) | (UL(3) << 12) | \
			 (UL(1) << 10) | (UL(1) << 8) | 16)
#define TCR_PS_SHIFT	16

/*
 * CNTHCTL_EL2 event stream: EVNTI = 15 wakes WFE every 2^16 ticks, about
 * 1 ms at QEMU's 62.5 MHz, 2.7 ms at the i.MX8's 24 MHz
 */
#define CNTHCTL_EVNTEN		(UL(1) << 2)
#define CNTHCTL_EVNTI_SHIFT	4
#define CNTHCTL_EVNTI_ENABLE	UL(15)
#define CNTHCTL_EVNT_MASK	(UL(0xff) << 2)

#ifndef __ASSEMBLY__

#define __stringify_sysreg(x)	#x
#define read_sysreg(reg) ({						\
	u64 __val;							\
	asm volatile("mrs %0, " __stringify_sysreg(reg) : "=r" (__val)); \
	__val;								\
})
#define write_sysreg(reg, val) do {					\
	u64 __val = (u64)(val);						\
	asm volatile("msr " __stringify_sysreg(reg) ", %0" : : "r" (__val)); \
} while (0)

static inline void isb(void)
{
	asm volatile("isb" : : : "memory");
}

static inline void dsb_ish(void)
{
	asm volatile("dsb ish" : : : "memory");
}

#endif /* !__ASSEMBLY__ */
#endif /* !_JAILHOUSE_ASM_SYSREGS_H */
