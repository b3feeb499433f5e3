// SPDX-License-Identifier: GPL-2.0
/*
 * The text form of config findings shared with the tools, so that the
 * kernel log and `jailhouse config check` word a problem the same way.
 */
#include <linux/kernel.h>
#include <linux/string.h>

/* kernel headers first: the ABI headers only add what they do not define */
#include "../common/config_check/format.c"
