#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: build cgwatch for Debian 12's cloud kernel, boot that kernel
# under QEMU, and catch a real runc container's escape through cgroup v1
# notify_on_release while the host does the same write unnoticed. Exits 0
# only when exactly the container's write was reported, with its id and
# runtime.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

need_host_packages
series=6.1
out=$CGW_BUILD/demo
mkdir -p "$out"
say "building the CLI"
make -s -C "$CGW_TOP/cli" >&2
say "building the module for Debian 12 ($series)"
ko=$("$CGW_TOP/scripts/build-module.sh" "$series")
kernel=$("$CGW_TOP/scripts/kernel.sh" "$series")
"$CGW_TOP/scripts/initramfs.sh" "$out/initramfs.cpio.gz" "$ko"
say "booting $(cat "$kernel/release") under QEMU (software emulation, under a minute)"
"$CGW_TOP/scripts/vm.sh" "$kernel/vmlinuz" "$out/initramfs.cpio.gz" \
	demo.sh "$out/vm" || die "the guest did not finish; see $out/vm/console"
grep -v '^# guest:' "$out/vm/results"
grep -q '^# demo: PASS' "$out/vm/results"
