// SPDX-License-Identifier: GPL-2.0
/*
 * uio_ivshmem: user-space access to ivshmem 2.0 devices (Jailhouse's
 * inter-cell shared memory, vendor 0x110a device 0x4106) through UIO.
 *
 * Distribution kernels do not ship this driver; vendor BSP kernels do,
 * and the programs written for them (Jailhouse's ivshmem-demo, the NXP
 * and TI demos) expect its maps, by index and name:
 *
 *   map0 "registers"        BAR0: ID, maximum peers, interrupt control,
 *                           doorbell, state
 *   map1 "state_table"      one u32 state per peer, read-only
 *   map2 "rw_section"       read/write for every peer (left out if empty,
 *                           the following maps then move down by one)
 *   map3 "input_sections"   every peer's output section, read-only
 *   map4 "output_section"   this peer's output section, read/write
 *
 * The shared memory is not behind a BAR: its address comes from the
 * vendor capability (or BAR2 where a hypervisor offers one).  Read-only
 * maps refuse PROT_WRITE here, before the hypervisor's stage 2 would
 * fault the write.
 *
 * Interrupts: every MSI-X vector if the device has them and the host
 * bridge can deliver them, otherwise INTx, all signalled as UIO events.
 * The device is put into one-shot mode: each interrupt clears the enable
 * bit of Interrupt Control, and user space re-enables it by writing 1
 * there (as the vendor driver's users do) or by writing 1 to /dev/uioN.
 * When the last user closes the device, its state goes to 0, telling the
 * peers the user has gone (the vendor driver does so on every close, even
 * while another user still has it open).
 */

#define pr_fmt(fmt) "uio_ivshmem: " fmt

#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/uio_driver.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/ivshmem_device.h>

#define DRV_NAME			"uio_ivshmem"

/* the custom protocols this driver also binds (user-space protocols) */
#define IVSHMEM_PROTO_CUSTOM_FIRST	JAILHOUSE_SHMEM_PROTO_CUSTOM
#define IVSHMEM_PROTO_CUSTOM_LAST	0x7fff

struct ivshmem_uio {
	struct uio_info info;
	struct pci_dev *pdev;
	struct ivshmem_regs __iomem *regs;
	int vectors;
	/* bit n: map n may only be mapped read-only */
	unsigned long readonly_maps;
	/* open files, under the UIO core's info_lock */
	unsigned int users;
};

static irqreturn_t ivshmem_interrupt(int irq, void *data)
{
	struct ivshmem_uio *ivshmem = data;

	/* one-shot mode: the device has already disabled itself */
	uio_event_notify(&ivshmem->info);
	return IRQ_HANDLED;
}

static int ivshmem_irqcontrol(struct uio_info *info, s32 on)
{
	struct ivshmem_uio *ivshmem =
		container_of(info, struct ivshmem_uio, info);

	writel(on ? IVSHMEM_INT_ENABLE : 0, &ivshmem->regs->int_control);
	return 0;
}

static int ivshmem_open(struct uio_info *info, struct inode *inode)
{
	struct ivshmem_uio *ivshmem =
		container_of(info, struct ivshmem_uio, info);

	ivshmem->users++;
	return 0;
}

static int ivshmem_release(struct uio_info *info, struct inode *inode)
{
	struct ivshmem_uio *ivshmem =
		container_of(info, struct ivshmem_uio, info);

	if (ivshmem->users && !--ivshmem->users)
		writel(0, &ivshmem->regs->state);
	return 0;
}

/* The UIO core has checked the index and the size of the request. */
static int ivshmem_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	struct ivshmem_uio *ivshmem =
		container_of(info, struct ivshmem_uio, info);
	unsigned long index = vma->vm_pgoff;
	struct uio_mem *mem = &info->mem[index];
	unsigned long size = vma->vm_end - vma->vm_start;

	if (mem->addr & ~PAGE_MASK)
		return -ENODEV;
	if (test_bit(index, &ivshmem->readonly_maps)) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
		vma->vm_flags &= ~VM_MAYWRITE;
	}
	/* registers uncached; the shared memory as the peers map it */
	if (mem->memtype == UIO_MEM_PHYS)
		vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, mem->addr >> PAGE_SHIFT,
			       size, vma->vm_page_prot);
}

static u64 read_cap_qword(struct pci_dev *pdev, int pos)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, pos, &lo);
	pci_read_config_dword(pdev, pos + 4, &hi);
	return lo | (u64)hi << 32;
}

/* Adds a shared-memory map; claims it unless it lies inside another map. */
static int add_section(struct ivshmem_uio *ivshmem, struct uio_mem **mem,
		       const char *name, phys_addr_t addr, resource_size_t size,
		       bool readonly, bool claim)
{
	struct device *dev = &ivshmem->pdev->dev;
	unsigned int index = *mem - ivshmem->info.mem;

	if (index >= MAX_UIO_MAPS)
		return -ENOSPC;
	if ((addr | size) & ~PAGE_MASK) {
		dev_err(dev, "%s at %pa, size %pa, is not page aligned: it cannot be mapped (fix the shared memory regions of the cell configs)\n",
			name, &addr, &size);
		return -EINVAL;
	}
	if (claim && !devm_request_mem_region(dev, addr, size,
					      ivshmem->info.name)) {
		dev_err(dev, "%s at %pa, size %pa, is already claimed (see /proc/iomem)\n",
			name, &addr, &size);
		return -EBUSY;
	}
	(*mem)->name = name;
	(*mem)->addr = addr;
	(*mem)->size = size;
	(*mem)->memtype = UIO_MEM_IOVA;
	if (readonly)
		__set_bit(index, &ivshmem->readonly_maps);
	dev_info(dev, "%s at %pa, size %pa\n", name, &addr, &size);
	(*mem)++;
	return 0;
}

static int map_sections(struct ivshmem_uio *ivshmem, int cap)
{
	struct pci_dev *pdev = ivshmem->pdev;
	resource_size_t state_size, rw_size, output_size;
	struct uio_mem *mem = &ivshmem->info.mem[1];
	u32 id, max_peers, dword;
	phys_addr_t addr;
	u8 cap_length;
	int err;

	if (pci_resource_len(pdev, 2)) {
		addr = pci_resource_start(pdev, 2);
	} else {
		pci_read_config_byte(pdev, cap + IVSHMEM_CAP_LENGTH,
				     &cap_length);
		if (cap_length < IVSHMEM_CAP_LENGTH_WITH_ADDRESS) {
			pci_err(pdev, "the device tells no shared memory address (no BAR2, vendor capability of %u bytes)\n",
				cap_length);
			return -ENODEV;
		}
		addr = read_cap_qword(pdev, cap + IVSHMEM_CAP_ADDRESS);
	}

	pci_read_config_dword(pdev, cap + IVSHMEM_CAP_STATE_TABLE_SIZE, &dword);
	state_size = dword;
	rw_size = read_cap_qword(pdev, cap + IVSHMEM_CAP_RW_SECTION_SIZE);
	output_size = read_cap_qword(pdev,
				     cap + IVSHMEM_CAP_OUTPUT_SECTION_SIZE);
	id = readl(&ivshmem->regs->id);
	max_peers = readl(&ivshmem->regs->max_peers);
	if (!state_size || !max_peers || id >= max_peers) {
		pci_err(pdev, "inconsistent device: state table of %pa bytes, ID %u, %u peers\n",
			&state_size, id, max_peers);
		return -ENODEV;
	}

	err = add_section(ivshmem, &mem, "state_table", addr, state_size,
			  true, true);
	if (err)
		return err;
	addr += state_size;

	if (rw_size) {
		err = add_section(ivshmem, &mem, "rw_section", addr, rw_size,
				  false, true);
		if (err)
			return err;
		addr += rw_size;
	}

	if (output_size) {
		err = add_section(ivshmem, &mem, "input_sections", addr,
				  output_size * max_peers, true, true);
		if (err)
			return err;
		err = add_section(ivshmem, &mem, "output_section",
				  addr + output_size * id, output_size,
				  false, false);
		if (err)
			return err;
	}
	return 0;
}

/* Every MSI-X vector if possible, INTx otherwise; 0 vectors: none. */
static int setup_interrupts(struct ivshmem_uio *ivshmem)
{
	struct pci_dev *pdev = ivshmem->pdev;
	int vectors, n, err;

	vectors = pci_msix_vec_count(pdev);
	if (vectors > 0)
		vectors = pci_alloc_irq_vectors(pdev, vectors, vectors,
						PCI_IRQ_MSIX);
	if (vectors <= 0)
		vectors = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_LEGACY);
	if (vectors <= 0) {
		pci_warn(pdev, "no interrupt (no MSI-X vectors, INTx pin %u, IRQ %u): the device works, but without events on /dev/uio\n",
			 pdev->pin, pdev->irq);
		ivshmem->info.irq = UIO_IRQ_NONE;
		return 0;
	}

	for (n = 0; n < vectors; n++) {
		err = request_irq(pci_irq_vector(pdev, n), ivshmem_interrupt,
				  IRQF_SHARED, ivshmem->info.name, ivshmem);
		if (err) {
			pci_err(pdev, "cannot request IRQ %d (error %d)\n",
				pci_irq_vector(pdev, n), err);
			while (n--)
				free_irq(pci_irq_vector(pdev, n), ivshmem);
			pci_free_irq_vectors(pdev);
			return err;
		}
	}
	ivshmem->vectors = vectors;
	ivshmem->info.irq = UIO_IRQ_CUSTOM;
	ivshmem->info.irqcontrol = ivshmem_irqcontrol;
	return 0;
}

static void free_interrupts(struct ivshmem_uio *ivshmem)
{
	int n;

	for (n = 0; n < ivshmem->vectors; n++)
		free_irq(pci_irq_vector(ivshmem->pdev, n), ivshmem);
	if (ivshmem->vectors)
		pci_free_irq_vectors(ivshmem->pdev);
	ivshmem->vectors = 0;
}

static int ivshmem_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	u16 protocol = pdev->class & 0xffff;
	struct ivshmem_uio *ivshmem;
	struct uio_mem *regs;
	int cap, err;

	/* ivshmem-net and virtio-over-ivshmem have drivers of their own */
	if (protocol != JAILHOUSE_SHMEM_PROTO_UNDEFINED &&
	    (protocol < IVSHMEM_PROTO_CUSTOM_FIRST ||
	     protocol > IVSHMEM_PROTO_CUSTOM_LAST))
		return -ENODEV;

	ivshmem = devm_kzalloc(&pdev->dev, sizeof(*ivshmem), GFP_KERNEL);
	if (!ivshmem)
		return -ENOMEM;
	ivshmem->pdev = pdev;

	err = pcim_enable_device(pdev);
	if (err)
		return err;

	ivshmem->info.name = devm_kasprintf(&pdev->dev, GFP_KERNEL, "%s[%s]",
					    DRV_NAME, pci_name(pdev));
	if (!ivshmem->info.name)
		return -ENOMEM;
	ivshmem->info.version = "1";
	ivshmem->info.mmap = ivshmem_mmap;
	ivshmem->info.open = ivshmem_open;
	ivshmem->info.release = ivshmem_release;

	/*
	 * Mapped, not claimed: the PCI core has placed BAR0 in the host's
	 * window already, and on QEMU Jailhouse's window lies in the unused
	 * tail of the GIC redistributor range, which the GIC driver claims
	 * as busy, so that a claim below it would fail.
	 */
	ivshmem->regs = pcim_iomap(pdev, 0, sizeof(struct ivshmem_regs));
	if (!ivshmem->regs) {
		pci_err(pdev, "cannot map the registers (BAR0 %pR)\n",
			&pdev->resource[0]);
		return -ENOMEM;
	}

	regs = &ivshmem->info.mem[0];
	regs->name = "registers";
	regs->addr = pci_resource_start(pdev, 0);
	regs->size = PAGE_ALIGN(pci_resource_len(pdev, 0));
	regs->memtype = UIO_MEM_PHYS;
	if (!regs->addr)
		return -ENODEV;

	cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	if (!cap) {
		pci_err(pdev, "no vendor capability: not an ivshmem 2.0 device\n");
		return -ENODEV;
	}
	err = map_sections(ivshmem, cap);
	if (err)
		return err;

	pci_write_config_byte(pdev, cap + IVSHMEM_CAP_PRIV_CONTROL,
			      IVSHMEM_PRIV_ONESHOT_INT);

	err = setup_interrupts(ivshmem);
	if (err)
		return err;

	err = uio_register_device(&pdev->dev, &ivshmem->info);
	if (err) {
		pci_err(pdev, "cannot register with UIO (error %d)\n", err);
		free_interrupts(ivshmem);
		return err;
	}
	pci_set_master(pdev);
	pci_set_drvdata(pdev, ivshmem);
	return 0;
}

static void ivshmem_remove(struct pci_dev *pdev)
{
	struct ivshmem_uio *ivshmem = pci_get_drvdata(pdev);

	/* quiet the device before its handler and its UIO device go */
	writel(0, &ivshmem->regs->int_control);
	pci_clear_master(pdev);
	free_interrupts(ivshmem);
	uio_unregister_device(&ivshmem->info);
	/* the peers see this user gone, also if it still had it open */
	writel(0, &ivshmem->regs->state);
}

static const struct pci_device_id ivshmem_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_SIEMENS, IVSHMEM_DEVICE_ID),
	  .class = PCI_CLASS_OTHERS << 16, .class_mask = 0xff0000 },
	{ }
};
MODULE_DEVICE_TABLE(pci, ivshmem_ids);

static struct pci_driver ivshmem_driver = {
	.name = DRV_NAME,
	.id_table = ivshmem_ids,
	.probe = ivshmem_probe,
	.remove = ivshmem_remove,
};
module_pci_driver(ivshmem_driver);

MODULE_DESCRIPTION("UIO driver for ivshmem 2.0 shared-memory devices");
MODULE_LICENSE("GPL");
