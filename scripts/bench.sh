#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: what cgwatch adds to every open(), side by side with the
# techniques of the tools people would use instead, in one guest run.
#
# Boots Debian 12's cloud kernel (6.1) once under QEMU's instruction
# clock (-icount shift=0, single-threaded TCG: one ns of guest time per
# instruction, so the figures repeat from run to run) and measures, in
# interleaved rounds, three workloads under five configurations (see
# tests/guest/bench.sh). Prints a table and writes the same rows to
# build/bench.json.
#
# CGW_BENCH_ROUNDS, CGW_BENCH_PAIRS and CGW_BENCH_FINDING_PAIRS change the
# rounds (at least 3) and the loop sizes.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

series=6.1
out=$CGW_BUILD/bench
rounds=${CGW_BENCH_ROUNDS:-3}
[ "$rounds" -ge 3 ] 2>/dev/null || die "CGW_BENCH_ROUNDS must be 3 or more"

need_host_packages
# The peers: bpftrace (eBPF kprobes, as Tracee and Tetragon use) and
# sysdig (the user side of Falco's kernel driver).
need_packages bpftrace sysdig
mkdir -p "$out"

say "building the CLI and the module for Debian 12 ($series)"
make -s -C "$CGW_TOP/cli" >&2
ko=$("$CGW_TOP/scripts/build-module.sh" "$series")
kernel=$("$CGW_TOP/scripts/kernel.sh" "$series")
kdir=$(cat "$kernel/kdir")

# build_external NAME SRC: an out-of-tree module from SRC, into $out/NAME.
build_external() {
	rm -rf "${out:?}/$1"
	cp -r "$2" "$out/$1"
	make -C "$kdir" M="$out/$1" modules >"$out/$1.log" 2>&1 ||
		{ tail -20 "$out/$1.log" >&2; die "cannot build $1 for $series"; }
}

say "building the empty kprobe module"
build_external empty "$CGW_TOP/tests/bench"

# Falco's kernel driver, as Debian ships its source for DKMS. Only the
# source is unpacked: DKMS itself is not needed to build it once.
scap_deb=$CGW_CACHE/bench/falcosecurity-scap-dkms.deb
if [ ! -s "$scap_deb" ]; then
	mkdir -p "$CGW_CACHE/bench"
	say "downloading falcosecurity-scap-dkms"
	dl=(apt-get -o APT::Sandbox::User=root download -qq falcosecurity-scap-dkms)
	(cd "$CGW_CACHE/bench" && { "${dl[@]}" || { apt-get update -qq && "${dl[@]}"; }; } >&2) ||
		die "cannot download falcosecurity-scap-dkms"
	mv "$CGW_CACHE"/bench/falcosecurity-scap-dkms_*.deb "$scap_deb"
fi
rm -rf "$out/scap-src"
dpkg-deb -x "$scap_deb" "$out/scap-src"
say "building Falco's driver (scap.ko)"
build_external scap "$(echo "$out"/scap-src/usr/src/scap-*)"

say "building the benchmark's initramfs (bpftrace and sysdig make it large)"
CGW_INITRAMFS_BINARIES="/usr/bin/bpftrace /usr/bin/sysdig" \
	"$CGW_TOP/scripts/initramfs.sh" "$out/initramfs.cpio.gz" "$ko" \
	"$out/empty/empty_kprobe.ko" "$out/scap/scap.ko" \
	"$CGW_TOP/tests/bench/file_open.bt"

say "booting $(cat "$kernel/release") under QEMU's instruction clock ($rounds rounds, about 10 minutes)"
CGW_VM_ACCEL=tcg,thread=single CGW_VM_CPUS=1 CGW_VM_MEM=3072 \
	CGW_VM_QEMU_ARGS="-icount shift=0" CGW_VM_TIMEOUT=${CGW_BENCH_TIMEOUT:-5400} \
	"$CGW_TOP/scripts/vm.sh" "$kernel/vmlinuz" "$out/initramfs.cpio.gz" \
	bench.sh "$out/vm" "cgwatch.rounds=$rounds" \
	"cgwatch.pairs=${CGW_BENCH_PAIRS:-200000}" \
	"cgwatch.finding_pairs=${CGW_BENCH_FINDING_PAIRS:-20000}" ||
	die "the guest did not finish; see $out/vm/console"
grep '^# ' "$out/vm/results" | grep -v '^# guest:' >&2 || true
grep '^not ok' "$out/vm/results" >&2 && die "the guest's kernel log is not clean"

# One row per workload and configuration: the median over the rounds,
# the spread (largest minus smallest), the cost added to the baseline
# of the same workload, and that as a ratio to the empty kprobe's.
awk -f "$CGW_TOP/scripts/bench.awk" "$out/vm/results" >"$out/bench.tsv"
[ -s "$out/bench.tsv" ] || die "the guest measured nothing; see $out/vm/results"
jq -R -s '
	def num: if . == "" then null else tonumber end;
	split("\n") | map(select(length > 0) | split("\t") | {
		workload: .[0], config: .[1], median_ns: (.[2] | num),
		spread_ns: (.[3] | num), added_ns: (.[4] | num),
		ratio_to_empty_kprobe: (.[5] | num),
		findings_per_s: (.[6] | num), lost: (.[7] | num)
	} | with_entries(select(.value != null)))' "$out/bench.tsv" \
	>"$CGW_BUILD/bench.json"

printf '\n%s, %s rounds, instruction-clock ns (QEMU -icount shift=0)\n' \
	"$(cat "$kernel/release")" "$rounds"
printf '%-13s %-9s %10s %7s %9s %8s %12s %6s\n' workload config \
	median_ns spread added ratio findings/s lost
awk -F'\t' '{ printf "%-13s %-9s %10s %7s %9s %8s %12s %6s\n",
	$1, $2, $3, $4, $5, ($6 == "" ? "-" : $6), ($7 == "" ? "-" : $7),
	($8 == "" ? "-" : $8) }' "$out/bench.tsv"
say "rows written to $CGW_BUILD/bench.json"
