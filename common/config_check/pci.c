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

static void check_ivshmem(struct cc_checker *c, const struct cc_cell *v,
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

void cc_check_pci(struct cc_checker *c, const struct cc_cell *v)
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
			check_ivshmem(c, v, dev, idx);
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
 * One ivshmem link per bdf (Jailhouse matches links by bdf alone): two
 * cells on it must be different peers, or the second one's device cannot
 * connect (Jailhouse refuses its cell create with -EBUSY).  A warning
 * here: the device does not work, but nothing is shared that should not
 * be, and this hypervisor does not implement ivshmem yet.  Cell b against
 * cell a.
 */
void cc_check_ivshmem_pair(struct cc_checker *c, const struct cc_cell *a,
			   const struct cc_cell *b)
{
	struct config_check_finding f;
	__u64 i, j;

	if (a->pci_too_large || b->pci_too_large)
		return;
	for (j = 0; j < b->num_pci; j++) {
		const struct jailhouse_pci_device *db = &b->pci[j];

		if (db->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		for (i = 0; i < a->num_pci; i++) {
			const struct jailhouse_pci_device *da = &a->pci[i];

			if (da->type != JAILHOUSE_PCI_TYPE_IVSHMEM ||
			    da->bdf != db->bdf ||
			    da->shmem_dev_id != db->shmem_dev_id)
				continue;
			cc_finding_init(&f, CC_PCI_SHMEM_ID_TAKEN, CC_WARNING,
					b->name, "pci_devices", cc_index(j),
					"is the same ivshmem peer as another cell's device and cannot connect; shmem_dev_id",
					"cells on one ivshmem link (same bdf) need different shmem_dev_id values (Jailhouse refuses to create the second cell)");
			cc_set_value(&f, CC_VAL_BDF,
				     (__u64)db->domain << 16 | db->bdf, 0);
			cc_set_other_value(&f, CC_VAL_NUMBER, db->shmem_dev_id,
					   0);
			cc_set_other(&f, a->name, "pci_devices", cc_index(i));
			cc_emit(c, &f);
		}
	}
}
