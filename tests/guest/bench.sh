# SPDX-License-Identifier: GPL-2.0
# The guest side of `make bench`, on a guest run under QEMU's -icount
# (one ns of guest clock per instruction). Each round measures every
# workload under every configuration in turn, so the rounds interleave;
# each measurement prints one line the host turns into the table:
#
#   bench round=R config=C workload=W ns=NS_PER_PAIR pairs=N
#         [delivered=N lost=N] (the finding workload)
#
# Configurations: baseline (nothing), empty (a kprobe that does nothing),
# cgwatch (with a listener), bpftrace (kprobe, same test, prints
# matches), sysdig (Falco's kernel driver, sysdig filtering write-opens).
. /tests/lib.sh

ROUNDS=${CGW_BENCH_ROUNDS:-3}
PAIRS=${CGW_BENCH_PAIRS:-200000}
FINDING_PAIRS=${CGW_BENCH_FINDING_PAIRS:-20000}
CONFIGS=${CGW_BENCH_CONFIGS:-baseline empty cgwatch bpftrace sysdig}
CTR_ID=$(container_id bench)
OUT=$FINDINGS

echo "# bench on $(uname -r), $(nproc) CPU"
cgroup_v1_host
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
echo x >/tmp/bench.file
mkdir -p /sys/fs/cgroup/rdma/bench
for d in $(cgroup_dirs); do
	mkdir -p "$d/docker/$CTR_ID"
done
NOR=/sys/fs/cgroup/rdma/bench/notify_on_release
OTHER=/sys/fs/cgroup/rdma/bench/cgroup.procs

# in_container CMD...: run CMD in a container's cgroup and namespaces.
in_container() {
	local dirs
	dirs=$(cgroup_dirs | tr '\n' ' ')
	sh -c "for d in $dirs; do echo \$\$ >\$d/docker/$CTR_ID/cgroup.procs; done
		exec /usr/bin/unshare --pid --mount --cgroup --fork $*"
}

# wait_for_line FILE PATTERN SECONDS: until FILE has a line matching
# PATTERN, write-opening notify_on_release so that a tool that prints
# matches shows it is attached.
wait_for_line() {
	local i=0
	while ! grep -q "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt $(($3 * 10)) ] && return 1
		: >"$NOR"
		sleep 0.1
	done
}

TOOL=
start_config() {
	: >"$OUT"
	case $1 in
	baseline) ;;
	empty) insmod /extra/empty_kprobe.ko ;;
	cgwatch)
		insmod /cgwatch.ko || echo "# cgwatch.ko did not load"
		start_listener
		TOOL=$LISTENER
		;;
	bpftrace)
		bpftrace /extra/file_open.bt >"$OUT" 2>&1 &
		TOOL=$!
		wait_for_line "$OUT" notify_on_release 900 ||
			echo "# bpftrace did not start: $(head -3 "$OUT")"
		;;
	sysdig)
		insmod /extra/scap.ko || echo "# scap.ko did not load"
		sysdig --unbuffered -p '%proc.pid %proc.name %fd.name' \
			"evt.type in (open, openat, openat2) and evt.dir = < and fd.name endswith /notify_on_release and (evt.arg.flags contains O_WRONLY or evt.arg.flags contains O_RDWR)" \
			>"$OUT" 2>/tmp/sysdig.err &
		TOOL=$!
		wait_for_line "$OUT" notify_on_release 900 ||
			echo "# sysdig did not start: $(head -3 /tmp/sysdig.err)"
		;;
	esac
}

stop_config() {
	if [ -n "$TOOL" ]; then
		kill -INT "$TOOL" 2>/dev/null
		wait "$TOOL" 2>/dev/null
		TOOL=
	fi
	case $1 in
	empty) rmmod empty_kprobe ;;
	cgwatch) rmmod cgwatch ;;
	sysdig) rmmod scap ;;
	esac
}

# delivered CONFIG: matches the configuration's tool has reported so far.
delivered() {
	case $1 in
	cgwatch) grep -c '"rule_id"' "$OUT" ;;
	bpftrace | sysdig) grep -c notify_on_release "$OUT" ;;
	*) echo 0 ;;
	esac
}

# measure ROUND CONFIG WORKLOAD
measure() {
	local round=$1 config=$2 workload=$3 line before after extra=
	case $workload in
	tmpfs) line=$(openloop /tmp/bench.file r "$PAIRS") ;;
	cgroup-other) line=$(openloop "$OTHER" w "$PAIRS") ;;
	finding)
		[ "$config" = cgwatch ] && settle >/dev/null
		before=$(delivered "$config")
		line=$(in_container openloop "$NOR" w "$FINDING_PAIRS")
		[ "$config" = cgwatch ] && settle >/dev/null
		sleep 2
		after=$(delivered "$config")
		# openloop's first open, outside the clock, is a finding too.
		case $config in
		baseline | empty) ;;
		*) extra=" delivered=$((after - before)) lost=$((FINDING_PAIRS + 1 - after + before))" ;;
		esac
		[ "$config" = cgwatch ] && echo "# cgwatch counters after round $round: $(
			cgwatch status --json | jq -r '
			"findings=\(.findings) sent=\(.findings_sent) lost_no_memory=\(.lost_no_memory) lost_no_listener=\(.lost_no_listener) lost_socket_full=\(.lost_socket_full) lost_backlog_full=\(.lost_backlog_full) kprobe_misses=\(.kprobe_misses)"')"
		;;
	esac
	case $line in
	ns_per_pair=*) ;;
	*) echo "# $config $workload: openloop failed: $line"; return ;;
	esac
	set -- $line
	echo "bench round=$round config=$config workload=$workload ns=${1#ns_per_pair=} pairs=${3#pairs=}$extra"
}

for round in $(seq "$ROUNDS"); do
	for config in $CONFIGS; do
		start_config "$config"
		for workload in tmpfs cgroup-other finding; do
			measure "$round" "$config" "$workload"
		done
		stop_config "$config"
	done
done
check_kernel_log "bench: kernel log clean"
