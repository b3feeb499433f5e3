// SPDX-License-Identifier: GPL-2.0
/*
 * What `ethtool -i IFACE` and `ethtool -S IFACE` print, for the QEMU
 * image (its busybox has no ethtool): the driver, its bus address and
 * version string, then every statistic as "name: value".
 *
 * Usage: ethtool-stats IFACE
 */
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int ethtool(int fd, const char *iface, void *cmd)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, iface, IFNAMSIZ - 1);
	ifr.ifr_data = cmd;
	return ioctl(fd, SIOCETHTOOL, &ifr);
}

int main(int argc, char **argv)
{
	struct ethtool_drvinfo info = { .cmd = ETHTOOL_GDRVINFO };
	struct ethtool_gstrings *names;
	struct ethtool_stats *stats;
	unsigned int n, count;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: %s IFACE\n", argv[0]);
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || ethtool(fd, argv[1], &info)) {
		perror(argv[1]);
		return 1;
	}
	printf("driver: %s\nbus-info: %s\nfirmware-version: %s\n",
	       info.driver, info.bus_info, info.fw_version);

	count = info.n_stats;
	names = calloc(1, sizeof(*names) + count * ETH_GSTRING_LEN);
	stats = calloc(1, sizeof(*stats) + count * sizeof(__u64));
	if (!names || !stats)
		return 1;
	names->cmd = ETHTOOL_GSTRINGS;
	names->string_set = ETH_SS_STATS;
	names->len = count;
	stats->cmd = ETHTOOL_GSTATS;
	stats->n_stats = count;
	if (ethtool(fd, argv[1], names) || ethtool(fd, argv[1], stats)) {
		perror("statistics");
		return 1;
	}
	for (n = 0; n < count; n++)
		printf("%.*s: %llu\n", ETH_GSTRING_LEN,
		       (char *)names->data + n * ETH_GSTRING_LEN,
		       (unsigned long long)stats->data[n]);
	close(fd);
	return 0;
}
