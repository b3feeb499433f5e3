/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What readers get from a copy of the hypervisor's console page (struct
 * jailhouse_virt_console, <jailhouse/console.h>): the log as one text and
 * the reason of a refused request.  The pure part of console.c; it uses
 * no kernel interface, so that the host tests compile it as is.
 */
#ifndef _JAILHOUSE_DRIVER_CONSOLE_TEXT_H
#define _JAILHOUSE_DRIVER_CONSOLE_TEXT_H

#include <jailhouse/console.h>

/* longest line console_text_next() writes in place of lost bytes */
#define CONSOLE_TEXT_NOTICE_MAX		96

/*
 * The next piece of the log for a reader at stream position *@head (0:
 * the start of the run): the enable log's bytes the ring has lost, a
 * notice line in place of bytes lost altogether, or bytes of the ring.
 * Writes at most @size bytes (at least CONSOLE_TEXT_NOTICE_MAX, or the
 * notice is cut) into @dst, moves *@head past what they stand for and
 * returns their number; 0 when the reader has everything.
 */
size_t console_text_next(const struct jailhouse_virt_console *con, u32 *head,
			 char *dst, size_t size);

/*
 * Everything there is, from the start of the run, into @dst (@size
 * bytes): the enable log and, where the ring has lost what came after it,
 * a separator line.  Returns the length.
 */
size_t console_text_all(const struct jailhouse_virt_console *con, char *dst,
			size_t size);

/* what console_text_reason() needs as @scratch */
#define CONSOLE_TEXT_REASON_SCRATCH \
	(JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE + \
	 JAILHOUSE_VIRT_CONSOLE_ROOT_SIZE + 1)

/*
 * The hypervisor's word on the root's last request: of the lines printed
 * on behalf of the root since position @mark of their stream (root_tail
 * back then; 0: since the start of the run, for a failed enable), the
 * last "ERROR: " line without that prefix, else the last line; "" if
 * none.  Nothing a cell made the hypervisor print can be it.
 */
void console_text_reason(const struct jailhouse_virt_console *con, u32 mark,
			 char *scratch, char *line, size_t size);

#endif /* !_JAILHOUSE_DRIVER_CONSOLE_TEXT_H */
