// SPDX-License-Identifier: GPL-2.0
/*
 * The config checker shared with the hypervisor and the tools, compiled
 * into the module from its sources in common/config_check/ so that all
 * of them agree.  One object for all its files: kbuild builds the
 * module's objects from driver/ only.  Their file-local names differ, so
 * they can share this translation unit (see config_check/internal.h).
 * Keep the list in step with CONFIG_CHECK_OBJS in common/objects.mk.
 */
#include <linux/kernel.h>
#include <linux/string.h>

/* kernel headers first: the ABI headers only add what they do not define */
#include "../common/config_check/structure.c"
#include "../common/config_check/platform.c"
#include "../common/config_check/memory.c"
#include "../common/config_check/memory_reserved.c"
#include "../common/config_check/memory_ownership.c"
#include "../common/config_check/cpus.c"
#include "../common/config_check/irqchips.c"
#include "../common/config_check/pci.c"
#include "../common/config_check/cells.c"
#include "../common/config_check/findings.c"
