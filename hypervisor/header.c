// SPDX-License-Identifier: GPL-2.0
/*
 * The header at offset 0 of jailhouse.bin (the linker script puts .header
 * first).  The image fills in what it knows at link time, as offsets from
 * the image start; the driver fills in the rest before entering EL2.
 */
#include <jailhouse/image.h>
#include <jailhouse/percpu.h>
#include <jailhouse/utils.h>
#include <jailhouse/virt_console.h>

BUILD_BUG_ON(sizeof(struct jailhouse_header) != 80);
BUILD_BUG_ON(__builtin_offsetof(struct jailhouse_header, core_size) !=
	     JAILHOUSE_HEADER_CORE_SIZE);
BUILD_BUG_ON(__builtin_offsetof(struct jailhouse_header, percpu_size) !=
	     JAILHOUSE_HEADER_PERCPU_SIZE);
BUILD_BUG_ON(__builtin_offsetof(struct jailhouse_header, max_cpus) !=
	     JAILHOUSE_HEADER_MAX_CPUS);
BUILD_BUG_ON(sizeof(struct per_cpu) % PAGE_SIZE != 0);

struct jailhouse_header hypervisor_header
__attribute__((section(".header"), used)) = {
	.signature = JAILHOUSE_SIGNATURE,
	.core_size = image_offset(__page_pool),
	.percpu_size = sizeof(struct per_cpu),
	.entry = image_offset(stub_vectors),
	.console_page = image_offset(&virt_console),
};
