#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run-unit.sh - run each unit test binary named on the command line.
#
# Every run ends with a "cli-unit: N passed, N failed" line for scripts
# to add up. A binary that dies before printing its own line (a
# sanitizer abort, a crash) gets "cli-unit: 0 passed, 1 failed" added,
# and so does one that printed its line but still exited non-zero (a
# leak report after the tests). Exits 1 if any run failed.

status=0
for bin in "$@"; do
	log=$(mktemp) || exit 1
	echo "== $bin"
	"$bin" >"$log" 2>&1
	rc=$?
	cat "$log"
	last=$(tail -n 1 "$log")
	rm -f "$log"
	case "$last" in
	"cli-unit: "*" passed, 0 failed")
		[ "$rc" -eq 0 ] || echo "cli-unit: 0 passed, 1 failed" ;;
	"cli-unit: "*" passed, "*" failed")
		;;
	*)
		echo "cli-unit: 0 passed, 1 failed" ;;
	esac
	[ "$rc" -eq 0 ] || status=1
done
exit $status
