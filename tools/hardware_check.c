// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse hardware check [SYSCONFIG]: can this arm64 system run the
 * hypervisor?  Looks at what user space can see - the kernel log, /dev,
 * sysfs, /proc/iomem, the device tree in /sys/firmware/fdt - for what
 * `jailhouse enable` would otherwise find out the hard way: EL2 handed to
 * Linux, VHE, KVM holding EL2, the GIC, SMMUs, the hypervisor's memory
 * kept from Linux, the online CPUs against the config's.
 * One line per check: PASS, FAIL (with what to do), WARN or SKIP; exit
 * status 0 when nothing failed, 1 otherwise, 2 for a usage error.
 */
#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

#include <jailhouse/cell-config.h>

#include "cfg_board.h"

#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_SIZE_BUFFER	10

static unsigned int failures;

static void result(const char *status, const char *check, const char *fmt,
		   ...) __attribute__((format(printf, 3, 4)));

static void result(const char *status, const char *check, const char *fmt,
		   ...)
{
	va_list ap;

	printf("%-4s  %-28s ", status, check);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (strcmp(status, "FAIL") == 0)
		failures++;
}

static char *kernel_log(void)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0), len;
	char *buf;

	if (size <= 0)
		return NULL;
	buf = malloc(size + 1);
	if (!buf)
		return NULL;
	len = klogctl(SYSLOG_ACTION_READ_ALL, buf, size);
	if (len < 0) {
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	return buf;
}

static void check_el2(const char *log)
{
	const char *check = "EL2 available to Linux";

	if (!log)
		result("SKIP", check, "cannot read the kernel log (%s): run "
		       "as root", strerror(errno));
	else if (strstr(log, "started at EL2"))
		result("PASS", check, "all CPUs started at EL2");
	else if (strstr(log, "started at EL1"))
		result("FAIL", check, "Linux was booted at EL1: the boot "
		       "loader/firmware must enter Linux at EL2 (QEMU: "
		       "-machine virt,virtualization=on)");
	else if (strstr(log, "inconsistent modes"))
		result("FAIL", check, "the CPUs started in different "
		       "exception levels: fix the firmware");
	else
		result("SKIP", check, "the boot messages are no longer in "
		       "the kernel log");
}

static void check_vhe(const char *log)
{
	const char *check = "Kernel not in VHE mode";

	if (!log)
		result("SKIP", check, "cannot read the kernel log: run as "
		       "root");
	else if (strstr(log, "Virtualization Host Extensions"))
		result("FAIL", check, "the kernel runs at EL2 itself (VHE), "
		       "leaving no exception level for the hypervisor: boot "
		       "with \"id_aa64mmfr1.vh=0 kvm-arm.mode=none\"");
	else
		result("PASS", check, "the kernel runs at EL1");
}

static void check_kvm(const char *log)
{
	const char *check = "KVM not holding EL2";

	if (access("/dev/kvm", F_OK) == 0 ||
	    (log && strstr(log, "Hyp mode initialized")))
		result("FAIL", check, "KVM is initialised and owns EL2 "
		       "(/dev/kvm exists): boot with \"kvm-arm.mode=none\"");
	else
		result("PASS", check, "no /dev/kvm");
}

static void check_gic(const struct cfg_board *b, bool have_dt)
{
	if (!have_dt) {
		result("SKIP", "GIC", "no /sys/firmware/fdt (ACPI system?)");
		return;
	}
	if (b->gic.version == 3)
		result("PASS", "GIC version", "GICv3, distributor at 0x%"
		       PRIx64 ", redistributors at 0x%" PRIx64,
		       b->gic.gicd, b->gic.gicr);
	else
		result("FAIL", "GIC version", "GICv%u: this hypervisor "
		       "drives GICv3 only", b->gic.version);
	result(b->gic.has_its ? "PASS" : "PASS", "GIC ITS",
	       b->gic.has_its ? "present: MSIs of the root's PCI devices "
	       "keep working" : "none (PCI MSIs only with an ITS)");
}

static void check_smmu(const struct cfg_board *b, bool have_dt)
{
	unsigned int n;

	if (!have_dt) {
		result("SKIP", "SMMU", "no device tree");
		return;
	}
	if (b->num_iommus == 0) {
		result("PASS", "SMMU", "none: DMA of devices given to cells "
		       "is not confined (no SMMU to do it)");
		return;
	}
	for (n = 0; n < b->num_iommus; n++)
		result("WARN", "SMMU", "%s at 0x%" PRIx64 ": not used by the "
		       "hypervisor yet, DMA of devices given to cells is "
		       "not isolated", b->iommu[n].type_name + 16,
		       b->iommu[n].base);
}

static bool cpu_in_set(const __u8 *set, unsigned int size, unsigned int cpu)
{
	return cpu / 8 < size && (set[cpu / 8] & (1 << (cpu % 8)));
}

static void check_config(const char *file, const struct cfg_board *b)
{
	const struct jailhouse_system *sys;
	unsigned int cpu, size, missing = 0, extra = 0;
	char *online, *p, miss[256] = "", ext[256] = "";
	size_t len;
	uint64_t start, end;
	unsigned int n;

	sys = cfg_read_file(file, &len);
	if (!sys || len < sizeof(*sys) ||
	    memcmp(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE, 5) != 0) {
		result("FAIL", "System config", "%s: %s", file, !sys ?
		       strerror(errno) : "not a system config (.cell)");
		return;
	}
	start = sys->hypervisor_memory.phys_start;
	end = start + sys->hypervisor_memory.size;
	if (!b->have_system)
		result("SKIP", "Hypervisor memory reserved",
		       "cannot read /proc/iomem");
	else if (cfg_ranges_overlap(&b->linux_ram, start, end)) {
		for (n = 0; n < b->linux_ram.n; n++)
			if (b->linux_ram.r[n].start < end &&
			    b->linux_ram.r[n].end > start)
				break;
		result("FAIL", "Hypervisor memory reserved", "0x%" PRIx64
		       "-0x%" PRIx64 " is System RAM of Linux: boot with "
		       "mem= below it or a no-map reserved-memory node",
		       start, end - 1);
	} else {
		result("PASS", "Hypervisor memory reserved", "0x%" PRIx64
		       "-0x%" PRIx64 " is not Linux's RAM", start, end - 1);
	}

	online = cfg_read_file("/sys/devices/system/cpu/online", NULL);
	size = sys->root_cell.cpu_set_size;
	if (!online || len < sizeof(*sys) + size) {
		result("SKIP", "Online CPUs", "cannot read the CPU list");
		free(online);
		free((void *)sys);
		return;
	}
	/* every online CPU must be the root's, every root CPU online */
	for (cpu = 0; cpu < 1024; cpu++) {
		bool on = false, in = cpu_in_set((const __u8 *)(sys + 1),
						  size, cpu);
		unsigned int a, z;
		int used;

		for (p = online; *p && *p != '\n';) {
			if (sscanf(p, "%u-%u%n", &a, &z, &used) != 2) {
				if (sscanf(p, "%u%n", &a, &used) != 1)
					break;
				z = a;
			}
			on |= cpu >= a && cpu <= z;
			p += used;
			if (*p == ',')
				p++;
		}
		if (on && !in && strlen(ext) < 200)
			snprintf(ext + strlen(ext), sizeof(ext) - strlen(ext),
				 "%s%u", extra++ ? "," : "", cpu);
		if (!on && in && strlen(miss) < 200)
			snprintf(miss + strlen(miss),
				 sizeof(miss) - strlen(miss), "%s%u",
				 missing++ ? "," : "", cpu);
	}
	online[strcspn(online, "\n")] = '\0';
	if (extra)
		result("FAIL", "Online CPUs", "CPU %s online but not in %s: "
		       "add them to the root cell's cpus or take them "
		       "offline", ext, file);
	else if (missing)
		result("FAIL", "Online CPUs", "CPU %s of %s not online: "
		       "bring them online (echo 1 > /sys/devices/system/cpu/"
		       "cpuN/online)", miss, file);
	else
		result("PASS", "Online CPUs", "%s, as in %s", online, file);
	free(online);
	free((void *)sys);
}

int main(int argc, char **argv)
{
	struct cfg_board board;
	bool have_dt = false;
	char *log, *fdt;

	if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
		bool help = argc == 2 && (!strcmp(argv[1], "-h") ||
					  !strcmp(argv[1], "--help"));

		fprintf(help ? stdout : stderr,
			"usage: jailhouse hardware check [SYSCONFIG]\n%s",
			help ? "\nCheck whether this arm64 system can run the "
			"hypervisor; with SYSCONFIG\n(.cell) also its "
			"hypervisor memory and CPUs.\nExit status: 0 if no "
			"check failed, 1 otherwise.\n" : "");
		return help ? 0 : 2;
	}
	memset(&board, 0, sizeof(board));
	fdt = cfg_read_file("/sys/firmware/fdt", NULL);
	if (fdt) {
		/* quiet: the checks below say what is missing */
		FILE *saved = stderr;

		stderr = fopen("/dev/null", "w") ?: saved;
		have_dt = cfg_board_from_fdt(&board, fdt) == 0 ||
			board.gic.version;
		if (stderr != saved)
			fclose(stderr);
		stderr = saved;
	}
	if (cfg_board_from_system(&board, "") != 0)
		board.have_system = false;

	log = kernel_log();
	check_el2(log);
	check_vhe(log);
	check_kvm(log);
	check_gic(&board, have_dt);
	check_smmu(&board, have_dt);
	if (argc == 2)
		check_config(argv[1], &board);
	else
		result("SKIP", "Hypervisor memory, CPUs", "give the system "
		       "config: jailhouse hardware check SYSCONFIG");
	free(log);
	free(fdt);
	printf("%s\n", failures ? "Some checks FAILED." :
	       "All checks passed.");
	return failures ? 1 : 0;
}
