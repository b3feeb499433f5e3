SUMMARY = "The hypervisor, its module, tools, cells and inmates"
DESCRIPTION = "Everything a board needs to run jailhouse-ng: \
IMAGE_INSTALL:append = \" packagegroup-jailhouse-ng\""

PACKAGE_ARCH = "${MACHINE_ARCH}"
inherit packagegroup

RDEPENDS:${PN} = " \
    jailhouse-ng \
    jailhouse-ng-firmware \
    jailhouse-ng-cells \
    jailhouse-ng-inmates \
    jailhouse-ng-demos \
    jailhouse-ng-bash-completion \
    kernel-module-jailhouse \
    kernel-module-uio-ivshmem \
"
