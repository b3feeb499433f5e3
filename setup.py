# SPDX-License-Identifier: GPL-2.0
#
# Jailhouse ships a Python package, pyjailhouse, for its Python helpers;
# the vendor Yocto recipes build it (inherit setuptools3) and make the
# jailhouse package depend on it.  This project's tools are all C, so the
# package holds no code: it only lets those recipes build and install
# unchanged.  Nothing needs Python on the target.
from setuptools import setup

with open('VERSION') as f:
    version = f.read().strip()

setup(name='pyjailhouse', version=version,
      description='placeholder: the jailhouse tools are written in C',
      license='GPL-2.0', packages=[])
