// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host bridge of a cell (see <jailhouse/vpci.h>).
 *
 * Unlike Jailhouse, a config write to a function the cell does not have
 * is ignored and counted, never fatal: PCI enumeration probes such writes
 * legitimately, and a mistaken one harms nobody.  Accesses wider than a
 * word or not aligned to their size are violations, as on real ECAM.
 *
 * The BARs are not registered in the cell's MMIO table: the guest moves
 * them at run time, while other CPUs of the cell read that table without
 * a lock.  They are looked up here instead, after every registered
 * region missed; a cell has a handful of devices at most.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/ivshmem.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/vpci.h>

#define ECAM_BUS_SIZE		0x100000UL

static bool vpci_present(void)
{
	const struct jailhouse_system *sys = system_config;

	return sys->platform_info.pci_is_virtual &&
		sys->platform_info.pci_mmconfig_base;
}

static unsigned long ecam_size(void)
{
	return (system_config->platform_info.pci_mmconfig_end_bus + 1UL) *
		ECAM_BUS_SIZE;
}

bool ivshmem_irq_in_cell(struct cell *cell, unsigned int irq)
{
	return irq >= 32 && irq < MAX_IRQS &&
		(cell->irq_bitmap[irq / 32] >> (irq % 32)) & 1;
}

u32 *ivshmem_map_state_table(unsigned long phys, unsigned long size)
{
	return paging_map_memory(phys, size);
}

void ivshmem_unmap_state_table(u32 *table, unsigned long size)
{
	paging_unmap_device(table, size);
}

void ivshmem_publish(void *addr, unsigned long size)
{
	/* readers may map the table uncached (UIO does) */
	arch_dcache_clean_inval(addr, size);
}

static struct ivshmem_endpoint *find_device(struct cell *cell, u16 bdf)
{
	unsigned int n;

	for (n = 0; n < cell->num_vpci_devs; n++)
		if (cell->vpci_devs[n].info->bdf == bdf)
			return &cell->vpci_devs[n];
	return NULL;
}

static enum mmio_result ecam_access(void *arg, struct mmio_access *mmio)
{
	struct cell *cell = arg;
	unsigned int reg = mmio->address & 0xfff;
	u16 bdf = mmio->address >> 12;
	struct ivshmem_endpoint *ive;

	if (mmio->size > 4 || (reg & (mmio->size - 1)))
		return MMIO_ERROR;

	ive = find_device(cell, bdf);
	if (ive) {
		if (mmio->is_write)
			ivshmem_cfg_write(ive, reg, mmio->size, mmio->value);
		else
			mmio->value = ivshmem_cfg_read(ive, reg, mmio->size);
		return MMIO_HANDLED;
	}

	if (!mmio->is_write) {
		mmio->value = ~0UL >> (64 - mmio->size * 8);
		return MMIO_HANDLED;
	}
	if (cell->vpci_ignored_writes++ == 0)
		printk("Note: cell \"%s\": config write to absent PCI "
		       "device %02x:%02x.%x (reg 0x%x) ignored, further ones "
		       "counted\n", cell->config->name, bdf >> 8,
		       (bdf >> 3) & 0x1f, bdf & 7, reg);
	return MMIO_HANDLED;
}

enum mmio_result vpci_bar_access(struct cell *cell, struct mmio_access *mmio)
{
	unsigned long addr = mmio->address, base;
	struct ivshmem_endpoint *ive;
	enum mmio_result res;
	unsigned int n;

	for (n = 0; n < cell->num_vpci_devs; n++) {
		ive = &cell->vpci_devs[n];
		base = ive->regs_base;
		if (base && addr - base < ive->regs_size) {
			mmio->address = addr - base;
			res = ivshmem_regs_access(ive, mmio);
			mmio->address = addr;
			return res;
		}
		base = ive->msix_base;
		if (base && addr - base < IVSHMEM_MSIX_REGION_SIZE) {
			mmio->address = addr - base;
			res = ivshmem_msix_access(ive, mmio);
			mmio->address = addr;
			return res;
		}
	}
	return MMIO_UNHANDLED;
}

/* INTID of the device's INTx pin in the cell, 0 if the cell lacks it. */
static unsigned int intx_irq(struct cell *cell,
			     const struct jailhouse_pci_device *info)
{
	unsigned int pin = ((info->bdf >> 3) & 3) + 1;
	unsigned int irq = 32 + cell->config->vpci_irq_base + pin - 1;

	if (info->num_msix_vectors)
		return 0;
	if (ivshmem_irq_in_cell(cell, irq))
		return irq;
	printk("WARNING: cell \"%s\": ivshmem %02x:%02x.%x: its INTx "
	       "(INTID %u = 32 + vpci_irq_base + pin - 1) is not the cell's, "
	       "it gets no interrupts\n", cell->config->name,
	       info->bdf >> 8, (info->bdf >> 3) & 0x1f, info->bdf & 7, irq);
	return 0;
}

static void free_devices(struct cell *cell, unsigned int connected)
{
	unsigned int n;

	for (n = 0; n < connected; n++)
		ivshmem_disconnect(&cell->vpci_devs[n]);
	if (cell->vpci_devs)
		page_free(&mem_pool, cell->vpci_devs,
			  PAGES(cell->num_vpci_devs *
				sizeof(struct ivshmem_endpoint)));
	cell->vpci_devs = NULL;
	cell->num_vpci_devs = 0;
}

int vpci_cell_init(struct cell *cell)
{
	const struct jailhouse_cell_desc *desc = cell->config;
	const struct jailhouse_pci_device *dev = jailhouse_cell_pci_devices(desc);
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(desc);
	unsigned int n, num = 0, others = 0, done = 0;
	int err;

	for (n = 0; n < desc->num_pci_devices; n++)
		if (dev[n].type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			num++;
		else
			others++;
	if (others)
		printk("Note: cell \"%s\": %u physical PCI device(s) of its "
		       "config ignored (only virtual ones are supported)\n",
		       desc->name, others);
	if (!vpci_present()) {
		if (num)
			printk("Note: cell \"%s\": %u ivshmem device(s) ignored:"
			       " the system config has no virtual PCI host "
			       "(pci_is_virtual, pci_mmconfig_base)\n",
			       desc->name, num);
		return 0;
	}

	cell->vpci_ignored_writes = 0;
	cell->num_vpci_devs = num;
	if (num) {
		cell->vpci_devs = page_alloc(&mem_pool,
			PAGES(num * sizeof(struct ivshmem_endpoint)));
		if (!cell->vpci_devs) {
			cell->num_vpci_devs = 0;
			return -ENOMEM;
		}
	}
	for (n = 0; n < desc->num_pci_devices; n++) {
		if (dev[n].type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		printk("Adding virtual PCI device %02x:%02x.%x to cell "
		       "\"%s\"\n", dev[n].bdf >> 8, (dev[n].bdf >> 3) & 0x1f,
		       dev[n].bdf & 7, desc->name);
		/* the checker proved the regions lie in the array */
		err = ivshmem_connect(&cell->vpci_devs[done], cell, desc->name,
				      &dev[n], mem + dev[n].shmem_regions_start,
				      intx_irq(cell, &dev[n]));
		if (err)
			goto error;
		done++;
	}

	err = mmio_region_register(cell,
				   system_config->platform_info.pci_mmconfig_base,
				   ecam_size(), ecam_access, cell);
	if (err) {
		printk("ERROR: cell \"%s\": cannot register the virtual PCI "
		       "config space: %d\n", desc->name, err);
		goto error;
	}
	return 0;

error:
	free_devices(cell, done);
	return err;
}

void vpci_cell_exit(struct cell *cell)
{
	if (!vpci_present())
		return;
	mmio_region_unregister(cell,
			       system_config->platform_info.pci_mmconfig_base);
	if (cell->vpci_ignored_writes > 1)
		printk("Note: cell \"%s\": %lu config writes to absent PCI "
		       "devices were ignored\n", cell->config->name,
		       cell->vpci_ignored_writes);
	free_devices(cell, cell->num_vpci_devs);
}

void vpci_cell_reset(struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->num_vpci_devs; n++)
		ivshmem_reset(&cell->vpci_devs[n]);
}
