// SPDX-License-Identifier: GPL-2.0
/*
 * Names of trapped system registers (hypervisor/arch/arm64/sysreg_name.c):
 * the one the report of a stopped cell shows, from the ESR_EL2 ISS.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hypervisor/arch/arm64/sysreg_name.c"

/* Rt 7 and the read bit must not change the name */
#define RT7		(7 << 5)

static const char *name_of(u32 iss)
{
	static char buf[SYSREG_NAME_SIZE];

	memset(buf, 'x', sizeof(buf));
	return sysreg_name(iss, buf);
}

static void test_known(void **state)
{
	assert_string_equal(name_of(SYSREG_ISS(3, 0, 1, 0, 1)), "ACTLR_EL1");
	assert_string_equal(name_of(SYSREG_ISS(3, 0, 1, 0, 1) | RT7 |
				    SYSREG_ISS_READ), "ACTLR_EL1");
	assert_string_equal(name_of(SYSREG_ISS(3, 0, 12, 11, 5)),
			    "ICC_SGI1R_EL1");
	assert_string_equal(name_of(SYSREG_ISS(1, 0, 7, 6, 2)), "DC ISW");
	assert_string_equal(name_of(SYSREG_ISS(1, 0, 7, 10, 2)), "DC CSW");
	assert_string_equal(name_of(SYSREG_ISS(1, 0, 7, 14, 2) | RT7),
			    "DC CISW");
	assert_string_equal(name_of(SYSREG_ISS(1, 0, 7, 14, 6)),
			    "DC CIGDSW");
}

static void test_generic(void **state)
{
	/* CPUECTLR_EL1 of Cortex-A57: generic on purpose */
	assert_string_equal(name_of(SYSREG_ISS(3, 1, 15, 2, 1) | RT7 |
				    SYSREG_ISS_READ), "S3_1_C15_C2_1");
	assert_string_equal(name_of(SYSREG_ISS(3, 1, 11, 0, 2)),
			    "S3_1_C11_C0_2");
	/* the longest: every field at its widest */
	assert_string_equal(name_of(SYSREG_ISS(3, 7, 15, 15, 7)),
			    "S3_7_C15_C15_7");
	assert_string_equal(name_of(SYSREG_ISS(0, 0, 0, 0, 0)),
			    "S0_0_C0_C0_0");
	/* an ACTLR neighbour is not ACTLR */
	assert_string_equal(name_of(SYSREG_ISS(3, 0, 1, 0, 2)),
			    "S3_0_C1_C0_2");
}

static void test_fields(void **state)
{
	u32 iss = SYSREG_ISS(3, 5, 13, 9, 6) | RT7 | SYSREG_ISS_READ;

	assert_int_equal(SYSREG_ISS_OP0(iss), 3);
	assert_int_equal(SYSREG_ISS_OP1(iss), 5);
	assert_int_equal(SYSREG_ISS_CRN(iss), 13);
	assert_int_equal(SYSREG_ISS_CRM(iss), 9);
	assert_int_equal(SYSREG_ISS_OP2(iss), 6);
	assert_int_equal(SYSREG_ISS_RT(iss), 7);
}

static void test_impdef_space(void **state)
{
	assert_true(sysreg_is_impdef(SYSREG_ISS(3, 1, 15, 2, 1)));
	assert_true(sysreg_is_impdef(SYSREG_ISS(3, 0, 11, 0, 0)));
	assert_true(sysreg_is_impdef(SYSREG_ISS(3, 7, 15, 15, 7)));
	assert_false(sysreg_is_impdef(SYSREG_ISS(3, 0, 1, 0, 1)));
	assert_false(sysreg_is_impdef(SYSREG_ISS(3, 0, 12, 11, 5)));
	/* debug registers (Op0 2) with CRn 15 are not in the space */
	assert_false(sysreg_is_impdef(SYSREG_ISS(2, 0, 15, 0, 0)));
	assert_false(sysreg_is_impdef(SYSREG_ISS(1, 0, 15, 0, 0)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_generic),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_impdef_space),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
