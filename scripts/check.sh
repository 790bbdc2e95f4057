#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: every test of the project. It installs what a fresh
# Debian 12 machine lacks, runs the CLI's unit tests (plain and under
# ASan/UBSan) and the static checks (checkpatch, sparse), then for each
# kernel of CGW_KERNELS (default: "6.1 debug 5.10 6.12 7.2") builds the
# module, boots that kernel under QEMU and runs the VM scenarios. On the
# debug kernel (KUnit, KASAN, lockdep, DEBUG_ATOMIC_SLEEP) it first runs
# the KUnit suites, and the unload test does 50 cycles. Prints one row
# per kernel, then "N passed, N failed" as its last line.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

need_host_packages
mkdir -p "$CGW_BUILD"
passed=0
failed=0
rows=()

# row NAME BUILD LOAD RESULT: one line of the summary table.
row() {
	rows+=("$(printf '%-10s %-8s %-8s %s' "$@")")
}

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
	row cli-unit "build ok" - "$p passed, $f failed"
}

# static_checks: checkpatch and sparse report nothing on the kernel code.
static_checks() {
	local src f out kdir
	if ! src=$("$CGW_TOP/scripts/linux-source.sh"); then
		failed=$((failed + 1))
		row static - - "no kernel source"
		return
	fi
	for f in $(cd "$CGW_TOP" && ls module/*.[ch] include/*.h kunit_tests/*.[ch] |
		grep -v '\.mod\.c$'); do
		if out=$("$src/scripts/checkpatch.pl" --no-tree --strict --quiet \
			--ignore "$(grep -v '^#' "$CGW_TOP/.checkpatch-ignore" | paste -sd,)" \
			-f "$CGW_TOP/$f" 2>&1); then
			echo "ok - static: checkpatch $f"
		else
			echo "not ok - static: checkpatch $f: $(echo "$out" | head -3)"
		fi
	done >"$CGW_BUILD/static"
	# The debug kernel has KUnit, so sparse sees the tests too.
	if ! kdir=$(cat "$("$CGW_TOP/scripts/kernel.sh" debug)/kdir"); then
		echo "not ok - static: sparse: no debug kernel" >>"$CGW_BUILD/static"
		count_results "$CGW_BUILD/static"
		return
	fi
	rm -rf "$CGW_BUILD/sparse" && mkdir -p "$CGW_BUILD/sparse"
	cp -r "$CGW_TOP/Kbuild" "$CGW_TOP/module" "$CGW_TOP/include" \
		"$CGW_TOP/kunit_tests" "$CGW_BUILD/sparse/"
	if ! out=$(make -C "$kdir" M="$CGW_BUILD/sparse" C=2 CHECK=sparse \
		modules 2>&1); then
		echo "not ok - static: sparse: the build failed: $(echo "$out" | tail -3)" \
			>>"$CGW_BUILD/static"
	elif out=$(echo "$out" | grep -E 'warning:|error:'); [ -n "$out" ]; then
		echo "not ok - static: sparse: $(echo "$out" | head -3)" >>"$CGW_BUILD/static"
	else
		echo "ok - static: sparse module/ kunit_tests/" >>"$CGW_BUILD/static"
	fi
	count_results "$CGW_BUILD/static"
	row static - - \
		"$file_passed passed, $file_failed failed"
}

# boot SERIES SCRIPT OUTDIR INITRAMFS [ARGS]: one guest run into OUTDIR/results.
boot() {
	local series=$1 script=$2 outdir=$3 initramfs=$4 kernel
	shift 4
	kernel=$("$CGW_TOP/scripts/kernel.sh" "$series")
	say "kernel $series: booting $script under QEMU"
	if ! "$CGW_TOP/scripts/vm.sh" "$kernel/vmlinuz" "$initramfs" \
		"$script" "$outdir" "$@"; then
		echo "not ok - the guest did not finish $script" >>"$outdir/results"
		tail -40 "$outdir/console" >&2
	fi
}

# console_clean NAME CONSOLE: no kernel bug, warning or lockdep report in
# what the kernel printed on the guest's console, module unload included.
console_clean() {
	local bad
	bad=$(grep -E -f "$CGW_TOP/tests/guest/kernel-faults.re" "$2" | head -3)
	if [ -z "$bad" ]; then
		echo "ok - $1: kernel log clean"
	else
		echo "not ok - $1: kernel log: $bad"
	fi
}

# scenario SERIES SCRIPT OUT INITRAMFS [ARGS]: one scenario guest; its
# results, then whether it ran to its end and its console is clean.
scenario() {
	local series=$1 script=$2 dir=$3/${2%.sh} initramfs=$4
	shift 4
	boot "$series" "$script" "$dir" "$initramfs" "$@"
	grep -E '^(not )?ok - ' "$dir/results"
	if grep -q '^# guest: script complete$' "$dir/results"; then
		echo "ok - $script: ran to its end"
	else
		echo "not ok - $script: did not run to its end"
	fi
	console_clean "$script" "$dir/console"
}

# kunit SERIES OUT KO: the KUnit suites, from their KTAP.
kunit() {
	local series=$1 out=$2 ko=$3 kdir suites
	kdir=$(cat "$("$CGW_TOP/scripts/kernel.sh" "$series")/kdir")
	suites=$(grep -c '^kunit_test_suite' "$CGW_TOP"/kunit_tests/*_test.c |
		awk -F: '{ n += $2 } END { print n }')
	"$CGW_TOP/scripts/initramfs.sh" "$out/kunit.cpio.gz" "$ko" \
		"$kdir/lib/kunit/kunit.ko" "$(dirname "$ko")/../kunit_tests/cgwatch_kunit.ko"
	boot "$series" kunit.sh "$out/kunit" "$out/kunit.cpio.gz"
	awk -v want="$suites" -f "$CGW_TOP/scripts/ktap.awk" \
		"$out/kunit/results" >"$out/kunit/ktap-results"
	grep '^not ok - the guest' "$out/kunit/results" >>"$out/kunit/ktap-results"
	cat "$out/kunit/ktap-results"
	console_clean kunit "$out/kunit/console"
}

# vm_kernel SERIES: build, load and scenarios on one kernel.
vm_kernel() {
	local series=$1 out=$CGW_BUILD/$series ko script args=()
	mkdir -p "$out"
	if ! ko=$("$CGW_TOP/scripts/build-module.sh" "$series"); then
		failed=$((failed + 1))
		row "$series" FAILED - -
		return
	fi
	: >"$out/results"
	if [ "$series" = debug ]; then
		kunit "$series" "$out" "$ko" >>"$out/results"
		args=(cgwatch.cycles=50)
	fi
	"$CGW_TOP/scripts/initramfs.sh" "$out/initramfs.cpio.gz" "$ko"
	for script in scenarios.sh attacks.sh attacks-v2.sh; do
		scenario "$series" "$script" "$out" "$out/initramfs.cpio.gz" \
			"${args[@]}" >>"$out/results"
	done
	sed -i "s/^\(not \)\{0,1\}ok - /&$series: /" "$out/results"
	count_results "$out/results"
	local load=ok
	grep -q "^ok - $series: module loads" "$out/results" || load=FAILED
	row "$series" ok "$load" \
		"$file_passed passed, $file_failed failed"
}

cli_unit
static_checks
for series in ${CGW_KERNELS:-6.1 debug 5.10 6.12 7.2}; do
	vm_kernel "$series"
done

printf '\n%-10s %-8s %-8s %s\n' kernel build load scenarios
printf '%s\n' "${rows[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
