/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ivshmem 2.0 device model (Jailhouse's
 * Documentation/ivshmem-v2-specification.md): config space, the register
 * BAR, the MSI-X BAR and the links between the peers of one device.
 *
 * A link joins the ivshmem devices of equal bdf in all cells (Jailhouse's
 * rule; the domain may differ).  A device is the peer shmem_dev_id of its
 * link.  Everything here runs under ivshmem_lock, so that a doorbell never
 * reaches a peer while it connects, resets or leaves.
 *
 * The model is arch-neutral and needs from the outside only
 * arch_ivshmem_trigger() (raise an INTID in a cell) and the state table
 * mapping (ivshmem_map_state_table()/unmap), so that host tests can
 * compile it.
 */
#ifndef _JAILHOUSE_IVSHMEM_H
#define _JAILHOUSE_IVSHMEM_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/ivshmem_device.h>
#include <jailhouse/mmio.h>
#include <jailhouse/pci_defs.h>

#define IVSHMEM_MAX_PEERS		12
#define IVSHMEM_MSIX_VECTORS		16
#define IVSHMEM_CFG_SIZE		0x80

/* config space layout (the spec's, at Jailhouse's offsets) */
#define IVSHMEM_CFG_VNDR_CAP		0x40
#define IVSHMEM_CFG_VNDR_LEN		IVSHMEM_CAP_LENGTH_WITH_ADDRESS
#define IVSHMEM_CFG_PRIV_CTRL		(IVSHMEM_CFG_VNDR_CAP + \
					 IVSHMEM_CAP_PRIV_CONTROL)
#define IVSHMEM_CFG_STATE_TAB_SZ	(IVSHMEM_CFG_VNDR_CAP + \
					 IVSHMEM_CAP_STATE_TABLE_SIZE)
#define IVSHMEM_CFG_RW_SECTION_SZ	(IVSHMEM_CFG_VNDR_CAP + \
					 IVSHMEM_CAP_RW_SECTION_SIZE)
#define IVSHMEM_CFG_OUT_SECTION_SZ	(IVSHMEM_CFG_VNDR_CAP + \
					 IVSHMEM_CAP_OUTPUT_SECTION_SIZE)
#define IVSHMEM_CFG_ADDRESS		(IVSHMEM_CFG_VNDR_CAP + \
					 IVSHMEM_CAP_ADDRESS)
#define IVSHMEM_CFG_MSIX_CAP		(IVSHMEM_CFG_VNDR_CAP + \
					 IVSHMEM_CFG_VNDR_LEN)
/* bit 0 of the privileged control byte, seen in the capability's dword */
#define IVSHMEM_CFG_ONESHOT_INT		(1U << 24)
/* MSI-X message control: enable, function mask */
#define IVSHMEM_MSIX_ENABLE		(1U << 31)
#define IVSHMEM_MSIX_FMASK		(1U << 30)

/* MSI-X region (BAR 1): table of 16 vectors, PBA behind it */
#define IVSHMEM_MSIX_TABLE_SIZE		(PCI_MSIX_ENTRY_SIZE * \
					 IVSHMEM_MSIX_VECTORS)
#define IVSHMEM_MSIX_REGION_SIZE	(2 * IVSHMEM_MSIX_TABLE_SIZE)

struct cell;
struct ivshmem_link;

struct ivshmem_endpoint {
	const struct jailhouse_pci_device *info;
	/* the device's regions in its cell's config: 2 + shmem_peers */
	const struct jailhouse_memory *shmem;
	struct cell *cell;
	const char *cell_name;
	/* INTID of the INTx pin in this cell, 0 if the cell lacks it */
	unsigned int intx_irq;
	struct ivshmem_link *link;

	u32 cspace[IVSHMEM_CFG_SIZE / 4];
	u32 bar[6];
	/* guest-physical base of the decoded BARs, 0 while not decoded */
	volatile unsigned long regs_base;
	volatile unsigned long msix_base;
	unsigned long regs_size;

	u32 int_ctrl;
	u32 state;
	u32 msix[IVSHMEM_MSIX_VECTORS][4];
	/* INTID each vector raises now, 0: none (masked, disabled ...) */
	unsigned int vector_irq[IVSHMEM_MSIX_VECTORS];
};

struct ivshmem_link {
	bool used;
	u16 bdf;
	unsigned int peers;
	/* hypervisor mapping of the state table (u32 per peer) */
	u32 *state_table;
	unsigned long state_table_phys;
	unsigned long state_table_size;
	struct ivshmem_endpoint *eps[IVSHMEM_MAX_PEERS];
};

/*
 * Join the link of info->bdf as peer info->shmem_dev_id of cell (shmem:
 * the cell's regions of the device, irq_in_cell(cell, intid) tells
 * whether the cell owns an INTID).  Prints a one-line reason and returns
 * -errno if the peer is taken or the layout differs from the link's.
 * The device is then in its reset state.
 */
int ivshmem_connect(struct ivshmem_endpoint *ive, struct cell *cell,
		    const char *cell_name,
		    const struct jailhouse_pci_device *info,
		    const struct jailhouse_memory *shmem,
		    unsigned int intx_irq);
/* Leave the link: state 0, the others are told. */
void ivshmem_disconnect(struct ivshmem_endpoint *ive);
/* Reset to power-on (cell start): state 0, the others are told. */
void ivshmem_reset(struct ivshmem_endpoint *ive);

/* Config space of the device; reg aligned to size (1, 2 or 4). */
u32 ivshmem_cfg_read(struct ivshmem_endpoint *ive, unsigned int reg,
		     unsigned int size);
void ivshmem_cfg_write(struct ivshmem_endpoint *ive, unsigned int reg,
		       unsigned int size, u32 value);

/* BAR 0 and BAR 1, mmio->address relative to the BAR. */
enum mmio_result ivshmem_regs_access(struct ivshmem_endpoint *ive,
				     struct mmio_access *mmio);
enum mmio_result ivshmem_msix_access(struct ivshmem_endpoint *ive,
				     struct mmio_access *mmio);

/* Provided by the user of the model. */
/* Make INTID irq pending in the cell that owns it (it is cell's). */
void arch_ivshmem_trigger(struct cell *cell, unsigned int irq);
/* Whether cell may receive INTID irq (an SPI it owns). */
bool ivshmem_irq_in_cell(struct cell *cell, unsigned int irq);
/* Map / unmap a state table for the hypervisor (normal memory). */
u32 *ivshmem_map_state_table(unsigned long phys, unsigned long size);
void ivshmem_unmap_state_table(u32 *table, unsigned long size);
/* Make the hypervisor's write of a state entry visible to all readers. */
void ivshmem_publish(void *addr, unsigned long size);

#endif /* !_JAILHOUSE_IVSHMEM_H */
