# SPDX-License-Identifier: GPL-2.0
#
# Turn the KTAP that KUnit printed (kernel log prefixes already removed)
# into the "ok - " / "not ok - " lines that scripts/check.sh counts: one
# per test case, and a failure for every case a suite planned but never
# reported, every skipped case, and every suite that never finished.
#
#   awk -v want=N -f ktap.awk ktap.txt    N: suites expected
function close_suite() {
	if (suite == "")
		return
	if (seen < plan)
		printf "not ok - kunit %s: %d of %d cases never reported\n", suite, plan - seen, plan
	suite = ""
}
/^    # Subtest: / { close_suite(); suite = $3; plan = 0; seen = 0; suites++; next }
/^    1\.\.[0-9]+$/ { sub(/^ +1\.\./, ""); plan = $0 + 0; next }
/^    (not )?ok [0-9]+ / && suite != "" {
	line = $0
	sub(/^ +/, "", line)
	failed = (line ~ /^not ok/)
	sub(/^(not )?ok [0-9]+ (- )?/, "", line)
	seen++
	if (line ~ /# SKIP/) {
		printf "not ok - kunit %s.%s: skipped\n", suite, line
	} else {
		printf "%s - kunit %s.%s\n", failed ? "not ok" : "ok", suite, line
	}
	next
}
/^(not )?ok [0-9]+ / { close_suite(); done++ }
END {
	close_suite()
	if (suites < want)
		printf "not ok - kunit: %d of %d suites never started\n", want - suites, want
	if (done < suites)
		printf "not ok - kunit: %d suites never finished\n", suites - done
}
