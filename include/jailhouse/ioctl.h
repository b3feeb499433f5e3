/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * /dev/jailhouse ioctl interface.  Numbers and argument layouts match
 * Jailhouse so that its tools work against this driver and vice versa.
 */
#ifndef _JAILHOUSE_IOCTL_H
#define _JAILHOUSE_IOCTL_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#ifdef __KERNEL__
#include <linux/ioctl.h>
#else
#include <sys/ioctl.h>
#endif

#define JAILHOUSE_CELL_ID_UNUSED	(-1)

struct jailhouse_cell_create {
	__u64 config_address;
	__u32 config_size;
	__u32 padding;
};

struct jailhouse_preload_image {
	__u64 source_address;
	__u64 size;
	__u64 target_address;
	__u64 padding;
};

struct jailhouse_cell_id {
	__s32 id;
	__u32 padding;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
};

struct jailhouse_cell_load {
	struct jailhouse_cell_id cell_id;
	__u32 num_preload_images;
	__u32 padding;
	struct jailhouse_preload_image image[];
};

/*
 * Extension of this implementation: after a failed ioctl, the text of the
 * reason, as the driver also logged it, for the same open file.  Tools that
 * do not know it simply never ask.
 */
#define JAILHOUSE_ERROR_MSG_LEN		1024

struct jailhouse_error_msg {
	char text[JAILHOUSE_ERROR_MSG_LEN];
};

#define JAILHOUSE_ENABLE		_IOW(0, 0, void *)
#define JAILHOUSE_DISABLE		_IO(0, 1)
#define JAILHOUSE_CELL_CREATE		_IOW(0, 2, struct jailhouse_cell_create)
#define JAILHOUSE_CELL_LOAD		_IOW(0, 3, struct jailhouse_cell_load)
#define JAILHOUSE_CELL_START		_IOW(0, 4, struct jailhouse_cell_id)
#define JAILHOUSE_CELL_DESTROY		_IOW(0, 5, struct jailhouse_cell_id)
#define JAILHOUSE_GET_ERROR		_IOR(0, 0x40, struct jailhouse_error_msg)

#endif /* !_JAILHOUSE_IOCTL_H */
