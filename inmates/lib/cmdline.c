// SPDX-License-Identifier: GPL-2.0
/*
 * Command line parsing over the .cmdline buffer.  The buffer need not be
 * NUL-terminated: parsing stops at its end.
 */
#include <inmate.h>

static bool is_separator(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0;
}

/*
 * Finds "name" or "name=value" as a whole word.  Returns the value (not
 * terminated; *len says how long) or NULL if absent; for "name" alone the
 * value is empty.
 */
static const char *find_param(const char *name, size_t *len)
{
	size_t name_len = strlen(name);
	size_t pos = 0, end, word_end;

	while (pos < CMDLINE_BUFFER_SIZE && cmdline[pos]) {
		while (pos < CMDLINE_BUFFER_SIZE && cmdline[pos] &&
		       is_separator(cmdline[pos]))
			pos++;
		word_end = pos;
		while (word_end < CMDLINE_BUFFER_SIZE &&
		       !is_separator(cmdline[word_end]))
			word_end++;

		end = pos + name_len;
		if (end <= word_end && !strncmp(&cmdline[pos], name, name_len)) {
			if (end == word_end) {
				*len = 0;
				return &cmdline[end];
			}
			if (cmdline[end] == '=') {
				*len = word_end - end - 1;
				return &cmdline[end + 1];
			}
		}
		pos = word_end;
	}
	return NULL;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

long long cmdline_parse_int(const char *name, long long default_value)
{
	unsigned long long value = 0;
	unsigned int base = 10;
	bool negative = false;
	const char *s;
	size_t len;
	int digit;

	s = find_param(name, &len);
	if (!s || !len)
		return default_value;

	if (*s == '-') {
		negative = true;
		s++;
		len--;
	}
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		len -= 2;
	} else if (len > 1 && s[0] == '0') {
		base = 8;
		s++;
		len--;
	}
	if (!len)
		return default_value;
	for (; len > 0; len--, s++) {
		digit = digit_value(*s);
		if (digit >= (int)base)
			return default_value;
		value = value * base + digit;
	}
	return negative ? -(long long)value : (long long)value;
}

static bool value_is(const char *value, size_t len, const char *word)
{
	return strlen(word) == len && !strncmp(value, word, len);
}

bool cmdline_parse_bool(const char *name, bool default_value)
{
	const char *value;
	size_t len;

	value = find_param(name, &len);
	if (!value)
		return default_value;
	if (!len || value_is(value, len, "1") || value_is(value, len, "true") ||
	    value_is(value, len, "yes") || value_is(value, len, "on"))
		return true;
	if (value_is(value, len, "0") || value_is(value, len, "false") ||
	    value_is(value, len, "no") || value_is(value, len, "off"))
		return false;
	return default_value;
}

const char *cmdline_parse_str(const char *name, char *buf, size_t size,
			      const char *default_value)
{
	const char *value;
	size_t len;

	if (!size)
		return buf;

	value = find_param(name, &len);
	if (!value) {
		value = default_value ? default_value : "";
		len = strlen(value);
	}
	if (len > size - 1)
		len = size - 1;
	memcpy(buf, value, len);
	buf[len] = 0;
	return buf;
}
