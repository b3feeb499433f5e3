// SPDX-License-Identifier: GPL-2.0
/*
 * Reader side of the console page (console_text.h).  Stream positions are
 * u32 and wrap at 2^32 like the page's counters; only differences of
 * them are compared, except against enable_len, which only makes sense
 * during the first 4 GiB of a run.
 */
#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/string.h>
#else
#include <stdio.h>
#include <string.h>
#endif

#include "console_text.h"

#define RING_SIZE	JAILHOUSE_VIRT_CONSOLE_SIZE
#define ROOT_SIZE	JAILHOUSE_VIRT_CONSOLE_ROOT_SIZE

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* @len bytes of a ring of @ring_size ending at stream position @end */
static void copy_ring(const char *ring, u32 ring_size, u32 end, u32 len,
		      char *dst)
{
	u32 start = (end - len) % ring_size;
	u32 first = len < ring_size - start ? len : ring_size - start;

	memcpy(dst, ring + start, first);
	memcpy(dst + first, ring, len - first);
}

static size_t notice(char *dst, size_t size, const char *text, u32 missed)
{
	int len = snprintf(dst, size, text, missed);

	if (len < 0)
		return 0;
	return min_size((size_t)len, size ? size - 1 : 0);
}

size_t console_text_next(const struct jailhouse_virt_console *con, u32 *head,
			 char *dst, size_t size)
{
	u32 behind = con->tail - *head;
	u32 enable_len = con->enable_len;
	size_t len;

	if (enable_len > JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE)
		enable_len = JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE;

	if (behind > RING_SIZE) {
		/* the ring lost bytes from *head on: the enable log has some */
		if (*head < enable_len) {
			len = min_size(min_size(enable_len - *head,
						behind - RING_SIZE), size);
			memcpy(dst, con->enable_log + *head, len);
			*head += len;
			return len;
		}
		len = notice(dst, size, *head == enable_len && enable_len ?
			     "----- end of the enable log; %u bytes after it "
			     "were overwritten, the newest follow -----\n" :
			     "<missed %u bytes of console log>\n",
			     behind - RING_SIZE);
		*head += behind - RING_SIZE;
		return len;
	}

	len = min_size(behind, size);
	copy_ring(con->content, RING_SIZE, *head + len, len, dst);
	*head += len;
	return len;
}

size_t console_text_all(const struct jailhouse_virt_console *con, char *dst,
			size_t size)
{
	size_t len = 0, piece;
	u32 head = 0;

	while (len < size) {
		piece = console_text_next(con, &head, dst + len, size - len);
		if (!piece)
			break;
		len += piece;
	}
	return len;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

void console_text_reason(const struct jailhouse_virt_console *con, u32 mark,
			 char *line, size_t size)
{
	static const char error_prefix[] = "ERROR: ";
	const size_t prefix_len = sizeof(error_prefix) - 1;
	char text[ROOT_SIZE + 1];
	const char *last = NULL, *last_error = NULL;
	u32 len = con->root_tail - mark;
	char *start, *end;
	size_t n;

	if (!size)
		return;
	line[0] = '\0';
	if (len > ROOT_SIZE)
		len = ROOT_SIZE;
	copy_ring(con->root_content, ROOT_SIZE, con->root_tail, len, text);
	text[len] = '\0';
	/* lapped: the oldest line is only a tail of one */
	start = text;
	if (con->root_tail - mark > ROOT_SIZE) {
		start = strchr(text, '\n');
		start = start ? start + 1 : text + len;
	}

	for (; *start; start = end) {
		end = strchr(start, '\n');
		if (end)
			*end++ = '\0';
		else
			end = start + strlen(start);
		while (is_space(*start))
			start++;
		n = strlen(start);
		while (n && is_space(start[n - 1]))
			start[--n] = '\0';
		/* "[NAME] ..." is a cell's console output the root relayed */
		if (!*start || *start == '[')
			continue;
		last = start;
		if (strncmp(start, error_prefix, prefix_len) == 0)
			last_error = start + prefix_len;
	}
	if (last_error)
		last = last_error;
	if (last) {
		n = min_size(strlen(last), size - 1);
		memcpy(line, last, n);
		line[n] = '\0';
	}
}
