// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net: a network device over an ivshmem 2.0 link between two
 * cells (Jailhouse's JAILHOUSE_SHMEM_PROTO_VETH devices), for a stock
 * kernel: distribution kernels lack the vendor driver, which was never
 * upstreamed.  It speaks the vendor driver's protocol (ivshmem_net.h), so
 * either end may run the other driver.
 *
 * This file: the PCI device, its interrupts, the link state machine and
 * the net_device operations.  The rings are in ivshmem_net_rings.c.
 */

#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/rtnetlink.h>

#include "ivshmem_net.h"

#define IVSHMEM_DEVICE_ID	0x4106
#define IVSHMEM_PROTO_VETH	0x0001

static const char *const state_names[] = {
	"RESET", "INIT", "READY", "RUN",
};

static const char *state_name(u32 state)
{
	return state < ARRAY_SIZE(state_names) ? state_names[state] : "?";
}

static void set_state(struct ivnet *in, u32 state)
{
	/* our rings are written before the peer can see the new state */
	wmb();
	in->state = state;
	writel(state, &in->regs->state);
}

/* RUN: the interface is up and the peer READY or RUN.  Under rtnl. */
static void link_run(struct ivnet *in)
{
	if (in->running || in->state < IVNET_STATE_READY ||
	    !netif_running(in->ndev))
		return;
	in->running = true;
	napi_enable(&in->napi);
	netif_start_queue(in->ndev);
	set_state(in, IVNET_STATE_RUN);
	napi_schedule(&in->napi);
}

/* Back to RESET: stop using the rings.  Under rtnl. */
static void link_reset(struct ivnet *in)
{
	if (netif_carrier_ok(in->ndev)) {
		netif_carrier_off(in->ndev);
		in->stats.link_down++;
		netdev_info(in->ndev, "link down (peer %u in state %s)\n",
			    in->peer_id,
			    state_name(READ_ONCE(in->state_table[in->peer_id])));
	}
	set_state(in, IVNET_STATE_RESET);
	if (in->running) {
		in->running = false;
		netif_stop_queue(in->ndev);
		napi_disable(&in->napi);
	}
	spin_lock_bh(&in->tx_lock);
	in->queues_ready = false;
	spin_unlock_bh(&in->tx_lock);
}

/*
 * One step of the handshake for the peer's current state; the state
 * interrupt (or open) queues it again.  Returns true if it should run
 * again right away.
 */
static bool link_step(struct ivnet *in, u32 peer)
{
	switch (in->state) {
	case IVNET_STATE_RESET:
		if (peer < IVNET_STATE_READY) {
			set_state(in, IVNET_STATE_INIT);
			return true;
		}
		break;
	case IVNET_STATE_INIT:
		if (peer > IVNET_STATE_RESET) {
			ivnet_init_queues(in);
			spin_lock_bh(&in->tx_lock);
			in->queues_ready = true;
			spin_unlock_bh(&in->tx_lock);
			set_state(in, IVNET_STATE_READY);
			return true;
		}
		break;
	case IVNET_STATE_READY:
		if (peer >= IVNET_STATE_READY) {
			if (!netif_carrier_ok(in->ndev)) {
				netif_carrier_on(in->ndev);
				in->stats.link_up++;
				netdev_info(in->ndev, "link up (peer %u)\n",
					    in->peer_id);
			}
			link_run(in);
		} else if (peer == IVNET_STATE_RESET) {
			link_reset(in);
			return true;
		}
		break;
	case IVNET_STATE_RUN:
		/* a peer that left RUN/READY has reset its rings */
		if (peer < IVNET_STATE_READY) {
			link_reset(in);
			return true;
		}
		break;
	}
	return false;
}

static void link_work(struct work_struct *work)
{
	struct ivnet *in = container_of(work, struct ivnet, state_work);
	u32 peer;
	int steps = 8;

	rtnl_lock();
	if (in->removing) {
		rtnl_unlock();
		return;
	}
	do {
		/* the peer's state before anything in its section */
		peer = READ_ONCE(in->state_table[in->peer_id]);
		rmb();
		in->last_peer_state = peer;
	} while (link_step(in, peer) && --steps);
	rtnl_unlock();
}

static void check_state(struct ivnet *in)
{
	if (READ_ONCE(in->state_table[in->peer_id]) != in->last_peer_state ||
	    !in->running)
		queue_work(in->state_wq, &in->state_work);
}

static irqreturn_t ivnet_irq_state(int irq, void *data)
{
	check_state(data);
	return IRQ_HANDLED;
}

static irqreturn_t ivnet_irq_tx_rx(int irq, void *data)
{
	struct ivnet *in = data;

	in->stats.tx_rx_interrupts++;
	napi_schedule_irqoff(&in->napi);
	return IRQ_HANDLED;
}

/* INTx: one line for state changes and TX/RX */
static irqreturn_t ivnet_irq_intx(int irq, void *data)
{
	check_state(data);
	return ivnet_irq_tx_rx(irq, data);
}

static int ivnet_open(struct net_device *ndev)
{
	struct ivnet *in = netdev_priv(ndev);

	queue_work(in->state_wq, &in->state_work);
	return 0;
}

static int ivnet_stop(struct net_device *ndev)
{
	link_reset(netdev_priv(ndev));
	return 0;
}

/*
 * The vendor driver caps the MTU at a quarter of the frame area (and at
 * ETH_MAX_MTU).  Checked here rather than through max_mtu so that a
 * refusal says why: SIOCSIFMTU (busybox ip, ifconfig) gets no message
 * from the core.  The MTU may change while the link runs: frames are
 * placed by their own length.
 */
static int ivnet_change_mtu(struct net_device *ndev, int mtu)
{
	struct ivnet *in = netdev_priv(ndev);

	if (mtu > in->mtu_limit) {
		netdev_err(ndev, "MTU %d refused: this link allows at most %u (%s; output sections of %u bytes)\n",
			   mtu, in->mtu_limit,
			   in->mtu_limit == ETH_MAX_MTU ?
			   "the Ethernet maximum" :
			   "a quarter of the frame buffers",
			   in->section_size);
		return -EINVAL;
	}
	ndev->mtu = mtu;
	return 0;
}

static const struct net_device_ops ivnet_netdev_ops = {
	.ndo_open		= ivnet_open,
	.ndo_stop		= ivnet_stop,
	.ndo_start_xmit		= ivnet_xmit,
	.ndo_change_mtu		= ivnet_change_mtu,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static u64 read_cap_qword(struct pci_dev *pdev, int pos)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, pos, &lo);
	pci_read_config_dword(pdev, pos + 4, &hi);
	return lo | (u64)hi << 32;
}

static void *map_shmem(struct pci_dev *pdev, phys_addr_t addr, u64 size,
		       const char *what)
{
	void *p;

	if (!devm_request_mem_region(&pdev->dev, addr, size, IVNET_DRV_NAME)) {
		pci_err(pdev, "%s at %pa (%llu bytes) is already claimed (see /proc/iomem)\n",
			what, &addr, size);
		return NULL;
	}
	p = devm_memremap(&pdev->dev, addr, size, MEMREMAP_WB);
	if (IS_ERR_OR_NULL(p)) {
		pci_err(pdev, "cannot map %s at %pa (%llu bytes)\n", what,
			&addr, size);
		return NULL;
	}
	return p;
}

/* Finds and maps the state table and both output sections. */
static int map_sections(struct ivnet *in, int cap)
{
	struct pci_dev *pdev = in->pdev;
	phys_addr_t addr, out;
	u64 rw_size, out_size;
	u32 state_size;

	if (pci_resource_len(pdev, 2))
		addr = pci_resource_start(pdev, 2);
	else
		addr = read_cap_qword(pdev, cap + IVNET_CAP_ADDRESS);
	pci_read_config_dword(pdev, cap + IVNET_CAP_STATE_TABLE_SIZE,
			      &state_size);
	rw_size = read_cap_qword(pdev, cap + IVNET_CAP_RW_SECTION_SIZE);
	out_size = read_cap_qword(pdev, cap + IVNET_CAP_OUTPUT_SECTION_SIZE);
	if (!state_size || !out_size || out_size > U32_MAX) {
		pci_err(pdev, "no usable shared memory: state table of %u bytes, output sections of %llu bytes\n",
			state_size, out_size);
		return -EINVAL;
	}
	if (rw_size)
		pci_info(pdev, "R/W section of %llu bytes left unused (not part of the ivshmem-net protocol)\n",
			 rw_size);

	in->state_table = map_shmem(pdev, addr, state_size, "state table");
	if (!in->state_table)
		return -EBUSY;
	out = addr + state_size + rw_size;
	in->section[0] = map_shmem(pdev, out, 2 * out_size,
				   "output sections");
	if (!in->section[0])
		return -EBUSY;
	in->section[1] = in->section[0] + out_size * in->peer_id;
	in->section[0] += out_size * in->id;
	in->section_phys[0] = out + out_size * in->id;
	in->section_phys[1] = out + out_size * in->peer_id;
	in->section_size = out_size;
	return 0;
}

static int setup_irqs(struct ivnet *in)
{
	struct pci_dev *pdev = in->pdev;
	const char *name = in->ndev->name;
	int n, err;

	n = pci_alloc_irq_vectors(pdev, 1, 2, PCI_IRQ_LEGACY | PCI_IRQ_MSIX);
	if (n < 0) {
		pci_err(pdev, "no interrupt (INTx pin %u, no MSI-X): error %d\n",
			pdev->pin, n);
		return n;
	}
	in->msix = pdev->msix_enabled;
	if (in->msix && n != 2) {
		/* the peer rings vector 1 for TX/RX when it has MSI-X */
		pci_err(pdev, "MSI-X with %d vector(s), the protocol needs 2\n",
			n);
		pci_free_irq_vectors(pdev);
		return -EINVAL;
	}
	in->nvectors = n;
	if (in->msix) {
		err = request_irq(pci_irq_vector(pdev, IVNET_VECTOR_STATE),
				  ivnet_irq_state, 0, name, in);
		if (!err) {
			err = request_irq(pci_irq_vector(pdev,
							 IVNET_VECTOR_TX_RX),
					  ivnet_irq_tx_rx, 0, name, in);
			if (err)
				free_irq(pci_irq_vector(pdev, 0), in);
		}
		in->tx_rx_vector = IVNET_VECTOR_TX_RX;
	} else {
		err = request_irq(pci_irq_vector(pdev, 0), ivnet_irq_intx, 0,
				  name, in);
		in->tx_rx_vector = 0;
	}
	if (err) {
		pci_err(pdev, "cannot request IRQ %d: error %d\n",
			pci_irq_vector(pdev, 0), err);
		pci_free_irq_vectors(pdev);
		in->nvectors = 0;
	}
	return err;
}

static void free_irqs(struct ivnet *in)
{
	int n;

	for (n = 0; n < in->nvectors; n++)
		free_irq(pci_irq_vector(in->pdev, n), in);
	if (in->nvectors)
		pci_free_irq_vectors(in->pdev);
	in->nvectors = 0;
}

static int ivnet_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *ndev;
	struct ivnet *in;
	u32 id, max_peers;
	int cap, err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;

	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*in));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	in = netdev_priv(ndev);
	in->ndev = ndev;
	in->pdev = pdev;
	spin_lock_init(&in->tx_lock);
	INIT_WORK(&in->state_work, link_work);

	/* mapped, not claimed: see uio_ivshmem.c */
	in->regs = pcim_iomap(pdev, 0, sizeof(struct ivnet_regs));
	if (!in->regs) {
		pci_err(pdev, "cannot map the registers (BAR0 %pR)\n",
			&pdev->resource[0]);
		return -ENOMEM;
	}
	id = readl(&in->regs->id);
	max_peers = readl(&in->regs->max_peers);
	if (max_peers != 2 || id > 1) {
		pci_err(pdev, "ivshmem-net links exactly 2 peers: this device has %u peer(s) and we are peer %u (fix shmem_peers/shmem_dev_id in the cell configs)\n",
			max_peers, id);
		return -EINVAL;
	}
	in->id = id;
	in->peer_id = !id;

	cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	if (!cap) {
		pci_err(pdev, "no vendor capability: not an ivshmem 2.0 device\n");
		return -ENODEV;
	}
	err = map_sections(in, cap);
	if (err)
		return err;
	err = ivnet_calc_layout(in);
	if (err) {
		pci_err(pdev, "output sections of %u bytes are too small for ivshmem-net\n",
			in->section_size);
		return err;
	}
	in->tx_frame_end = devm_kcalloc(&pdev->dev, in->qlen,
					sizeof(*in->tx_frame_end), GFP_KERNEL);
	if (!in->tx_frame_end)
		return -ENOMEM;

	in->state_wq = alloc_ordered_workqueue("%s-%s", 0, IVNET_DRV_NAME,
					       pci_name(pdev));
	if (!in->state_wq)
		return -ENOMEM;

	eth_hw_addr_random(ndev);
	ndev->netdev_ops = &ivnet_netdev_ops;
	ndev->ethtool_ops = &ivnet_ethtool_ops;
	ndev->min_mtu = ETH_MIN_MTU;
	/* no core maximum: ivnet_change_mtu refuses with a reason */
	ndev->max_mtu = 0;
	ndev->mtu = min_t(u32, IVNET_MTU_DEFAULT, in->qsize / 16);
	/* the copy into the shared memory computes the checksum */
	ndev->hw_features = NETIF_F_HW_CSUM | NETIF_F_SG;
	ndev->features = ndev->hw_features;
	netif_napi_add(ndev, &in->napi, ivnet_poll);
	netif_carrier_off(ndev);

	err = register_netdev(ndev);
	if (err)
		goto err_wq;
	err = setup_irqs(in);
	if (err)
		goto err_unregister;
	pci_set_master(pdev);
	pci_set_drvdata(pdev, in);

	netdev_info(ndev, "peer %u of 2, output sections of %u bytes at %pa (ours) and %pa, %u descriptors, MTU %u (at most %u), %s\n",
		    in->id, in->section_size, &in->section_phys[0],
		    &in->section_phys[1], in->qlen, ndev->mtu, in->mtu_limit,
		    in->msix ? "MSI-X" : "INTx");

	/* interrupts on each event, not one-shot */
	pci_write_config_byte(pdev, cap + IVNET_CAP_PRIV_CONTROL, 0);
	writel(IVNET_INT_ENABLE, &in->regs->int_control);
	set_state(in, IVNET_STATE_RESET);
	queue_work(in->state_wq, &in->state_work);
	return 0;

err_unregister:
	unregister_netdev(ndev);
err_wq:
	destroy_workqueue(in->state_wq);
	return err;
}

static void ivnet_remove(struct pci_dev *pdev)
{
	struct ivnet *in = pci_get_drvdata(pdev);

	rtnl_lock();
	in->removing = true;
	rtnl_unlock();
	/* stops the interface (link_reset); the work does nothing now */
	unregister_netdev(in->ndev);
	writel(0, &in->regs->int_control);
	free_irqs(in);
	cancel_work_sync(&in->state_work);
	destroy_workqueue(in->state_wq);
	/* the peer sees us gone */
	set_state(in, IVNET_STATE_RESET);
	pci_clear_master(pdev);
}

static const struct pci_device_id ivnet_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_SIEMENS, IVSHMEM_DEVICE_ID),
	  .class = (PCI_CLASS_OTHERS << 16) | IVSHMEM_PROTO_VETH,
	  .class_mask = 0xffffff },
	{ }
};
MODULE_DEVICE_TABLE(pci, ivnet_ids);

static struct pci_driver ivnet_driver = {
	.name = IVNET_DRV_NAME,
	.id_table = ivnet_ids,
	.probe = ivnet_probe,
	.remove = ivnet_remove,
};
module_pci_driver(ivnet_driver);

MODULE_DESCRIPTION("Virtual Ethernet over ivshmem 2.0 (Jailhouse ivshmem-net)");
MODULE_LICENSE("GPL");
