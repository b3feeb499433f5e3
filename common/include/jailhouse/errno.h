/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers returned by hypercalls and internal functions (as negative
 * values).  They are Linux's numbers: the driver passes them to user space.
 * Inmates see the same values as hypercall results.
 */
#ifndef _JAILHOUSE_ERRNO_H
#define _JAILHOUSE_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define EIO		5
#define E2BIG		7
#define ENOMEM		12
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ERANGE		34
#define ENOSYS		38
#define ETIMEDOUT	110

#endif /* !_JAILHOUSE_ERRNO_H */
