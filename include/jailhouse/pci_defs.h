/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * PCI constants that cell configs use to describe capabilities of devices
 * they pass through.
 */
#ifndef _JAILHOUSE_PCI_DEFS_H
#define _JAILHOUSE_PCI_DEFS_H

#define PCI_CFG_VENDOR_ID	0x000
#define PCI_CFG_DEVICE_ID	0x002
#define PCI_CFG_COMMAND		0x004
# define PCI_CMD_IO		(1 << 0)
# define PCI_CMD_MEM		(1 << 1)
# define PCI_CMD_MASTER		(1 << 2)
# define PCI_CMD_INTX_OFF	(1 << 10)
#define PCI_CFG_STATUS		0x006
# define PCI_STS_INT		(1 << 3)
# define PCI_STS_CAPS		(1 << 4)
#define PCI_CFG_REVISION	0x008
#define PCI_CFG_CLASS		0x009
#define PCI_CFG_BAR		0x010
# define PCI_BAR_64BIT		0x4
#define PCI_CFG_CAP_PTR		0x034
#define PCI_CFG_INT		0x03c

#define PCI_CONFIG_HEADER_SIZE	0x40

#define PCI_DEV_CLASS_OTHER	0xff

#define PCI_CAP_ID_PM		0x01
#define PCI_CAP_ID_VPD		0x03
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_HT		0x08
#define PCI_CAP_ID_VNDR		0x09
#define PCI_CAP_ID_DBG		0x0a
#define PCI_CAP_ID_SSVID	0x0d
#define PCI_CAP_ID_EXP		0x10
#define PCI_CAP_ID_MSIX		0x11
#define PCI_CAP_ID_SATA		0x12
#define PCI_CAP_ID_AF		0x13

#define PCI_EXT_CAP_ID_ERR	0x01
#define PCI_EXT_CAP_ID_VC	0x02
#define PCI_EXT_CAP_ID_DSN	0x03
#define PCI_EXT_CAP_ID_PWR	0x04
#define PCI_EXT_CAP_ID_VNDR	0x0b
#define PCI_EXT_CAP_ID_ACS	0x0d
#define PCI_EXT_CAP_ID_ARI	0x0e
#define PCI_EXT_CAP_ID_ATS	0x0f
#define PCI_EXT_CAP_ID_SRIOV	0x10
#define PCI_EXT_CAP_ID_MRIOV	0x11
#define PCI_EXT_CAP_ID_MCAST	0x12
#define PCI_EXT_CAP_ID_PRI	0x13
#define PCI_EXT_CAP_ID_REBAR	0x15
#define PCI_EXT_CAP_ID_DPA	0x16
#define PCI_EXT_CAP_ID_TPH	0x17
#define PCI_EXT_CAP_ID_LTR	0x18
#define PCI_EXT_CAP_ID_SECPCI	0x19
#define PCI_EXT_CAP_ID_PMUX	0x1a
#define PCI_EXT_CAP_ID_PASID	0x1b
#define PCI_EXT_CAP_ID_DPC	0x1d
#define PCI_EXT_CAP_ID_L1SS	0x1e
#define PCI_EXT_CAP_ID_PTM	0x1f

#define PCI_MSIX_ENTRY_SIZE	16

#endif /* !_JAILHOUSE_PCI_DEFS_H */
