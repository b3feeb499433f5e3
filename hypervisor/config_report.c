// SPDX-License-Identifier: GPL-2.0
/*
 * Findings of the config checker on the hypervisor console, in the same
 * one-line form as the driver's log and `jailhouse config check`
 * (common/config_check/format.c), naming the cell.  A line with its hint
 * is longer than printk takes at once, so it goes out in pieces; config
 * checks run under the cell lock or during setup, when other CPUs print
 * little.
 */
#include <jailhouse/arch.h>
#include <jailhouse/config_check.h>
#include <jailhouse/control.h>
#include <jailhouse/printk.h>

#define FINDING_TEXT_LEN	1024
#define PIECE_LEN		(PRINTK_MAX_LEN - 8)

void print_config_finding(void *ctx, const struct config_check_finding *f)
{
	char text[FINDING_TEXT_LEN], piece[PIECE_LEN + 1];
	unsigned int pos = 0, n;
	int len;

	len = config_check_format(f, text, sizeof(text));
	if (len < 0) {
		printk("%s: config: %s: %s\n",
		       config_check_severity_name(f->severity), f->cell,
		       config_check_code_name(f->code));
		return;
	}
	while (text[pos]) {
		for (n = 0; n < PIECE_LEN && text[pos + n]; n++)
			piece[n] = text[pos + n];
		piece[n] = 0;
		printk("%s", piece);
		pos += n;
	}
	/* cut to the buffer: end the line anyway */
	if (len >= (int)sizeof(text))
		printk("...\n");
}
