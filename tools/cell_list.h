/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JAILHOUSE_TOOLS_CELL_LIST_H
#define _JAILHOUSE_TOOLS_CELL_LIST_H

/* `jailhouse cell list`: returns the exit status. */
int cell_list(void);

#endif /* !_JAILHOUSE_TOOLS_CELL_LIST_H */
