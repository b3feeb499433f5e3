#!/bin/sh
# Prepare a Debian 12 host to build and test this project: Debian packages,
# the Debian arm64 kernel image + headers (extracted into a project-local
# cache, since the arm64 packages cannot be installed on an x86 host) and a
# static arm64 busybox for the test initramfs.  Safe to rerun: every step is
# skipped when its result is already present.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${JAILHOUSE_CACHE:-$ROOT/.cache}
KCACHE=$CACHE/kernel

say() { echo "setup: $*"; }

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		echo "setup: need root to run: $*" >&2
		exit 1
	fi
}

# libc6-dev: gcc only recommends it, and recommends are not installed.
# python3: tests/qemu/run and scripts/bench/run-el2-bench.
# kmod: modinfo, for scripts/mkinitramfs.  dkms: tests/build/check-dkms.
HOST_PKGS="make gcc libc6-dev gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu \
	libc6-dev-arm64-cross qemu-system-arm device-tree-compiler python3 cpio \
	xz-utils linux-kbuild-6.1 libcmocka-dev pkg-config kmod bc \
	libfdt1 zlib1g-dev dkms"
# cell linux links libfdt and zlib statically into the target tool; the
# host build and tests use the arm64 package's libfdt headers (libfdt-dev
# is not multi-arch: one architecture at a time) with the host's libfdt1.
ARM64_PKGS="busybox-static:arm64 libfdt-dev:arm64 zlib1g-dev:arm64"

missing=""
for p in $HOST_PKGS $ARM64_PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	if ! dpkg --print-foreign-architectures | grep -qx arm64; then
		say "adding the arm64 architecture to dpkg"
		as_root dpkg --add-architecture arm64
	fi
	say "installing:$missing"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $missing >/dev/null
fi

# The kernel: resolve the ABI the linux-image-arm64 metapackage points at.
mkdir -p "$KCACHE"
if [ ! -f "$KCACHE/release" ]; then
	img=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
		sed -n 's/.*Depends: \(linux-image-[0-9][^:]*-arm64\).*/\1/p' | head -n1)
	if [ -z "$img" ]; then
		echo "setup: cannot resolve linux-image-arm64:arm64 (apt-get update?)" >&2
		exit 1
	fi
	abi=${img#linux-image-}
	abi=${abi%-arm64}
	say "fetching Debian arm64 kernel $abi"
	dl=$KCACHE/debs
	rm -rf "$dl" && mkdir -p "$dl"
	(cd "$dl" && apt-get download -qq "linux-image-$abi-arm64:arm64" \
		"linux-headers-$abi-arm64:arm64" "linux-headers-$abi-common")
	rm -rf "$KCACHE/root"
	mkdir -p "$KCACHE/root"
	for d in "$dl"/*.deb; do
		dpkg-deb -x "$d" "$KCACHE/root"
	done
	hdr=$KCACHE/root/usr/src/linux-headers-$abi-arm64
	# The headers' Makefile points at /usr/src/...-common; point it at ours.
	sed -i "s|/usr/src/linux-headers-$abi-common|$KCACHE/root/usr/src/linux-headers-$abi-common|g" \
		"$hdr/Makefile"
	# The kbuild tools (fixdep, modpost) are host binaries: use the host's.
	kb=$(readlink "$hdr/scripts" 2>/dev/null || true)
	mkdir -p "$KCACHE/root/usr/lib"
	for k in /usr/lib/linux-kbuild-*; do
		ln -sfn "$k" "$KCACHE/root/usr/lib/$(basename "$k")"
	done
	ln -sfn "$hdr" "$KCACHE/headers"
	vml=$(ls "$KCACHE"/root/boot/vmlinuz-* | head -n1)
	ln -sfn "$vml" "$KCACHE/vmlinuz"
	rel=$(basename "$vml")
	echo "${rel#vmlinuz-}" > "$KCACHE/release"
	rm -rf "$dl"
	say "kernel $(cat "$KCACHE/release") ready in $KCACHE"
fi

say "ok"
