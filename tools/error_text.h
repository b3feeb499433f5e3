/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Refusals as text: the cell linux code checks its inputs in library-like
 * functions that return -1 and leave one line for the caller (and the
 * host tests) in a buffer, instead of printing and exiting.
 */
#ifndef _TOOLS_ERROR_TEXT_H
#define _TOOLS_ERROR_TEXT_H

#include <stddef.h>

/* Format the reason into error[len] and return -1. */
int set_error(char *error, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* !_TOOLS_ERROR_TEXT_H */
