// SPDX-License-Identifier: GPL-2.0
/*
 * Names of trapped system registers and cache maintenance instructions,
 * for the one line that says why a cell was stopped.  IMPLEMENTATION
 * DEFINED registers keep their generic name on purpose: the same encoding
 * means different registers on different cores.
 *
 * No dependencies beyond the types: the host tests compile this file.
 */
#include <asm/sysreg_name.h>

struct sysreg_known {
	u32 iss;
	const char *name;
};

static const struct sysreg_known known[] = {
	{ SYSREG_ISS(3, 0, 1, 0, 1), "ACTLR_EL1" },
	{ SYSREG_ISS(3, 0, 12, 11, 5), "ICC_SGI1R_EL1" },
	{ SYSREG_ISS(3, 0, 12, 11, 6), "ICC_ASGI1R_EL1" },
	{ SYSREG_ISS(3, 0, 12, 11, 7), "ICC_SGI0R_EL1" },
	{ SYSREG_ISS(1, 0, 7, 6, 2), "DC ISW" },
	{ SYSREG_ISS(1, 0, 7, 6, 4), "DC IGSW" },
	{ SYSREG_ISS(1, 0, 7, 6, 6), "DC IGDSW" },
	{ SYSREG_ISS(1, 0, 7, 10, 2), "DC CSW" },
	{ SYSREG_ISS(1, 0, 7, 10, 4), "DC CGSW" },
	{ SYSREG_ISS(1, 0, 7, 10, 6), "DC CGDSW" },
	{ SYSREG_ISS(1, 0, 7, 14, 2), "DC CISW" },
	{ SYSREG_ISS(1, 0, 7, 14, 4), "DC CIGSW" },
	{ SYSREG_ISS(1, 0, 7, 14, 6), "DC CIGDSW" },
};

static char *put_char(char *pos, char *end, char c)
{
	if (pos < end)
		*pos++ = c;
	return pos;
}

static char *put_uint(char *pos, char *end, unsigned int value)
{
	if (value >= 10)
		pos = put_uint(pos, end, value / 10);
	return put_char(pos, end, '0' + value % 10);
}

const char *sysreg_name(u32 iss, char buf[SYSREG_NAME_SIZE])
{
	char *pos = buf, *end = buf + SYSREG_NAME_SIZE - 1;
	unsigned int n;

	for (n = 0; n < sizeof(known) / sizeof(known[0]); n++)
		if ((iss & SYSREG_ISS_MASK) == known[n].iss)
			return known[n].name;

	pos = put_char(pos, end, 'S');
	pos = put_uint(pos, end, SYSREG_ISS_OP0(iss));
	pos = put_char(pos, end, '_');
	pos = put_uint(pos, end, SYSREG_ISS_OP1(iss));
	pos = put_char(pos, end, '_');
	pos = put_char(pos, end, 'C');
	pos = put_uint(pos, end, SYSREG_ISS_CRN(iss));
	pos = put_char(pos, end, '_');
	pos = put_char(pos, end, 'C');
	pos = put_uint(pos, end, SYSREG_ISS_CRM(iss));
	pos = put_char(pos, end, '_');
	pos = put_uint(pos, end, SYSREG_ISS_OP2(iss));
	*pos = '\0';
	return buf;
}
