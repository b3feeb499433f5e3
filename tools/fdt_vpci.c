// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host in an inmate's device tree, the one the hypervisor
 * emulates for the cell's ivshmem devices (Jailhouse's inmate device
 * trees have it written by hand, as pci@... "pci-host-ecam-generic").
 */
#include <libfdt.h>
#include <stdio.h>

#include "fdt_board.h"

#define ECAM_BUS_SIZE		0x100000ULL	/* 32 dev x 8 fn x 4 KiB */
#define VPCI_BARS_PER_DEVICE	0x2000ULL	/* Jailhouse's reservation */
#define PCI_SPACE_MEM32		0x02000000
/* where Jailhouse's inmate device trees put the BARs on every board */
#define VPCI_BARS_FALLBACK	0x10000000ULL
#define IRQ_TYPE_EDGE_RISING	1

static bool cell_maps(const struct jailhouse_cell_desc *cell, __u64 start,
		      __u64 size)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	unsigned int n;

	for (n = 0; n < cell->num_memory_regions; n++)
		if (start < mem[n].virt_start + mem[n].size &&
		    mem[n].virt_start < start + size)
			return true;
	return false;
}

/*
 * The cell's virtual PCI host, where its ivshmem devices are: an ECAM
 * window at pci_mmconfig_base, the BAR window right behind it (two pages
 * per device, as Jailhouse's root overlay reserves) unless the cell has
 * memory there (i.MX8MQ: the ivshmem regions), else at Jailhouse's
 * 0x10000000, and INTx pin N of any slot on SPI vpci_irq_base + N - 1,
 * edge-triggered.
 */
int inmate_add_pci_host(struct inmate_ctx *ctx,
			const struct fdt_inmate_input *in)
{
	__u64 ecam_size = (in->pci_end_bus + 1ULL) * ECAM_BUS_SIZE;
	__u64 bars = in->pci_ecam_base + ecam_size;
	__u64 bars_size = ctx->cell->num_pci_devices * VPCI_BARS_PER_DEVICE;
	fdt32_t map[4 * 10], ranges[7];
	char name[40];
	int out, err, pin, n;

	if (!ctx->cell->num_pci_devices)
		return 0;
	if (!in->pci_known) {
		inmate_warn(ctx, "the cell has %u PCI device(s), but the "
			    "virtual PCI host's address is unknown (pass "
			    "--sysconfig): no PCI in the device tree",
			    ctx->cell->num_pci_devices);
		return 0;
	}
	if (cell_maps(ctx->cell, bars, bars_size))
		bars = VPCI_BARS_FALLBACK;
	if (cell_maps(ctx->cell, bars, bars_size))
		inmate_warn(ctx, "no hole for the PCI BARs behind the ECAM "
			    "window or at 0x%llx: the cell has memory there",
			    (unsigned long long)bars);
	snprintf(name, sizeof(name), "pci@%llx",
		 (unsigned long long)in->pci_ecam_base);
	out = fdt_add_subnode(ctx->out, 0, name);
	if (out < 0)
		return out;
	err = fdt_setprop_string(ctx->out, out, "compatible",
				 "pci-host-ecam-generic");
	if (!err)
		err = fdt_setprop_string(ctx->out, out, "device_type", "pci");
	if (!err)
		err = fdt_setprop_u32(ctx->out, out, "bus-range", 0);
	if (!err)
		err = fdt_appendprop_u32(ctx->out, out, "bus-range",
					 in->pci_end_bus);
	if (!err)
		err = fdt_setprop_u32(ctx->out, out, "#address-cells", 3);
	if (!err)
		err = fdt_setprop_u32(ctx->out, out, "#size-cells", 2);
	if (!err)
		err = fdt_setprop_u32(ctx->out, out, "#interrupt-cells", 1);
	if (!err)
		err = fdt_setprop_u64(ctx->out, out, "reg", in->pci_ecam_base);
	if (!err)
		err = fdt_appendprop_u64(ctx->out, out, "reg", ecam_size);
	if (err)
		return err;

	for (pin = 1, n = 0; pin <= 4; pin++) {
		map[n++] = cpu_to_fdt32(0);
		map[n++] = cpu_to_fdt32(0);
		map[n++] = cpu_to_fdt32(0);
		map[n++] = cpu_to_fdt32(pin);
		map[n++] = cpu_to_fdt32(ctx->gic_phandle);
		map[n++] = cpu_to_fdt32(0);	/* SPI */
		map[n++] = cpu_to_fdt32(ctx->cell->vpci_irq_base + pin - 1);
		map[n++] = cpu_to_fdt32(IRQ_TYPE_EDGE_RISING);
	}
	err = fdt_setprop(ctx->out, out, "interrupt-map", map, n * 4);
	if (!err)
		err = fdt_setprop_u32(ctx->out, out, "interrupt-map-mask", 0);
	if (!err)
		err = fdt_appendprop_u32(ctx->out, out, "interrupt-map-mask",
					 0);
	if (!err)
		err = fdt_appendprop_u32(ctx->out, out, "interrupt-map-mask",
					 0);
	if (!err)
		err = fdt_appendprop_u32(ctx->out, out, "interrupt-map-mask",
					 7);
	ranges[0] = cpu_to_fdt32(PCI_SPACE_MEM32);
	ranges[1] = cpu_to_fdt32(bars >> 32);
	ranges[2] = cpu_to_fdt32((__u32)bars);
	ranges[3] = cpu_to_fdt32(bars >> 32);
	ranges[4] = cpu_to_fdt32((__u32)bars);
	ranges[5] = cpu_to_fdt32(bars_size >> 32);
	ranges[6] = cpu_to_fdt32((__u32)bars_size);
	if (!err)
		err = fdt_setprop(ctx->out, out, "ranges", ranges,
				  sizeof(ranges));
	return err;
}
