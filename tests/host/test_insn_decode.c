// SPDX-License-Identifier: GPL-2.0
/*
 * The decoders behind the hypervisor's fault reports: system register
 * names (hypervisor/arch/arm64/sysreg_name.c) and A64 load/store
 * instructions (insn_ldst.c), for data aborts without a valid syndrome.
 * Encodings come from the GNU assembler (the comment on each line is its
 * disassembly).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hypervisor/arch/arm64/sysreg_name.c"
#include "hypervisor/arch/arm64/insn_ldst.c"

static const char *name(unsigned int op0, unsigned int op1, unsigned int crn,
			unsigned int crm, unsigned int op2)
{
	static char buf[SYSREG_NAME_MAX];

	return sysreg_name(op0, op1, crn, crm, op2, buf, sizeof(buf));
}

static void test_sysreg_known(void **state)
{
	assert_string_equal(name(3, 0, 1, 0, 1), "ACTLR_EL1");
	assert_string_equal(name(3, 0, 1, 0, 0), "SCTLR_EL1");
	assert_string_equal(name(3, 0, 12, 11, 5), "ICC_SGI1R_EL1");
	assert_string_equal(name(3, 0, 12, 11, 6), "ICC_ASGI1R_EL1");
	assert_string_equal(name(3, 3, 14, 2, 1), "CNTP_CTL_EL0");
	assert_string_equal(name(3, 1, 0, 0, 1), "CLIDR_EL1");
	assert_string_equal(name(1, 0, 7, 6, 2), "DC ISW");
	assert_string_equal(name(1, 0, 7, 14, 2), "DC CISW");
	assert_string_equal(name(2, 0, 0, 2, 2), "MDSCR_EL1");
}

static void test_sysreg_generic(void **state)
{
	/* IMPLEMENTATION DEFINED: CPUECTLR_EL1 on some cores, not on all */
	assert_string_equal(name(3, 1, 15, 2, 1), "S3_1_C15_C2_1");
	assert_string_equal(name(3, 7, 15, 15, 7), "S3_7_C15_C15_7");
	assert_string_equal(name(2, 0, 0, 12, 4), "DBGBVR12_EL1");
	assert_string_equal(name(2, 0, 0, 3, 7), "DBGWCR3_EL1");
	assert_string_equal(name(1, 0, 8, 3, 0), "SYS #0, C8, C3, #0");
	/* every generic form fits SYSREG_NAME_MAX */
	assert_true(strlen(name(1, 7, 15, 15, 7)) < SYSREG_NAME_MAX);
	assert_true(strlen(name(3, 7, 15, 15, 7)) < SYSREG_NAME_MAX);
}

static void test_sysreg_small_buffer(void **state)
{
	char buf[6];

	assert_string_equal(sysreg_name(3, 1, 15, 2, 1, buf, sizeof(buf)),
			    "S3_1_");
}

static void test_sysreg_from_iss(void **state)
{
	char buf[SYSREG_NAME_MAX];
	/* mrs x3, actlr_el1: Op0 3, Op2 1, Op1 0, CRn 1, Rt 3, CRm 0, read */
	u32 iss = (3 << 20) | (1 << 17) | (0 << 14) | (1 << 10) | (3 << 5) |
		(0 << 1) | 1;

	assert_string_equal(sysreg_name_from_iss(iss, buf, sizeof(buf)),
			    "ACTLR_EL1");
	assert_int_equal(sysreg_iss_rt(iss), 3);
	assert_true(sysreg_iss_is_read(iss));
	/* msr s3_1_c15_c2_1, x0 */
	iss = (3 << 20) | (1 << 17) | (1 << 14) | (15 << 10) | (2 << 1);
	assert_string_equal(sysreg_name_from_iss(iss, buf, sizeof(buf)),
			    "S3_1_C15_C2_1");
	assert_false(sysreg_iss_is_read(iss));
}

struct ldst_case {
	u32 insn;
	const char *text;
	bool load, store;
	unsigned int size, num_data;
	unsigned int data_reg[2];
};

static const struct ldst_case cases[] = {
	{ 0xa9000801, "stp x1, x2", false, true, 8, 2, { 1, 2 } },
	{ 0x29811003, "stp w3, w4", false, true, 4, 2, { 3, 4 } },
	{ 0xa8c11be5, "ldp x5, x6", true, false, 8, 0, { 0 } },
	{ 0xa8002007, "stnp x7, x8", false, true, 8, 2, { 7, 8 } },
	{ 0x69400801, "ldpsw x1, x2", true, false, 4, 0, { 0 } },
	{ 0xad000400, "stp q0, q1", false, true, 16, 2, { 0, 1 } },
	{ 0x6d7f0c02, "ldp d2, d3", true, false, 8, 0, { 0 } },
	{ 0xb8004401, "str w1", false, true, 4, 1, { 1 } },
	{ 0xf8008c02, "str x2", false, true, 8, 1, { 2 } },
	{ 0x39000403, "strb w3", false, true, 1, 1, { 3 } },
	{ 0x78256804, "strh w4", false, true, 2, 1, { 4 } },
	{ 0x39800006, "ldrsb x6", true, false, 1, 0, { 0 } },
	{ 0x79c00007, "ldrsh w7", true, false, 2, 0, { 0 } },
	{ 0xb9800008, "ldrsw x8", true, false, 4, 0, { 0 } },
	{ 0xf85ff009, "ldur x9", true, false, 8, 0, { 0 } },
	{ 0x7800080a, "sttrh w10", false, true, 2, 1, { 10 } },
	{ 0x3dc00004, "ldr q4", true, false, 16, 0, { 0 } },
	{ 0x3d000005, "str b5", false, true, 1, 1, { 5 } },
	{ 0xf900001f, "str xzr", false, true, 8, 1, { 31 } },
	{ 0x58000001, "ldr x1", true, false, 8, 0, { 0 } },
	{ 0xc8017c02, "stxr x2", false, true, 8, 1, { 2 } },
	{ 0x085ffc03, "ldaxrb w3", true, false, 1, 0, { 0 } },
	{ 0xc8218c02, "stlxp x2, x3", false, true, 8, 2, { 2, 3 } },
	{ 0x88dffc04, "ldar w4", true, false, 4, 0, { 0 } },
	{ 0xc89ffc05, "stlr x5", false, true, 8, 1, { 5 } },
	{ 0xc8e1fc02, "cas x2", true, true, 8, 1, { 2 } },
	{ 0x48227c04, "casp x4, x5", true, true, 8, 2, { 4, 5 } },
	{ 0xf8210002, "ldadd x1, x2", true, true, 8, 1, { 1 } },
	{ 0x38238004, "swpb w3, w4", true, true, 1, 1, { 3 } },
	{ 0xb826301f, "ldset w6, wzr", true, true, 4, 1, { 6 } },
	{ 0xf8bfc007, "ldapr x7", true, false, 8, 0, { 0 } },
	{ 0x99004008, "stlur w8", false, true, 4, 1, { 8 } },
	{ 0x19800009, "ldapursb x9", true, false, 1, 0, { 0 } },
	{ 0x4c002000, "st1 {v0-v3}", false, true, 16, 0, { 0 } },
	{ 0x0cdf0004, "ld4 {v4-v7}", true, false, 8, 0, { 0 } },
	{ 0x4c00ac1f, "st1 {v31-v0}", false, true, 16, 0, { 0 } },
	{ 0xd50b7423, "dc zva, x3", false, true, 0, 0, { 0 } },
	{ 0xd50b7e24, "dc civac, x4", false, false, 0, 0, { 0 } },
	{ 0xf8200401, "ldraa x1", true, false, 8, 0, { 0 } },
};

static void test_ldst_cases(void **state)
{
	struct ldst_insn ldst;
	char text[LDST_TEXT_MAX];
	unsigned int n, d;

	for (n = 0; n < sizeof(cases) / sizeof(cases[0]); n++) {
		const struct ldst_case *c = &cases[n];

		print_message("0x%08x %s\n", c->insn, c->text);
		assert_true(ldst_decode(c->insn, &ldst));
		assert_string_equal(ldst_text(&ldst, text, sizeof(text)),
				    c->text);
		assert_int_equal(ldst.load, c->load);
		assert_int_equal(ldst.store, c->store);
		assert_int_equal(ldst.size, c->size);
		if (!ldst.fp)
			assert_int_equal(ldst.num_data, c->num_data);
		for (d = 0; d < c->num_data && !ldst.fp; d++)
			assert_int_equal(ldst.data_reg[d], c->data_reg[d]);
	}
}

static void test_ldst_details(void **state)
{
	struct ldst_insn ldst;

	assert_true(ldst_decode(0xad000400, &ldst));	/* stp q0, q1 */
	assert_true(ldst.fp);
	assert_int_equal(ldst.num_regs, 2);
	assert_true(ldst_decode(0x4c002000, &ldst));	/* st1 {v0-v3} */
	assert_int_equal(ldst.num_regs, 4);
	assert_true(ldst_decode(0xd50b7423, &ldst));	/* dc zva, x3 */
	assert_true(ldst.zero_block);
	assert_true(ldst_decode(0x29811003, &ldst));	/* stp w3, w4 */
	assert_false(ldst.wide);
}

static void test_ldst_not_decoded(void **state)
{
	struct ldst_insn ldst;

	assert_false(ldst_decode(0xf9800000, &ldst));	/* prfm */
	assert_false(ldst_decode(0x8b020020, &ldst));	/* add x0, x1, x2 */
	assert_false(ldst_decode(0xd503201f, &ldst));	/* nop */
	assert_false(ldst_decode(0x00000000, &ldst));	/* udf #0 */
	assert_false(ldst_decode(0xe9000801, &ldst));	/* opc 11 pair */
	assert_false(ldst_decode(0xd5087640, &ldst));	/* dc isw: by set/way */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sysreg_known),
		cmocka_unit_test(test_sysreg_generic),
		cmocka_unit_test(test_sysreg_small_buffer),
		cmocka_unit_test(test_sysreg_from_iss),
		cmocka_unit_test(test_ldst_cases),
		cmocka_unit_test(test_ldst_details),
		cmocka_unit_test(test_ldst_not_decoded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
