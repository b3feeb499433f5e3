// SPDX-License-Identifier: GPL-2.0
/*
 * From the start code to inmate_main().
 */
#include <inmate_internal.h>

void c_entry(void);

void c_entry(void)
{
	arch_mmu_init();

	/*
	 * Nothing else can be trusted about a comm region of another
	 * layout, not even its console: report through the state only.
	 */
	if (!comm_region_valid()) {
		comm_region->cell_state = JAILHOUSE_CELL_FAILED_COMM_REV;
		inmate_halt();
	}

	console_init();
	inmate_main();
	inmate_halt();
}
