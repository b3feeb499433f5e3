/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Appending to a fixed text buffer, always terminated, cut where it is
 * full.  The instruction and register decoders build their names with it:
 * they are plain C that the host tests compile without the hypervisor's
 * snprintf.
 */
#ifndef _JAILHOUSE_TEXT_BUF_H
#define _JAILHOUSE_TEXT_BUF_H

struct text_buf {
	char *buf;
	unsigned int size;
	unsigned int len;
};

static inline void text_put_str(struct text_buf *out, const char *s)
{
	while (*s) {
		if (out->len + 1 < out->size)
			out->buf[out->len++] = *s;
		s++;
	}
	if (out->size)
		out->buf[out->len] = '\0';
}

static inline void text_put_dec(struct text_buf *out, unsigned int value)
{
	char digits[12];
	unsigned int n = sizeof(digits) - 1;

	digits[n] = '\0';
	do {
		digits[--n] = '0' + value % 10;
		value /= 10;
	} while (value && n);
	text_put_str(out, &digits[n]);
}

#endif /* !_JAILHOUSE_TEXT_BUF_H */
