// SPDX-License-Identifier: GPL-2.0
/*
 * Pieces every generated config is made of, written the way the
 * hand-written configs in configs/arm64/ are.
 */
#include <inttypes.h>
#include <stdio.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/console.h>

#include "cfg_emit.h"

const char *cfg_size_str(uint64_t size, char *buf, size_t len)
{
	if (size >= 0x40000000ULL && !(size & 0x3fffffffULL))
		snprintf(buf, len, "%" PRIu64 " GiB", size >> 30);
	else if (size >= 0x100000ULL && !(size & 0xfffffULL))
		snprintf(buf, len, "%" PRIu64 " MiB", size >> 20);
	else if (!(size & 0x3ffULL))
		snprintf(buf, len, "%" PRIu64 " KiB", size >> 10);
	else
		snprintf(buf, len, "%" PRIu64 " bytes", size);
	return buf;
}

void cfg_emit_region(FILE *f, const char *comment, uint64_t phys,
		     uint64_t virt, uint64_t size, const char *flags)
{
	if (comment && comment[0])
		fprintf(f, "\t\t/* %s */\n", comment);
	fprintf(f, "\t\t{\n"
		"\t\t\t.phys_start = 0x%08" PRIx64 ",\n"
		"\t\t\t.virt_start = 0x%08" PRIx64 ",\n"
		"\t\t\t.size = 0x%08" PRIx64 ",\n"
		"\t\t\t.flags = %s,\n"
		"\t\t},\n", phys, virt, size, flags);
}

/*
 * The ivshmem demo device's regions for 3 peers: read-only state table,
 * common read/write area, one output section per peer that only its peer
 * writes.
 */
void cfg_emit_ivshmem_demo(FILE *f, uint64_t base, unsigned int peer,
			   bool rootshared)
{
	const char *rs = rootshared ? " | JAILHOUSE_MEM_ROOTSHARED" : "";
	char flags[160];
	unsigned int n;

	snprintf(flags, sizeof(flags), "JAILHOUSE_MEM_READ%s", rs);
	cfg_emit_region(f, "ivshmem demo: state table", base, base, 0x1000,
			flags);
	snprintf(flags, sizeof(flags),
		 "JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE%s", rs);
	cfg_emit_region(f, "ivshmem demo: common read/write area",
			base + 0x1000, base + 0x1000, 0x9000, flags);
	for (n = 0; n < 3; n++) {
		char what[64];

		snprintf(what, sizeof(what), "ivshmem demo: output of peer %u%s",
			 n, n == peer ? " (this cell)" : "");
		snprintf(flags, sizeof(flags), "JAILHOUSE_MEM_READ%s%s",
			 n == peer ? " | JAILHOUSE_MEM_WRITE" : "", rs);
		cfg_emit_region(f, what, base + 0xa000 + n * 0x2000,
				base + 0xa000 + n * 0x2000, 0x2000, flags);
	}
}

void cfg_emit_console(FILE *f, const struct cfg_board *b, const char *field)
{
	const struct cfg_console *c = &b->console;

	fprintf(f, "\t\t.%s = {\n"
		"\t\t\t.address = 0x%08" PRIx64 ",\n", field, c->address);
	if (field[0] == 'd')	/* the system's debug_console has a size */
		fprintf(f, "\t\t\t.size = 0x1000,\n");
	fprintf(f, "\t\t\t.type = %s,\n"
		"\t\t\t.flags = JAILHOUSE_CON_ACCESS_MMIO |\n"
		"\t\t\t\t JAILHOUSE_CON_REGDIST_%c%s,\n"
		"\t\t},\n", c->type_name,
		(c->flags & JAILHOUSE_CON_REGDIST_4) ? '4' : '1',
		(c->flags & JAILHOUSE_CON_MDR_QUIRK) ?
		" |\n\t\t\t\t JAILHOUSE_CON_MDR_QUIRK" : "");
}

void cfg_emit_irqchip(FILE *f, const struct cfg_board *b,
		      unsigned int pin_base, const uint32_t bitmap[4],
		      const char *comment)
{
	unsigned int n;

	if (comment && comment[0])
		fprintf(f, "\t\t/* %s */\n", comment);
	fprintf(f, "\t\t{\n"
		"\t\t\t.address = 0x%08" PRIx64 ",\n"
		"\t\t\t.pin_base = %u,\n"
		"\t\t\t.pin_bitmap = {\n\t\t\t\t", b->gic.gicd, pin_base);
	for (n = 0; n < 4; n++)
		fprintf(f, "0x%08x,%s", bitmap[n], n == 3 ? "\n" : " ");
	fprintf(f, "\t\t\t},\n\t\t},\n");
}

void cfg_emit_ivshmem_dev(FILE *f, const struct cfg_plan *p, unsigned int bdf,
			  unsigned int regions_start, unsigned int dev_id,
			  unsigned int peers, bool net, const char *comment)
{
	fprintf(f, "\t\t/* %s */\n"
		"\t\t{\n"
		"\t\t\t.type = JAILHOUSE_PCI_TYPE_IVSHMEM,\n"
		"\t\t\t.domain = %u,\n"
		"\t\t\t.bdf = %u << 3,\n"
		"\t\t\t.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,\n"
		"\t\t\t.shmem_regions_start = %u,\n"
		"\t\t\t.shmem_dev_id = %u,\n"
		"\t\t\t.shmem_peers = %u,\n"
		"\t\t\t.shmem_protocol = %s,\n"
		"\t\t},\n", comment, p->vpci_domain, bdf, regions_start,
		dev_id, peers, net ? "JAILHOUSE_SHMEM_PROTO_VETH" :
		"JAILHOUSE_SHMEM_PROTO_UNDEFINED");
}

void cfg_emit_boot_advice(FILE *f, const struct cfg_board *b,
			  const struct cfg_plan *p, const char *prefix)
{
	uint64_t start = p->inmate_start;
	uint64_t size = p->inmate_size + p->hv_size;
	char sz[32];

	fprintf(f, "%sHypervisor memory: 0x%08" PRIx64 "-0x%08" PRIx64
		" (%s)\n", prefix, p->hv_start, p->hv_start + p->hv_size - 1,
		cfg_size_str(p->hv_size, sz, sizeof(sz)));
	fprintf(f, "%sInmate memory:     0x%08" PRIx64 "-0x%08" PRIx64
		" (%s: ivshmem, inmate-demo, linux-demo)\n", prefix, start,
		start + p->inmate_size - 1,
		cfg_size_str(p->inmate_size, sz, sizeof(sz)));
	if (p->hidden_already) {
		fprintf(f, "%sLinux does not use this RAM now%s%s%s: keep "
			"booting it that way.\n", prefix,
			b->cmdline[0] ? " (command line: " : "", b->cmdline,
			b->cmdline[0] ? ")" : "");
		return;
	}
	fprintf(f, "%sLinux must not use it.  Either add to the device "
		"tree:\n", prefix);
	fprintf(f, "%s  reserved-memory {\n"
		"%s    jailhouse@%" PRIx64 " {\n"
		"%s      reg = <0x%x 0x%08x 0x%x 0x%08x>;\n"
		"%s      no-map;\n"
		"%s    };\n"
		"%s  };\n", prefix, prefix, start, prefix,
		(unsigned int)(start >> 32), (unsigned int)start,
		(unsigned int)(size >> 32), (unsigned int)size, prefix,
		prefix, prefix);
	if (p->mem_limit && !(p->mem_limit & 0xfffffULL))
		fprintf(f, "%sor boot Linux with mem=%" PRIu64 "M.\n", prefix,
			p->mem_limit >> 20);
	else
		fprintf(f, "%s(mem= cannot do it: there is RAM above.)\n",
			prefix);
}
