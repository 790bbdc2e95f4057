#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the initramfs that the test and demo guests boot:
#
#   scripts/initramfs.sh OUT.cpio.gz MODULE.ko [FILE...]
#
# It holds static busybox, the cgwatch CLI, jq, runc and util-linux's
# unshare and setpriv with their shared libraries, the test helpers of
# tests/helpers/, the module as /cgwatch.ko, the guest side of the tests
# (tests/guest/), and any extra FILEs in /extra. CGW_INITRAMFS_BINARIES
# names more programs of this machine to bring, with their libraries.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=${1:?usage: initramfs.sh OUT MODULE [FILE...]}
module=${2:?usage: initramfs.sh OUT MODULE [FILE...]}
shift 2

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,proc,sys,dev,tmp,run,etc,extra}

cp /bin/busybox "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list); do
	[ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done

# copy_with_libs BINARY DEST: a dynamic binary and the libraries it loads.
copy_with_libs() {
	local lib
	install -D -m 0755 "$1" "$root/$2"
	for lib in $(ldd "$1" | awk '/=>/ { print $3 } /^\t\// { print $1 }'); do
		[ -e "$root$lib" ] || install -D -m 0755 "$lib" "$root$lib"
	done
}

copy_with_libs "$CGW_TOP/cli/cgwatch" /usr/bin/cgwatch
copy_with_libs /usr/bin/jq /usr/bin/jq
copy_with_libs /usr/bin/unshare /usr/bin/unshare
copy_with_libs /usr/bin/setpriv /usr/bin/setpriv
copy_with_libs /usr/sbin/runc /usr/sbin/runc
for binary in ${CGW_INITRAMFS_BINARIES:-}; do
	copy_with_libs "$binary" "$binary"
done
make -s -C "$CGW_TOP/tests/helpers" >&2
for helper in cgw-open cgw-fhmove openloop; do
	install -m 0755 "$CGW_TOP/tests/helpers/$helper" "$root/usr/bin/$helper"
done
install -m 0644 "$module" "$root/cgwatch.ko"
cp -r "$CGW_TOP/tests/guest" "$root/tests"
install -m 0755 "$CGW_TOP/tests/guest/init" "$root/init"
for f in "$@"; do
	cp -a "$f" "$root/extra/"
done

(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 >"$out"
