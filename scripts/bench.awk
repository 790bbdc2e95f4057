# SPDX-License-Identifier: GPL-2.0
#
# Turn the "bench ..." lines of tests/guest/bench.sh into one row per
# workload and configuration, tab-separated:
#   workload config median_ns spread_ns added_ns ratio findings_per_s lost
# median and spread are over the rounds; added is the median less the
# baseline's for the same workload; ratio is added over the empty
# kprobe's added; the last two are set for the finding workload only.
#
#   awk -f bench.awk results
function median(list, n,    v, i, j, t) {
	split(list, v, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
	return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
function spread(list, n,    v, i, lo, hi) {
	split(list, v, " ")
	lo = hi = v[1]
	for (i = 2; i <= n; i++) {
		if (v[i] + 0 < lo + 0) lo = v[i]
		if (v[i] + 0 > hi + 0) hi = v[i]
	}
	return hi - lo
}
/^bench / {
	delete f
	for (i = 2; i <= NF; i++) {
		split($i, kv, "=")
		f[kv[1]] = kv[2]
	}
	key = f["workload"] SUBSEP f["config"]
	if (!(f["workload"] in wseen)) { wseen[f["workload"]] = 1; workloads[++nw] = f["workload"] }
	if (!(f["config"] in cseen)) { cseen[f["config"]] = 1; configs[++nc] = f["config"] }
	n[key]++
	ns[key] = ns[key] " " f["ns"]
	if ("delivered" in f) {
		secs = f["ns"] * f["pairs"] / 1e9
		rate[key] = rate[key] " " (secs > 0 ? f["delivered"] / secs : 0)
		lost[key] = lost[key] " " f["lost"]
	}
}
END {
	for (w = 1; w <= nw; w++) {
		base = median(ns[workloads[w] SUBSEP "baseline"], n[workloads[w] SUBSEP "baseline"])
		empty = median(ns[workloads[w] SUBSEP "empty"], n[workloads[w] SUBSEP "empty"]) - base
		for (c = 1; c <= nc; c++) {
			key = workloads[w] SUBSEP configs[c]
			if (!n[key])
				continue
			m = median(ns[key], n[key])
			added = m - base
			ratio = (empty > 0) ? sprintf("%.2f", added / empty) : ""
			fps = (key in rate) ? sprintf("%.0f", median(rate[key], n[key])) : ""
			ls = (key in lost) ? median(lost[key], n[key]) : ""
			printf "%s\t%s\t%.1f\t%.1f\t%.1f\t%s\t%s\t%s\n", workloads[w],
				configs[c], m, spread(ns[key], n[key]), added, ratio, fps, ls
		}
	}
}
