/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The root cell's virtual PCI host bridge (vpci_host.c): registered with
 * Linux's PCI core while the hypervisor runs, so that the root's ivshmem
 * devices appear like any PCI device, on a kernel without DT overlays.
 */
#ifndef _JAILHOUSE_DRIVER_VPCI_HOST_H
#define _JAILHOUSE_DRIVER_VPCI_HOST_H

struct jailhouse_system;

/*
 * Called right after a successful enable, with jailhouse_lock held.  When
 * @config gives the root a virtual PCI host (platform_info.pci_is_virtual
 * and ivshmem devices), registers and scans it.  A failure is logged with
 * its reason and leaves the hypervisor running without the host: the
 * ivshmem devices are an extra, not a reason to refuse the enable.
 */
void jailhouse_vpci_host_add(const struct jailhouse_system *config);

/*
 * Before the hypervisor is left: unbinds and removes the devices, then
 * the host bridge and every resource it held.  A no-op without a host.
 */
void jailhouse_vpci_host_remove(void);

#endif /* !_JAILHOUSE_DRIVER_VPCI_HOST_H */
