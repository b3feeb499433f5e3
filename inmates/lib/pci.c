// SPDX-License-Identifier: GPL-2.0
/*
 * PCI config space through the cell's virtual ECAM window: base from the
 * comm region (pci_mmconfig_base), function bdf at base + (bdf << 12).
 * Every access is one trap into the hypervisor, so the lookups here read
 * whole dwords and stop as early as they can; pci_config_accesses counts
 * them for the demos and the tests.
 */
#include <inmate.h>

/*
 * Bus 0 only: the comm region does not say how many buses the window
 * has, every virtual host has bus 0, and all ivshmem configs use it.
 */
#define PCI_SCAN_BDFS		0x100

unsigned int pci_config_accesses;
static unsigned long ecam_base;

int pci_init(void)
{
	ecam_base = comm_region->pci_mmconfig_base;
	return ecam_base ? 0 : -1;
}

static unsigned long cfg_addr(u16 bdf, unsigned int reg)
{
	return ecam_base + ((unsigned long)bdf << 12) + reg;
}

u32 pci_read_config(u16 bdf, unsigned int reg, unsigned int size)
{
	unsigned long addr = cfg_addr(bdf, reg);
	u32 val;

	pci_config_accesses++;
	switch (size) {
	case 1:
		return mmio_read8(addr);
	case 2:
		asm volatile("ldrh %w0, [%1]" : "=r" (val) : "r" (addr)
			     : "memory");
		return val;
	default:
		return mmio_read32(addr);
	}
}

void pci_write_config(u16 bdf, unsigned int reg, u32 value, unsigned int size)
{
	unsigned long addr = cfg_addr(bdf, reg);

	pci_config_accesses++;
	switch (size) {
	case 1:
		mmio_write8(addr, value);
		break;
	case 2:
		asm volatile("strh %w0, [%1]" : : "r" (value), "r" (addr)
			     : "memory");
		break;
	default:
		mmio_write32(addr, value);
	}
}

int pci_find_device(u16 vendor, u16 device, u16 start_bdf)
{
	unsigned int bdf;
	u32 id;

	if (!ecam_base)
		return -1;
	/* one dword holds both IDs; an absent function reads all-ones */
	for (bdf = start_bdf; bdf < PCI_SCAN_BDFS; bdf++) {
		id = pci_read_config(bdf, PCI_CFG_VENDOR_ID, 4);
		if ((id & 0xffff) == vendor &&
		    (device == PCI_ID_ANY || (id >> 16) == device))
			return bdf;
		/* functions 1-7 exist only if function 0 does */
		if ((bdf & 7) == 0 && (id & 0xffff) == PCI_ID_ANY)
			bdf += 7;
	}
	return -1;
}

int pci_find_cap(u16 bdf, u16 cap)
{
	unsigned int pos, hops;
	u32 header;

	if (!(pci_read_config(bdf, PCI_CFG_STATUS, 2) & PCI_STS_CAPS))
		return -1;
	pos = pci_read_config(bdf, PCI_CFG_CAP_PTR, 1);
	/* a broken list must not loop for ever */
	for (hops = 0; pos && hops < 48; hops++) {
		header = pci_read_config(bdf, pos & ~3, 4);
		if ((header & 0xff) == cap)
			return pos & ~3;
		pos = (header >> 8) & 0xff;
	}
	return -1;
}

void pci_msix_set_vector(u16 bdf, unsigned int irq, u32 vector)
{
	int cap = pci_find_cap(bdf, PCI_CAP_ID_MSIX);
	unsigned long table;
	u32 bir_offs;

	if (cap < 0)
		return;
	bir_offs = pci_read_config(bdf, cap + 4, 4);
	table = pci_read_config(bdf, PCI_CFG_BAR + (bir_offs & 7) * 4, 4) &
		~0xfUL;
	table += (bir_offs & ~7U) + vector * PCI_MSIX_ENTRY_SIZE;
	/* on ARM without an ITS the message data is the SPI's INTID */
	mmio_write32(table, 0);
	mmio_write32(table + 4, 0);
	mmio_write32(table + 8, irq);
	mmio_write32(table + 12, 0);
	/* enable MSI-X (message control bit 15) */
	pci_write_config(bdf, cap + 2,
			 pci_read_config(bdf, cap + 2, 2) | 0x8000, 2);
}
