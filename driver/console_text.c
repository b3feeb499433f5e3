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

/*
 * The root's lines from its stream position @mark on, into @text: from its
 * ring, and what that has lost from the enable log, which is the start of
 * the root's stream as much as of the whole log (only the root prints
 * while it is open).  Lines cut by bytes lost in between are left out.
 */
static size_t root_text(const struct jailhouse_virt_console *con, u32 mark,
			char *text)
{
	u32 behind = con->root_tail - mark;
	u32 enable_len = con->enable_len;
	size_t len = 0, skip = 0;
	bool gap = false;
	char *newline;
	u32 lost;

	if (enable_len > JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE)
		enable_len = JAILHOUSE_VIRT_CONSOLE_ENABLE_LOG_SIZE;
	if (behind > ROOT_SIZE) {
		lost = behind - ROOT_SIZE;
		if (mark < enable_len) {
			len = min_size(enable_len - mark, lost);
			memcpy(text, con->enable_log + mark, len);
		}
		gap = len < lost;
		/* the enable log's last line, if the gap cuts it */
		while (gap && len && text[len - 1] != '\n')
			len--;
		behind = ROOT_SIZE;
	}
	copy_ring(con->root_content, ROOT_SIZE, con->root_tail, behind,
		  text + len);
	if (gap) {
		/* the ring's first line, which the gap cuts */
		newline = memchr(text + len, '\n', behind);
		skip = newline ? newline - (text + len) + 1 : behind;
		memmove(text + len, text + len + skip, behind - skip);
	}
	len += behind - skip;
	text[len] = '\0';
	return len;
}

void console_text_reason(const struct jailhouse_virt_console *con, u32 mark,
			 char *scratch, char *line, size_t size)
{
	static const char error_prefix[] = "ERROR: ";
	const size_t prefix_len = sizeof(error_prefix) - 1;
	const char *last = NULL, *last_error = NULL;
	char *start, *end;
	size_t n;

	if (!size)
		return;
	line[0] = '\0';
	root_text(con, mark, scratch);

	for (start = scratch; *start; start = end) {
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
