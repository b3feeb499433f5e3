// SPDX-License-Identifier: GPL-2.0
/*
 * PCI devices and ivshmem: types, capability and shared-memory ranges,
 * peer numbering, unique BDFs.
 */
#include "internal.h"

#define IVSHMEM_MAX_PEERS	12
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
		    dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			cc_report(c, CC_PCI_TYPE, CC_ERROR, v->name,
				  "pci_devices", idx, CC_VAL_NUMBER,
				  dev->type, 0, "has an unknown type:",
				  "use JAILHOUSE_PCI_TYPE_DEVICE, _BRIDGE or _IVSHMEM");
		if ((__u64)dev->caps_start + dev->num_caps > v->num_caps) {
			cc_finding_init(&f, CC_PCI_CAPS_RANGE, CC_ERROR, v->name,
					"pci_devices", idx,
					"refers to capabilities beyond pci_caps; caps_start + num_caps is",
					"check caps_start/num_caps against the pci_caps array and num_pci_caps");
			cc_set_value(&f, CC_VAL_NUMBER,
				     (__u64)dev->caps_start + dev->num_caps, 0);
			cc_emit(c, &f);
		}
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM) {
			if (!ivshmem_range_valid(v, dev)) {
				cc_finding_init(&f, CC_PCI_SHMEM_RANGE, CC_ERROR,
						v->name, "pci_devices", idx,
						"needs memory regions beyond mem_regions; its last one would be",
						"an ivshmem device uses 2 + shmem_peers regions from shmem_regions_start: fix the start or add the regions");
				cc_set_value(&f, CC_VAL_NUMBER,
					     (__u64)dev->shmem_regions_start +
					     IVSHMEM_FIXED_REGIONS +
					     dev->shmem_peers - 1, 0);
				cc_emit(c, &f);
			}
			if (dev->shmem_peers == 0 ||
			    dev->shmem_peers > IVSHMEM_MAX_PEERS ||
			    dev->shmem_dev_id >= dev->shmem_peers) {
				cc_finding_init(&f, CC_PCI_SHMEM_PEERS, CC_ERROR,
						v->name, "pci_devices", idx,
						"has shmem_dev_id/shmem_peers out of range:",
						"need 0 <= shmem_dev_id < shmem_peers <= 12, and each cell sharing the device a different shmem_dev_id");
				cc_set_value(&f, CC_VAL_NUMBER, dev->shmem_dev_id,
					     0);
				cc_set_other_value(&f, CC_VAL_NUMBER,
						   dev->shmem_peers, 0);
				cc_emit(c, &f);
			}
		}
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

/* Non-root cells take their resources from the root. */
