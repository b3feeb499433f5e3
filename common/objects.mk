# Sources in common/ that several programs build, each with its own flags
# and into its own directory.  Included by their makefiles.
#
#   COMMON_LIB_OBJS     string and formatting helpers of the freestanding
#                       programs (hypervisor, inmate library)
#   CONFIG_CHECK_OBJS   the config checker, config_check/*.c (hypervisor,
#                       driver, tools, host tests); format.o renders a
#                       finding as text and needs snprintf

COMMON_LIB_OBJS := string.o format.o

CONFIG_CHECK_OBJS := structure.o platform.o memory.o memory_reserved.o \
	memory_ownership.o cpus.o irqchips.o pci.o cells.o findings.o
CONFIG_CHECK_FORMAT_OBJS := format.o
