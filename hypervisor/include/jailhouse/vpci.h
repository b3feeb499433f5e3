/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual PCI host bridge of each cell: an ECAM window at
 * platform_info.pci_mmconfig_base ((pci_mmconfig_end_bus + 1) MiB) when
 * platform_info.pci_is_virtual is set, carrying the cell's ivshmem
 * devices (config pci_devices of type JAILHOUSE_PCI_TYPE_IVSHMEM) at their
 * bdf.  Every other function reads all-ones; writes to them are ignored
 * and counted.  The devices' BARs are decoded wherever the guest put them
 * (vpci_bar_access(), the MMIO dispatcher's last resort).
 */
#ifndef _JAILHOUSE_VPCI_H
#define _JAILHOUSE_VPCI_H

#include <jailhouse/mmio.h>

struct cell;

/*
 * Connect the cell's ivshmem devices to their links and register its
 * ECAM window.  Prints a one-line reason and undoes everything on error.
 */
int vpci_cell_init(struct cell *cell);
/* Disconnect them (the peers see state 0) and free it all. */
void vpci_cell_exit(struct cell *cell);
/* Power-on state for a (re)started cell; the peers see state 0. */
void vpci_cell_reset(struct cell *cell);

/* A guest access no registered region claims: one of its BARs? */
enum mmio_result vpci_bar_access(struct cell *cell, struct mmio_access *mmio);

#endif /* !_JAILHOUSE_VPCI_H */
