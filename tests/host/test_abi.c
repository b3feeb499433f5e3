// SPDX-License-Identifier: GPL-2.0
/*
 * The binary interfaces must match Jailhouse byte for byte: its configs,
 * tools and inmates are used unchanged.  Sizes and offsets below are
 * Jailhouse's (see the ABI study, sections 3.3, 4 and 6.2).  The structs
 * are packed, so the x86_64 host sees the arm64 layout.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/header.h>
#include <jailhouse/ioctl.h>

#define assert_size(type, size)	assert_int_equal(sizeof(type), size)
#define assert_offset(type, member, off) \
	assert_int_equal(offsetof(type, member), off)

static void test_system(void **state)
{
	assert_size(struct jailhouse_system, 488);
	assert_offset(struct jailhouse_system, signature, 0);
	assert_offset(struct jailhouse_system, architecture, 5);
	assert_offset(struct jailhouse_system, revision, 6);
	assert_offset(struct jailhouse_system, flags, 8);
	assert_offset(struct jailhouse_system, hypervisor_memory, 12);
	assert_offset(struct jailhouse_system, debug_console, 44);
	assert_offset(struct jailhouse_system, platform_info, 76);
	assert_int_equal(sizeof(((struct jailhouse_system *)0)->platform_info),
			 280);
	assert_offset(struct jailhouse_system,
		      platform_info.pci_mmconfig_base, 76);
	assert_offset(struct jailhouse_system,
		      platform_info.pci_mmconfig_end_bus, 84);
	assert_offset(struct jailhouse_system, platform_info.pci_is_virtual,
		      85);
	assert_offset(struct jailhouse_system, platform_info.pci_domain, 86);
	assert_offset(struct jailhouse_system, platform_info.iommu_units, 88);
	assert_offset(struct jailhouse_system,
		      platform_info.arm.maintenance_irq, 312);
	assert_offset(struct jailhouse_system, platform_info.arm.gic_version,
		      313);
	assert_offset(struct jailhouse_system, platform_info.arm.gicd_base,
		      316);
	assert_offset(struct jailhouse_system, platform_info.arm.gicc_base,
		      324);
	assert_offset(struct jailhouse_system, platform_info.arm.gich_base,
		      332);
	assert_offset(struct jailhouse_system, platform_info.arm.gicv_base,
		      340);
	assert_offset(struct jailhouse_system, platform_info.arm.gicr_base,
		      348);
	assert_offset(struct jailhouse_system,
		      platform_info.x86.pm_timer_address, 312);
	assert_offset(struct jailhouse_system, platform_info.x86.apic_mode,
		      314);
	assert_offset(struct jailhouse_system,
		      platform_info.x86.vtd_interrupt_limit, 316);
	assert_offset(struct jailhouse_system, platform_info.x86.tsc_khz, 320);
	assert_offset(struct jailhouse_system, platform_info.x86.apic_khz,
		      324);
	assert_offset(struct jailhouse_system, root_cell, 356);
}

static void test_cell_desc(void **state)
{
	assert_size(struct jailhouse_cell_desc, 132);
	assert_offset(struct jailhouse_cell_desc, signature, 0);
	assert_offset(struct jailhouse_cell_desc, architecture, 5);
	assert_offset(struct jailhouse_cell_desc, revision, 6);
	assert_offset(struct jailhouse_cell_desc, name, 8);
	assert_offset(struct jailhouse_cell_desc, id, 40);
	assert_offset(struct jailhouse_cell_desc, flags, 44);
	assert_offset(struct jailhouse_cell_desc, cpu_set_size, 48);
	assert_offset(struct jailhouse_cell_desc, num_memory_regions, 52);
	assert_offset(struct jailhouse_cell_desc, num_cache_regions, 56);
	assert_offset(struct jailhouse_cell_desc, num_irqchips, 60);
	assert_offset(struct jailhouse_cell_desc, num_pio_regions, 64);
	assert_offset(struct jailhouse_cell_desc, num_pci_devices, 68);
	assert_offset(struct jailhouse_cell_desc, num_pci_caps, 72);
	assert_offset(struct jailhouse_cell_desc, num_stream_ids, 76);
	assert_offset(struct jailhouse_cell_desc, vpci_irq_base, 80);
	assert_offset(struct jailhouse_cell_desc, cpu_reset_address, 84);
	assert_offset(struct jailhouse_cell_desc, msg_reply_timeout, 92);
	assert_offset(struct jailhouse_cell_desc, console, 100);
}

static void test_memory_cache_irqchip_pio(void **state)
{
	assert_size(struct jailhouse_memory, 32);
	assert_offset(struct jailhouse_memory, phys_start, 0);
	assert_offset(struct jailhouse_memory, virt_start, 8);
	assert_offset(struct jailhouse_memory, size, 16);
	assert_offset(struct jailhouse_memory, flags, 24);

	assert_size(struct jailhouse_cache, 12);
	assert_offset(struct jailhouse_cache, start, 0);
	assert_offset(struct jailhouse_cache, size, 4);
	assert_offset(struct jailhouse_cache, type, 8);
	assert_offset(struct jailhouse_cache, padding, 9);
	assert_offset(struct jailhouse_cache, flags, 10);

	assert_size(struct jailhouse_irqchip, 32);
	assert_offset(struct jailhouse_irqchip, address, 0);
	assert_offset(struct jailhouse_irqchip, id, 8);
	assert_offset(struct jailhouse_irqchip, pin_base, 12);
	assert_offset(struct jailhouse_irqchip, pin_bitmap, 16);

	assert_size(struct jailhouse_pio, 4);
	assert_offset(struct jailhouse_pio, base, 0);
	assert_offset(struct jailhouse_pio, length, 2);
}

static void test_pci(void **state)
{
	struct jailhouse_pci_device dev;
	const unsigned char *raw = (const unsigned char *)&dev;

	assert_size(struct jailhouse_pci_device, 56);
	assert_offset(struct jailhouse_pci_device, type, 0);
	assert_offset(struct jailhouse_pci_device, iommu, 1);
	assert_offset(struct jailhouse_pci_device, domain, 2);
	assert_offset(struct jailhouse_pci_device, bdf, 4);
	assert_offset(struct jailhouse_pci_device, bar_mask, 6);
	assert_offset(struct jailhouse_pci_device, caps_start, 30);
	assert_offset(struct jailhouse_pci_device, num_caps, 32);
	assert_offset(struct jailhouse_pci_device, num_msi_vectors, 34);
	assert_offset(struct jailhouse_pci_device, num_msix_vectors, 36);
	assert_offset(struct jailhouse_pci_device, msix_region_size, 38);
	assert_offset(struct jailhouse_pci_device, msix_address, 40);
	assert_offset(struct jailhouse_pci_device, shmem_regions_start, 48);
	assert_offset(struct jailhouse_pci_device, shmem_dev_id, 52);
	assert_offset(struct jailhouse_pci_device, shmem_peers, 53);
	assert_offset(struct jailhouse_pci_device, shmem_protocol, 54);

	/* The bit-fields share byte 35: msi_64bits is bit 0, maskable bit 1. */
	memset(&dev, 0, sizeof(dev));
	dev.msi_64bits = 1;
	assert_int_equal(raw[35], 0x01);
	dev.msi_maskable = 1;
	assert_int_equal(raw[35], 0x03);

	assert_size(struct jailhouse_pci_capability, 8);
	assert_offset(struct jailhouse_pci_capability, id, 0);
	assert_offset(struct jailhouse_pci_capability, start, 2);
	assert_offset(struct jailhouse_pci_capability, len, 4);
	assert_offset(struct jailhouse_pci_capability, flags, 6);
}

static void test_iommu_stream_id(void **state)
{
	assert_size(struct jailhouse_iommu, 28);
	assert_offset(struct jailhouse_iommu, type, 0);
	assert_offset(struct jailhouse_iommu, base, 4);
	assert_offset(struct jailhouse_iommu, size, 12);
	assert_offset(struct jailhouse_iommu, amd.bdf, 16);
	assert_offset(struct jailhouse_iommu, amd.base_cap, 18);
	assert_offset(struct jailhouse_iommu, amd.msi_cap, 19);
	assert_offset(struct jailhouse_iommu, amd.features, 20);
	assert_offset(struct jailhouse_iommu, tipvu.tlb_base, 16);
	assert_offset(struct jailhouse_iommu, tipvu.tlb_size, 24);

	assert_size(union jailhouse_stream_id, 4);
	assert_offset(union jailhouse_stream_id, id, 0);
	assert_offset(union jailhouse_stream_id, mmu500.id, 0);
	assert_offset(union jailhouse_stream_id, mmu500.mask_out, 2);
}

static void test_console(void **state)
{
	assert_size(struct jailhouse_console, 32);
	assert_offset(struct jailhouse_console, address, 0);
	assert_offset(struct jailhouse_console, size, 8);
	assert_offset(struct jailhouse_console, type, 12);
	assert_offset(struct jailhouse_console, flags, 14);
	assert_offset(struct jailhouse_console, divider, 16);
	assert_offset(struct jailhouse_console, gate_nr, 20);
	assert_offset(struct jailhouse_console, clock_reg, 24);
}

static void test_comm_region(void **state)
{
	assert_size(struct jailhouse_comm_region, 100);
	assert_offset(struct jailhouse_comm_region, signature, 0);
	assert_offset(struct jailhouse_comm_region, revision, 6);
	assert_offset(struct jailhouse_comm_region, cell_state, 8);
	assert_offset(struct jailhouse_comm_region, msg_to_cell, 12);
	assert_offset(struct jailhouse_comm_region, reply_from_cell, 16);
	assert_offset(struct jailhouse_comm_region, flags, 20);
	assert_offset(struct jailhouse_comm_region, console, 24);
	assert_offset(struct jailhouse_comm_region, pci_mmconfig_base, 56);
	assert_offset(struct jailhouse_comm_region, gic_version, 64);
	assert_offset(struct jailhouse_comm_region, gicd_base, 72);
	assert_offset(struct jailhouse_comm_region, gicc_base, 80);
	assert_offset(struct jailhouse_comm_region, gicr_base, 88);
	assert_offset(struct jailhouse_comm_region, vpci_irq_base, 96);
}

static void test_firmware_header(void **state)
{
	assert_size(struct jailhouse_header, 80);
	assert_offset(struct jailhouse_header, signature, 0);
	assert_offset(struct jailhouse_header, core_size, 8);
	assert_offset(struct jailhouse_header, percpu_size, 16);
	assert_offset(struct jailhouse_header, entry, 24);
	assert_offset(struct jailhouse_header, console_page, 32);
	assert_offset(struct jailhouse_header, gcov_info_head, 40);
	assert_offset(struct jailhouse_header, max_cpus, 48);
	assert_offset(struct jailhouse_header, online_cpus, 52);
	assert_offset(struct jailhouse_header, debug_console_base, 56);
	assert_offset(struct jailhouse_header, arm_linux_hyp_vectors, 64);
	assert_offset(struct jailhouse_header, arm_linux_hyp_abi, 72);
	assert_memory_equal(JAILHOUSE_SIGNATURE, "JAILHOUS", 8);
}

static void test_ioctl_structs(void **state)
{
	assert_size(struct jailhouse_cell_create, 16);
	assert_offset(struct jailhouse_cell_create, config_address, 0);
	assert_offset(struct jailhouse_cell_create, config_size, 8);
	assert_offset(struct jailhouse_cell_create, padding, 12);

	assert_size(struct jailhouse_cell_id, 40);
	assert_offset(struct jailhouse_cell_id, id, 0);
	assert_offset(struct jailhouse_cell_id, padding, 4);
	assert_offset(struct jailhouse_cell_id, name, 8);

	assert_size(struct jailhouse_cell_load, 48);
	assert_offset(struct jailhouse_cell_load, cell_id, 0);
	assert_offset(struct jailhouse_cell_load, num_preload_images, 40);
	assert_offset(struct jailhouse_cell_load, padding, 44);
	assert_offset(struct jailhouse_cell_load, image, 48);

	assert_size(struct jailhouse_preload_image, 32);
	assert_offset(struct jailhouse_preload_image, source_address, 0);
	assert_offset(struct jailhouse_preload_image, size, 8);
	assert_offset(struct jailhouse_preload_image, target_address, 16);
	assert_offset(struct jailhouse_preload_image, padding, 24);
}

static void test_ioctl_numbers(void **state)
{
	assert_int_equal(JAILHOUSE_ENABLE, 0x40080000);
	assert_int_equal(JAILHOUSE_DISABLE, 0x00000001);
	assert_int_equal(JAILHOUSE_CELL_CREATE, 0x40100002);
	assert_int_equal(JAILHOUSE_CELL_LOAD, 0x40300003);
	assert_int_equal(JAILHOUSE_CELL_START, 0x40280004);
	assert_int_equal(JAILHOUSE_CELL_DESTROY, 0x40280005);
	assert_int_equal(JAILHOUSE_CELL_ID_UNUSED, -1);
}

static void test_constants(void **state)
{
	assert_int_equal(JAILHOUSE_CONFIG_REVISION, 14);
	assert_int_equal(JAILHOUSE_ARM64, 2);
	assert_memory_equal(JAILHOUSE_SYSTEM_SIGNATURE, "JHSYS", 5);
	assert_memory_equal(JAILHOUSE_CELL_DESC_SIGNATURE, "JHCLL", 5);
	assert_int_equal(JAILHOUSE_CELL_NAME_MAXLEN, 31);
	assert_int_equal(JAILHOUSE_MAX_IOMMU_UNITS, 8);

	assert_int_equal(JAILHOUSE_MEM_READ, 0x0001);
	assert_int_equal(JAILHOUSE_MEM_WRITE, 0x0002);
	assert_int_equal(JAILHOUSE_MEM_EXECUTE, 0x0004);
	assert_int_equal(JAILHOUSE_MEM_DMA, 0x0008);
	assert_int_equal(JAILHOUSE_MEM_IO, 0x0010);
	assert_int_equal(JAILHOUSE_MEM_COMM_REGION, 0x0020);
	assert_int_equal(JAILHOUSE_MEM_LOADABLE, 0x0040);
	assert_int_equal(JAILHOUSE_MEM_ROOTSHARED, 0x0080);
	assert_int_equal(JAILHOUSE_MEM_NO_HUGEPAGES, 0x0100);
	assert_int_equal(JAILHOUSE_MEM_IO_UNALIGNED, 0x8000);
	assert_int_equal(JAILHOUSE_MEM_IO_32, 4 << 16);

	assert_int_equal(JAILHOUSE_CELL_PASSIVE_COMMREG, 0x1);
	assert_int_equal(JAILHOUSE_CELL_AARCH32, 0x4);
	assert_int_equal(JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED, 0x40000000);
	assert_int_equal(JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE, 0x80000000);
	assert_int_equal(JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE, 0x1);

	assert_int_equal(JAILHOUSE_CON_TYPE_PL011, 3);
	assert_int_equal(JAILHOUSE_CON_TYPE_IMX, 8);
	assert_int_equal(JAILHOUSE_CON_TYPE_IMX_LPUART, 9);
	assert_int_equal(JAILHOUSE_CON_ACCESS_MMIO, 0x1);
	assert_int_equal(JAILHOUSE_CON_REGDIST_4, 0x2);

	assert_int_equal(JAILHOUSE_PCI_TYPE_IVSHMEM, 3);
	assert_int_equal(JAILHOUSE_SHMEM_PROTO_VETH, 1);
	assert_int_equal(JAILHOUSE_IOMMU_ARM_MMU500, 5);

	assert_int_equal(JAILHOUSE_HVC_CODE, 0x4a48);
	assert_int_equal(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 8);
	assert_int_equal(JAILHOUSE_CELL_FAILED_COMM_REV, 4);
	assert_int_equal(JAILHOUSE_MSG_RECEIVED, 4);
	assert_int_equal(COMM_REGION_ABI_REVISION, 2);
	assert_memory_equal(COMM_REGION_MAGIC, "JHCOMM", 6);
	assert_int_equal(JAILHOUSE_CPU_STAT_VMEXITS_SMCCC, 8);
}

static void test_size_helpers(void **state)
{
	struct {
		struct jailhouse_system sys;
		__u64 cpus[1];
		struct jailhouse_memory mem[3];
		struct jailhouse_irqchip irqchips[2];
		struct jailhouse_pci_device pci[1];
		struct jailhouse_pci_capability caps[2];
		union jailhouse_stream_id ids[3];
	} __attribute__((packed)) c = {
		.sys.root_cell = {
			.cpu_set_size = sizeof(c.cpus),
			.num_memory_regions = 3,
			.num_irqchips = 2,
			.num_pci_devices = 1,
			.num_pci_caps = 2,
			.num_stream_ids = 3,
		},
	};
	const struct jailhouse_cell_desc *cell = &c.sys.root_cell;

	assert_int_equal(jailhouse_system_config_size(&c.sys), sizeof(c));
	assert_ptr_equal(jailhouse_cell_mem_regions(cell), c.mem);
	assert_ptr_equal(jailhouse_cell_irqchips(cell), c.irqchips);
	assert_ptr_equal(jailhouse_cell_pci_devices(cell), c.pci);
	assert_ptr_equal(jailhouse_cell_pci_caps(cell), c.caps);
	assert_ptr_equal(jailhouse_cell_stream_ids(cell), c.ids);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_system),
		cmocka_unit_test(test_cell_desc),
		cmocka_unit_test(test_memory_cache_irqchip_pio),
		cmocka_unit_test(test_pci),
		cmocka_unit_test(test_iommu_stream_id),
		cmocka_unit_test(test_console),
		cmocka_unit_test(test_comm_region),
		cmocka_unit_test(test_firmware_header),
		cmocka_unit_test(test_ioctl_structs),
		cmocka_unit_test(test_ioctl_numbers),
		cmocka_unit_test(test_constants),
		cmocka_unit_test(test_size_helpers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
