// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net: ethtool driver information and statistics.  The first
 * counters are named as the vendor driver names them, so scripts written
 * for it keep working; ours follow (bad descriptors, link changes).
 * Unlike the vendor driver's, reading them does not reset them.
 */

#include <linux/ethtool.h>
#include <linux/netdevice.h>

#include "ivshmem_net.h"

static const char ivnet_stat_names[][ETH_GSTRING_LEN] = {
	"tx_rx_interrupts",
	"tx_packets",
	"tx_notify",
	"tx_pause",
	"rx_packets",
	"rx_notify",
	"napi_poll",
	"napi_complete",
	"rx_bad_descriptors",
	"tx_bad_used_entries",
	"rx_alloc_failed",
	"tx_too_long",
	"link_up",
	"link_down",
};

static_assert(ARRAY_SIZE(ivnet_stat_names) ==
	      sizeof(struct ivnet_stats) / sizeof(u64));

static void ivnet_get_drvinfo(struct net_device *ndev,
			      struct ethtool_drvinfo *info)
{
	struct ivnet *in = netdev_priv(ndev);

	strscpy(info->driver, IVNET_DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(in->pdev), sizeof(info->bus_info));
	snprintf(info->fw_version, sizeof(info->fw_version),
		 "peer %u/2, %u descs", in->id, in->qlen);
}

static int ivnet_get_sset_count(struct net_device *ndev, int sset)
{
	return sset == ETH_SS_STATS ? ARRAY_SIZE(ivnet_stat_names) :
		-EOPNOTSUPP;
}

static void ivnet_get_strings(struct net_device *ndev, u32 sset, u8 *buf)
{
	if (sset == ETH_SS_STATS)
		memcpy(buf, ivnet_stat_names, sizeof(ivnet_stat_names));
}

static void ivnet_get_ethtool_stats(struct net_device *ndev,
				    struct ethtool_stats *estats, u64 *data)
{
	struct ivnet *in = netdev_priv(ndev);

	memcpy(data, &in->stats, sizeof(in->stats));
}

/* state, peer state, ring length, then TX and RX avail/used indexes */
#define IVNET_REGS_LEN	(3 * sizeof(u32) + 4 * sizeof(u16))

static int ivnet_get_regs_len(struct net_device *ndev)
{
	return IVNET_REGS_LEN;
}

static void ivnet_get_regs(struct net_device *ndev, struct ethtool_regs *regs,
			   void *p)
{
	struct ivnet *in = netdev_priv(ndev);
	u32 *w = p;
	u16 *h = p + 3 * sizeof(u32);

	w[0] = in->state;
	w[1] = in->last_peer_state;
	w[2] = in->qlen;
	h[0] = in->tx.last_avail_idx;
	h[1] = in->tx.last_used_idx;
	h[2] = in->rx.last_avail_idx;
	h[3] = in->rx.last_used_idx;
}

const struct ethtool_ops ivnet_ethtool_ops = {
	.get_drvinfo		= ivnet_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= ivnet_get_sset_count,
	.get_strings		= ivnet_get_strings,
	.get_ethtool_stats	= ivnet_get_ethtool_stats,
	.get_regs_len		= ivnet_get_regs_len,
	.get_regs		= ivnet_get_regs,
};
