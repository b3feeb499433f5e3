// SPDX-License-Identifier: GPL-2.0
/*
 * The ivshmem 2.0 device model (hypervisor/ivshmem.c), compiled for the
 * host: config space as Jailhouse's ivshmem-v2 specification lays it out,
 * BAR sizing and decoding, the registers, doorbells and state changes
 * between peers, one-shot mode, peers leaving, and refused connections.
 * Interrupts land in a log instead of the GIC.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

/* host stand-ins for the arch primitives ivshmem.c uses */
#define _JAILHOUSE_ASM_PROCESSOR_H
#define _JAILHOUSE_ASM_SPINLOCK_H
/* the hypervisor's printk.h brings its own va_list macros */
#define _JAILHOUSE_PRINTK_H
void printk(const char *fmt, ...);
typedef struct { int held; } spinlock_t;
#define SPINLOCK_INIT { 0 }
static void spin_lock(spinlock_t *l) { assert_int_equal(l->held++, 0); }
static void spin_unlock(spinlock_t *l) { l->held--; }
static void memory_barrier(void) { }

static char last_msg[512];
void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_msg, sizeof(last_msg), fmt, ap);
	va_end(ap);
}

#include "hypervisor/ivshmem.c"

struct cell { int n; };
static struct cell cells[3];

/* interrupts raised: cell index and INTID */
static struct { int cell; unsigned int irq; } raised[64];
static unsigned int num_raised;

void arch_ivshmem_trigger(struct cell *cell, unsigned int irq)
{
	raised[num_raised].cell = cell - cells;
	raised[num_raised].irq = irq;
	num_raised++;
}

/* SPIs 128-191 belong to every cell here, except 150 */
bool ivshmem_irq_in_cell(struct cell *cell, unsigned int irq)
{
	return irq >= 128 && irq < 192 && irq != 150;
}

static u32 state_table[1024];
static int maps;

u32 *ivshmem_map_state_table(unsigned long phys, unsigned long size)
{
	maps++;
	return state_table;
}

void ivshmem_unmap_state_table(u32 *table, unsigned long size)
{
	maps--;
}

void ivshmem_publish(void *addr, unsigned long size) { }

#define SHMEM_BASE	0x7faf0000

static struct jailhouse_memory shmem[3][5];
static struct jailhouse_pci_device info[3];
static struct ivshmem_endpoint ep[3];

static void setup_peer(int n, int id, int peers)
{
	struct jailhouse_memory *m = shmem[n];
	int k;

	m[0] = (struct jailhouse_memory){ SHMEM_BASE, SHMEM_BASE, 0x1000,
					  JAILHOUSE_MEM_READ };
	m[1] = (struct jailhouse_memory){ SHMEM_BASE + 0x1000,
		SHMEM_BASE + 0x1000, 0x9000,
		JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE };
	for (k = 0; k < peers; k++)
		m[2 + k] = (struct jailhouse_memory){
			SHMEM_BASE + 0xa000 + k * 0x2000,
			SHMEM_BASE + 0xa000 + k * 0x2000, 0x2000,
			JAILHOUSE_MEM_READ |
			(k == id ? JAILHOUSE_MEM_WRITE : 0) };
	info[n] = (struct jailhouse_pci_device){
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM, .domain = 1, .bdf = 0,
		.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
		.shmem_dev_id = id, .shmem_peers = peers,
		.shmem_protocol = 0x4001,
	};
}

static u32 reg(int n, unsigned long offs, bool write, u32 value)
{
	struct mmio_access mmio = { offs, 4, write, value };

	assert_int_equal(ivshmem_regs_access(&ep[n], &mmio), MMIO_HANDLED);
	return mmio.value;
}

static int connect_all(void)
{
	int n;

	memset(ep, 0, sizeof(ep));
	memset(state_table, 0x5a, sizeof(state_table));
	num_raised = 0;
	for (n = 0; n < 3; n++)
		setup_peer(n, n, 3);
	for (n = 0; n < 3; n++)
		if (ivshmem_connect(&ep[n], &cells[n], "c", &info[n], shmem[n],
				    128 + n))
			return -1;
	return 0;
}

static void disconnect_all(void)
{
	int n;

	for (n = 0; n < 3; n++)
		ivshmem_disconnect(&ep[n]);
	assert_int_equal(maps, 0);
}

static void test_config_space(void **state)
{
	struct ivshmem_endpoint *e = &ep[1];

	assert_int_equal(connect_all(), 0);
	assert_int_equal(ivshmem_cfg_read(e, 0x00, 4), 0x4106110a);
	assert_int_equal(ivshmem_cfg_read(e, 0x02, 2), 0x4106);
	/* status: capabilities; class ff, protocol 0x4001 */
	assert_int_equal(ivshmem_cfg_read(e, 0x06, 2), 0x0010);
	assert_int_equal(ivshmem_cfg_read(e, 0x08, 4), 0xff400100);
	assert_int_equal(ivshmem_cfg_read(e, 0x2c, 4), 0x4106110a);
	assert_int_equal(ivshmem_cfg_read(e, 0x34, 1), 0x40);
	/* INTx: pin A, the vendor capability ends the list */
	assert_int_equal(ivshmem_cfg_read(e, 0x3d, 1), 1);
	assert_int_equal(ivshmem_cfg_read(e, 0x40, 4), 0x00200009);
	assert_int_equal(ivshmem_cfg_read(e, 0x44, 4), 0x1000);
	assert_int_equal(ivshmem_cfg_read(e, 0x48, 4), 0x9000);
	assert_int_equal(ivshmem_cfg_read(e, 0x4c, 4), 0);
	assert_int_equal(ivshmem_cfg_read(e, 0x50, 4), 0x2000);
	assert_int_equal(ivshmem_cfg_read(e, 0x58, 4), SHMEM_BASE);
	assert_int_equal(ivshmem_cfg_read(e, 0x5c, 4), 0);
	/* beyond the 0x80 bytes: all-ones */
	assert_int_equal(ivshmem_cfg_read(e, 0x100, 4), 0xffffffff);
	assert_int_equal(ivshmem_cfg_read(e, 0x80, 1), 0xff);

	/* read-only fields stay, the one-shot bit and the INTx line stick */
	ivshmem_cfg_write(e, 0x00, 4, 0x12345678);
	ivshmem_cfg_write(e, 0x08, 4, 0);
	ivshmem_cfg_write(e, 0x43, 1, 0xff);
	ivshmem_cfg_write(e, 0x3c, 2, 0x0404);
	assert_int_equal(ivshmem_cfg_read(e, 0x00, 4), 0x4106110a);
	assert_int_equal(ivshmem_cfg_read(e, 0x08, 4), 0xff400100);
	assert_int_equal(ivshmem_cfg_read(e, 0x40, 4), 0x01200009);
	assert_int_equal(ivshmem_cfg_read(e, 0x3c, 2), 0x0104);

	/* command: MEM, MASTER, INTX_OFF only; status read-only */
	ivshmem_cfg_write(e, 0x04, 4, 0xffffffff);
	assert_int_equal(ivshmem_cfg_read(e, 0x04, 4), 0x00100406);
	disconnect_all();
}

static void test_bars(void **state)
{
	struct ivshmem_endpoint *e = &ep[0];
	struct mmio_access mmio = { 0, 4, false, 0 };

	assert_int_equal(connect_all(), 0);
	/* sizing: 4 KiB BAR 0, no BAR 1 with INTx */
	ivshmem_cfg_write(e, 0x10, 4, 0xffffffff);
	ivshmem_cfg_write(e, 0x14, 4, 0xffffffff);
	assert_int_equal(ivshmem_cfg_read(e, 0x10, 4), 0xfffff000);
	assert_int_equal(ivshmem_cfg_read(e, 0x14, 4), 0);
	ivshmem_cfg_write(e, 0x10, 4, 0x08f00000);
	assert_int_equal(e->regs_base, 0);
	ivshmem_cfg_write(e, 0x04, 2, PCI_CMD_MEM);
	assert_int_equal(e->regs_base, 0x08f00000);
	assert_int_equal(e->regs_size, 0x1000);
	assert_int_equal(e->msix_base, 0);
	ivshmem_cfg_write(e, 0x04, 2, 0);
	assert_int_equal(e->regs_base, 0);

	/* registers: ID, max peers; other offsets and widths read 0 */
	assert_int_equal(reg(0, 0x00, false, 0), 0);
	assert_int_equal(reg(2, 0x00, false, 0), 2);
	assert_int_equal(reg(2, 0x04, false, 0), 3);
	assert_int_equal(reg(2, 0x14, false, 0), 0);
	mmio.size = 1;
	mmio.address = 0x4;
	assert_int_equal(ivshmem_regs_access(e, &mmio), MMIO_HANDLED);
	assert_int_equal(mmio.value, 0);
	disconnect_all();
}

static void test_doorbell_and_state(void **state)
{
	assert_int_equal(connect_all(), 0);
	/* a new link starts with every peer's state 0 */
	assert_int_equal(state_table[0] | state_table[1] | state_table[2], 0);

	/* no interrupts before the target enables them */
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16);
	assert_int_equal(num_raised, 0);
	reg(1, IVSHMEM_REG_INT_CTRL, true, 0xffffffff);
	assert_int_equal(reg(1, IVSHMEM_REG_INT_CTRL, false, 0), 1);
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16);
	assert_int_equal(num_raised, 1);
	assert_int_equal(raised[0].cell, 1);
	assert_int_equal(raised[0].irq, 129);

	/* absent vectors and peers: dropped */
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16 | 1);
	reg(0, IVSHMEM_REG_DOORBELL, true, 11 << 16);
	reg(0, IVSHMEM_REG_DOORBELL, true, 0xffff0000);
	assert_int_equal(num_raised, 1);

	/* a state change reaches the others that listen, once */
	reg(2, IVSHMEM_REG_INT_CTRL, true, 1);
	reg(0, IVSHMEM_REG_STATE, true, 7);
	assert_int_equal(state_table[0], 7);
	assert_int_equal(reg(0, IVSHMEM_REG_STATE, false, 0), 7);
	assert_int_equal(num_raised, 3);
	reg(0, IVSHMEM_REG_STATE, true, 7);
	assert_int_equal(num_raised, 3);

	/* INTx off: nothing */
	ivshmem_cfg_write(&ep[1], 0x04, 2, PCI_CMD_INTX_OFF);
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16);
	assert_int_equal(num_raised, 3);
	ivshmem_cfg_write(&ep[1], 0x04, 2, 0);

	/* one-shot: the first interrupt clears the enable bit */
	ivshmem_cfg_write(&ep[1], 0x43, 1, 1);
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16);
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16);
	assert_int_equal(num_raised, 4);
	assert_int_equal(reg(1, IVSHMEM_REG_INT_CTRL, false, 0), 0);

	/* a reset peer shows state 0, and the others are told */
	reg(1, IVSHMEM_REG_STATE, true, 5);
	num_raised = 0;
	ivshmem_reset(&ep[0]);
	assert_int_equal(state_table[0], 0);
	assert_int_equal(num_raised, 1);	/* peer 2 listens, 1 not */
	assert_int_equal(ivshmem_cfg_read(&ep[0], 0x43, 1), 0);

	/* a peer that leaves: state 0, told, doorbells to it dropped */
	num_raised = 0;
	ivshmem_disconnect(&ep[1]);
	assert_int_equal(state_table[1], 0);
	assert_int_equal(num_raised, 1);
	reg(2, IVSHMEM_REG_DOORBELL, true, 1 << 16);
	assert_int_equal(num_raised, 1);
	disconnect_all();
}

static void test_refused(void **state)
{
	assert_int_equal(connect_all(), 0);
	/* the same peer ID twice */
	setup_peer(0, 1, 3);
	assert_int_equal(ivshmem_connect(&ep[0], &cells[0], "twin", &info[0],
					 shmem[0], 128), -EBUSY);
	assert_non_null(strstr(last_msg, "another cell's peer ID"));
	/* another state table */
	ivshmem_disconnect(&ep[1]);
	shmem[0][0].phys_start += 0x100000;
	assert_int_equal(ivshmem_connect(&ep[0], &cells[0], "x", &info[0],
					 shmem[0], 128), -EINVAL);
	/* a writable state table, a foreign output section, ID 12 */
	setup_peer(0, 1, 3);
	shmem[0][0].flags |= JAILHOUSE_MEM_WRITE;
	assert_int_equal(ivshmem_connect(&ep[0], &cells[0], "x", &info[0],
					 shmem[0], 128), -EINVAL);
	setup_peer(0, 1, 3);
	shmem[0][2].flags |= JAILHOUSE_MEM_WRITE;
	assert_int_equal(ivshmem_connect(&ep[0], &cells[0], "x", &info[0],
					 shmem[0], 128), -EINVAL);
	assert_non_null(strstr(last_msg, "another peer's output section"));
	setup_peer(0, 12, 3);
	assert_int_equal(ivshmem_connect(&ep[0], &cells[0], "x", &info[0],
					 shmem[0], 128), -EINVAL);
	/* ep[0] is still the peer 0 it connected as */
	setup_peer(0, 0, 3);
	disconnect_all();
}

static void test_msix(void **state)
{
	struct mmio_access mmio = { 0, 4, true, 0 };
	int n;

	memset(ep, 0, sizeof(ep));
	num_raised = 0;
	for (n = 0; n < 2; n++) {
		setup_peer(n, n, 2);
		info[n].num_msix_vectors = 2;
		info[n].bar_mask[1] = 0xfffff000;
		assert_int_equal(ivshmem_connect(&ep[n], &cells[n], "m",
						 &info[n], shmem[n], 0), 0);
	}
	/* capability chain: vendor -> MSI-X (2 vectors, BIR 1), no pin */
	assert_int_equal(ivshmem_cfg_read(&ep[1], 0x41, 1), 0x60);
	assert_int_equal(ivshmem_cfg_read(&ep[1], 0x60, 4), 0x00010011);
	assert_int_equal(ivshmem_cfg_read(&ep[1], 0x64, 4), 1);
	assert_int_equal(ivshmem_cfg_read(&ep[1], 0x68, 4), 0x101);
	assert_int_equal(ivshmem_cfg_read(&ep[1], 0x3d, 1), 0);

	/* vector 1 -> INTID 140; enabled, unmasked, bus master */
	mmio.address = 0x18;
	mmio.value = 140;
	assert_int_equal(ivshmem_msix_access(&ep[1], &mmio), MMIO_HANDLED);
	mmio.address = 0x1c;
	mmio.value = 0;
	ivshmem_msix_access(&ep[1], &mmio);
	reg(1, IVSHMEM_REG_INT_CTRL, true, 1);
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16 | 1);
	assert_int_equal(num_raised, 0);
	ivshmem_cfg_write(&ep[1], 0x62, 2, 0x8000);
	ivshmem_cfg_write(&ep[1], 0x04, 2, PCI_CMD_MASTER);
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16 | 1);
	assert_int_equal(num_raised, 1);
	assert_int_equal(raised[0].irq, 140);
	/* an INTID the cell does not own is never raised */
	mmio.address = 0x18;
	mmio.value = 150;
	mmio.is_write = true;
	ivshmem_msix_access(&ep[1], &mmio);
	reg(0, IVSHMEM_REG_DOORBELL, true, 1 << 16 | 1);
	assert_int_equal(num_raised, 1);
	/* the PBA reads 0; misaligned table accesses are errors */
	mmio.address = 0x100;
	mmio.is_write = false;
	assert_int_equal(ivshmem_msix_access(&ep[1], &mmio), MMIO_HANDLED);
	assert_int_equal(mmio.value, 0);
	mmio.address = 0x2;
	assert_int_equal(ivshmem_msix_access(&ep[1], &mmio), MMIO_ERROR);
	ivshmem_disconnect(&ep[0]);
	ivshmem_disconnect(&ep[1]);
	assert_int_equal(maps, 0);
	memset(info, 0, sizeof(info));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_space),
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_doorbell_and_state),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_msix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
