// SPDX-License-Identifier: GPL-2.0
/*
 * A64 load/store decoder for fault reports (see asm/insn_ldst.h).
 *
 * Encoding groups, by the fixed bits of the Arm ARM's "Loads and Stores"
 * table: single register (unsigned offset, 9-bit immediate with or
 * without writeback, unprivileged, register offset), literal, pair,
 * exclusive and ordered, atomic memory operations, RCpc with unscaled
 * offset, pointer-authenticated loads, SIMD multiple structures, and the
 * DC instructions that address memory by VA.  Anything else (SIMD single
 * structures, MTE tag stores, encodings not yet allocated) is not
 * decoded: the report then says so instead of guessing.
 */
#include <jailhouse/text_buf.h>
#include <asm/insn_ldst.h>

#define BITS(insn, hi, lo) \
	(((insn) >> (lo)) & ((1U << ((hi) - (lo) + 1)) - 1))
#define BIT(insn, n)		(((insn) >> (n)) & 1)


static void set_mnemonic(struct ldst_insn *ldst, const char *a, const char *b,
			 const char *c)
{
	struct text_buf out = { ldst->mnemonic, sizeof(ldst->mnemonic), 0 };

	ldst->mnemonic[0] = '\0';
	text_put_str(&out, a);
	text_put_str(&out, b);
	text_put_str(&out, c);
}

static void set_regs(struct ldst_insn *ldst, unsigned int num,
		     unsigned int rt, unsigned int rt2)
{
	ldst->num_regs = num;
	ldst->reg[0] = rt;
	ldst->reg[1] = rt2;
	if (ldst->store && !ldst->load) {
		ldst->num_data = num < 2 ? num : 2;
		ldst->data_reg[0] = rt;
		ldst->data_reg[1] = rt2;
	}
}

static const char *size_suffix(unsigned int size)
{
	return size == 1 ? "b" : size == 2 ? "h" : "";
}

/*
 * Single register, immediate and register offsets.  size [31:30], V [26],
 * opc [23:22]; form is "r" (scaled or register offset, with or without
 * writeback), "ur" (unscaled) or "tr" (unprivileged).
 */
static bool decode_single(u32 insn, const char *form, struct ldst_insn *ldst)
{
	unsigned int size = BITS(insn, 31, 30), opc = BITS(insn, 23, 22);
	bool fp = BIT(insn, 26);

	if (fp) {
		if (form[0] == 't' || (opc & 2 && size))
			return false;
		ldst->fp = true;
		ldst->size = opc & 2 ? 16 : 1U << size;
		ldst->load = opc & 1;
		ldst->store = !ldst->load;
		set_mnemonic(ldst, ldst->load ? "ld" : "st", form, "");
	} else {
		ldst->size = 1U << size;
		switch (opc) {
		case 0:
			ldst->store = true;
			ldst->wide = size == 3;
			set_mnemonic(ldst, "st", form, size_suffix(1U << size));
			break;
		case 1:
			ldst->load = true;
			ldst->wide = size == 3;
			set_mnemonic(ldst, "ld", form, size_suffix(1U << size));
			break;
		default:
			/* size 3 with opc 1x: PRFM, no access; 2 with 3: none */
			if (size == 3 || (size == 2 && opc == 3))
				return false;
			ldst->load = true;
			ldst->wide = opc == 2;
			set_mnemonic(ldst, "ld", form, size == 2 ? "sw" :
				     size == 1 ? "sh" : "sb");
		}
	}
	set_regs(ldst, 1, BITS(insn, 4, 0), 0);
	return true;
}

/* opc [31:30], V [26], L [22]; bits [24:23] select the addressing */
static bool decode_pair(u32 insn, struct ldst_insn *ldst)
{
	unsigned int opc = BITS(insn, 31, 30);
	bool load = BIT(insn, 22), no_alloc = BITS(insn, 24, 23) == 0;
	const char *name = no_alloc ? "np" : "p";

	if (opc == 3)
		return false;
	ldst->load = load;
	ldst->store = !load;
	if (BIT(insn, 26)) {
		ldst->fp = true;
		ldst->size = 4U << opc;
	} else if (opc == 1) {
		if (no_alloc)
			return false;
		ldst->size = load ? 4 : 8;
		ldst->wide = true;
		/* LDPSW, or the MTE STGP (two registers and a tag) */
		set_mnemonic(ldst, load ? "ldpsw" : "stgp", "", "");
		set_regs(ldst, 2, BITS(insn, 4, 0), BITS(insn, 14, 10));
		return true;
	} else {
		ldst->size = opc ? 8 : 4;
		ldst->wide = opc;
	}
	set_mnemonic(ldst, load ? "ld" : "st", name, "");
	set_regs(ldst, 2, BITS(insn, 4, 0), BITS(insn, 14, 10));
	return true;
}

/* size [31:30], o2 [23], L [22], o1 [21], Rs [20:16], o0 [15], Rt2 [14:10] */
static bool decode_exclusive(u32 insn, struct ldst_insn *ldst)
{
	unsigned int size = BITS(insn, 31, 30), rt = BITS(insn, 4, 0);
	bool o2 = BIT(insn, 23), load = BIT(insn, 22), o1 = BIT(insn, 21);
	bool acq_rel = BIT(insn, 15);

	ldst->size = 1U << size;
	ldst->wide = size == 3;
	if (!o2 && !o1) {
		ldst->load = load;
		ldst->store = !load;
		set_mnemonic(ldst, load ? (acq_rel ? "ldaxr" : "ldxr") :
			     (acq_rel ? "stlxr" : "stxr"),
			     size_suffix(ldst->size), "");
		set_regs(ldst, 1, rt, 0);
		return true;
	}
	if (!o2 && o1 && (size & 2)) {
		ldst->size = size == 3 ? 8 : 4;
		ldst->wide = size == 3;
		ldst->load = load;
		ldst->store = !load;
		set_mnemonic(ldst, load ? (acq_rel ? "ldaxp" : "ldxp") :
			     (acq_rel ? "stlxp" : "stxp"), "", "");
		set_regs(ldst, 2, rt, BITS(insn, 14, 10));
		return true;
	}
	if (!o2 && o1) {
		/* CASP: compares Rs, Rs+1, writes Rt, Rt+1 */
		if (rt & 1)
			return false;
		ldst->size = size ? 8 : 4;
		ldst->wide = size;
		ldst->load = ldst->store = true;
		set_mnemonic(ldst, "casp", "", "");
		set_regs(ldst, 2, rt, rt + 1);
		ldst->num_data = 2;
		ldst->data_reg[0] = rt;
		ldst->data_reg[1] = rt + 1;
		return true;
	}
	if (o2 && !o1) {
		ldst->load = load;
		ldst->store = !load;
		set_mnemonic(ldst, load ? (acq_rel ? "ldar" : "ldlar") :
			     (acq_rel ? "stlr" : "stllr"),
			     size_suffix(ldst->size), "");
		set_regs(ldst, 1, rt, 0);
		return true;
	}
	/* CAS: compares Rs, writes Rt */
	ldst->load = ldst->store = true;
	set_mnemonic(ldst, "cas", size_suffix(ldst->size), "");
	set_regs(ldst, 1, rt, 0);
	ldst->num_data = 1;
	ldst->data_reg[0] = rt;
	return true;
}

/* size [31:30], A [23], R [22], Rs [20:16], o3 [15], opc [14:12] */
static bool decode_atomic(u32 insn, struct ldst_insn *ldst)
{
	static const char *const ops[8] = {
		"ldadd", "ldclr", "ldeor", "ldset",
		"ldsmax", "ldsmin", "ldumax", "ldumin",
	};
	unsigned int size = BITS(insn, 31, 30), opc = BITS(insn, 14, 12);
	unsigned int rs = BITS(insn, 20, 16);
	bool o3 = BIT(insn, 15);

	ldst->size = 1U << size;
	ldst->wide = size == 3;
	if (o3 && opc == 4) {
		/* LDAPR: a plain load-acquire */
		ldst->load = true;
		set_mnemonic(ldst, "ldapr", size_suffix(ldst->size), "");
		set_regs(ldst, 1, BITS(insn, 4, 0), 0);
		return true;
	}
	if (o3 && opc)
		return false;
	ldst->load = ldst->store = true;
	set_mnemonic(ldst, o3 ? "swp" : ops[opc], size_suffix(ldst->size),
		     "");
	/* the text names Rs first: "ldadd x1, x2, [x0]" */
	set_regs(ldst, 2, rs, BITS(insn, 4, 0));
	ldst->num_regs = 2;
	ldst->num_data = 1;
	ldst->data_reg[0] = rs;
	return true;
}

/* LDAPUR/STLUR: size [31:30], opc [23:22] */
static bool decode_rcpc_unscaled(u32 insn, struct ldst_insn *ldst)
{
	unsigned int size = BITS(insn, 31, 30), opc = BITS(insn, 23, 22);

	ldst->size = 1U << size;
	if (opc == 0) {
		ldst->store = true;
		ldst->wide = size == 3;
		set_mnemonic(ldst, "stlur", size_suffix(ldst->size), "");
	} else if (opc == 1) {
		ldst->load = true;
		ldst->wide = size == 3;
		set_mnemonic(ldst, "ldapur", size_suffix(ldst->size), "");
	} else {
		if (size == 3 || (size == 2 && opc == 3))
			return false;
		ldst->load = true;
		ldst->wide = opc == 2;
		set_mnemonic(ldst, "ldapurs", size == 2 ? "w" :
			     size_suffix(ldst->size), "");
	}
	set_regs(ldst, 1, BITS(insn, 4, 0), 0);
	return true;
}

/* opc [31:30], V [26]: PC-relative, always a load */
static bool decode_literal(u32 insn, struct ldst_insn *ldst)
{
	unsigned int opc = BITS(insn, 31, 30);

	if (opc == 3)
		return false;	/* PRFM, or unallocated for SIMD&FP */
	ldst->load = true;
	if (BIT(insn, 26)) {
		ldst->fp = true;
		ldst->size = 4U << opc;
		set_mnemonic(ldst, "ldr", "", "");
	} else {
		ldst->size = opc == 1 ? 8 : 4;
		ldst->wide = opc != 0;
		set_mnemonic(ldst, "ldr", opc == 2 ? "sw" : "", "");
	}
	set_regs(ldst, 1, BITS(insn, 4, 0), 0);
	return true;
}

/* Q [30], L [22], opcode [15:12]: LD1-LD4/ST1-ST4, multiple structures */
static bool decode_structures(u32 insn, struct ldst_insn *ldst)
{
	static const char *const numbers[5] = { "", "1", "2", "3", "4" };
	unsigned int regs, elements;

	switch (BITS(insn, 15, 12)) {
	case 0x0: regs = 4; elements = 4; break;
	case 0x2: regs = 4; elements = 1; break;
	case 0x4: regs = 3; elements = 3; break;
	case 0x6: regs = 3; elements = 1; break;
	case 0x7: regs = 1; elements = 1; break;
	case 0x8: regs = 2; elements = 2; break;
	case 0xa: regs = 2; elements = 1; break;
	default: return false;
	}
	ldst->fp = true;
	ldst->structures = true;
	ldst->load = BIT(insn, 22);
	ldst->store = !ldst->load;
	ldst->size = BIT(insn, 30) ? 16 : 8;
	set_mnemonic(ldst, ldst->load ? "ld" : "st", numbers[elements], "");
	set_regs(ldst, 1, BITS(insn, 4, 0), 0);
	/* registers Rt .. Rt + regs - 1, modulo 32 */
	ldst->num_regs = regs;
	ldst->reg[1] = (ldst->reg[0] + regs - 1) & 31;
	ldst->num_data = 0;
	return true;
}

/* DC <op>, Xt: op1 [18:16], CRm [11:8], op2 [7:5] */
static bool decode_dc(u32 insn, struct ldst_insn *ldst)
{
	static const struct {
		unsigned int op1, crm, op2;
		const char *name;
	} ops[] = {
		{ 0, 6, 1, "ivac" }, { 3, 4, 1, "zva" }, { 3, 10, 1, "cvac" },
		{ 3, 11, 1, "cvau" }, { 3, 12, 1, "cvap" },
		{ 3, 14, 1, "civac" },
	};
	unsigned int op1 = BITS(insn, 18, 16), crm = BITS(insn, 11, 8);
	unsigned int op2 = BITS(insn, 7, 5), n;

	for (n = 0; n < sizeof(ops) / sizeof(ops[0]); n++) {
		if (ops[n].op1 != op1 || ops[n].crm != crm ||
		    ops[n].op2 != op2)
			continue;
		set_mnemonic(ldst, "dc ", ops[n].name, "");
		ldst->wide = true;
		ldst->cache_op = true;
		ldst->zero_block = crm == 4;
		ldst->store = ldst->zero_block;
		set_regs(ldst, 1, BITS(insn, 4, 0), 0);
		ldst->num_data = 0;
		return true;
	}
	return false;
}

bool ldst_decode(u32 insn, struct ldst_insn *ldst)
{
	static const struct ldst_insn empty;

	*ldst = empty;
	/* single register, unsigned offset */
	if ((insn & 0x3b000000) == 0x39000000)
		return decode_single(insn, "r", ldst);
	/* single register, 9-bit immediate: [11:10] selects the form */
	if ((insn & 0x3b200000) == 0x38000000) {
		switch (BITS(insn, 11, 10)) {
		case 0: return decode_single(insn, "ur", ldst);
		case 2: return decode_single(insn, "tr", ldst);
		default: return decode_single(insn, "r", ldst);
		}
	}
	/* single register, register offset */
	if ((insn & 0x3b200c00) == 0x38200800)
		return decode_single(insn, "r", ldst);
	/* LDRAA/LDRAB: 64-bit loads with an authenticated base */
	if ((insn & 0xffa00400) == 0xf8200400) {
		ldst->load = true;
		ldst->wide = true;
		ldst->size = 8;
		set_mnemonic(ldst, BIT(insn, 23) ? "ldrab" : "ldraa", "", "");
		set_regs(ldst, 1, BITS(insn, 4, 0), 0);
		return true;
	}
	/* atomic memory operations */
	if ((insn & 0x3f200c00) == 0x38200000)
		return decode_atomic(insn, ldst);
	if ((insn & 0x3a000000) == 0x28000000)
		return decode_pair(insn, ldst);
	if ((insn & 0x3b000000) == 0x18000000)
		return decode_literal(insn, ldst);
	if ((insn & 0x3f000000) == 0x08000000)
		return decode_exclusive(insn, ldst);
	if ((insn & 0x3f200c00) == 0x19000000)
		return decode_rcpc_unscaled(insn, ldst);
	/* SIMD multiple structures, without and with post-index */
	if ((insn & 0xbfbf0000) == 0x0c000000 ||
	    (insn & 0xbfa00000) == 0x0c800000)
		return decode_structures(insn, ldst);
	if ((insn & 0xfff8f000) == 0xd5087000)
		return decode_dc(insn, ldst);
	return false;
}

const char *ldst_reg_name(const struct ldst_insn *ldst, unsigned int n,
			  char *buf, unsigned int size)
{
	static const char fp_prefix[17] = "?bh?s???d???????q";
	struct text_buf out = { buf, size, 0 };
	char prefix[2] = { 0, 0 };

	if (size)
		buf[0] = '\0';
	n &= 31;
	if (ldst->fp) {
		prefix[0] = ldst->size <= 16 ? fp_prefix[ldst->size] : '?';
	} else {
		prefix[0] = ldst->wide ? 'x' : 'w';
		if (n == 31) {
			text_put_str(&out, prefix);
			text_put_str(&out, "zr");
			return buf;
		}
	}
	text_put_str(&out, prefix);
	text_put_dec(&out, n);
	return buf;
}

const char *ldst_text(const struct ldst_insn *ldst, char *buf,
		      unsigned int size)
{
	struct text_buf out = { buf, size, 0 };
	char reg[8];
	unsigned int n;

	if (size)
		buf[0] = '\0';
	text_put_str(&out, ldst->mnemonic);
	if (ldst->structures) {
		/* structures: "st1 {v0-v3}" */
		text_put_str(&out, " {v");
		text_put_dec(&out, ldst->reg[0]);
		if (ldst->num_regs > 1) {
			text_put_str(&out, "-v");
			text_put_dec(&out, ldst->reg[1]);
		}
		text_put_str(&out, "}");
		return buf;
	}
	if (ldst->cache_op) {
		/* "dc zva, x3": the register holds the address */
		text_put_str(&out, ", x");
		text_put_dec(&out, ldst->reg[0]);
		return buf;
	}
	for (n = 0; n < ldst->num_regs && n < 2; n++) {
		text_put_str(&out, n ? ", " : " ");
		text_put_str(&out, ldst_reg_name(ldst, ldst->reg[n], reg,
					    sizeof(reg)));
	}
	return buf;
}
