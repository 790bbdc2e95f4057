# SPDX-License-Identifier: GPL-2.0
#
#   make                 module/cgwatch.ko and cli/cgwatch
#   make KDIR=DIR        the module for another kernel's build tree
#   make demo            the main job: a container escape caught in a VM
#   make check           every test; the last line says N passed, N failed
#   make bench           cost per open() against an empty kprobe and peers
#   make install         the CLI to $(PREFIX)/bin, the module to /lib/modules
#                        (both under $(DESTDIR) when it is set)
#
# Without KDIR the running kernel's build tree is used; where it has none
# (a build machine whose own kernel is not the target), Debian 12's cloud
# kernel headers are fetched into the cache and used instead.

RUNNING_KDIR := /lib/modules/$(shell uname -r)/build
ifeq ($(origin KDIR),undefined)
ifneq ($(wildcard $(RUNNING_KDIR)/Makefile),)
KDIR := $(RUNNING_KDIR)
else
KDIR = $(shell cat "$$(scripts/kernel.sh 6.1)/kdir")
endif
endif

PREFIX ?= /usr/local
export CGWATCH_CACHE

.PHONY: all module cli clean demo check bench install modules_install

all: module cli

module:
	@test -f "$(KDIR)/Makefile" || { echo "no kernel build tree at '$(KDIR)':" \
		"install linux-headers-$$(uname -r) or pass KDIR=<kernel build dir>" >&2; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR)/module modules

cli:
	$(MAKE) -C cli

demo:
	scripts/demo.sh

check:
	scripts/check.sh

bench:
	scripts/bench.sh

install: modules_install
	$(MAKE) -C cli install PREFIX=$(PREFIX)

modules_install:
	$(MAKE) -C $(KDIR) M=$(CURDIR)/module INSTALL_MOD_DIR=updates \
		$(if $(DESTDIR),INSTALL_MOD_PATH=$(DESTDIR)) modules_install

clean:
	$(MAKE) -C cli clean
	rm -rf build
	rm -f module/*.o module/*.ko module/*.mod module/*.mod.c \
		module/.*.cmd module/modules.order module/Module.symvers \
		Module.symvers modules.order .*.cmd module/*.mod.o
