#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build module/cgwatch.ko for one kernel of the matrix, out of the source
# tree, and print the path of the .ko (its directory's ../kunit_tests/
# holds cgwatch_kunit.ko where the kernel has KUnit):
#
#   scripts/build-module.sh SERIES
set -euo pipefail
. "$(dirname "$0")/lib.sh"

series=${1:?usage: build-module.sh SERIES}
kernel=$(scripts_dir=$(dirname "$0"); "$scripts_dir/kernel.sh" "$series")
kdir=$(cat "$kernel/kdir")
src=$CGW_BUILD/$series/src
rm -rf "$src"
mkdir -p "$src"
cp -r "$CGW_TOP/Kbuild" "$CGW_TOP/module" "$CGW_TOP/include" \
	"$CGW_TOP/kunit_tests" "$src/"
make_args=()
# 5.10's headers name gcc-10, which Debian 12 lacks; its gcc builds fine.
[ "$series" = 5.10 ] && make_args+=(CC=gcc)
log=$CGW_BUILD/$series/build.log
if [ -f "$kernel/chroot" ]; then
	# Build inside the kernel's own distribution root, then bring it back.
	root=$(cat "$kernel/chroot")
	rm -rf "$root/build"
	cp -r "$src" "$root/build"
	mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
	rc=0
	chroot "$root" make -C "$kdir" M=/build modules >"$log" 2>&1 || rc=$?
	umount "$root/proc"
	[ $rc -eq 0 ] && rm -rf "$src" && cp -r "$root/build" "$src"
else
	rc=0
	make -C "$kdir" M="$src" "${make_args[@]}" modules >"$log" 2>&1 || rc=$?
fi
[ $rc -eq 0 ] || { tail -20 "$log" >&2; die "module build failed for $series"; }
if grep -E 'warning:|error:' "$log" >&2; then
	die "module build for $series has warnings"
fi
printf '%s\n' "$src/module/cgwatch.ko"
