// SPDX-License-Identifier: GPL-2.0
/*
 * PCI devices and ivshmem: types, capability and shared-memory ranges,
 * peer numbering, unique BDFs.
 *
 * ivshmem peer numbering is what Jailhouse's ivshmem_init() accepts:
 * shmem_dev_id is the cell's peer ID on the link (one link per bdf,
 * whatever the domain), below 12 and unique on its link; shmem_peers is
 * the number of output sections the cell maps, 2 + shmem_peers regions
 * from shmem_regions_start.  A cell may be peer 1 of a link while mapping
 * only peer 0's output (shmem_dev_id = 1, shmem_peers = 1, as Jailhouse's
 * inmate demos do): it then has no output section of its own and uses the
 * R/W section.
 *
 * Shared memory is protected by stage 2 alone, so the regions' flags are
 * the security of the link: the state table is the hypervisor's to write,
 * an output section its owner's.  Peers must see one memory: every region
 * of a device has the same physical address and size in all cells on the
 * link (the hypervisor also checks this at cell create).
 */
#include "internal.h"

#define IVSHMEM_MAX_PEERS	12
#define IVSHMEM_MSIX_VECTORS	16
/* State table, R/W section, then one output section per peer. */
#define IVSHMEM_FIXED_REGIONS	2

static bool ivshmem_range_valid(const struct cc_cell *v,
				const struct jailhouse_pci_device *dev)
{
	return dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
		(__u64)dev->shmem_regions_start + IVSHMEM_FIXED_REGIONS +
		dev->shmem_peers <= v->num_mem;
}

/* Is memory region idx part of an ivshmem device of the cell? */
bool cc_mem_is_ivshmem(const struct cc_cell *v, __u64 idx)
{
	__u64 i, start;

	if (v->pci_too_large)
		return false;
	for (i = 0; i < v->num_pci; i++) {
		if (!ivshmem_range_valid(v, &v->pci[i]))
			continue;
		start = v->pci[i].shmem_regions_start;
		if (idx >= start &&
		    idx < start + IVSHMEM_FIXED_REGIONS + v->pci[i].shmem_peers)
			return true;
	}
	return false;
}

static __u64 bdf_key(const struct jailhouse_pci_device *dev)
{
	return (__u64)dev->domain << 16 | dev->bdf;
}

static void report_region(struct cc_checker *c, const struct cc_cell *v,
			  enum config_check_code code,
			  enum config_check_severity sev,
			  const struct jailhouse_pci_device *dev, int idx,
			  __u64 region, const char *what, const char *hint)
{
	struct config_check_finding f;

	cc_finding_init(&f, code, sev, v->name, "pci_devices", idx, what,
			hint);
	cc_set_value(&f, CC_VAL_BDF, bdf_key(dev), 0);
	cc_set_other(&f, v->name, "mem_regions", cc_index(region));
	cc_emit(c, &f);
}

/* Regions and interrupt of a device whose regions lie in the array. */
static void check_ivshmem_layout(struct cc_checker *c,
				 const struct jailhouse_system *sys,
				 const struct cc_cell *v,
				 const struct jailhouse_pci_device *dev, int idx)
{
	__u64 start = dev->shmem_regions_start, k, need, pin;
	const struct jailhouse_memory *m = &v->mem[start];
	struct config_check_finding f;

	need = 4 * (__u64)(dev->shmem_peers > dev->shmem_dev_id ?
			   dev->shmem_peers : dev->shmem_dev_id + 1);
	if (m[0].size < need)
		report_region(c, v, CC_PCI_SHMEM_LAYOUT, CC_ERROR, dev, idx,
			      start, "has a state table too small for a 32-bit state per peer",
			      "make the first region of the device at least a page");
	if (m[0].flags & JAILHOUSE_MEM_WRITE)
		report_region(c, v, CC_PCI_SHMEM_ACCESS, CC_ERROR, dev, idx,
			      start, "lets the cell write its state table",
			      "only the hypervisor writes the state table: drop JAILHOUSE_MEM_WRITE from that region");
	for (k = 0; k < dev->shmem_peers; k++) {
		const struct jailhouse_memory *out = &m[2 + k];

		if (k != dev->shmem_dev_id &&
		    (out->flags & JAILHOUSE_MEM_WRITE))
			report_region(c, v, CC_PCI_SHMEM_ACCESS, CC_ERROR, dev,
				      idx, start + 2 + k,
				      "lets the cell write another peer's output section",
				      "an output section is writable by its owner only (the peer whose shmem_dev_id is its number): drop JAILHOUSE_MEM_WRITE");
		if (out->size != m[2].size)
			report_region(c, v, CC_PCI_SHMEM_LAYOUT, CC_ERROR, dev,
				      idx, start + 2 + k,
				      "has output sections of different sizes",
				      "all output sections of a device have one size");
	}
	for (k = 0; k < IVSHMEM_FIXED_REGIONS + (__u64)dev->shmem_peers; k++)
		if (m[k].size && ((m[k].phys_start | m[k].virt_start |
				   m[k].size) & CC_PAGE_OFFS_MASK))
			report_region(c, v, CC_PCI_SHMEM_LAYOUT, CC_ERROR, dev,
				      idx, start + k,
				      "has a shared-memory region that is not page granular",
				      "access rights come from stage 2, which maps pages: align start and size to 4 KiB");

	if (!sys)
		return;
	if (!sys->platform_info.pci_is_virtual ||
	    !sys->platform_info.pci_mmconfig_base) {
		cc_finding_init(&f, CC_PCI_NO_VPCI, CC_WARNING, v->name,
				"pci_devices", idx,
				"is ignored: the system config has no virtual PCI host",
				"set platform_info.pci_is_virtual and pci_mmconfig_base (a 1 MiB hole per bus)");
		cc_set_value(&f, CC_VAL_BDF, bdf_key(dev), 0);
		cc_emit(c, &f);
		return;
	}
	if (dev->num_msix_vectors)
		return;
	/* Jailhouse's rule: INTx pin A-D rotates with the device number */
	pin = 32 + (__u64)v->desc->vpci_irq_base + ((dev->bdf >> 3) & 3);
	if (!cc_cell_has_pin(sys, v, pin)) {
		cc_finding_init(&f, CC_PCI_SHMEM_IRQ, CC_WARNING, v->name,
				"pci_devices", idx,
				"gets no interrupts: irqchips does not grant its INTx,",
				"the INTID is 32 + vpci_irq_base + pin - 1 (pin = (device & 3) + 1): grant it in irqchips or change vpci_irq_base");
		cc_set_value(&f, CC_VAL_BDF, bdf_key(dev), 0);
		cc_set_other_value(&f, CC_VAL_PIN, pin, 0);
		cc_emit(c, &f);
	}
}

static void check_ivshmem(struct cc_checker *c,
			  const struct jailhouse_system *sys,
			  const struct cc_cell *v,
			  const struct jailhouse_pci_device *dev, int idx)
{
	struct config_check_finding f;
	__u64 bdf = (__u64)dev->domain << 16 | dev->bdf;

	if (!ivshmem_range_valid(v, dev)) {
		cc_finding_init(&f, CC_PCI_SHMEM_RANGE, CC_ERROR, v->name,
				"pci_devices", idx,
				"needs memory regions beyond mem_regions; its last one would be number",
				"an ivshmem device uses 2 + shmem_peers regions from shmem_regions_start: fix the start or add the regions");
		cc_set_value(&f, CC_VAL_BDF, bdf, 0);
		cc_set_other_value(&f, CC_VAL_NUMBER,
				   (__u64)dev->shmem_regions_start +
				   IVSHMEM_FIXED_REGIONS + dev->shmem_peers - 1,
				   0);
		cc_emit(c, &f);
	} else {
		check_ivshmem_layout(c, sys, v, dev, idx);
	}
	if (dev->shmem_dev_id >= IVSHMEM_MAX_PEERS) {
		cc_finding_init(&f, CC_PCI_SHMEM_PEERS, CC_ERROR, v->name,
				"pci_devices", idx,
				"has a shmem_dev_id above 11:",
				"an ivshmem link has peers 0 to 11: give each cell on the link its own shmem_dev_id in that range");
		cc_set_value(&f, CC_VAL_BDF, bdf, 0);
		cc_set_other_value(&f, CC_VAL_NUMBER, dev->shmem_dev_id, 0);
		cc_emit(c, &f);
	} else if (dev->shmem_dev_id >= dev->shmem_peers) {
		cc_finding_init(&f, CC_PCI_SHMEM_NO_OUTPUT, CC_NOTE, v->name,
				"pci_devices", idx,
				"maps only the output sections of the peers below shmem_peers, not its own; shmem_dev_id is",
				"fine for a peer that only reads the others' output and uses the R/W section; to send through an output section, set shmem_peers above shmem_dev_id and add the regions");
		cc_set_value(&f, CC_VAL_BDF, bdf, 0);
		cc_set_other_value(&f, CC_VAL_NUMBER, dev->shmem_dev_id, 0);
		cc_emit(c, &f);
	}
	if (dev->shmem_peers == 0 || dev->shmem_peers > IVSHMEM_MAX_PEERS) {
		cc_finding_init(&f, CC_PCI_SHMEM_PEERS, CC_WARNING, v->name,
				"pci_devices", idx, "has shmem_peers",
				"a link has at most 12 peers, and a device needs at least one output section to be useful: use 1 to 12");
		cc_set_value(&f, CC_VAL_BDF, bdf, 0);
		cc_set_other_value(&f, CC_VAL_NUMBER, dev->shmem_peers, 0);
		cc_emit(c, &f);
	}
	if (dev->num_msix_vectors > IVSHMEM_MSIX_VECTORS) {
		cc_finding_init(&f, CC_PCI_SHMEM_PEERS, CC_ERROR, v->name,
				"pci_devices", idx,
				"has more MSI-X vectors than an ivshmem device offers (16):",
				"set num_msix_vectors to 16 or fewer");
		cc_set_value(&f, CC_VAL_BDF, bdf, 0);
		cc_set_other_value(&f, CC_VAL_NUMBER, dev->num_msix_vectors, 0);
		cc_emit(c, &f);
	}
}

void cc_check_pci(struct cc_checker *c, const struct jailhouse_system *sys,
		  const struct cc_cell *v)
{
	struct config_check_finding f;
	__u64 i, j, key_i, key_j;

	if (v->pci_too_large) {
		cc_report(c, CC_TOO_LARGE, CC_ERROR, v->name,
			  "pci_devices", -1, CC_VAL_NUMBER, v->num_pci, 0,
			  "entries are more than the checker compares (4096)",
			  "check num_pci_devices");
		return;
	}
	for (i = 0; i < v->num_pci; i++) {
		const struct jailhouse_pci_device *dev = &v->pci[i];
		int idx = cc_index(i);

		key_i = (__u64)dev->domain << 16 | dev->bdf;
		if (dev->type != JAILHOUSE_PCI_TYPE_DEVICE &&
		    dev->type != JAILHOUSE_PCI_TYPE_BRIDGE &&
		    dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM) {
			cc_finding_init(&f, CC_PCI_TYPE, CC_ERROR, v->name,
					"pci_devices", idx, "has an unknown type:",
					"use JAILHOUSE_PCI_TYPE_DEVICE, _BRIDGE or _IVSHMEM");
			cc_set_value(&f, CC_VAL_BDF, key_i, 0);
			cc_set_other_value(&f, CC_VAL_NUMBER, dev->type, 0);
			cc_emit(c, &f);
		}
		if ((__u64)dev->caps_start + dev->num_caps > v->num_caps) {
			cc_finding_init(&f, CC_PCI_CAPS_RANGE, CC_ERROR, v->name,
					"pci_devices", idx,
					"refers to capabilities beyond pci_caps; caps_start + num_caps is",
					"check caps_start/num_caps against the pci_caps array and num_pci_caps");
			cc_set_value(&f, CC_VAL_BDF, key_i, 0);
			cc_set_other_value(&f, CC_VAL_NUMBER,
					   (__u64)dev->caps_start +
					   dev->num_caps, 0);
			cc_emit(c, &f);
		}
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			check_ivshmem(c, sys, v, dev, idx);
		for (j = 0; j < i; j++) {
			key_j = (__u64)v->pci[j].domain << 16 | v->pci[j].bdf;
			if (key_i != key_j)
				continue;
			cc_finding_init(&f, CC_PCI_DUPLICATE_BDF, CC_ERROR,
					v->name, "pci_devices", idx,
					"has the same domain:bus:device.function as",
					"give every PCI device of a cell its own bdf (bus << 8 | device << 3 | function)");
			cc_set_value(&f, CC_VAL_BDF, key_i, 0);
			cc_set_other(&f, v->name, "pci_devices", cc_index(j));
			cc_emit(c, &f);
			break;
		}
	}
}

/*
 * Two devices on one link (same bdf; Jailhouse links by bdf alone): the
 * same memory at the same size in both cells, region by region (the
 * output sections as far as both map them), and different peer IDs, or
 * the later cell's device cannot connect and its create is refused.
 */
static void check_link_pair(struct cc_checker *c, const struct cc_cell *a,
			    const struct jailhouse_pci_device *da, __u64 i,
			    const struct cc_cell *b,
			    const struct jailhouse_pci_device *db, __u64 j)
{
	struct config_check_finding f;
	__u64 k, num, ra, rb;

	if (da->shmem_dev_id == db->shmem_dev_id) {
		cc_finding_init(&f, CC_PCI_SHMEM_ID_TAKEN, CC_ERROR, b->name,
				"pci_devices", cc_index(j),
				"is the same ivshmem peer as another cell's device and cannot connect; shmem_dev_id",
				"cells on one ivshmem link (same bdf) need different shmem_dev_id values");
		cc_set_value(&f, CC_VAL_BDF, bdf_key(db), 0);
		cc_set_other_value(&f, CC_VAL_NUMBER, db->shmem_dev_id, 0);
		cc_set_other(&f, a->name, "pci_devices", cc_index(i));
		cc_emit(c, &f);
	}
	if (!ivshmem_range_valid(a, da) || !ivshmem_range_valid(b, db))
		return;
	num = IVSHMEM_FIXED_REGIONS + (da->shmem_peers < db->shmem_peers ?
				       da->shmem_peers : db->shmem_peers);
	for (k = 0; k < num; k++) {
		ra = da->shmem_regions_start + k;
		rb = db->shmem_regions_start + k;
		if (a->mem[ra].size == b->mem[rb].size &&
		    (a->mem[ra].phys_start == b->mem[rb].phys_start ||
		     !a->mem[ra].size))
			continue;
		cc_finding_init(&f, CC_PCI_SHMEM_LAYOUT, CC_ERROR, b->name,
				"mem_regions", cc_index(rb),
				"is not the same memory as the other peer's region of the ivshmem link",
				"every region of an ivshmem device (state table, R/W, output sections) needs the same phys_start and size in all cells on the link");
		cc_set_value(&f, CC_VAL_RANGE, b->mem[rb].phys_start,
			     b->mem[rb].phys_start + b->mem[rb].size);
		cc_set_other_value(&f, CC_VAL_RANGE, a->mem[ra].phys_start,
				   a->mem[ra].phys_start + a->mem[ra].size);
		cc_set_other(&f, a->name, "mem_regions", cc_index(ra));
		cc_emit(c, &f);
	}
}

/* The ivshmem devices of cell b against those of cell a. */
void cc_check_ivshmem_pair(struct cc_checker *c, const struct cc_cell *a,
			   const struct cc_cell *b)
{
	__u64 i, j;

	if (a->pci_too_large || b->pci_too_large)
		return;
	for (j = 0; j < b->num_pci; j++) {
		if (b->pci[j].type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		for (i = 0; i < a->num_pci; i++)
			if (a->pci[i].type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
			    a->pci[i].bdf == b->pci[j].bdf)
				check_link_pair(c, a, &a->pci[i], i, b,
						&b->pci[j], j);
	}
}
