# The vendor's recipe, unchanged, builds this repository (see
# recipes-jailhouse/jailhouse-ng/jailhouse-ng-vendor.inc).
require recipes-jailhouse/jailhouse-ng/jailhouse-ng-vendor.inc
