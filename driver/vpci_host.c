// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell's virtual PCI host bridge.
 *
 * With platform_info.pci_is_virtual, the hypervisor emulates an ECAM
 * window at pci_mmconfig_base in which the root finds its ivshmem
 * devices.  Jailhouse makes Linux see it by applying a device-tree
 * overlay (a "pci-host-ecam-generic" node); distribution kernels cannot
 * apply overlays, and a node in the boot DT would fault before the
 * hypervisor runs.  So the module builds the host bridge itself, from the
 * PCI core's exported pieces, the way pci-host-common does for a DT node:
 *
 *   a platform device "jailhouse-vpci" as the bridge's parent,
 *   the ECAM window mapped and accessed with pci_generic_ecam_ops,
 *   one 32-bit memory window right behind it for the BARs (Jailhouse's
 *   place for it: the overlay's "ranges"),
 *   the bridge's map_irq translating INTx pins to the SPIs
 *   vpci_irq_base + pin - 1 through the GIC's irq domain (Jailhouse's
 *   interrupt-map: edge-triggered, mask on the pin only), and
 *   the domain from pci_domain, or the first free one for 0xffff.
 *
 * Both windows are claimed in /proc/iomem, inside whatever resource of
 * the boot DT already covers the hole they sit in (pci_ecam_create()
 * would refuse that: on QEMU the hole is the GIC redistributor range's
 * unused tail, and Linux claims that whole range).
 *
 * Linux then assigns the BARs, and drivers (uio_ivshmem, ivshmem-net)
 * bind as usual.  Everything is undone before the hypervisor is left:
 * once it is gone, the ECAM window is not backed by anything.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/pci.h>
#include <linux/pci-ecam.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>

#include <dt-bindings/interrupt-controller/arm-gic.h>

/*
 * The configs' PCI constants (jailhouse/pci_defs.h) repeat some of
 * <linux/pci.h> in another spelling; nothing here needs them.
 */
#define _JAILHOUSE_PCI_DEFS_H
#include <jailhouse/cell-config.h>

#include "vpci_host.h"

#define VPCI_DEVICE_NAME	"jailhouse-vpci"
#define VPCI_INTX_PINS		4
/* ECAM: 32 devices x 8 functions x 4 KiB of config space per bus */
#define VPCI_ECAM_BUS_SIZE	SZ_1M
/* what Jailhouse's overlay reserves for the BARs of each ivshmem device */
#define VPCI_MIN_BARS_PER_DEV	(2 * PAGE_SIZE)

struct vpci_host {
	struct platform_device *pdev;
	struct pci_host_bridge *bridge;
	/* sysdata of the bus: what pci_generic_ecam_ops work on */
	struct pci_config_window cfg;
	bool ecam_claimed;
	struct resource bus_range;
	struct resource mem;
	bool mem_claimed;
	struct device_node *gic;
	u32 spi_base;
	/* INTx lines this host mapped (0: none, or mapped by someone else) */
	unsigned int own_virq[VPCI_INTX_PINS];
	unsigned int virq[VPCI_INTX_PINS];
};

static struct vpci_host *vpci_host;

static const struct of_device_id gic_matches[] = {
	{ .compatible = "arm,gic-v3" },
	{ .compatible = "arm,gic-400" },
	{ .compatible = "arm,cortex-a15-gic" },
	{ .compatible = "arm,cortex-a7-gic" },
	{ .compatible = "arm,gic-v2" },
	{}
};

/*
 * The hypervisor raises an ivshmem device's INTx as SPI vpci_irq_base +
 * pin - 1, the pin being what the device's Interrupt Pin register says
 * (Jailhouse derives it from the slot).  Devices sit on the root bus, so
 * the common swizzle leaves the pin as it is.
 */
static int vpci_map_irq(const struct pci_dev *dev, u8 slot, u8 pin)
{
	struct vpci_host *host = vpci_host;
	struct irq_fwspec fwspec = {};
	struct irq_domain *domain;
	unsigned int idx, virq;
	bool existed = false;

	if (!host || pin < 1 || pin > VPCI_INTX_PINS)
		return 0;
	idx = pin - 1;
	if (host->virq[idx])
		return host->virq[idx];
	if (!host->gic) {
		pci_warn(dev, "no GIC in the device tree: INTx%c not available\n",
			 'A' + idx);
		return 0;
	}

	fwspec.fwnode = of_fwnode_handle(host->gic);
	fwspec.param_count = 3;
	fwspec.param[0] = GIC_SPI;
	fwspec.param[1] = host->spi_base + idx;
	fwspec.param[2] = IRQ_TYPE_EDGE_RISING;

	domain = irq_find_matching_fwspec(&fwspec, DOMAIN_BUS_WIRED);
	if (!domain)
		domain = irq_find_matching_fwspec(&fwspec, DOMAIN_BUS_ANY);
	if (domain)
		existed = irq_find_mapping(domain, host->spi_base + idx + 32);

	virq = irq_create_fwspec_mapping(&fwspec);
	if (!virq) {
		pci_err(dev, "cannot map INTx%c (SPI %u, INTID %u) through the GIC: check vpci_irq_base of the root cell\n",
			'A' + idx, host->spi_base + idx,
			host->spi_base + idx + 32);
		return 0;
	}
	host->virq[idx] = virq;
	if (!existed)
		host->own_virq[idx] = virq;
	return virq;
}

static unsigned int root_ivshmem_devices(const struct jailhouse_system *config,
					 resource_size_t *bars_size)
{
	const struct jailhouse_cell_desc *root = &config->root_cell;
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(root);
	unsigned int n, bar, count = 0;
	resource_size_t dev_size;
	u32 mask;

	*bars_size = 0;
	for (n = 0; n < root->num_pci_devices; n++, dev++) {
		if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		count++;
		/*
		 * Memory BARs are powers of two; packed largest first into
		 * a window aligned to the largest, their sum fits.
		 */
		dev_size = 0;
		for (bar = 0; bar < ARRAY_SIZE(dev->bar_mask); bar++) {
			mask = dev->bar_mask[bar] & ~0xfU;
			if (mask)
				dev_size += max_t(resource_size_t,
						  (u32)~mask + 1, PAGE_SIZE);
		}
		*bars_size += max_t(resource_size_t, dev_size,
				    VPCI_MIN_BARS_PER_DEV);
	}
	return count;
}

/* The domain the host goes to, or -1 with a reason logged. */
static int pick_domain(u16 wanted)
{
	struct pci_bus *bus = NULL;
	int highest = -1;

	while ((bus = pci_find_next_bus(bus))) {
		if (wanted != 0xffff && pci_domain_nr(bus) == wanted) {
			pr_err("virtual PCI host not added: PCI domain %u is already used by another host bridge; set platform_info.pci_domain of the system config to a free domain (or 0xffff: any)\n",
			       wanted);
			return -1;
		}
		highest = max(highest, pci_domain_nr(bus));
	}
	return wanted != 0xffff ? wanted : highest + 1;
}

static void vpci_host_free(struct vpci_host *host)
{
	unsigned int n;

	if (host->bridge)
		pci_free_host_bridge(host->bridge);
	for (n = 0; n < VPCI_INTX_PINS; n++)
		if (host->own_virq[n])
			irq_dispose_mapping(host->own_virq[n]);
	if (host->mem_claimed)
		release_resource(&host->mem);
	if (host->cfg.win)
		iounmap(host->cfg.win);
	if (host->ecam_claimed)
		release_resource(&host->cfg.res);
	if (host->pdev)
		platform_device_unregister(host->pdev);
	of_node_put(host->gic);
	kfree(host);
}

void jailhouse_vpci_host_add(const struct jailhouse_system *config)
{
	const typeof(config->platform_info) *platform = &config->platform_info;
	struct pci_config_window *cfg;
	struct pci_host_bridge *bridge;
	resource_size_t bars_size;
	struct vpci_host *host;
	unsigned int devices;
	int domain, err;
	u64 ecam_size;

	if (vpci_host || !platform->pci_is_virtual)
		return;
	devices = root_ivshmem_devices(config, &bars_size);
	if (!devices) {
		pr_info("virtual PCI host not added: the root cell has no ivshmem device\n");
		return;
	}
	if (!platform->pci_mmconfig_base) {
		pr_err("virtual PCI host not added: pci_is_virtual is set but pci_mmconfig_base is 0 in the system config\n");
		return;
	}
	domain = pick_domain(platform->pci_domain);
	if (domain < 0)
		return;

	host = kzalloc(sizeof(*host), GFP_KERNEL);
	if (!host)
		goto out_nomem;
	host->spi_base = config->root_cell.vpci_irq_base;
	host->gic = of_find_matching_node(NULL, gic_matches);
	if (!host->gic)
		pr_warn("virtual PCI host: no GIC in the device tree, its devices get no INTx\n");

	host->pdev = platform_device_register_simple(VPCI_DEVICE_NAME,
						     PLATFORM_DEVID_NONE,
						     NULL, 0);
	if (IS_ERR(host->pdev)) {
		err = PTR_ERR(host->pdev);
		host->pdev = NULL;
		pr_err("virtual PCI host not added: cannot register platform device %s (error %d)\n",
		       VPCI_DEVICE_NAME, err);
		goto out_free;
	}

	ecam_size = (u64)(platform->pci_mmconfig_end_bus + 1) *
		VPCI_ECAM_BUS_SIZE;
	host->bus_range.name = "Jailhouse vPCI buses";
	host->bus_range.start = 0;
	host->bus_range.end = platform->pci_mmconfig_end_bus;
	host->bus_range.flags = IORESOURCE_BUS;

	cfg = &host->cfg;
	cfg->res.name = "Jailhouse vPCI ECAM";
	cfg->res.start = platform->pci_mmconfig_base;
	cfg->res.end = platform->pci_mmconfig_base + ecam_size - 1;
	cfg->res.flags = IORESOURCE_MEM | IORESOURCE_BUSY;
	cfg->busr = host->bus_range;
	cfg->ops = &pci_generic_ecam_ops;
	cfg->parent = &host->pdev->dev;
	if (insert_resource(&iomem_resource, &cfg->res)) {
		pr_err("virtual PCI host not added: its config space %pR overlaps a device in /proc/iomem: pci_mmconfig_base must be a hole in the address map\n",
		       &cfg->res);
		goto out_free;
	}
	host->ecam_claimed = true;
	cfg->win = pci_remap_cfgspace(cfg->res.start, ecam_size);
	if (!cfg->win) {
		pr_err("virtual PCI host not added: cannot map its config space %pR\n",
		       &cfg->res);
		goto out_free;
	}

	/* Jailhouse's place for the BARs: right behind the config space */
	host->mem.name = "Jailhouse vPCI BARs";
	host->mem.start = cfg->res.end + 1;
	host->mem.end = host->mem.start + bars_size - 1;
	host->mem.flags = IORESOURCE_MEM;
	if (insert_resource(&iomem_resource, &host->mem)) {
		pr_err("virtual PCI host not added: its BAR window %pR, right behind the config space, overlaps a device in /proc/iomem\n",
		       &host->mem);
		goto out_free;
	}
	host->mem_claimed = true;
	if (host->mem.parent && host->mem.parent != &iomem_resource &&
	    (host->mem.parent->flags & IORESOURCE_BUSY))
		pr_notice("virtual PCI host: its BAR window lies inside %s %pR, which its driver claims: drivers that claim their BARs (pci_request_regions) fail there; uio_ivshmem does not\n",
			  host->mem.parent->name ?: "a resource",
			  host->mem.parent);

	bridge = pci_alloc_host_bridge(0);
	if (!bridge)
		goto out_nomem;
	host->bridge = bridge;
	pci_add_resource(&bridge->windows, &host->bus_range);
	pci_add_resource(&bridge->windows, &host->mem);
	bridge->dev.parent = &host->pdev->dev;
	bridge->sysdata = cfg;
	bridge->busnr = 0;
	bridge->domain_nr = domain;
	bridge->ops = (struct pci_ops *)&pci_generic_ecam_ops.pci_ops;
	bridge->swizzle_irq = pci_common_swizzle;
	bridge->map_irq = vpci_map_irq;
	/* the hypervisor offers no MSI translation to the root's ITS */
	bridge->msi_domain = false;

	vpci_host = host;
	err = pci_host_probe(bridge);
	if (err) {
		vpci_host = NULL;
		pr_err("virtual PCI host not added: scanning it failed (error %d)\n",
		       err);
		goto out_free;
	}

	pr_info("virtual PCI host %04x:[bus %02x-%02x] added: config space %pR, BARs %pR, INTx from SPI %u, %u ivshmem device(s)\n",
		domain, 0, platform->pci_mmconfig_end_bus, &cfg->res,
		&host->mem, host->spi_base, devices);
	return;

out_nomem:
	pr_err("virtual PCI host not added: out of memory\n");
out_free:
	if (host)
		vpci_host_free(host);
}

void jailhouse_vpci_host_remove(void)
{
	struct vpci_host *host = vpci_host;
	struct pci_bus *bus;

	if (!host)
		return;

	/* drivers unbind, devices and their BARs go, then the bus */
	bus = host->bridge->bus;
	pci_lock_rescan_remove();
	pci_stop_root_bus(bus);
	pci_remove_root_bus(bus);
	pci_unlock_rescan_remove();

	vpci_host = NULL;
	vpci_host_free(host);
	pr_info("virtual PCI host removed\n");
}
