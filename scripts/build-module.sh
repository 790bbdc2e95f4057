#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build module/cgwatch.ko for one kernel of the matrix, out of the source
# tree, and print the path of the .ko:
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
cp -r "$CGW_TOP/Kbuild" "$CGW_TOP/module" "$CGW_TOP/include" "$src/"
make_args=()
# 5.10's headers name gcc-10, which Debian 12 lacks; its gcc builds fine.
[ "$series" = 5.10 ] && make_args+=(CC=gcc)
make -C "$kdir" M="$src" "${make_args[@]}" modules >"$CGW_BUILD/$series/build.log" 2>&1 ||
	{ tail -20 "$CGW_BUILD/$series/build.log" >&2; die "module build failed for $series"; }
if grep -E 'warning:|error:' "$CGW_BUILD/$series/build.log" >&2; then
	die "module build for $series has warnings"
fi
printf '%s\n' "$src/module/cgwatch.ko"
