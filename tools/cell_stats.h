/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_CELL_STATS_H
#define _JAILHOUSE_TOOLS_CELL_STATS_H

#include "cli.h"

/*
 * `jailhouse cell stats`: a refreshing table of the cell's vmexit counters
 * on a terminal, one snapshot otherwise.  Returns the exit status.
 */
int cell_stats(const struct cli_cell_ref *ref);

#endif /* !_JAILHOUSE_TOOLS_CELL_STATS_H */
