#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot a kernel and initramfs under QEMU (software emulation) and run one
# guest script:
#
#   scripts/vm.sh VMLINUZ INITRAMFS SCRIPT OUTDIR [KERNEL-ARGS...]
#
# SCRIPT names a file of tests/guest/ (run by the guest's /init). What the
# script prints goes to OUTDIR/results (the guest's second serial port);
# the kernel console goes to OUTDIR/console. Returns 0 when the guest
# reported that its script finished, whatever the script found.
# CGW_VM_ACCEL, CGW_VM_CPU, CGW_VM_CPUS, CGW_VM_MEM and CGW_VM_TIMEOUT
# change the machine; CGW_VM_QEMU_ARGS adds QEMU options.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

vmlinuz=${1:?usage: vm.sh VMLINUZ INITRAMFS SCRIPT OUTDIR [ARGS...]}
initramfs=${2:?}
script=${3:?}
outdir=${4:?}
shift 4

# QEMU 7.2's TCG mishandles the locked cmpxchg16b that SLUB uses on 6.12
# (faults in kmem_cache_alloc, then a double fault): the guest CPU lacks
# it, and SLUB takes its other path.
cpu=${CGW_VM_CPU:-max,-cx16}
# With one host thread per guest CPU, QEMU 7.2 sometimes runs code that
# another guest CPU has just patched from its stale translation: 7.2's
# boot died of a stray int3 in about one boot in twenty, and the module's
# kprobe is patched in the same way. One thread for all guest CPUs runs
# them in turn, which keeps every CPU's view of the code right.
accel=${CGW_VM_ACCEL:-tcg,thread=single}

mkdir -p "$outdir"
rm -f "$outdir/results" "$outdir/console"
# Under emulation a guest may take minutes; a hung one is stopped.
timeout "${CGW_VM_TIMEOUT:-900}" qemu-system-x86_64 \
	-accel "$accel" -cpu "$cpu" -smp "${CGW_VM_CPUS:-2}" -m "${CGW_VM_MEM:-1024}" \
	-kernel "$vmlinuz" -initrd "$initramfs" \
	-append "console=ttyS0 panic=-1 loglevel=6 cgwatch.run=$script $*" \
	-display none -no-reboot -monitor none ${CGW_VM_QEMU_ARGS:-} \
	-serial "file:$outdir/console" -serial "file:$outdir/results" \
	</dev/null >"$outdir/qemu.log" 2>&1 || true
# The serial port turns newlines into CR LF.
sed -i 's/\r$//' "$outdir/results" "$outdir/console" 2>/dev/null || true
grep -q '^# guest: done$' "$outdir/results" 2>/dev/null
