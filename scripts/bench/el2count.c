// SPDX-License-Identifier: GPL-2.0
/*
 * el2count: a QEMU TCG plugin (plugin API version 1, QEMU 7.2) that counts
 * the guest instructions executed inside given virtual address ranges, per
 * vCPU, so that the path length of the hypervisor can be measured under
 * `-icount shift=0` where every run is identical to the instruction.
 *
 * Arguments (each `-plugin libel2count.so,KEY=VALUE,...`, numbers in C
 * notation, ranges half-open):
 *
 *   range=LO-HI        count instructions with LO <= PC < HI (repeatable)
 *   image=PATH@ADDR    the file PATH is the code at ADDR: an instruction in
 *                      a range that this image covers is only counted if
 *                      its bytes equal the file's, otherwise it is another
 *                      address space's code at the same VA (EL0 code can
 *                      live where EL2 code does) and counted as "foreign"
 *   class=NAME@ADDR    a path entry, typically an exception vector: every
 *                      counted instruction is charged to the class whose
 *                      entry the vCPU executed last (before any: "other"),
 *                      and entries are counted; instructions per entry is
 *                      then the path length of that kind of exit
 *   event=NAME@ADDR    count executions of the instruction at ADDR, inside
 *                      or outside the ranges
 *   marker=ADDR[:WORD] print a snapshot every time the instruction at ADDR
 *                      (with encoding WORD, if given) executes, so that one
 *                      run can be split into phases by differencing;
 *                      repeatable (e.g. one in a root program, one in an
 *                      inmate), the snapshot says which (mark=I, in the
 *                      order given) and on which vCPU (vcpu=N)
 *   out=PATH           write the records there instead of QEMU's log
 *   profile=on         also count executions per instruction of the first
 *                      range, written with each snapshot as the changes
 *                      since the previous one (needs out=)
 *
 * Records, one line each, space separated KEY=VALUE after the first words:
 *   snap SEQ marker|exit [mark=I vcpu=N] insns=N foreign=N cpuI=N...
 *   ... class.NAME=INSNS/ENTRIES
 *   ... event.NAME=N... cpuI.class.NAME=INSNS/ENTRIES... cpuI.event.NAME=N...
 *   (the cpuI.* split of the sums per vCPU lists only non-zero counters)
 *   prof SEQ OFFSET:COUNT...      (profile=on; OFFSET from the range start)
 *
 * QEMU 7.2 ships no qemu-plugin.h in Debian, so the few declarations of the
 * version 1 API used here are written out below; they must match QEMU's
 * ABI, which is why they are not "improved".
 */

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- QEMU plugin API, version 1 (include/qemu/qemu-plugin.h of 7.2) ---- */

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;

typedef struct {
	const char *target_name;
	struct {
		int min;
		int cur;
	} version;
	bool system_emulation;
	union {
		struct {
			int smp_vcpus;
			int max_vcpus;
		} system;
	};
} qemu_info_t;

struct qemu_plugin_tb;
struct qemu_plugin_insn;

enum qemu_plugin_cb_flags {
	QEMU_PLUGIN_CB_NO_REGS,
	QEMU_PLUGIN_CB_R_REGS,
	QEMU_PLUGIN_CB_RW_REGS,
};

typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index,
					    void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id,
					       struct qemu_plugin_tb *tb);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
					   qemu_plugin_vcpu_tb_trans_cb_t cb);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb,
						 size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
					    qemu_plugin_vcpu_udata_cb_t cb,
					    enum qemu_plugin_cb_flags flags,
					    void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
				    qemu_plugin_udata_cb_t cb, void *userdata);
void qemu_plugin_outs(const char *string);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;

/* ---- the plugin ---- */

#define MAX_RANGES	8
#define MAX_IMAGES	4
#define MAX_CLASSES	15	/* class numbers 1..15; 0 is "other" */
#define MAX_EVENTS	255
#define MAX_MARKERS	4
#define NAME_LEN	32
#define LINE_LEN	16384

struct range {
	uint64_t lo, hi;
};

struct image {
	uint64_t addr;
	unsigned char *bytes;
	size_t size;
};

struct named_pc {
	char name[NAME_LEN];
	uint64_t pc;
};

/*
 * Counters are kept per vCPU and only touched by that vCPU's thread, so
 * multi-threaded TCG needs no atomics; the sums in a snapshot are then only
 * exact under single-threaded TCG (which -icount implies).
 */
struct vcpu_counts {
	uint64_t insns;
	uint64_t foreign;
	unsigned int class;	/* current class, 0 = other */
	uint64_t class_insns[MAX_CLASSES + 1];
	uint64_t class_entries[MAX_CLASSES + 1];
	uint64_t events[MAX_EVENTS];
};

static struct range ranges[MAX_RANGES];
static unsigned int n_ranges;
static struct image images[MAX_IMAGES];
static unsigned int n_images;
static struct named_pc classes[MAX_CLASSES + 1];	/* [0] unused */
static unsigned int n_classes;
static struct named_pc events[MAX_EVENTS];
static unsigned int n_events;
struct marker {
	uint64_t pc;
	bool have_word;
	uint32_t word;
};

static struct marker markers[MAX_MARKERS];
static unsigned int n_markers;
static FILE *out;

static bool profiling;
static uint64_t *profile, *profile_dumped;	/* per 4-byte slot of range 0 */
static size_t profile_slots;

static struct vcpu_counts *vcpus;
static unsigned int n_vcpus;
static unsigned int snapshots;

/*
 * Translation-time facts about one counted instruction, packed into the
 * callback's userdata so that executing it needs no lookup:
 * bits 0-3 class entered here (0: none), bit 4 foreign, bits 8-15 event
 * number + 1 (0: none).
 */
#define UD_CLASS_MASK	0xfu
#define UD_FOREIGN	0x10u
#define UD_EVENT_SHIFT	8

static void emit(const char *fmt, ...)
{
	char line[LINE_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (out) {
		fputs(line, out);
		fflush(out);
	} else {
		qemu_plugin_outs(line);
	}
}

/* one line of "offset:count" for the slots that changed since last time */
static void dump_profile(unsigned int seq)
{
	size_t i;

	fprintf(out, "prof %u", seq);
	for (i = 0; i < profile_slots; i++) {
		uint64_t delta = profile[i] - profile_dumped[i];

		if (!delta)
			continue;
		fprintf(out, " 0x%zx:%" PRIu64, i * 4, delta);
		profile_dumped[i] = profile[i];
	}
	fputs("\n", out);
	fflush(out);
}

static void snapshot(const char *why, int mark, unsigned int vcpu_index)
{
	char line[LINE_LEN];
	size_t len = 0;
	uint64_t insns = 0, foreign = 0, sum;
	unsigned int v, c, e;

#define APPEND(...) \
	(len += snprintf(line + len, len < sizeof(line) ? \
			 sizeof(line) - len : 0, __VA_ARGS__))

	for (v = 0; v < n_vcpus; v++) {
		insns += vcpus[v].insns;
		foreign += vcpus[v].foreign;
	}
	APPEND("snap %u %s", snapshots++, why);
	if (mark >= 0)
		APPEND(" mark=%d vcpu=%u", mark, vcpu_index);
	APPEND(" insns=%" PRIu64 " foreign=%" PRIu64, insns, foreign);
	for (v = 0; v < n_vcpus; v++)
		APPEND(" cpu%u=%" PRIu64, v, vcpus[v].insns);
	for (c = 0; c <= n_classes; c++) {
		uint64_t entries = 0;

		sum = 0;
		for (v = 0; v < n_vcpus; v++) {
			sum += vcpus[v].class_insns[c];
			entries += vcpus[v].class_entries[c];
		}
		APPEND(" class.%s=%" PRIu64 "/%" PRIu64,
		       c ? classes[c].name : "other", sum, entries);
	}
	for (e = 0; e < n_events; e++) {
		sum = 0;
		for (v = 0; v < n_vcpus; v++)
			sum += vcpus[v].events[e];
		APPEND(" event.%s=%" PRIu64, events[e].name, sum);
	}
	/*
	 * The same per vCPU, so that one CPU's exits can be told apart from
	 * the others' (a cell's CPU next to the root's).
	 */
	for (v = 0; v < n_vcpus; v++) {
		for (c = 0; c <= n_classes; c++)
			if (vcpus[v].class_entries[c] ||
			    vcpus[v].class_insns[c])
				APPEND(" cpu%u.class.%s=%" PRIu64 "/%" PRIu64,
				       v, c ? classes[c].name : "other",
				       vcpus[v].class_insns[c],
				       vcpus[v].class_entries[c]);
		for (e = 0; e < n_events; e++)
			if (vcpus[v].events[e])
				APPEND(" cpu%u.event.%s=%" PRIu64, v,
				       events[e].name, vcpus[v].events[e]);
	}
	APPEND("\n");
#undef APPEND
	emit("%s", line);
	if (profiling)
		dump_profile(snapshots - 1);
}

static struct vcpu_counts *vcpu(unsigned int index)
{
	/* hot-plugged beyond max_vcpus cannot happen on virt; be safe */
	return index < n_vcpus ? &vcpus[index] : &vcpus[n_vcpus - 1];
}

static void count_insn(unsigned int vcpu_index, void *udata)
{
	unsigned int info = (unsigned int)(uintptr_t)udata;
	struct vcpu_counts *vc = vcpu(vcpu_index);
	unsigned int class = info & UD_CLASS_MASK;
	unsigned int event = info >> UD_EVENT_SHIFT;

	if (event)
		vc->events[event - 1]++;
	if (info & UD_FOREIGN) {
		vc->foreign++;
		return;
	}
	if (class) {
		vc->class = class;
		vc->class_entries[class]++;
	}
	vc->insns++;
	vc->class_insns[vc->class]++;
}

static void count_profiled(unsigned int vcpu_index, void *udata)
{
	uint64_t *slot = udata;

	(void)vcpu_index;
	/* only counted instructions get here, see tb_translated() */
	(*slot)++;
}

static void count_event(unsigned int vcpu_index, void *udata)
{
	unsigned int event = (unsigned int)(uintptr_t)udata;

	vcpu(vcpu_index)->events[event]++;
}

static void hit_marker(unsigned int vcpu_index, void *udata)
{
	snapshot("marker", (int)(uintptr_t)udata, vcpu_index);
}

static bool in_ranges(uint64_t pc)
{
	unsigned int i;

	for (i = 0; i < n_ranges; i++)
		if (pc >= ranges[i].lo && pc < ranges[i].hi)
			return true;
	return false;
}

/* false if an image covers the instruction and says it is not ours */
static bool matches_images(uint64_t pc, const void *data, size_t size)
{
	unsigned int i;

	for (i = 0; i < n_images; i++) {
		const struct image *img = &images[i];

		if (pc < img->addr || pc - img->addr >= img->size)
			continue;
		if (pc - img->addr + size > img->size)
			return false;
		return memcmp(img->bytes + (pc - img->addr), data, size) == 0;
	}
	return true;
}

static int find_pc(const struct named_pc *list, unsigned int first,
		   unsigned int count, uint64_t pc)
{
	unsigned int i;

	for (i = first; i < first + count; i++)
		if (list[i].pc == pc)
			return i;
	return -1;
}

static void tb_translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb), i;

	(void)id;
	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t pc = qemu_plugin_insn_vaddr(insn);
		const void *data = qemu_plugin_insn_data(insn);
		size_t size = qemu_plugin_insn_size(insn);
		int class = find_pc(classes, 1, n_classes, pc);
		int event = find_pc(events, 0, n_events, pc);
		unsigned int m;

		for (m = 0; m < n_markers; m++) {
			uint32_t word = 0;

			if (pc != markers[m].pc)
				continue;
			if (size >= sizeof(word))
				memcpy(&word, data, sizeof(word));
			if (!markers[m].have_word || word == markers[m].word)
				qemu_plugin_register_vcpu_insn_exec_cb(insn,
					hit_marker, QEMU_PLUGIN_CB_NO_REGS,
					(void *)(uintptr_t)m);
		}
		if (in_ranges(pc)) {
			unsigned int info = 0;

			if (!matches_images(pc, data, size))
				info |= UD_FOREIGN;
			if (class > 0)
				info |= class;
			if (event >= 0)
				info |= (unsigned int)(event + 1) <<
					UD_EVENT_SHIFT;
			qemu_plugin_register_vcpu_insn_exec_cb(insn,
				count_insn, QEMU_PLUGIN_CB_NO_REGS,
				(void *)(uintptr_t)info);
			if (profiling && !(info & UD_FOREIGN) &&
			    pc >= ranges[0].lo &&
			    (pc - ranges[0].lo) / 4 < profile_slots)
				qemu_plugin_register_vcpu_insn_exec_cb(insn,
					count_profiled, QEMU_PLUGIN_CB_NO_REGS,
					&profile[(pc - ranges[0].lo) / 4]);
		} else if (event >= 0) {
			qemu_plugin_register_vcpu_insn_exec_cb(insn,
				count_event, QEMU_PLUGIN_CB_NO_REGS,
				(void *)(uintptr_t)event);
		}
	}
}

static void at_exit(qemu_plugin_id_t id, void *userdata)
{
	(void)id;
	(void)userdata;
	snapshot("exit", -1, 0);
	if (out)
		fclose(out);
	out = NULL;
}

static int parse_u64(const char *s, uint64_t *value)
{
	char *end;

	errno = 0;
	*value = strtoull(s, &end, 0);
	return (errno || end == s || *end) ? -1 : 0;
}

static int parse_named_pc(const char *s, struct named_pc *np)
{
	const char *at = strchr(s, '@');

	if (!at || at == s || (size_t)(at - s) >= NAME_LEN)
		return -1;
	memcpy(np->name, s, at - s);
	np->name[at - s] = '\0';
	return parse_u64(at + 1, &np->pc);
}

static int load_image(const char *spec)
{
	const char *at = strrchr(spec, '@');
	struct image *img = &images[n_images];
	char path[4096];
	FILE *f;
	long size;

	if (!at || at == spec || (size_t)(at - spec) >= sizeof(path) ||
	    parse_u64(at + 1, &img->addr))
		return -1;
	memcpy(path, spec, at - spec);
	path[at - spec] = '\0';
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "el2count: cannot open image %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET)) {
		fclose(f);
		fprintf(stderr, "el2count: cannot size image %s\n", path);
		return -1;
	}
	img->bytes = malloc(size);
	if (!img->bytes || fread(img->bytes, 1, size, f) != (size_t)size) {
		fclose(f);
		fprintf(stderr, "el2count: cannot read image %s\n", path);
		return -1;
	}
	fclose(f);
	img->size = size;
	n_images++;
	return 0;
}

static int parse_arg(const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *value = eq ? eq + 1 : "";
	size_t key_len = eq ? (size_t)(eq - arg) : strlen(arg);

#define KEY(k) (key_len == strlen(k) && !strncmp(arg, k, key_len))
	if (KEY("range")) {
		char lo[64];
		const char *dash = strchr(value, '-');

		if (n_ranges == MAX_RANGES || !dash ||
		    (size_t)(dash - value) >= sizeof(lo))
			return -1;
		memcpy(lo, value, dash - value);
		lo[dash - value] = '\0';
		if (parse_u64(lo, &ranges[n_ranges].lo) ||
		    parse_u64(dash + 1, &ranges[n_ranges].hi) ||
		    ranges[n_ranges].hi <= ranges[n_ranges].lo)
			return -1;
		n_ranges++;
	} else if (KEY("image")) {
		if (n_images == MAX_IMAGES)
			return -1;
		return load_image(value);
	} else if (KEY("class")) {
		if (n_classes == MAX_CLASSES)
			return -1;
		return parse_named_pc(value, &classes[++n_classes]);
	} else if (KEY("event")) {
		if (n_events == MAX_EVENTS)
			return -1;
		return parse_named_pc(value, &events[n_events++]);
	} else if (KEY("marker")) {
		char pc[64];
		const char *colon = strchr(value, ':');
		size_t len = colon ? (size_t)(colon - value) : strlen(value);
		uint64_t word;

		if (len >= sizeof(pc) || n_markers == MAX_MARKERS)
			return -1;
		memcpy(pc, value, len);
		pc[len] = '\0';
		if (parse_u64(pc, &markers[n_markers].pc))
			return -1;
		if (colon) {
			if (parse_u64(colon + 1, &word) || word > UINT32_MAX)
				return -1;
			markers[n_markers].word = word;
			markers[n_markers].have_word = true;
		}
		n_markers++;
	} else if (KEY("profile")) {
		profiling = !strcmp(value, "on");
	} else if (KEY("out")) {
		out = fopen(value, "w");
		if (!out) {
			fprintf(stderr, "el2count: cannot write %s: %s\n",
				value, strerror(errno));
			return -1;
		}
	} else {
		return -1;
	}
#undef KEY
	return 0;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const qemu_info_t *info,
					   int argc, char **argv)
{
	unsigned int i;
	int a;

	for (a = 0; a < argc; a++) {
		if (parse_arg(argv[a])) {
			fprintf(stderr, "el2count: bad argument \"%s\"\n",
				argv[a]);
			return -1;
		}
	}
	if (!n_ranges) {
		fprintf(stderr, "el2count: no range=LO-HI given\n");
		return -1;
	}
	if (profiling) {
		if (!out) {
			fprintf(stderr, "el2count: profile=on needs out=\n");
			return -1;
		}
		profile_slots = (ranges[0].hi - ranges[0].lo) / 4;
		if (profile_slots > (64u << 20)) {
			fprintf(stderr, "el2count: range too large to profile\n");
			return -1;
		}
		profile = calloc(profile_slots, sizeof(*profile));
		profile_dumped = calloc(profile_slots, sizeof(*profile));
		if (!profile || !profile_dumped)
			return -1;
	}
	n_vcpus = info->system_emulation ? info->system.max_vcpus : 64;
	if (n_vcpus < 1)
		n_vcpus = 1;
	vcpus = calloc(n_vcpus, sizeof(*vcpus));
	if (!vcpus)
		return -1;

	emit("# el2count: %u vcpus, target %s", n_vcpus, info->target_name);
	for (i = 0; i < n_ranges; i++)
		emit(" range=0x%" PRIx64 "-0x%" PRIx64, ranges[i].lo,
		     ranges[i].hi);
	for (i = 0; i < n_images; i++)
		emit(" image@0x%" PRIx64 "(%zu bytes)", images[i].addr,
		     images[i].size);
	for (i = 1; i <= n_classes; i++)
		emit(" class.%s@0x%" PRIx64, classes[i].name, classes[i].pc);
	for (i = 0; i < n_events; i++)
		emit(" event.%s@0x%" PRIx64, events[i].name, events[i].pc);
	for (i = 0; i < n_markers; i++)
		emit(" marker@0x%" PRIx64, markers[i].pc);
	emit("\n");

	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_translated);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
