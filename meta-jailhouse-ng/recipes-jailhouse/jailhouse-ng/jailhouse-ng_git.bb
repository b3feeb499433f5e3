SUMMARY = "Static partitioning hypervisor for arm64, compatible with Jailhouse"
DESCRIPTION = "Splits an arm64 machine into isolated cells: the running \
Linux becomes the root cell, other cells run bare-metal inmates, an RTOS or \
a second Linux.  A drop-in replacement for Siemens' Jailhouse (its configs, \
commands and inmates), on an unmodified kernel."
SECTION = "jailhouse"

require jailhouse-ng-source.inc

# One build of the whole tree, split into packages as the vendor recipes
# (meta-freescale jailhouse-imx, meta-ti jailhouse) do:
#   kernel-module-jailhouse, kernel-module-uio-ivshmem   the modules
#   ${PN}           tools/jailhouse and its helpers (libexec), units
#   ${PN}-firmware  /lib/firmware/jailhouse.bin
#   ${PN}-cells     the .cell configs (JH_CELL_FILES), inmate .dtb files
#   ${PN}-inmates   the demo inmates and linux-loader.bin
#   ${PN}-demos     ivshmem-demo, the Linux side of the ivshmem demo
#   ${PN}-bash-completion, ${PN}-doc (man pages)
# packagegroup-jailhouse-ng installs them all.

inherit module bash-completion

DEPENDS += "dtc zlib dtc-native zlib-native"

PROVIDES += "jailhouse"
RPROVIDES:${PN} += "jailhouse"

JH_DATADIR ??= "${datadir}/jailhouse"
JH_EXEC_DIR ??= "${libexecdir}/jailhouse"
CELL_DIR ??= "${JH_DATADIR}/cells"
INMATES_DIR ??= "${JH_DATADIR}/inmates"
CELLCONF_DIR ??= "${JH_DATADIR}/configs"
INMATESRC_DIR ??= "${JH_DATADIR}/inmate-sources"

# Which cells go into ${PN}-cells, e.g. JH_CELL_FILES:mx8mp-nxp-bsp =
# "imx8mp*.cell", JH_CELL_FILES:am62xx = "k3-am625-*.cell".  Default: all.
JH_CELL_FILES ??= "*.cell"

# Extra cells and inmates, compiled here against this tree's headers and
# inmate library:
# - CELLS / INMATES: recipes that stage *.c into CELLCONF_DIR /
#   INMATESRC_DIR of the sysroot (classes/jailhouse-ng-extra.bbclass; the
#   vendor recipes' cell recipes work too)
# - JH_CELL_SOURCES / JH_INMATE_SOURCES: *.c a bbappend adds to SRC_URI
CELLS ??= ""
INMATES ??= ""
JH_CELL_SOURCES ??= ""
JH_INMATE_SOURCES ??= ""
DEPENDS += "${CELLS} ${INMATES}"

# The variables the top Makefile takes (README.md, "Packaging"): the target
# programs with the recipe's CC and flags, the freestanding parts with
# CROSS_COMPILE, the build host's tools with BUILD_CC.
EXTRA_OEMAKE = " \
    ARCH=arm64 CROSS_COMPILE=${TARGET_PREFIX} \
    KDIR=${STAGING_KERNEL_BUILDDIR} KERNELRELEASE=${KERNEL_VERSION} \
    prefix=${prefix} exec_prefix=${exec_prefix} sbindir=${sbindir} \
    libexecdir=${libexecdir} datadir=${datadir} mandir=${mandir} \
    firmwaredir=${nonarch_base_libdir}/firmware \
    systemdunitdir=${systemd_system_unitdir} \
    completionsdir=${datadir}/bash-completion/completions \
"
JH_TARGET_MAKEVARS = 'CC="${CC}" CFLAGS="${CFLAGS}" LDFLAGS="${LDFLAGS}" \
    HOSTCC="${BUILD_CC} ${BUILD_CFLAGS} ${BUILD_LDFLAGS}"'

do_configure() {
	if [ -d ${STAGING_DIR_HOST}${CELLCONF_DIR} ]; then
		for f in ${STAGING_DIR_HOST}${CELLCONF_DIR}/*.c; do
			[ ! -f "$f" ] || cp "$f" ${S}/configs/arm64/
		done
	fi
	for f in ${JH_CELL_SOURCES}; do
		cp ${JH_UNPACKDIR}/$f ${S}/configs/arm64/
	done

	: > ${B}/extra-inmates
	if [ -d ${STAGING_DIR_HOST}${INMATESRC_DIR} ]; then
		for f in ${STAGING_DIR_HOST}${INMATESRC_DIR}/*.c; do
			[ -f "$f" ] || continue
			cp "$f" ${S}/inmates/demos/
			basename "$f" .c >> ${B}/extra-inmates
		done
	fi
	for f in ${JH_INMATE_SOURCES}; do
		cp ${JH_UNPACKDIR}/$f ${S}/inmates/demos/
		basename "$f" .c >> ${B}/extra-inmates
	done
}

do_compile() {
	unset CFLAGS CPPFLAGS CXXFLAGS LDFLAGS
	oe_runmake ${JH_TARGET_MAKEVARS} all
	for i in $(cat ${B}/extra-inmates); do
		oe_runmake -C inmates srctree=${S} demos/$i.bin demos/arm64/$i.bin
	done
}

do_install() {
	unset CFLAGS CPPFLAGS CXXFLAGS LDFLAGS
	# depmod runs when the image is made
	oe_runmake ${JH_TARGET_MAKEVARS} DESTDIR=${D} INSTALL_MOD_PATH=${D} \
		DEPMOD=echo install

	# ${PN}-cells holds JH_CELL_FILES only
	for f in ${D}${CELL_DIR}/*.cell; do
		keep=
		for pattern in ${JH_CELL_FILES}; do
			case "${f##*/}" in $pattern) keep=1 ;; esac
		done
		[ -n "$keep" ] || rm "$f"
	done

	# templates only the vendor recipes want (meta-ti removes them)
	rm -f ${D}${JH_DATADIR}/*.tmpl
}

PACKAGE_BEFORE_PN += "${PN}-firmware ${PN}-cells ${PN}-inmates ${PN}-demos"

FILES:${PN}-firmware = "${nonarch_base_libdir}/firmware/jailhouse.bin"
FILES:${PN}-cells = "${CELL_DIR} ${JH_DATADIR}/dts"
FILES:${PN}-inmates = "${INMATES_DIR} ${JH_EXEC_DIR}/*.bin"
FILES:${PN}-demos = "${sbindir}/ivshmem-demo"
# module.bbclass empties ${PN}: the tools go there
FILES:${PN} = "${sbindir}/jailhouse ${JH_EXEC_DIR} ${systemd_system_unitdir}"

RDEPENDS:${PN} += "${PN}-firmware"
RRECOMMENDS:${PN} += "${PN}-cells ${PN}-bash-completion"

# the .cell files and the modules are built for this machine's kernel
PACKAGE_ARCH = "${MACHINE_ARCH}"
