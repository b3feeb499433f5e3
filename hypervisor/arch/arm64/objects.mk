# Objects of the arm64 part of the hypervisor, relative to arch/arm64/.
ARCH_OBJS := entry.o bootstrap.o paging.o setup.o traps.o fault_report.o psci.o \
	uart.o uart-pl011.o gic-v3.o gic-dist.o gic-filter.o \
	uart-imx.o uart-imx-lpuart.o hv_windows.o \
	sysreg_name.o insn_ldst.o
