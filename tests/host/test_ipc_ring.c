// SPDX-License-Identifier: GPL-2.0
/*
 * The IPC ring protocol of include/jailhouse/ipc_ring.h: two endpoints in
 * host memory, as two output sections, one producer and one consumer.
 * Semantics (FIFO, sequence numbers, wrap of the free-running indices),
 * overflow without corruption and recovery, header validation, garbage
 * headers and garbage indices refused or resynced.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/ipc_ring.h>

#define SECTION		0x3000

static union {
	struct ipc_endpoint ep;
	unsigned char bytes[SECTION];
} cell, root;

static int setup(void **state)
{
	memset(&cell, 0xa5, sizeof(cell));
	memset(&root, 0x5a, sizeof(root));
	ipc_ring_init(&cell.ep, NULL, 0, 1, "adas-demo");
	ipc_ring_init(&root.ep, &cell.ep, SECTION, 0, "root");
	return 0;
}

static enum ipc_ring_status send_u32(u32 type, u32 value)
{
	u8 data[4];

	ipc_put_u32(data, value);
	return ipc_ring_send(&cell.ep, &root.ep, SECTION, type, value, data,
			     sizeof(data));
}

static void test_layout(void **state)
{
	assert_int_equal(offsetof(struct ipc_msg, data), 16);
	assert_int_equal(offsetof(struct ipc_endpoint, name), 0x10);
	assert_int_equal(offsetof(struct ipc_endpoint, overflows), 0x44);
	assert_int_equal(offsetof(struct ipc_endpoint, errors), 0x84);
	assert_int_equal(offsetof(struct ipc_endpoint, doorbell), 0x88);
	assert_int_equal(offsetof(struct ipc_endpoint, heartbeat_ms), 0xc4);
	assert_int_equal(IPC_RING_ENDPOINT_SIZE, 0x2100);
	/* the identity as bytes: what another implementation writes */
	assert_memory_equal(cell.bytes, "IRNG\x01\x00\x00\x01\x80\x00\x40\x00"
			    "\x01\x00\x00\x00" "adas-demo\0", 26);
}

static void test_init_zeroes_and_attaches(void **state)
{
	assert_int_equal(ipc_ring_check(&cell.ep, SECTION), IPC_RING_OK);
	assert_int_equal(cell.ep.head, 0);
	assert_int_equal(cell.ep.tail, 0);
	assert_int_equal(cell.ep.overflows, 0);
	/* a consumer that attaches late skips what is already there */
	assert_int_equal(send_u32(IPC_MSG_STATUS, 1), IPC_RING_OK);
	assert_int_equal(send_u32(IPC_MSG_STATUS, 2), IPC_RING_OK);
	ipc_ring_init(&root.ep, &cell.ep, SECTION, 0, "root");
	assert_int_equal(root.ep.tail, 2);
	assert_int_equal(ipc_ring_used(&cell.ep, &root.ep), 0);
	/* the slots are not part of init: 0xa5 stays there */
	assert_int_equal(cell.bytes[IPC_RING_ENDPOINT_SIZE - 1], 0xa5);
}

static void test_fifo_and_wrap(void **state)
{
	struct ipc_msg msg;
	u32 n, expect = 0;

	/* 5 rounds of the ring, in bursts of 40, from near the u32 end */
	cell.ep.head = cell.ep.seq = root.ep.tail = 0xffffffff - 100;
	for (n = 0; n < 320; n++) {
		assert_int_equal(send_u32(IPC_MSG_SENSOR_IMU, n), IPC_RING_OK);
		if (n % 40 != 39)
			continue;
		assert_int_equal(ipc_ring_used(&cell.ep, &root.ep), 40);
		while (ipc_ring_receive(&cell.ep, &root.ep, &msg) ==
		       IPC_RING_OK) {
			assert_int_equal(msg.type, IPC_MSG_SENSOR_IMU);
			assert_int_equal(msg.len, 4);
			assert_int_equal(ipc_get_u32(msg.data), expect);
			assert_int_equal(msg.ts_ms, expect);
			assert_int_equal(msg.seq, 0xffffffff - 100 + expect);
			expect++;
		}
	}
	assert_int_equal(expect, 320);
	assert_int_equal(cell.ep.head, (u32)(0xffffffff - 100 + 320));
	assert_int_equal(root.ep.errors, 0);
	assert_int_equal(cell.ep.overflows, 0);
	assert_int_equal(ipc_ring_receive(&cell.ep, &root.ep, &msg),
			 IPC_RING_EMPTY);
}

static void test_overflow_and_recovery(void **state)
{
	struct ipc_msg msg;
	u32 n;

	for (n = 0; n < IPC_RING_SLOTS; n++)
		assert_int_equal(send_u32(IPC_MSG_SENSOR_CAN, n), IPC_RING_OK);
	/* full: the new ones are dropped, the unread ones kept */
	for (n = 0; n < 10; n++)
		assert_int_equal(send_u32(IPC_MSG_SENSOR_CAN, 1000 + n),
				 IPC_RING_FULL);
	assert_int_equal(cell.ep.overflows, 10);
	assert_int_equal(ipc_ring_used(&cell.ep, &root.ep), IPC_RING_SLOTS);
	for (n = 0; n < IPC_RING_SLOTS; n++) {
		assert_int_equal(ipc_ring_receive(&cell.ep, &root.ep, &msg),
				 IPC_RING_OK);
		assert_int_equal(ipc_get_u32(msg.data), n);
		assert_int_equal(msg.seq, n);
	}
	/* recovery: the next message goes through, its seq shows the gap */
	assert_int_equal(send_u32(IPC_MSG_SENSOR_CAN, 7), IPC_RING_OK);
	assert_int_equal(ipc_ring_receive(&cell.ep, &root.ep, &msg),
			 IPC_RING_OK);
	assert_int_equal(msg.seq, IPC_RING_SLOTS + 10);
	assert_int_equal(root.ep.errors, 0);
}

static void test_no_reader(void **state)
{
	memset(&root, 0, sizeof(root));
	/* a reader that never came: everything is an overflow */
	assert_int_equal(send_u32(IPC_MSG_HEARTBEAT, 1), IPC_RING_FULL);
	assert_int_equal(ipc_ring_send(&cell.ep, NULL, 0, IPC_MSG_LOG, 0,
				       "x", 1), IPC_RING_FULL);
	assert_int_equal(cell.ep.overflows, 2);
	assert_int_equal(cell.ep.head, 0);
}

static void test_header_validation(void **state)
{
	assert_int_equal(ipc_ring_check(&cell.ep, IPC_RING_ENDPOINT_SIZE - 1),
			 IPC_RING_TOO_SMALL);
	cell.ep.slots = 32;
	assert_int_equal(ipc_ring_check(&cell.ep, SECTION),
			 IPC_RING_BAD_GEOMETRY);
	cell.ep.slots = IPC_RING_SLOTS;
	cell.ep.slot_size = 64;
	assert_int_equal(ipc_ring_check(&cell.ep, SECTION),
			 IPC_RING_BAD_GEOMETRY);
	cell.ep.slot_size = IPC_RING_SLOT_SIZE;
	cell.ep.header_size = 0x80;
	assert_int_equal(ipc_ring_check(&cell.ep, SECTION),
			 IPC_RING_BAD_GEOMETRY);
	cell.ep.header_size = IPC_RING_HEADER_SIZE;
	cell.ep.version = 2;
	assert_int_equal(ipc_ring_check(&cell.ep, SECTION),
			 IPC_RING_BAD_VERSION);
	cell.ep.version = IPC_RING_VERSION;
	assert_int_equal(ipc_ring_check(&cell.ep, SECTION), IPC_RING_OK);
	cell.ep.magic = 0;
	assert_int_equal(ipc_ring_check(&cell.ep, SECTION), IPC_RING_UNSET);
	assert_string_equal(ipc_ring_strerror(IPC_RING_UNSET),
			    "ring not set up by its owner yet");
}

/* a producer scribbling over its header: refused, nothing sent to it */
static void test_garbage_header(void **state)
{
	memset(&cell.ep, 0xff, IPC_RING_HEADER_SIZE);
	assert_int_equal(ipc_ring_check(&cell.ep, SECTION),
			 IPC_RING_BAD_MAGIC);
	/* the reader's own sends see a broken reader: dropped, counted */
	memset(&root.ep, 0x13, IPC_RING_HEADER_SIZE);
	assert_int_equal(send_u32(IPC_MSG_STATUS, 0), IPC_RING_FULL);
	assert_string_equal(ipc_ring_strerror(IPC_RING_BAD_MAGIC),
			    "bad magic");
}

/* valid header, garbage indices and lengths: resynced and skipped */
static void test_garbage_indices(void **state)
{
	struct ipc_msg msg;

	cell.ep.head = 5000;
	assert_int_equal(ipc_ring_receive(&cell.ep, &root.ep, &msg),
			 IPC_RING_BAD_INDEX);
	assert_int_equal(root.ep.tail, 5000);
	assert_int_equal(root.ep.errors, 1);
	/* a producer that restarted: head behind the tail */
	cell.ep.head = 3;
	assert_int_equal(ipc_ring_receive(&cell.ep, &root.ep, &msg),
			 IPC_RING_BAD_INDEX);
	assert_int_equal(root.ep.tail, 3);
	assert_int_equal(send_u32(IPC_MSG_LOG, 1), IPC_RING_OK);
	cell.ep.slot[3].len = 0xffffffff;
	assert_int_equal(send_u32(IPC_MSG_LOG, 2), IPC_RING_OK);
	assert_int_equal(ipc_ring_receive(&cell.ep, &root.ep, &msg),
			 IPC_RING_BAD_MSG);
	assert_int_equal(root.ep.errors, 3);
	assert_int_equal(ipc_ring_receive(&cell.ep, &root.ep, &msg),
			 IPC_RING_OK);
	assert_int_equal(ipc_get_u32(msg.data), 2);
	/* an oversized send is cut to the slot */
	assert_int_equal(ipc_ring_send(&cell.ep, &root.ep, SECTION,
				       IPC_MSG_LOG, 0, cell.bytes, 500),
			 IPC_RING_OK);
	assert_int_equal(ipc_ring_receive(&cell.ep, &root.ep, &msg),
			 IPC_RING_OK);
	assert_int_equal(msg.len, IPC_RING_DATA_MAX);
}

static void test_names(void **state)
{
	assert_string_equal(ipc_msg_type_name(IPC_MSG_SENSOR_IMU),
			    "SENSOR_IMU");
	assert_string_equal(ipc_msg_type_name(IPC_MSG_STATUS), "STATUS");
	assert_string_equal(ipc_msg_type_name(0x77), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_layout, setup),
		cmocka_unit_test_setup(test_init_zeroes_and_attaches, setup),
		cmocka_unit_test_setup(test_fifo_and_wrap, setup),
		cmocka_unit_test_setup(test_overflow_and_recovery, setup),
		cmocka_unit_test_setup(test_no_reader, setup),
		cmocka_unit_test_setup(test_header_validation, setup),
		cmocka_unit_test_setup(test_garbage_header, setup),
		cmocka_unit_test_setup(test_garbage_indices, setup),
		cmocka_unit_test_setup(test_names, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
