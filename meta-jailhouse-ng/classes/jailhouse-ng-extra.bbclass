# For a recipe of your own layer that adds cells or inmates to
# jailhouse-ng: its SRC_URI brings the sources, this class stages them for
# jailhouse-ng, which compiles them against its headers and inmate library
# when the recipe is named in its CELLS (cell configs) or INMATES
# (bare-metal inmates).  Example (recipes-bsp/my-cells/my-cells.bb):
#
#   LICENSE = "GPL-2.0-only"
#   LIC_FILES_CHKSUM = "file://${COMMON_LICENSE_DIR}/GPL-2.0-only;md5=801f80980d171dd6425610833a22dbe6"
#   SRC_URI = "file://my-board.c file://my-board-rtos.c file://my-demo.c"
#   JH_EXTRA_CELLS = "my-board.c my-board-rtos.c"
#   JH_EXTRA_INMATES = "my-demo.c"
#   inherit jailhouse-ng-extra
#
# and in local.conf or a bbappend: CELLS:pn-jailhouse-ng = "my-cells",
# INMATES:pn-jailhouse-ng = "my-cells".  The same directory as the vendor
# recipes' CELLCONF_DIR, so their cell recipes serve both.

JH_DATADIR ??= "${datadir}/jailhouse"
CELLCONF_DIR ??= "${JH_DATADIR}/configs"
INMATESRC_DIR ??= "${JH_DATADIR}/inmate-sources"

JH_EXTRA_CELLS ??= ""
JH_EXTRA_INMATES ??= ""
JH_EXTRA_SRCDIR ??= "${@d.getVar('UNPACKDIR') or d.getVar('WORKDIR')}"

inherit allarch

do_configure[noexec] = "1"
do_compile[noexec] = "1"

do_install() {
	install -d ${D}${CELLCONF_DIR} ${D}${INMATESRC_DIR}
	for f in ${JH_EXTRA_CELLS}; do
		install -m 0644 ${JH_EXTRA_SRCDIR}/$f ${D}${CELLCONF_DIR}/
	done
	for f in ${JH_EXTRA_INMATES}; do
		install -m 0644 ${JH_EXTRA_SRCDIR}/$f ${D}${INMATESRC_DIR}/
	done
}

SYSROOT_DIRS += "${CELLCONF_DIR} ${INMATESRC_DIR}"

# sources only: nothing for the target image
PACKAGES = "${PN}-dev"
FILES:${PN}-dev = "${CELLCONF_DIR} ${INMATESRC_DIR}"
ALLOW_EMPTY:${PN}-dev = "1"
