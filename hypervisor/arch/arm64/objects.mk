# Objects of the arm64 part of the hypervisor, relative to arch/arm64/.
ARCH_OBJS := entry.o bootstrap.o paging.o setup.o traps.o fault_report.o psci.o \
	cpu_state.o cpu_state_regs.o owner_traps.o sysreg_trap.o sysreg_name.o insn_ldst.o \
	uart.o uart-pl011.o gic-v3.o gic-v3-cpu.o gic-dist.o gic-spi-handover.o \
	gic-filter.o gic-lpi.o gic-owner.o \
	uart-imx.o uart-imx-lpuart.o uart-8250.o hv_windows.o hyp_fault.o dev_access.o \
	ivshmem_irq.o
