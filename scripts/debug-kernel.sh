#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once, then from the cache) the debug kernel: Debian's
# linux-source-6.1 configured as tinyconfig plus kunit_tests/debug.config
# (KUnit, KASAN, lockdep, DEBUG_ATOMIC_SLEEP, kprobes, cgroup v1).
#
#   scripts/debug-kernel.sh
#
# Prints the build directory, which serves as KDIR for out-of-tree modules
# and holds, as scripts/kernel.sh lays out Debian's kernels, vmlinuz, kdir
# and release, plus lib/kunit/kunit.ko.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

fragment=$CGW_TOP/kunit_tests/debug.config
need_packages make gcc flex bison bc libelf-dev libssl-dev
src=$("$(dirname "$0")/linux-source.sh")
# A new source package or config fragment makes a new kernel.
key=$(printf '%s %s' "$(cat "$src/.debian-version")" \
	"$(sha256sum <"$fragment")" | sha256sum | cut -c1-16)
out=$CGW_CACHE/debug-kernel/$key

# lay_out: name the results as scripts/kernel.sh does for Debian's.
lay_out() {
	ln -sf arch/x86/boot/bzImage "$out/vmlinuz"
	make -s -C "$src" O="$out" kernelrelease >"$out/release"
	echo "$out" >"$out/kdir"
	printf '%s\n' "$out"
}

if [ -s "$out/arch/x86/boot/bzImage" ] && [ -s "$out/lib/kunit/kunit.ko" ]; then
	lay_out
	exit 0
fi

rm -rf "$out"
mkdir -p "$out"
say "debug kernel: configuring (tinyconfig + kunit_tests/debug.config)"
make -s -C "$src" O="$out" ARCH=x86_64 tinyconfig >&2
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" \
	"$fragment" >/dev/null
make -s -C "$src" O="$out" ARCH=x86_64 olddefconfig >&2
# Every line of the fragment must have survived the dependency checks.
missing=$(grep '^CONFIG_.*=[ym]$' "$fragment" | while read -r line; do
	grep -qx "$line" "$out/.config" || echo "$line"
done)
[ -z "$missing" ] || die "debug kernel config lacks: $missing"
say "debug kernel: building (several minutes, once)"
make -s -C "$src" O="$out" ARCH=x86_64 -j"$(nproc)" bzImage modules >&2 ||
	die "debug kernel build failed"
lay_out
