# Objects of the arm64 part of the hypervisor, relative to arch/arm64/.
ARCH_OBJS := entry.o uart.o uart-pl011.o
