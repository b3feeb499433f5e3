/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ivshmem 2.0 PCI device as its users see it (Jailhouse's
 * Documentation/ivshmem-v2-specification.md): IDs, the vendor-specific
 * capability and the register BAR.  One definition for everything that
 * talks to the device: the hypervisor's device model, the inmate library,
 * uio_ivshmem.ko and ivshmem-net.ko.  The protocol numbers of the class
 * code are JAILHOUSE_SHMEM_PROTO_* in <jailhouse/cell-config.h>.
 */
#ifndef _JAILHOUSE_IVSHMEM_DEVICE_H
#define _JAILHOUSE_IVSHMEM_DEVICE_H

#define IVSHMEM_VENDOR_ID		0x110a	/* Siemens */
#define IVSHMEM_DEVICE_ID		0x4106

/* class code: base class 0xff, the protocol in sub-class and interface */
#define IVSHMEM_CLASS_BASE		0xff

/* the vendor-specific capability, offsets from its start */
#define IVSHMEM_CAP_LENGTH		0x02
#define IVSHMEM_CAP_PRIV_CONTROL	0x03
#define IVSHMEM_CAP_STATE_TABLE_SIZE	0x04	/* 32 bits */
#define IVSHMEM_CAP_RW_SECTION_SIZE	0x08	/* 64 bits */
#define IVSHMEM_CAP_OUTPUT_SECTION_SIZE	0x10	/* 64 bits */
#define IVSHMEM_CAP_ADDRESS		0x18	/* 64 bits, optional */
/* the capability's length when it has the address field */
#define IVSHMEM_CAP_LENGTH_WITH_ADDRESS	0x20
/* in the privileged control byte: interrupts disable themselves on use */
#define IVSHMEM_PRIV_ONESHOT_INT	0x01

/* the register BAR (BAR 0) */
#define IVSHMEM_REG_ID			0x00
#define IVSHMEM_REG_MAX_PEERS		0x04
#define IVSHMEM_REG_INT_CTRL		0x08
#define IVSHMEM_REG_DOORBELL		0x0c
#define IVSHMEM_REG_STATE		0x10
#define IVSHMEM_INT_ENABLE		0x01
/* doorbell value: target peer in bits 31:16, vector in 15:0 */
#define IVSHMEM_DOORBELL(peer, vector)	(((peer) << 16) | (vector))

struct ivshmem_regs {
	__u32 id;
	__u32 max_peers;
	__u32 int_control;
	__u32 doorbell;
	__u32 state;
};

#endif /* !_JAILHOUSE_IVSHMEM_DEVICE_H */
