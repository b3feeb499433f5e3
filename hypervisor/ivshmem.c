// SPDX-License-Identifier: GPL-2.0
/*
 * The ivshmem 2.0 device: what a guest sees in its config space and BARs,
 * and how the peers of a link reach each other (see <jailhouse/ivshmem.h>).
 *
 * Shared memory itself is never touched here except the state table: the
 * sections are plain stage-2 mappings of the cells' config regions, whose
 * permissions (state table read-only, each output section writable by its
 * owner only) the config checker enforces before a cell exists.
 *
 * One lock for all links: doorbells are rare next to the work they
 * announce, and with it a peer that leaves can never be interrupted after
 * it left nor a doorbell be lost half-way.
 */
#include <jailhouse/ivshmem.h>
#include <jailhouse/pci_defs.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/errno.h>
#include <asm/processor.h>
#include <asm/spinlock.h>

#define IVSHMEM_MAX_LINKS	64

#define PCI_CFG_BAR_END		0x27
#define PCI_CFG_ROM_BAR		0x30
#define PCI_CMD_WRITABLE	(PCI_CMD_MEM | PCI_CMD_MASTER | PCI_CMD_INTX_OFF)

static spinlock_t ivshmem_lock = SPINLOCK_INIT;
static struct ivshmem_link links[IVSHMEM_MAX_LINKS];

static unsigned int num_vectors(const struct ivshmem_endpoint *ive)
{
	/* INTx is a single vector */
	return ive->info->num_msix_vectors ? ive->info->num_msix_vectors : 1;
}

/* Which INTID each vector raises now (ivshmem_lock held). */
static void update_vectors(struct ivshmem_endpoint *ive)
{
	u32 cmd = ive->cspace[PCI_CFG_COMMAND / 4];
	u32 msix_ctrl = ive->cspace[IVSHMEM_CFG_MSIX_CAP / 4];
	unsigned int n, irq;

	if (!ive->info->num_msix_vectors) {
		ive->vector_irq[0] = (cmd & PCI_CMD_INTX_OFF) ? 0 :
			ive->intx_irq;
		return;
	}
	for (n = 0; n < ive->info->num_msix_vectors; n++) {
		/*
		 * As in Jailhouse on ARM: without an ITS for the cell, the
		 * message data is the INTID of an SPI the cell owns.
		 */
		irq = ive->msix[n][2];
		if (!(msix_ctrl & IVSHMEM_MSIX_ENABLE) ||
		    (msix_ctrl & IVSHMEM_MSIX_FMASK) || (ive->msix[n][3] & 1) ||
		    !(cmd & PCI_CMD_MASTER) || irq < 32 ||
		    !ivshmem_irq_in_cell(ive->cell, irq))
			irq = 0;
		ive->vector_irq[n] = irq;
	}
}

/* Interrupt a peer, if it enabled interrupts (ivshmem_lock held). */
static void trigger(struct ivshmem_endpoint *ive, unsigned int vector)
{
	unsigned int irq;

	if (!ive || !(ive->int_ctrl & IVSHMEM_INT_ENABLE) ||
	    vector >= num_vectors(ive))
		return;
	irq = ive->vector_irq[vector];
	/* the cell may have lost the SPI to another cell meanwhile */
	if (!irq || !ivshmem_irq_in_cell(ive->cell, irq))
		return;
	if (ive->cspace[IVSHMEM_CFG_VNDR_CAP / 4] & IVSHMEM_CFG_ONESHOT_INT)
		ive->int_ctrl = 0;
	/* what the sender wrote before the doorbell is seen first */
	memory_barrier();
	arch_ivshmem_trigger(ive->cell, irq);
}

/* Set the state, tell the other peers if it changed (ivshmem_lock held). */
static void write_state(struct ivshmem_endpoint *ive, u32 state)
{
	struct ivshmem_link *link = ive->link;
	unsigned int id = ive->info->shmem_dev_id, n;
	u32 *entry = &link->state_table[id];

	*entry = state;
	ivshmem_publish(entry, sizeof(*entry));
	if (ive->state == state)
		return;
	ive->state = state;
	for (n = 0; n < IVSHMEM_MAX_PEERS; n++)
		if (n != id)
			trigger(link->eps[n], 0);
}

static void set_bar_decoding(struct ivshmem_endpoint *ive)
{
	bool mem = ive->cspace[PCI_CFG_COMMAND / 4] & PCI_CMD_MEM;
	unsigned long regs = ive->bar[0] & ~0xfUL;
	unsigned long msix = ive->bar[1] & ~0xfUL;

	ive->regs_base = mem ? regs : 0;
	ive->msix_base = mem && ive->info->num_msix_vectors ? msix : 0;
}

/* Power-on state of the device (ivshmem_lock held). */
static void reset(struct ivshmem_endpoint *ive)
{
	const struct jailhouse_pci_device *info = ive->info;
	u32 *cs = ive->cspace;
	unsigned int n;

	memset(cs, 0, sizeof(ive->cspace));
	memset(ive->bar, 0, sizeof(ive->bar));
	memset(ive->msix, 0, sizeof(ive->msix));
	ive->int_ctrl = 0;

	cs[0x00 / 4] = IVSHMEM_DEVICE_ID << 16 | IVSHMEM_VENDOR_ID;
	cs[0x04 / 4] = PCI_STS_CAPS << 16;
	cs[0x08 / 4] = (u32)PCI_DEV_CLASS_OTHER << 24 |
		(u32)info->shmem_protocol << 8;
	cs[0x2c / 4] = IVSHMEM_DEVICE_ID << 16 | IVSHMEM_VENDOR_ID;
	cs[PCI_CFG_CAP_PTR / 4] = IVSHMEM_CFG_VNDR_CAP;
	cs[IVSHMEM_CFG_VNDR_CAP / 4] = IVSHMEM_CFG_VNDR_LEN << 16 |
		PCI_CAP_ID_VNDR;
	cs[IVSHMEM_CFG_STATE_TAB_SZ / 4] = (u32)ive->shmem[0].size;
	cs[IVSHMEM_CFG_RW_SECTION_SZ / 4] = (u32)ive->shmem[1].size;
	cs[IVSHMEM_CFG_RW_SECTION_SZ / 4 + 1] = ive->shmem[1].size >> 32;
	cs[IVSHMEM_CFG_OUT_SECTION_SZ / 4] = (u32)ive->shmem[2].size;
	cs[IVSHMEM_CFG_OUT_SECTION_SZ / 4 + 1] = ive->shmem[2].size >> 32;
	/* no BAR 2: the guest finds the shared memory here */
	cs[IVSHMEM_CFG_ADDRESS / 4] = (u32)ive->shmem[0].virt_start;
	cs[IVSHMEM_CFG_ADDRESS / 4 + 1] = ive->shmem[0].virt_start >> 32;

	if (info->num_msix_vectors) {
		cs[IVSHMEM_CFG_VNDR_CAP / 4] |= IVSHMEM_CFG_MSIX_CAP << 8;
		cs[IVSHMEM_CFG_MSIX_CAP / 4] = PCI_CAP_ID_MSIX |
			(u32)(info->num_msix_vectors - 1) << 16;
		/* table at BAR 1 offset 0, PBA right behind it */
		cs[IVSHMEM_CFG_MSIX_CAP / 4 + 1] = 1;
		cs[IVSHMEM_CFG_MSIX_CAP / 4 + 2] = IVSHMEM_MSIX_TABLE_SIZE | 1;
		for (n = 0; n < IVSHMEM_MSIX_VECTORS; n++)
			ive->msix[n][3] = 1;	/* masked */
	} else {
		/* the pin rotates with the device number, as in Jailhouse */
		cs[PCI_CFG_INT / 4] = (((info->bdf >> 3) & 3) + 1) << 8;
	}
	set_bar_decoding(ive);
	update_vectors(ive);
}

static struct ivshmem_link *find_link(u16 bdf)
{
	unsigned int n;

	for (n = 0; n < IVSHMEM_MAX_LINKS; n++)
		if (links[n].used && links[n].bdf == bdf)
			return &links[n];
	return NULL;
}

static struct ivshmem_link *new_link(u16 bdf)
{
	unsigned int n;

	for (n = 0; n < IVSHMEM_MAX_LINKS; n++)
		if (!links[n].used) {
			memset(&links[n], 0, sizeof(links[n]));
			links[n].used = true;
			links[n].bdf = bdf;
			return &links[n];
		}
	return NULL;
}

int ivshmem_connect(struct ivshmem_endpoint *ive, struct cell *cell,
		    const char *cell_name,
		    const struct jailhouse_pci_device *info,
		    const struct jailhouse_memory *shmem,
		    unsigned int intx_irq)
{
	unsigned int id = info->shmem_dev_id, n;
	struct ivshmem_link *link;
	const char *why = NULL;
	u32 *table = NULL;
	bool created = false;
	int err = 0;

	/* checked by the config checker, checked again where it matters */
	if (id >= IVSHMEM_MAX_PEERS)
		why = "shmem_dev_id is beyond the 12 peers of a link";
	else if (info->num_msix_vectors > IVSHMEM_MSIX_VECTORS)
		why = "it has more than 16 MSI-X vectors";
	else if (shmem[0].size < (id + 1) * sizeof(u32) ||
		 (shmem[0].flags & JAILHOUSE_MEM_WRITE))
		why = "its state table is too small or writable";
	for (n = 0; n < info->shmem_peers && !why; n++)
		if (n != id && (shmem[2 + n].flags & JAILHOUSE_MEM_WRITE))
			why = "it may write another peer's output section";
	if (why) {
		printk("ERROR: cell \"%s\": ivshmem %02x:%02x.%x: %s\n",
		       cell_name, info->bdf >> 8, (info->bdf >> 3) & 0x1f,
		       info->bdf & 7, why);
		return -EINVAL;
	}

	spin_lock(&ivshmem_lock);
	link = find_link(info->bdf);
	if (link && link->eps[id]) {
		why = "its shmem_dev_id is another cell's peer ID on the link";
		err = -EBUSY;
	} else if (link && link->state_table_phys != shmem[0].phys_start) {
		why = "its state table is not the link's";
		err = -EINVAL;
	} else if (!link) {
		spin_unlock(&ivshmem_lock);
		/* mapping may allocate: outside the lock; the link is new */
		table = ivshmem_map_state_table(shmem[0].phys_start,
						shmem[0].size);
		spin_lock(&ivshmem_lock);
		/* cell management is serialised: nobody made it meanwhile */
		link = table ? new_link(info->bdf) : NULL;
		if (!link) {
			why = "the hypervisor is out of link slots or memory";
			err = -ENOMEM;
		} else {
			created = true;
		}
	}
	if (why) {
		spin_unlock(&ivshmem_lock);
		if (table)
			ivshmem_unmap_state_table(table, shmem[0].size);
		printk("ERROR: cell \"%s\": ivshmem %02x:%02x.%x: %s\n",
		       cell_name, info->bdf >> 8, (info->bdf >> 3) & 0x1f,
		       info->bdf & 7, why);
		return err;
	}
	if (created) {
		link->state_table = table;
		link->state_table_phys = shmem[0].phys_start;
		link->state_table_size = shmem[0].size;
		/* a new link starts with every peer absent */
		memset(table, 0, IVSHMEM_MAX_PEERS * sizeof(u32) <
		       shmem[0].size ? IVSHMEM_MAX_PEERS * sizeof(u32) :
		       shmem[0].size);
		ivshmem_publish(table, shmem[0].size);
	}

	memset(ive, 0, sizeof(*ive));
	ive->info = info;
	ive->shmem = shmem;
	ive->cell = cell;
	ive->cell_name = cell_name;
	ive->intx_irq = intx_irq;
	ive->link = link;
	ive->regs_size = info->bar_mask[0] ? ~(info->bar_mask[0] & ~0xfU) + 1 :
		0x1000;
	reset(ive);
	link->eps[id] = ive;
	link->peers++;
	write_state(ive, 0);
	spin_unlock(&ivshmem_lock);

	if (link->peers > 1) {
		printk("Shared memory connection established, peer cells:\n");
		for (n = 0; n < IVSHMEM_MAX_PEERS; n++)
			if (link->eps[n] && n != id)
				printk(" \"%s\" (peer %u)\n",
				       link->eps[n]->cell_name, n);
	}
	return 0;
}

void ivshmem_disconnect(struct ivshmem_endpoint *ive)
{
	struct ivshmem_link *link = ive->link;
	u32 *table = NULL;
	unsigned long size = 0;

	if (!link)
		return;
	spin_lock(&ivshmem_lock);
	ive->int_ctrl = 0;
	ive->regs_base = 0;
	ive->msix_base = 0;
	write_state(ive, 0);
	link->eps[ive->info->shmem_dev_id] = NULL;
	if (--link->peers == 0) {
		table = link->state_table;
		size = link->state_table_size;
		link->used = false;
	}
	ive->link = NULL;
	spin_unlock(&ivshmem_lock);
	if (table)
		ivshmem_unmap_state_table(table, size);
}

void ivshmem_reset(struct ivshmem_endpoint *ive)
{
	if (!ive->link)
		return;
	spin_lock(&ivshmem_lock);
	reset(ive);
	write_state(ive, 0);
	spin_unlock(&ivshmem_lock);
}

u32 ivshmem_cfg_read(struct ivshmem_endpoint *ive, unsigned int reg,
		     unsigned int size)
{
	unsigned int shift = (reg & 3) * 8;
	u32 dword;

	if (reg >= IVSHMEM_CFG_SIZE)
		return ~0U >> (32 - size * 8);
	if (reg >= PCI_CFG_BAR && reg <= PCI_CFG_BAR_END)
		dword = ive->bar[(reg - PCI_CFG_BAR) / 4];
	else
		dword = ive->cspace[reg / 4];
	return (dword >> shift) & (~0U >> (32 - size * 8));
}

void ivshmem_cfg_write(struct ivshmem_endpoint *ive, unsigned int reg,
		       unsigned int size, u32 value)
{
	unsigned int shift = (reg & 3) * 8, row = reg / 4;
	u32 mask = (~0U >> (32 - size * 8)) << shift, old, new, keep;

	value <<= shift;
	if (reg >= IVSHMEM_CFG_SIZE)
		return;

	spin_lock(&ivshmem_lock);
	if (reg >= PCI_CFG_BAR && reg <= PCI_CFG_BAR_END) {
		/* BAR sizing: only the bits of the config's mask stick */
		mask &= ive->info->bar_mask[row - PCI_CFG_BAR / 4];
		ive->bar[row - PCI_CFG_BAR / 4] =
			(ive->bar[row - PCI_CFG_BAR / 4] & ~mask) |
			(value & mask);
		set_bar_decoding(ive);
		goto out;
	}

	old = ive->cspace[row];
	new = (old & ~mask) | (value & mask);
	switch (row) {
	case PCI_CFG_COMMAND / 4:
		/* status is read-only; three command bits are writable */
		keep = ~(u32)PCI_CMD_WRITABLE;
		ive->cspace[row] = (old & keep) | (new & PCI_CMD_WRITABLE);
		set_bar_decoding(ive);
		update_vectors(ive);
		break;
	case PCI_CFG_INT / 4:
		/* the interrupt line byte is the guest's scratch */
		ive->cspace[row] = (old & ~0xffU) | (new & 0xff);
		break;
	case IVSHMEM_CFG_VNDR_CAP / 4:
		ive->cspace[row] = (old & ~IVSHMEM_CFG_ONESHOT_INT) |
			(new & IVSHMEM_CFG_ONESHOT_INT);
		break;
	case IVSHMEM_CFG_MSIX_CAP / 4:
		if (!ive->info->num_msix_vectors)
			break;
		keep = ~(IVSHMEM_MSIX_ENABLE | IVSHMEM_MSIX_FMASK);
		ive->cspace[row] = (old & keep) | (new & ~keep);
		update_vectors(ive);
		break;
	default:
		/* everything else is read-only or not implemented */
		break;
	}
out:
	spin_unlock(&ivshmem_lock);
}

enum mmio_result ivshmem_regs_access(struct ivshmem_endpoint *ive,
				     struct mmio_access *mmio)
{
	struct ivshmem_link *link;
	unsigned int vector, target;
	u32 value = 0;

	/* registers are aligned 32-bit words; anything else reads 0 */
	if (mmio->size != 4 || (mmio->address & 3)) {
		mmio->value = 0;
		return MMIO_HANDLED;
	}

	spin_lock(&ivshmem_lock);
	link = ive->link;
	switch (mmio->address) {
	case IVSHMEM_REG_ID:
		value = ive->info->shmem_dev_id;
		break;
	case IVSHMEM_REG_MAX_PEERS:
		value = ive->info->shmem_peers;
		break;
	case IVSHMEM_REG_INT_CTRL:
		if (mmio->is_write)
			ive->int_ctrl = mmio->value & IVSHMEM_INT_ENABLE;
		value = ive->int_ctrl;
		break;
	case IVSHMEM_REG_DOORBELL:
		if (!mmio->is_write || !link)
			break;
		vector = mmio->value & 0xffff;
		target = (mmio->value >> 16) & 0xffff;
		/* absent peers and vectors: dropped, as the spec says */
		if (target < IVSHMEM_MAX_PEERS && vector < num_vectors(ive))
			trigger(link->eps[target], vector);
		break;
	case IVSHMEM_REG_STATE:
		if (mmio->is_write && link)
			write_state(ive, mmio->value);
		value = ive->state;
		break;
	default:
		break;
	}
	spin_unlock(&ivshmem_lock);
	if (!mmio->is_write)
		mmio->value = value;
	return MMIO_HANDLED;
}

enum mmio_result ivshmem_msix_access(struct ivshmem_endpoint *ive,
				     struct mmio_access *mmio)
{
	unsigned long addr = mmio->address;
	unsigned int vector = addr / PCI_MSIX_ENTRY_SIZE;

	if (mmio->size != 4 || (addr & 3))
		return MMIO_ERROR;
	if (addr >= IVSHMEM_MSIX_TABLE_SIZE) {
		/* the PBA: the device never has anything pending */
		if (!mmio->is_write)
			mmio->value = 0;
		return MMIO_HANDLED;
	}
	if (vector >= ive->info->num_msix_vectors) {
		if (!mmio->is_write)
			mmio->value = 0;
		return MMIO_HANDLED;
	}
	spin_lock(&ivshmem_lock);
	if (mmio->is_write) {
		ive->msix[vector][(addr & 0xf) / 4] = mmio->value;
		update_vectors(ive);
	} else {
		mmio->value = ive->msix[vector][(addr & 0xf) / 4];
	}
	spin_unlock(&ivshmem_lock);
	return MMIO_HANDLED;
}
