// SPDX-License-Identifier: GPL-2.0
/*
 * The ioctl commands.  Files are read before the device is opened so that
 * a typo in a path never reaches the driver.  Argument layouts are the
 * ones of include/jailhouse/ioctl.h, shared with the driver.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jailhouse/config_check.h>
#include <jailhouse/ioctl.h>

#include "control.h"
#include "device.h"
#include "file.h"

static int run_ioctl_rewrite(unsigned long request, void *arg,
			     const char *name, device_reason_rewrite_t rewrite,
			     void *ctx)
{
	int fd, err;

	fd = device_open(O_RDWR);
	if (fd < 0)
		return 1;
	err = device_ioctl(fd, request, arg, name, rewrite, ctx);
	close(fd);
	return err ? 1 : 0;
}

static int run_ioctl(unsigned long request, void *arg, const char *name)
{
	return run_ioctl_rewrite(request, arg, name, NULL, NULL);
}

/*
 * JAILHOUSE_ENABLE passes the bare buffer, no size: the driver reads the
 * header and then as much as the header declares.  So a short file is
 * padded with zeros up to a header (what is not a system config is then
 * rejected by the driver with Jailhouse's message), and a system config
 * cut short is refused here, before the driver reads past the buffer.
 */
static void *prepare_system_config(const char *path, void *config,
				   size_t size)
{
	const struct jailhouse_system *sys;
	unsigned long long declared;
	void *padded;

	if (size < sizeof(*sys)) {
		padded = calloc(1, sizeof(*sys));
		if (!padded) {
			fprintf(stderr, "jailhouse: out of memory\n");
			free(config);
			return NULL;
		}
		memcpy(padded, config, size);
		free(config);
		config = padded;
	}

	sys = config;
	if (memcmp(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE,
		   sizeof(sys->signature)) != 0 ||
	    (sys->revision != JAILHOUSE_CONFIG_REVISION &&
	     sys->revision != JAILHOUSE_CONFIG_REVISION_COMPAT))
		return config;

	declared = size < sizeof(*sys) ? sizeof(*sys) :
		config_check_system_size(sys);
	if (size < declared) {
		fprintf(stderr, "jailhouse: %s is truncated: %zu bytes, but a "
			"system config with its header needs %llu; rebuild or "
			"copy it again\n", path, size, declared);
		free(config);
		return NULL;
	}
	return config;
}

static int enable(const char *path)
{
	size_t size;
	void *config;
	int ret;

	config = file_read_all(path, &size);
	if (!config)
		return 1;
	config = prepare_system_config(path, config, size);
	if (!config)
		return 1;
	ret = run_ioctl(JAILHOUSE_ENABLE, config, "JAILHOUSE_ENABLE");
	free(config);
	return ret;
}

int control_cell_create(const char *path, const void *config, size_t size)
{
	struct jailhouse_cell_create create;

	if (size > UINT32_MAX) {
		fprintf(stderr, "jailhouse: %s is too large for a cell "
			"config\n", path);
		return 1;
	}
	memset(&create, 0, sizeof(create));
	create.config_address = (uintptr_t)config;
	create.config_size = size;
	return run_ioctl(JAILHOUSE_CELL_CREATE, &create,
			 "JAILHOUSE_CELL_CREATE");
}

static int cell_create(const char *path)
{
	size_t size;
	void *config;
	int ret;

	config = file_read_all(path, &size);
	if (!config)
		return 1;
	ret = control_cell_create(path, config, size);
	free(config);
	return ret;
}

static void fill_cell_id(struct jailhouse_cell_id *id,
			 const struct cli_cell_ref *ref)
{
	memset(id, 0, sizeof(*id));
	id->id = ref->id;
	if (ref->id == JAILHOUSE_CELL_ID_UNUSED)
		memcpy(id->name, ref->name, sizeof(id->name));
}

/* Builds the preload image of a file or an inline string (with its NUL). */
static bool prepare_image(struct jailhouse_preload_image *image,
			  const struct cli_image *source)
{
	size_t size;
	void *data;

	if (source->file) {
		data = file_read_all(source->file, &size);
		if (!data)
			return false;
	} else {
		size = strlen(source->string) + 1;
		data = strdup(source->string);
		if (!data) {
			fprintf(stderr, "jailhouse: out of memory\n");
			return false;
		}
	}
	memset(image, 0, sizeof(*image));
	image->source_address = (uintptr_t)data;
	image->size = size;
	image->target_address = source->target;
	return true;
}

/* What the user calls each image of one CELL_LOAD, for messages. */
struct image_names {
	const char *const *names;
	unsigned int count;
};

/*
 * The driver numbers images from 1 ("image #2"); the user knows them by
 * file or string, so the first such number is replaced by that.
 */
static void name_image(char *reason, size_t size, void *ctx)
{
	const struct image_names *images = ctx;
	char *at, *end, *rest;
	unsigned long number;
	char *text;

	at = strstr(reason, "image #");
	if (!at)
		return;
	number = strtoul(at + 7, &end, 10);
	if (end == at + 7 || number == 0 || number > images->count)
		return;

	rest = strdup(end);
	if (!rest)
		return;
	text = strdup(images->names[number - 1]);
	if (text) {
		*at = '\0';
		snprintf(at, size - (at - reason), "image '%s'%s", text, rest);
	}
	free(text);
	free(rest);
}

int control_cell_load(const struct cli_cell_ref *cell,
		      const struct control_image *images, unsigned int num)
{
	struct jailhouse_cell_load *load;
	struct image_names names;
	const char **list;
	unsigned int n;
	int ret;

	load = calloc(1, sizeof(*load) + num * sizeof(load->image[0]));
	list = calloc(num + 1, sizeof(*list));
	if (!load || !list) {
		fprintf(stderr, "jailhouse: out of memory\n");
		free(load);
		free(list);
		return 1;
	}
	fill_cell_id(&load->cell_id, cell);
	load->num_preload_images = num;
	for (n = 0; n < num; n++) {
		load->image[n].source_address = (uintptr_t)images[n].data;
		load->image[n].size = images[n].size;
		load->image[n].target_address = images[n].target;
		list[n] = images[n].name;
	}
	names.names = list;
	names.count = num;
	ret = run_ioctl_rewrite(JAILHOUSE_CELL_LOAD, load,
				"JAILHOUSE_CELL_LOAD", name_image, &names);
	free(list);
	free(load);
	return ret;
}

/* cell load with images, or cell shutdown: the same ioctl with none. */
static int cell_load(const struct cli_command *cmd, unsigned int num_images)
{
	struct control_image *images;
	struct jailhouse_preload_image prepared_image;
	unsigned int n, prepared = 0;
	int ret = 1;

	images = calloc(num_images + 1, sizeof(*images));
	if (!images) {
		fprintf(stderr, "jailhouse: out of memory\n");
		return 1;
	}
	for (n = 0; n < num_images; n++, prepared++) {
		if (!prepare_image(&prepared_image, &cmd->images[n]))
			goto out;
		images[n].data = (void *)(uintptr_t)
			prepared_image.source_address;
		images[n].size = prepared_image.size;
		images[n].target = prepared_image.target_address;
		images[n].name = cmd->images[n].file ? cmd->images[n].file :
			cmd->images[n].string;
	}
	ret = control_cell_load(&cmd->cell, images, num_images);
out:
	for (n = 0; n < prepared; n++)
		free((void *)images[n].data);
	free(images);
	return ret;
}

static int cell_id_command(const struct cli_cell_ref *ref,
			   unsigned long request, const char *name)
{
	struct jailhouse_cell_id id;

	fill_cell_id(&id, ref);
	return run_ioctl(request, &id, name);
}

int control_cell_start(const struct cli_cell_ref *cell)
{
	return cell_id_command(cell, JAILHOUSE_CELL_START,
			       "JAILHOUSE_CELL_START");
}

int control_cell_destroy(const struct cli_cell_ref *cell)
{
	return cell_id_command(cell, JAILHOUSE_CELL_DESTROY,
			       "JAILHOUSE_CELL_DESTROY");
}

int control_command(const struct cli_command *cmd)
{
	switch (cmd->action) {
	case CLI_ENABLE:
		return enable(cmd->config);
	case CLI_DISABLE:
		return run_ioctl(JAILHOUSE_DISABLE, NULL, "JAILHOUSE_DISABLE");
	case CLI_CELL_CREATE:
		return cell_create(cmd->config);
	case CLI_CELL_LOAD:
		return cell_load(cmd, cmd->num_images);
	case CLI_CELL_SHUTDOWN:
		return cell_load(cmd, 0);
	case CLI_CELL_START:
		return cell_id_command(&cmd->cell, JAILHOUSE_CELL_START,
				       "JAILHOUSE_CELL_START");
	case CLI_CELL_DESTROY:
		return cell_id_command(&cmd->cell, JAILHOUSE_CELL_DESTROY,
				       "JAILHOUSE_CELL_DESTROY");
	default:
		fprintf(stderr, "jailhouse: internal error: action %d is no "
			"ioctl\n", cmd->action);
		return 1;
	}
}
