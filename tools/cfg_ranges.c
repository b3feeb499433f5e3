// SPDX-License-Identifier: GPL-2.0
/*
 * Range lists for config create.  Small (a board has a few hundred
 * device windows), so plain arrays and insertion sort are enough.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_ranges.h"

static void grow(struct cfg_range_list *list)
{
	if (list->n < list->cap)
		return;
	list->cap = list->cap ? list->cap * 2 : 32;
	list->r = realloc(list->r, list->cap * sizeof(*list->r));
	if (!list->r) {
		fprintf(stderr, "config create: out of memory\n");
		exit(1);
	}
}

void cfg_ranges_add(struct cfg_range_list *list, uint64_t start,
		    uint64_t end, const char *label)
{
	struct cfg_range *r;

	if (end <= start)
		return;
	grow(list);
	r = &list->r[list->n++];
	r->start = start;
	r->end = end;
	r->count = 1;
	snprintf(r->label, sizeof(r->label), "%s", label ? label : "");
}

void cfg_ranges_free(struct cfg_range_list *list)
{
	free(list->r);
	list->r = NULL;
	list->n = list->cap = 0;
}

void cfg_ranges_sort(struct cfg_range_list *list)
{
	struct cfg_range tmp;
	unsigned int i, j;

	for (i = 1; i < list->n; i++) {
		tmp = list->r[i];
		for (j = i; j > 0 && list->r[j - 1].start > tmp.start; j--)
			list->r[j] = list->r[j - 1];
		list->r[j] = tmp;
	}
}

/* "a, b" unless that no longer fits; then "a, ..." once. */
static void join_labels(struct cfg_range *into, const struct cfg_range *from)
{
	size_t len = strlen(into->label);

	if (from->label[0] == '\0' || strstr(into->label, from->label))
		return;
	if (len >= 5 && strcmp(into->label + len - 5, ", ...") == 0)
		return;
	if (len + 2 + strlen(from->label) < sizeof(into->label)) {
		size_t add = strlen(from->label);

		if (len) {
			memcpy(into->label + len, ", ", 2);
			len += 2;
		}
		memmove(into->label + len, from->label, add + 1);
	} else if (len + 5 < sizeof(into->label))
		strcat(into->label, ", ...");
}

void cfg_ranges_merge(struct cfg_range_list *list)
{
	unsigned int i, out = 0;

	cfg_ranges_sort(list);
	for (i = 0; i < list->n; i++) {
		if (out > 0 && list->r[i].start <= list->r[out - 1].end) {
			struct cfg_range *last = &list->r[out - 1];

			if (list->r[i].end > last->end)
				last->end = list->r[i].end;
			last->count += list->r[i].count;
			join_labels(last, &list->r[i]);
			continue;
		}
		list->r[out++] = list->r[i];
	}
	list->n = out;
}

void cfg_ranges_subtract(struct cfg_range_list *list, uint64_t start,
			 uint64_t end)
{
	unsigned int i, n = list->n;
	struct cfg_range tail;

	for (i = 0; i < n; i++) {
		struct cfg_range *r = &list->r[i];

		if (r->end <= start || r->start >= end)
			continue;
		if (r->start < start && r->end > end) {
			tail = *r;
			tail.start = end;
			r->end = start;
			grow(list);
			list->r[list->n++] = tail;
		} else if (r->start < start) {
			r->end = start;
		} else if (r->end > end) {
			r->start = end;
		} else {
			r->end = r->start;	/* emptied, dropped below */
		}
	}
	for (i = 0, n = 0; i < list->n; i++)
		if (list->r[i].end > list->r[i].start)
			list->r[n++] = list->r[i];
	list->n = n;
	cfg_ranges_sort(list);
}

bool cfg_ranges_overlap(const struct cfg_range_list *list, uint64_t start,
			uint64_t end)
{
	unsigned int i;

	for (i = 0; i < list->n; i++)
		if (list->r[i].start < end && list->r[i].end > start)
			return true;
	return false;
}

uint64_t cfg_ranges_total(const struct cfg_range_list *list)
{
	uint64_t total = 0;
	unsigned int i;

	for (i = 0; i < list->n; i++)
		total += list->r[i].end - list->r[i].start;
	return total;
}
