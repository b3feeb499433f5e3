// SPDX-License-Identifier: GPL-2.0
/*
 * The config checker shared with the hypervisor and the tools, compiled
 * into the module from its one source so that all of them agree.
 */
#include <linux/kernel.h>
#include <linux/string.h>

/* kernel headers first: the ABI headers only add what they do not define */
#include "../hypervisor/config_check.c"
