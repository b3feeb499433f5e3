# shellcheck shell=sh
# Sourced by the recipe checkers: make_yocto_sysroot DIR CROSS_COMPILE
# lays out DIR like a Yocto recipe-sysroot for an aarch64 target (usr/include,
# usr/lib, lib -> usr/lib) from Debian's cross C library, plus what the
# recipes' DEPENDS would stage there: libfdt (dtc) and zlib, from Debian's
# arm64 multiarch packages (libfdt-dev:arm64, zlib1g-dev:arm64).
make_yocto_sysroot() {
	_sr=$1 _triplet=${2%-}
	_libc=/usr/$_triplet
	mkdir -p "$_sr/usr/include" "$_sr/usr/lib" "$_sr/usr/$_triplet"
	for _f in "$_libc"/include/*; do
		ln -s "$_f" "$_sr/usr/include/"
	done
	for _f in "$_libc"/lib/*; do
		ln -s "$_f" "$_sr/usr/lib/"
	done
	for _h in fdt.h libfdt.h libfdt_env.h zlib.h zconf.h; do
		[ -e "$_sr/usr/include/$_h" ] || [ ! -f "/usr/include/$_h" ] ||
			ln -s "/usr/include/$_h" "$_sr/usr/include/"
	done
	for _f in /usr/lib/"$_triplet"/libfdt* /usr/lib/"$_triplet"/libz.*; do
		[ -e "$_f" ] || continue
		[ -e "$_sr/usr/lib/${_f##*/}" ] || ln -s "$_f" "$_sr/usr/lib/"
	done
	ln -s usr/lib "$_sr/lib"
	ln -s ../lib "$_sr/usr/$_triplet/lib"
}
