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

# Linux programs for the target (tools/, test helpers) are built with the
# C compiler the caller names on the command line, as a Yocto recipe does
# (CC="aarch64-poky-linux-gcc -mcpu=... --sysroot=..."); like Kbuild, a CC
# from the environment is ignored (usually the host's).  The freestanding
# parts keep $(CROSS_COMPILE)gcc: a recipe's -mcpu/--sysroot mean nothing
# there and would clash with their -march.  CFLAGS, LDFLAGS and
# EXTRA_CFLAGS from the command line are added to the programs' own.
# They link dynamically against the toolchain's C library; STATIC=1 links
# them statically (the QEMU test image's copies in tools/static/ always are).
# meta-freescale passes 'CC="${CC}"' 'LDFLAGS=""': the double quotes reach
# make as part of the values, so they are dropped here (and the module's
# Kbuild gets the cleaned CC, KBUILD_CC_ARG).
ifeq ($(origin CC),command line)
USER_CC := $(subst ",,$(CC))
KBUILD_CC_ARG = CC="$(USER_CC)"
else
USER_CC := $(TARGET_CC)
KBUILD_CC_ARG =
endif
USER_CFLAGS := $(if $(filter command line,$(origin CFLAGS)),$(subst ",,$(CFLAGS))) \
	$(EXTRA_CFLAGS)
USER_LDFLAGS := $(if $(filter command line,$(origin LDFLAGS)),$(subst ",,$(LDFLAGS))) \
	$(if $(filter 1 y yes,$(STATIC)),-static)

ABI_INCLUDES := -I$(srctree)/include -I$(srctree)/include/arch/$(ARCH)

# Flags for code that runs without an OS: the hypervisor, inmates, configs.
FREESTANDING_CFLAGS := -D__JAILHOUSE_FREESTANDING__ -ffreestanding \
	-fno-builtin -nostdinc -fno-pic -fno-pie -fno-stack-protector \
	-fno-common -fno-asynchronous-unwind-tables \
	-mgeneral-regs-only -march=armv8-a \
	-Wall -Wextra -Wno-unused-parameter -Werror -Os -g \
	$(ABI_INCLUDES)

VERSION := $(shell cat $(srctree)/VERSION 2>/dev/null || echo 0.1)
