#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: every test of the project. It installs what a fresh
# Debian 12 machine lacks, runs the CLI's unit tests (plain and under
# ASan/UBSan), then for each kernel of CGW_KERNELS (default: 6.1) builds
# the module, boots that kernel under QEMU and runs the VM scenarios.
# Prints one row per kernel, then "N passed, N failed" as its last line.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

need_host_packages
mkdir -p "$CGW_BUILD"
passed=0
failed=0
rows=()

# count_results FILE: add the file's "ok -" / "not ok -" lines up; the
# file's own counts are left in $file_passed and $file_failed.
count_results() {
	file_passed=$(grep -c '^ok - ' "$1")
	file_failed=$(grep -c '^not ok - ' "$1")
	grep '^not ok - ' "$1" >&2
	passed=$((passed + file_passed))
	failed=$((failed + file_failed))
}

cli_unit() {
	local log=$CGW_BUILD/cli-unit.log p=0 f=0 line
	make -C "$CGW_TOP/cli" >"$log" 2>&1 &&
		make -C "$CGW_TOP/cli" test >>"$log" 2>&1
	local rc=$?
	while read -r line; do
		set -- $line
		p=$((p + $2))
		f=$((f + $4))
	done < <(grep -E '^cli-unit: [0-9]+ passed, [0-9]+ failed' "$log")
	[ $rc -ne 0 ] && [ $f -eq 0 ] && f=1
	[ $f -ne 0 ] && tail -30 "$log" >&2
	passed=$((passed + p))
	failed=$((failed + f))
	rows+=("$(printf '%-10s %-8s %-8s %s' cli-unit "build ok" - "$p passed, $f failed")")
}

# vm_kernel SERIES: build, load and scenarios on one kernel.
vm_kernel() {
	local series=$1 out=$CGW_BUILD/$series ko kernel
	mkdir -p "$out"
	if ! ko=$("$CGW_TOP/scripts/build-module.sh" "$series"); then
		failed=$((failed + 1))
		rows+=("$(printf '%-10s %-8s %-8s %s' "$series" FAILED - -)")
		return
	fi
	kernel=$("$CGW_TOP/scripts/kernel.sh" "$series")
	"$CGW_TOP/scripts/initramfs.sh" "$out/initramfs.cpio.gz" "$ko"
	say "kernel $series: booting the scenarios under QEMU"
	if ! "$CGW_TOP/scripts/vm.sh" "$kernel/vmlinuz" "$out/initramfs.cpio.gz" \
		scenarios.sh "$out/vm"; then
		echo "not ok - $series: the guest did not finish its scenarios" \
			>>"$out/vm/results"
		tail -40 "$out/vm/console" >&2
	fi
	sed "s/^\(not \)\{0,1\}ok - /&$series: /" "$out/vm/results" \
		>"$out/results"
	count_results "$out/results"
	local load=ok
	grep -q "^ok - $series: module loads" "$out/results" || load=FAILED
	rows+=("$(printf '%-10s %-8s %-8s %s' "$series" ok "$load" \
		"$file_passed passed, $file_failed failed")")
}

cli_unit
for series in ${CGW_KERNELS:-6.1}; do
	vm_kernel "$series"
done

printf '\n%-10s %-8s %-8s %s\n' kernel build load scenarios
printf '%s\n' "${rows[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
