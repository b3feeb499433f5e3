// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf for the hypervisor and the inmate library (both compile this
 * file).  Only integer conversions: the code runs with -mgeneral-regs-only.
 */
#include <jailhouse/format.h>

struct out_buf {
	char *buf;
	size_t size;
	size_t pos;	/* length of the full output so far */
};

static void put(struct out_buf *out, char c)
{
	/* keep one byte for the terminating NUL */
	if (out->pos + 1 < out->size)
		out->buf[out->pos] = c;
	out->pos++;
}

static void put_padding(struct out_buf *out, char c, int count)
{
	while (count-- > 0)
		put(out, c);
}

struct field {
	int width;
	bool zero_pad;
	bool left;
};

static void put_string(struct out_buf *out, const char *s,
		       const struct field *f)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len])
		len++;
	if (!f->left)
		put_padding(out, ' ', f->width - len);
	while (*s)
		put(out, *s++);
	if (f->left)
		put_padding(out, ' ', f->width - len);
}

static void put_number(struct out_buf *out, unsigned long long value,
		       unsigned int base, bool negative, bool upper,
		       const struct field *f)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int len = 0, total;

	do {
		tmp[len++] = digits[value % base];
		value /= base;
	} while (value);

	total = len + (negative ? 1 : 0);
	if (f->left) {
		if (negative)
			put(out, '-');
		while (len)
			put(out, tmp[--len]);
		put_padding(out, ' ', f->width - total);
		return;
	}
	if (f->zero_pad) {
		/* the sign goes before the zeros: -0042 */
		if (negative)
			put(out, '-');
		put_padding(out, '0', f->width - total);
	} else {
		put_padding(out, ' ', f->width - total);
		if (negative)
			put(out, '-');
	}
	while (len)
		put(out, tmp[--len]);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out_buf out = { .buf = buf, .size = size, .pos = 0 };
	const char *spec;
	struct field f;
	unsigned long long uval;
	long long sval;
	int longs;

	while (*fmt) {
		if (*fmt != '%') {
			put(&out, *fmt++);
			continue;
		}
		spec = fmt++;
		f.width = 0;
		f.zero_pad = false;
		f.left = false;
		for (;; fmt++) {
			if (*fmt == '0')
				f.zero_pad = true;
			else if (*fmt == '-')
				f.left = true;
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			f.width = f.width * 10 + (*fmt++ - '0');
		for (longs = 0; *fmt == 'l' && longs < 2; fmt++)
			longs++;

		switch (*fmt) {
		case 'd':
		case 'i':
			if (longs == 2)
				sval = va_arg(ap, long long);
			else if (longs == 1)
				sval = va_arg(ap, long);
			else
				sval = va_arg(ap, int);
			uval = sval < 0 ? -(unsigned long long)sval :
					 (unsigned long long)sval;
			put_number(&out, uval, 10, sval < 0, false, &f);
			break;
		case 'u':
		case 'x':
		case 'X':
			if (longs == 2)
				uval = va_arg(ap, unsigned long long);
			else if (longs == 1)
				uval = va_arg(ap, unsigned long);
			else
				uval = va_arg(ap, unsigned int);
			put_number(&out, uval, *fmt == 'u' ? 10 : 16, false,
				   *fmt == 'X', &f);
			break;
		case 'p':
			put(&out, '0');
			put(&out, 'x');
			f.width = 2 * sizeof(void *);
			f.zero_pad = true;
			f.left = false;
			put_number(&out, (unsigned long)va_arg(ap, void *), 16,
				   false, false, &f);
			break;
		case 'c':
			if (!f.left)
				put_padding(&out, ' ', f.width - 1);
			put(&out, (char)va_arg(ap, int));
			if (f.left)
				put_padding(&out, ' ', f.width - 1);
			break;
		case 's':
			put_string(&out, va_arg(ap, const char *), &f);
			break;
		case '%':
			put(&out, '%');
			break;
		default:
			/* unsupported: show the whole specifier as written */
			while (spec <= fmt && *spec)
				put(&out, *spec++);
			if (!*fmt)
				continue;
			break;
		}
		fmt++;
	}

	if (size > 0)
		buf[out.pos < size ? out.pos : size - 1] = 0;
	return (int)out.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return len;
}
