# Top-level build.  `make` builds every part for arm64:
#   driver/jailhouse.ko        kernel module (against KDIR)
#   driver/uio_ivshmem.ko      UIO driver for ivshmem 2.0 devices
#   driver/ivshmem-net.ko      virtual Ethernet over ivshmem 2.0 (VETH)
#   hypervisor/jailhouse.bin   EL2 firmware
#   configs/arm64/*.cell       binary configs
#   inmates/demos/*.bin        bare-metal inmate images (and demos/arm64/)
#   tools/jailhouse            CLI for the target (dynamic; STATIC=1: static)
#   tools/host/jailhouse       the same CLI for the build host
#   tools/demos/ivshmem-demo   the Linux side of the ivshmem demo
# and, where scripts/setup.sh has filled .cache/ (BUILD_TESTS=1), what the
# QEMU tests need besides (static tools in tools/static/, test helpers).
# For a real board: make KDIR=/path/to/kernel/build CROSS_COMPILE=...
# [CC=...]; `make install` takes DESTDIR, prefix, INSTALL_MOD_PATH, MODLIB,
# KERNELRELEASE and firmwaredir as Jailhouse's does (see README.md,
# "Packaging").

srctree := $(CURDIR)
include scripts/build.mk

DESTDIR ?=
prefix ?= /usr
exec_prefix ?= $(prefix)
sbindir ?= $(exec_prefix)/sbin
libexecdir ?= $(exec_prefix)/libexec
datarootdir ?= $(prefix)/share
datadir ?= $(datarootdir)
mandir ?= $(datarootdir)/man
man8dir ?= $(mandir)/man8
completionsdir ?= $(datarootdir)/bash-completion/completions
firmwaredir ?= /lib/firmware
# the modules go where Kbuild's modules_install puts them: MODLIB, by
# default $(INSTALL_MOD_PATH)/lib/modules/<release>/$(INSTALL_MOD_DIR)
INSTALL_MOD_PATH ?= $(DESTDIR)
INSTALL_MOD_DIR ?= extra
DEPMOD ?= depmod

# the QEMU tests' artefacts, built where the test cache is
BUILD_TESTS ?= $(if $(wildcard $(KCACHE)/vmlinuz),1)
systemdunitdir ?= $(prefix)/lib/systemd/system

SUBMAKE = $(MAKE) srctree=$(srctree) ARCH=$(ARCH) \
	CROSS_COMPILE=$(CROSS_COMPILE) KDIR=$(KDIR)

.PHONY: all hypervisor hypervisor-test-hooks configs inmates tools driver check check-host \
	check-qemu install clean kdir-check test-helpers test-build tools-static

all: hypervisor configs inmates tools driver $(if $(BUILD_TESTS),test-build)

test-build: hypervisor-test-hooks test-helpers

# The hypervisor with fault injection for the QEMU scenarios
# (hypervisor/include/jailhouse/test_hooks.h); never installed.
HV_TEST_HOOKS_DIR := build/hypervisor-test-hooks

hypervisor-test-hooks:
	@mkdir -p $(HV_TEST_HOOKS_DIR)
	+$(SUBMAKE) -C $(HV_TEST_HOOKS_DIR) -f $(srctree)/hypervisor/Makefile \
		HV_TEST_HOOKS=1

# Programs the QEMU scenarios run as /test/NAME (tests/qemu/files/ is
# copied there); static, for the guest's busybox initramfs.
QEMU_TEST_HELPERS := tests/qemu/files/pair-store tests/qemu/files/uio-map \
	tests/qemu/files/ethtool-stats \
	tests/qemu/files/cntvct tests/qemu/files/md5mem \
	tests/qemu/files/ivnet-perf

# The Linux inmate of the Linux-in-a-cell scenarios (kernel, initramfs,
# device tree), appended to their root initramfs (`initrd+` line).
LINUX_INMATE := build/qemu/linux-inmate.cpio.gz
LINUX_INMATE_SRC := $(shell find tests/qemu/linux-inmate -type f)

# `config create --dtb` of the QEMU machine the scenarios boot (the
# runner's defaults), compiled like configs/: scenario 17 compares the
# guest's own `config create` with it and enables it.
QEMU_GEN_CONFIG := tests/qemu/files/gen-virt.cell
QEMU_GEN_DIR := build/qemu/gen
# (after the tools sub-make, which links tools/host/jailhouse-config-create:
# a second make of it in parallel raced with that link and ran a file still
# being written)
$(QEMU_GEN_CONFIG): tools/cfg_plan.c tools/cfg_dt.c tools/cfg_emit_root.c \
		tools/cfg_emit_cells.c | tools
	@mkdir -p $(QEMU_GEN_DIR)
	qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3,its=off \
		-cpu cortex-a57 -smp 4 -m 1G -nographic -nic none \
		-machine dumpdtb=$(QEMU_GEN_DIR)/virt.dtb >/dev/null 2>&1
	tools/host/jailhouse-config-create -g --dtb $(QEMU_GEN_DIR)/virt.dtb \
		$(QEMU_GEN_DIR)/gen-virt.c >/dev/null
	+$(SUBMAKE) -f $(srctree)/configs/Makefile \
		CONFIG_DIR=$(srctree)/$(QEMU_GEN_DIR)
	cp $(QEMU_GEN_DIR)/gen-virt*.c $(QEMU_GEN_DIR)/gen-virt*.cell \
		tests/qemu/files/

test-helpers: $(QEMU_TEST_HELPERS) $(LINUX_INMATE) $(QEMU_GEN_CONFIG) \
	tools-static

# the tools of the QEMU test image: static, its busybox has no C library
tools-static: tools
	+$(SUBMAKE) -C tools static

# (with the inmate's ivshmem-net.ko: the module is built first)
$(LINUX_INMATE): $(LINUX_INMATE_SRC) .cache/kernel/vmlinuz tests/qemu/files/cntvct \
		tests/qemu/files/md5mem tests/qemu/files/ivnet-perf \
		$(wildcard driver/ivshmem-net.ko) | driver
	tests/qemu/linux-inmate/mkimages $@

tests/qemu/files/%: tests/qemu/helpers/%.c
	$(TARGET_CC) -static -O2 -Wall -Wextra -Werror -o $@ $<

hypervisor configs inmates:
	+$(SUBMAKE) -C $@

tools:
	+$(SUBMAKE) -C $@
	+$(SUBMAKE) -C $@ compat-helpers

kdir-check:
	@if [ ! -f "$(KDIR)/Makefile" ]; then \
		echo "error: no kernel build tree at KDIR=$(KDIR)" >&2; \
		echo "  run ./scripts/setup.sh to fetch the Debian arm64 headers," >&2; \
		echo "  or pass KDIR=<your kernel build dir>" >&2; \
		exit 1; \
	fi

driver: kdir-check
	$(MAKE) -C $(KDIR) M=$(srctree) ARCH=$(ARCH) \
		CROSS_COMPILE=$(CROSS_COMPILE) $(KBUILD_CC_ARG) modules

# The release the module is built for, as `uname -r` on the target shows it.
# Distribution headers (Debian) may keep the upstream version in
# include/config/kernel.release, so prefer the string compiled into the
# kernel, UTS_RELEASE.
KERNELRELEASE_OF_KDIR = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' \
	$(KDIR)/include/generated/utsrelease.h 2>/dev/null || \
	cat $(KDIR)/include/config/kernel.release 2>/dev/null)

# The release the modules are installed for (MODLIB names it, else
# KERNELRELEASE, else the kernel's), and the tree depmod indexes.
MODULES_RELEASE = $(if $(MODLIB),$(notdir $(MODLIB)),$(or $(KERNELRELEASE),$(KERNELRELEASE_OF_KDIR)))
MODULES_ROOT = $(abspath $(if $(MODLIB),$(patsubst %/lib/modules/$(MODULES_RELEASE),%,$(MODLIB)),$(INSTALL_MOD_PATH)))
# Kbuild signs modules on install if the kernel says so; without the
# kernel's key (distribution headers) that only fails noisily, so skip it.
MODULE_SIG_KEY = $(shell sed -n 's/^CONFIG_MODULE_SIG_KEY="\(.*\)"/\1/p' \
	$(KDIR)/include/config/auto.conf 2>/dev/null)
MODULE_SIGN_ARGS = $(if $(MODULE_SIG_KEY),$(if $(filter pkcs11:%,$(MODULE_SIG_KEY))$(wildcard \
	$(MODULE_SIG_KEY) $(KDIR)/$(MODULE_SIG_KEY)),,CONFIG_MODULE_SIG_ALL=))

install: all
	install -D -m 0644 hypervisor/jailhouse.bin \
		$(DESTDIR)$(firmwaredir)/jailhouse.bin
	$(MAKE) -C $(KDIR) M=$(srctree) ARCH=$(ARCH) \
		CROSS_COMPILE=$(CROSS_COMPILE) $(KBUILD_CC_ARG) \
		INSTALL_MOD_PATH=$(abspath $(INSTALL_MOD_PATH)) \
		INSTALL_MOD_DIR=$(INSTALL_MOD_DIR) \
		KERNELRELEASE=$(MODULES_RELEASE) $(MODULE_SIGN_ARGS) \
		modules_install
	@if [ ! -d "$(MODULES_ROOT)/lib/modules/$(MODULES_RELEASE)" ]; then \
		echo "warning: not running depmod: MODLIB=$(MODLIB) is not" \
			"<root>/lib/modules/<release>" >&2; \
	elif PATH=$$PATH:/sbin:/usr/sbin command -v $(DEPMOD) >/dev/null; then \
		echo "  DEPMOD  $(MODULES_ROOT)/lib/modules/$(MODULES_RELEASE)"; \
		PATH=$$PATH:/sbin:/usr/sbin $(DEPMOD) \
			$(if $(MODULES_ROOT),-b $(MODULES_ROOT)) \
			$(MODULES_RELEASE); \
	else \
		echo "warning: no $(DEPMOD): run depmod on the target" >&2; \
	fi
	install -D -m 0755 tools/jailhouse $(DESTDIR)$(sbindir)/jailhouse
	install -D -m 0755 tools/demos/ivshmem-demo \
		$(DESTDIR)$(sbindir)/ivshmem-demo
	install -d $(DESTDIR)$(libexecdir)/jailhouse
	for f in tools/jailhouse-*; do \
		[ -f "$$f" ] && [ -x "$$f" ] || continue; \
		! sed -n 2p "$$f" | grep -q '^# jailhouse-compat-helper' || \
			continue; \
		if [ -L "$$f" ]; then \
			ln -sfn "$$(readlink "$$f")" \
				$(DESTDIR)$(libexecdir)/jailhouse/$${f##*/}; \
		else \
			install -m 0755 "$$f" $(DESTDIR)$(libexecdir)/jailhouse/; \
		fi; \
	done
	install -m 0644 inmates/tools/$(ARCH)/*.bin \
		$(DESTDIR)$(libexecdir)/jailhouse/
	install -D -m 0644 -t $(DESTDIR)$(systemdunitdir) \
		tools/systemd/jailhouse-health.service \
		tools/systemd/jailhouse-health.timer
	install -d $(DESTDIR)$(datadir)/jailhouse/cells
	install -m 0644 configs/$(ARCH)/*.cell $(DESTDIR)$(datadir)/jailhouse/cells/
	install -d $(DESTDIR)$(datadir)/jailhouse/inmates
	install -m 0644 inmates/demos/*.bin inmates/tools/*.bin \
		$(DESTDIR)$(datadir)/jailhouse/inmates/
	for f in tools/*.tmpl; do \
		[ ! -f "$$f" ] || install -m 0644 "$$f" $(DESTDIR)$(datadir)/jailhouse/; \
	done
	for f in configs/$(ARCH)/dts/*.dtb; do \
		[ ! -f "$$f" ] || install -D -m 0644 "$$f" \
			$(DESTDIR)$(datadir)/jailhouse/dts/$${f##*/}; \
	done
	install -d $(DESTDIR)$(man8dir)
	for f in tools/man/*.8.in; do \
		[ -f "$$f" ] || continue; \
		p=$${f##*/}; sed 's/@VERSION@/$(VERSION)/g' "$$f" \
			> $(DESTDIR)$(man8dir)/$${p%.in}; \
	done
	install -D -m 0644 tools/jailhouse-completion.bash \
		$(DESTDIR)$(completionsdir)/jailhouse

check: check-host check-qemu

check-host:
	+$(SUBMAKE) -C tests/host

check-qemu: all
	./tests/qemu/run

clean:
	+$(SUBMAKE) -C hypervisor clean
	+$(SUBMAKE) -C configs clean
	+$(SUBMAKE) -C inmates clean
	+$(SUBMAKE) -C tools clean
	+$(SUBMAKE) -C tests/host clean
	# Kbuild's clean deletes every *.o, *.ko, *.a ... below M: with
	# M=$(srctree) that would include the kernel cache in .cache/ (its
	# modules and headers).  Only driver/ holds module build output.
	[ ! -f "$(KDIR)/Makefile" ] || $(MAKE) -C $(KDIR) M=$(srctree)/driver \
		ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) clean
	rm -f Module.symvers modules.order $(QEMU_TEST_HELPERS)
	rm -rf $(HV_TEST_HOOKS_DIR)
