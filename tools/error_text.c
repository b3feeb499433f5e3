// SPDX-License-Identifier: GPL-2.0
/* Refusals as text: see error_text.h. */
#include <stdarg.h>
#include <stdio.h>

#include "error_text.h"

int set_error(char *error, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(error, len, fmt, ap);
	va_end(ap);
	return -1;
}
