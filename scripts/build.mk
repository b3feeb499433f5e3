# Settings shared by every sub-make.  Included with the path of the source
# tree in $(srctree).  A user building for a real board overrides only
# CROSS_COMPILE (toolchain) and KDIR (their kernel's build tree).

ARCH ?= arm64
CROSS_COMPILE ?= aarch64-linux-gnu-
KCACHE ?= $(srctree)/.cache/kernel
KDIR ?= $(KCACHE)/headers

ifneq ($(ARCH),arm64)
$(error only ARCH=arm64 is supported, not "$(ARCH)")
endif

TARGET_CC := $(CROSS_COMPILE)gcc
TARGET_LD := $(CROSS_COMPILE)ld
TARGET_OBJCOPY := $(CROSS_COMPILE)objcopy
TARGET_NM := $(CROSS_COMPILE)nm
HOSTCC ?= gcc

ABI_INCLUDES := -I$(srctree)/include -I$(srctree)/include/arch/$(ARCH)

# Flags for code that runs without an OS: the hypervisor, inmates, configs.
FREESTANDING_CFLAGS := -D__JAILHOUSE_FREESTANDING__ -ffreestanding \
	-fno-builtin -nostdinc -fno-pic -fno-pie -fno-stack-protector \
	-fno-common -fno-asynchronous-unwind-tables \
	-mgeneral-regs-only -march=armv8-a \
	-Wall -Wextra -Wno-unused-parameter -Werror -Os -g \
	$(ABI_INCLUDES)

VERSION := $(shell cat $(srctree)/VERSION 2>/dev/null || echo 0.1)
