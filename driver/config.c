// SPDX-License-Identifier: GPL-2.0
/*
 * Configs from user space: copied in with bounded sizes and checked by the
 * shared config checker before anything in the system is touched.  Every
 * finding goes to the kernel log; the first error becomes the reason of the
 * failing ioctl, which the log then has once, as that finding.  The
 * hypervisor checks again and never trusts this one.
 */

#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/config_check.h>

#include "jailhouse.h"

#define FINDING_TEXT_LEN	768
/*
 * A garbled config can hold thousands of findings; the log gets the first
 * ones and a count, the tool's `config check` can list them all.
 */
#define MAX_LOGGED_FINDINGS	16

struct check_report {
	unsigned int errors;
	unsigned int warnings;
	unsigned int notes;
	/* the log has the first error: the reason need not repeat it there */
	bool first_error_logged;
	char first_error[FINDING_TEXT_LEN];
	char text[FINDING_TEXT_LEN];
};

/*
 * The three checks Jailhouse's driver makes on the header, with its
 * messages, so that scripts written against Jailhouse still match.  They
 * come first because a header that fails them has meaningless sizes.
 * Revision 13 spelled the signature "JHSYST" over the architecture byte.
 * A cell config passed by mistake gets a hint after the same words.
 */
static const char *system_header_mismatch(const struct jailhouse_system *sys)
{
	if (memcmp(sys->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
		   sizeof(sys->signature)) == 0 ||
	    memcmp(sys->signature, JAILHOUSE_CELL_DESC_SIGNATURE_REV13,
		   sizeof(sys->signature)) == 0)
		return "Not a system configuration: this is a cell config; 'jailhouse enable' takes the system config (the root cell's, e.g. qemu-arm64.cell), cells come later with 'jailhouse cell create'";
	if (memcmp(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE,
		   sizeof(sys->signature)) != 0)
		return "Not a system configuration";

	switch (sys->revision) {
	case JAILHOUSE_CONFIG_REVISION:
		if (sys->architecture != JAILHOUSE_ARM64)
			return "Configuration architecture mismatch";
		return NULL;
	case JAILHOUSE_CONFIG_REVISION_COMPAT:
		if (memcmp(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE_REV13,
			   sizeof(JAILHOUSE_SYSTEM_SIGNATURE_REV13) - 1) != 0)
			return "Not a system configuration";
		return NULL;
	default:
		return "Configuration revision mismatch";
	}
}

/*
 * Logs one finding as config_check_format() renders it for every user of
 * the checker: one line, naming the cell (the driver has no file name).
 * The first error, without its "error: ", becomes the reason of the ioctl.
 * Errors are logged at the level of every refusal (jailhouse_fail()),
 * warnings and notes below it.
 */
static void report_finding(void *ctx, const struct config_check_finding *f)
{
	static const char error_prefix[] = "error: ";
	struct check_report *report = ctx;
	char *text = report->text, *line;

	if (config_check_format(f, text, sizeof(report->text)) < 0)
		snprintf(text, sizeof(report->text), "%s: %s: [%s]",
			 config_check_severity_name(f->severity), f->cell,
			 config_check_code_name(f->code));
	text[strcspn(text, "\n")] = 0;

	switch (f->severity) {
	case CC_ERROR:
		if (report->errors++ == 0) {
			line = text;
			if (strncmp(line, error_prefix,
				    sizeof(error_prefix) - 1) == 0)
				line += sizeof(error_prefix) - 1;
			strscpy(report->first_error, line,
				sizeof(report->first_error));
		}
		break;
	case CC_WARNING:
		report->warnings++;
		break;
	default:
		report->notes++;
		break;
	}

	if (report->errors + report->warnings + report->notes >
	    MAX_LOGGED_FINDINGS)
		return;
	if (f->severity == CC_ERROR) {
		if (report->errors == 1)
			report->first_error_logged = true;
		pr_warn("%s\n", text);
	} else if (f->severity == CC_WARNING) {
		pr_notice("%s\n", text);
	} else {
		pr_info("%s\n", text);
	}
}

/*
 * Turns the findings of one checker run into the outcome of the ioctl:
 * the first error becomes its reason, warnings only go to the log.
 * @what names the config in the reason ("system configuration").  The
 * reason is logged only if its finding was not.
 */
static long finish_report(struct jailhouse_file *jf,
			  const struct check_report *report, const char *what)
{
	unsigned int findings = report->errors + report->warnings +
		report->notes;
	long err = -EINVAL;

	if (findings > MAX_LOGGED_FINDINGS)
		pr_warn("%u more findings not logged; run 'jailhouse config check' to see them all\n",
			findings - MAX_LOGGED_FINDINGS);

	if (report->errors > 1)
		jailhouse_set_reason(jf, err,
				     "invalid %s (%u errors, see the kernel log), first: %s",
				     what, report->errors,
				     report->first_error);
	else if (report->errors == 1)
		jailhouse_set_reason(jf, err, "invalid %s: %s", what,
				     report->first_error);
	if (report->errors)
		return report->first_error_logged ? err :
			jailhouse_log_reason(jf, err);

	if (report->warnings)
		pr_notice("%s: %u warning%s, see above\n", what,
			  report->warnings, report->warnings == 1 ? "" : "s");
	return 0;
}

static long check_system_config(struct jailhouse_file *jf,
				 const struct jailhouse_system *sys,
				 size_t size)
{
	struct check_report *report;
	long err;

	report = kzalloc(sizeof(*report), GFP_KERNEL);
	if (!report)
		return jailhouse_fail(jf, -ENOMEM,
				      "out of memory while checking the system configuration");

	config_check_system(sys, size, report_finding, report);
	err = finish_report(jf, report, "system configuration");
	kfree(report);
	return err;
}

struct jailhouse_system *
jailhouse_system_config_load(struct jailhouse_file *jf,
			     const void __user *uconfig, size_t *size)
{
	struct jailhouse_system header, *config;
	const char *mismatch;
	u64 config_size;
	long err;

	if (copy_from_user(&header, uconfig, sizeof(header)))
		return ERR_PTR(jailhouse_fail(jf, -EFAULT,
					      "cannot read the system configuration header from user space"));

	mismatch = system_header_mismatch(&header);
	if (mismatch)
		return ERR_PTR(jailhouse_fail(jf, -EINVAL, "%s", mismatch));

	config_size = config_check_system_size(&header);
	if (config_size > JAILHOUSE_CONFIG_MAX_SIZE)
		return ERR_PTR(jailhouse_fail(jf, -EINVAL,
					      "system configuration too large: its header declares %llu bytes, the limit is %u",
					      config_size,
					      JAILHOUSE_CONFIG_MAX_SIZE));

	config = kvmalloc(config_size, GFP_KERNEL);
	if (!config)
		return ERR_PTR(jailhouse_fail(jf, -ENOMEM,
					      "out of memory for a system configuration of %llu bytes",
					      config_size));

	if (copy_from_user(config, uconfig, config_size)) {
		err = jailhouse_fail(jf, -EFAULT,
				     "cannot read the system configuration (%llu bytes) from user space",
				     config_size);
		goto out_free;
	}

	/* the sizes must be those the buffer was allocated for */
	if (config_check_system_size(config) != config_size) {
		err = jailhouse_fail(jf, -EINVAL,
				     "system configuration changed while it was copied in");
		goto out_free;
	}

	err = check_system_config(jf, config, config_size);
	if (err)
		goto out_free;

	*size = config_size;
	return config;

out_free:
	kvfree(config);
	return ERR_PTR(err);
}

/*
 * Jailhouse's driver checks these three with these words; a system config
 * passed by mistake gets a hint after them.  Revision 13's "JHSYST" starts
 * with "JHSYS", so one comparison catches both revisions.
 */
static const char *cell_header_mismatch(const struct jailhouse_cell_desc *cell)
{
	if (memcmp(cell->signature, JAILHOUSE_SYSTEM_SIGNATURE,
		   sizeof(cell->signature)) == 0)
		return "Not a cell configuration: this is a system config; 'jailhouse cell create' takes a cell config (e.g. qemu-arm64-inmate-demo.cell), the system config goes to 'jailhouse enable'";
	if (memcmp(cell->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
		   sizeof(cell->signature)) != 0 &&
	    memcmp(cell->signature, JAILHOUSE_CELL_DESC_SIGNATURE_REV13,
		   sizeof(cell->signature)) != 0)
		return "Not a cell configuration";

	switch (cell->revision) {
	case JAILHOUSE_CONFIG_REVISION:
		if (memcmp(cell->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
			   sizeof(cell->signature)) != 0)
			return "Not a cell configuration";
		if (cell->architecture != JAILHOUSE_ARM64)
			return "Configuration architecture mismatch";
		return NULL;
	case JAILHOUSE_CONFIG_REVISION_COMPAT:
		if (memcmp(cell->signature, JAILHOUSE_CELL_DESC_SIGNATURE_REV13,
			   sizeof(JAILHOUSE_CELL_DESC_SIGNATURE_REV13) - 1) != 0)
			return "Not a cell configuration";
		return NULL;
	default:
		return "Configuration revision mismatch";
	}
}

/*
 * The checker on its own (structure, ownership by the root per the system
 * config) and then across the cells that will exist together: the new one
 * last, so that every conflict is reported on it.
 */
long jailhouse_cell_config_check(struct jailhouse_file *jf,
				 const struct jailhouse_system *sys,
				 const struct jailhouse_cell_desc *cell,
				 size_t size,
				 const struct jailhouse_cell_desc *const others[],
				 unsigned int num_others)
{
	const struct jailhouse_cell_desc **all;
	struct check_report *report;
	long err;

	report = kzalloc(sizeof(*report), GFP_KERNEL);
	all = kcalloc(num_others + 1, sizeof(*all), GFP_KERNEL);
	if (!report || !all) {
		err = jailhouse_fail(jf, -ENOMEM,
				     "out of memory while checking the cell configuration");
		goto out;
	}

	/* across cells only what is sound on its own: sizes are trusted */
	if (config_check_cell(sys, cell, size, report_finding, report) == 0) {
		memcpy(all, others, num_others * sizeof(*all));
		all[num_others] = cell;
		config_check_cells(sys, all, num_others + 1, report_finding,
				   report);
	}
	err = finish_report(jf, report, "cell configuration");
out:
	kfree(all);
	kfree(report);
	return err;
}

struct jailhouse_cell_desc *
jailhouse_cell_config_load(struct jailhouse_file *jf,
			   const struct jailhouse_cell_create __user *ucreate,
			   size_t *size)
{
	struct jailhouse_cell_create create;
	struct jailhouse_cell_desc *config;
	const char *mismatch;
	long err;

	if (copy_from_user(&create, ucreate, sizeof(create)))
		return ERR_PTR(jailhouse_fail(jf, -EFAULT,
					      "cannot read the cell create request from user space"));

	if (create.config_size < sizeof(*config))
		return ERR_PTR(jailhouse_fail(jf, -EINVAL,
					      "Not a cell configuration: %u bytes, the header alone has %zu",
					      create.config_size,
					      sizeof(*config)));
	if (create.config_size > JAILHOUSE_CELL_CONFIG_MAX_SIZE)
		return ERR_PTR(jailhouse_fail(jf, -E2BIG,
					      "cell configuration too large: %u bytes, the limit is %u",
					      create.config_size,
					      JAILHOUSE_CELL_CONFIG_MAX_SIZE));

	/* physically contiguous: the hypervisor reads it by its address */
	config = kmalloc(create.config_size, GFP_KERNEL);
	if (!config)
		return ERR_PTR(jailhouse_fail(jf, -ENOMEM,
					      "out of memory for a cell configuration of %u bytes",
					      create.config_size));

	if (copy_from_user(config,
			   (const void __user *)(uintptr_t)create.config_address,
			   create.config_size)) {
		err = jailhouse_fail(jf, -EFAULT,
				     "cannot read the cell configuration (%u bytes) from user space",
				     create.config_size);
		goto out_free;
	}

	mismatch = cell_header_mismatch(config);
	if (mismatch) {
		err = jailhouse_fail(jf, -EINVAL, "%s", mismatch);
		goto out_free;
	}

	*size = create.config_size;
	return config;

out_free:
	kfree(config);
	return ERR_PTR(err);
}

void jailhouse_cell_config_free(struct jailhouse_cell_desc *config)
{
	kfree(config);
}

void jailhouse_config_free(const void *config)
{
	kvfree(config);
}
