# SPDX-License-Identifier: GPL-2.0
# Guest-side helpers of the VM scenarios: cgroup layouts, containers made
# of real namespaces and cgroups, the module and a listener, and TAP-like
# result lines ("ok - ..." / "not ok - ...") that the host counts.

FINDINGS=/tmp/findings.jsonl

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }

# script_complete: the last line of every scenario script. The host
# counts a script that did not print it as cut short.
script_complete() { echo "# guest: script complete"; }

# expect NAME EXPECTED ACTUAL
expect() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1: expected '$2', got '$3'"
	fi
}

# A cgroup v1 host: each controller in its own hierarchy, as systemd's
# legacy layout mounts them, and the named systemd hierarchy.
CG_V1_HIERARCHIES="cpuset cpu,cpuacct memory pids rdma devices freezer blkio"

cgroup_v1_host() {
	local h
	mount -t tmpfs cgroup /sys/fs/cgroup
	for h in $CG_V1_HIERARCHIES; do
		mkdir -p "/sys/fs/cgroup/$h"
		mount -t cgroup -o "$h" cgroup "/sys/fs/cgroup/$h" ||
			echo "# cannot mount the $h hierarchy"
	done
	mkdir -p /sys/fs/cgroup/systemd
	mount -t cgroup -o none,name=systemd cgroup /sys/fs/cgroup/systemd
	# New cpuset cgroups start with the parent's CPUs and memory nodes.
	echo 1 >/sys/fs/cgroup/cpuset/cgroup.clone_children
}

# A host with only cgroup2 mounted.
cgroup_v2_host() {
	mount -t cgroup2 cgroup2 /sys/fs/cgroup
}

# The directories where a task is placed: every v1 hierarchy, or cgroup2.
cgroup_dirs() {
	if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
		echo /sys/fs/cgroup
	else
		for d in /sys/fs/cgroup/*/; do
			[ -f "$d/cgroup.procs" ] && echo "${d%/}"
		done
	fi
}

load_module() {
	insmod /cgwatch.ko "$@"
}

# status_field NAME: one value of `cgwatch status --json`.
status_field() {
	cgwatch status --json | jq -r ".$1"
}

# wait_listening: until the module sees a subscriber to its findings.
wait_listening() {
	local i=0
	while [ "$(status_field listening)" != true ]; do
		i=$((i + 1))
		[ $i -gt 100 ] && { not_ok "listener subscribed"; return 1; }
		sleep 0.1
	done
}

# start_listener [ARGS]: `cgwatch listen --json` into $FINDINGS, returning
# once the module sees a subscriber.
start_listener() {
	cgwatch listen --json "$@" >"$FINDINGS" 2>/tmp/listener.err &
	LISTENER=$!
	wait_listening
}

# stop_listener [PATTERN]: SIGINT ends the listener with status 0, and it
# said nothing on stderr but what a module reload makes it say (and lines
# matching PATTERN, where the scenario expects them).
stop_listener() {
	local rc
	kill -INT "$LISTENER" 2>/dev/null
	wait "$LISTENER"
	rc=$?
	expect "listener: SIGINT ends it with status 0" 0 "$rc"
	expect "listener: nothing unexpected on stderr" "" \
		"$(grep -v -e 'the module \(was unloaded\|is loaded again\)' \
			-e "${1:-^$}" /tmp/listener.err)"
}

# settle: wait until every finding counted has been sent or dropped.
settle() {
	local i=0 findings done
	while [ $i -lt 100 ]; do
		findings=$(status_field findings)
		done=$(cgwatch status --json | jq '.findings_sent + .lost_no_memory +
			.lost_no_listener + .lost_socket_full + .lost_backlog_full')
		[ "$findings" = "$done" ] && { sleep 0.3; return 0; }
		i=$((i + 1))
		sleep 0.1
	done
	echo "# settle: gave up waiting for the queue"
}

# container_start ID CGROUP SCRIPT: run SCRIPT (sh code) as the init of a
# new container in cgroup CGROUP of every hierarchy, with its own pid,
# mount, uts, ipc, net and cgroup namespaces (CTR_NAMESPACES: other
# unshare(1) options). The script waits for /tmp/go.ID before it runs
# and signals /tmp/done.ID after; it then waits for /tmp/exit.ID.
# Sets CPID (the container init's host pid) and CPARENT (unshare's pid).
container_start() {
	local id=$1 cgpath=$2 script=$3 d dirs i=0
	dirs=$(cgroup_dirs | tr "\n" " ")
	for d in $dirs; do
		mkdir -p "$d$cgpath"
	done
	cat >"/tmp/ctr.$id.sh" <<-SCRIPT
		while [ ! -e /tmp/go.$id ]; do sleep 0.05; done
		$script
		touch /tmp/done.$id
		while [ ! -e /tmp/exit.$id ]; do sleep 0.05; done
	SCRIPT
	sh -c "for d in $dirs; do echo \$\$ >\$d$cgpath/cgroup.procs; done
		exec /usr/bin/unshare ${CTR_NAMESPACES:---pid --mount --uts --ipc --net --cgroup} \
			--fork --mount-proc sh /tmp/ctr.$id.sh" &
	CPARENT=$!
	CPID=
	while [ -z "$CPID" ] && [ $i -lt 200 ]; do
		CPID=$(cat "/proc/$CPARENT/task/$CPARENT/children" 2>/dev/null)
		CPID=${CPID% }
		i=$((i + 1))
		[ -n "$CPID" ] || sleep 0.05
	done
}

container_go() {
	local id=$1 i=0
	touch "/tmp/go.$id"
	while [ ! -e "/tmp/done.$id" ] && [ $i -lt 400 ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

container_stop() {
	touch "/tmp/exit.$1"
	wait "$CPARENT" 2>/dev/null
}

ns_inode() {
	readlink "/proc/$1/ns/$2" | sed 's/.*\[\(.*\)\]/\1/'
}

# check_kernel_log NAME: no kernel bug, warning or lockdep report so far
# (the patterns are those the host looks for on the console too).
check_kernel_log() {
	local bad
	bad=$(dmesg | grep -E -f /tests/kernel-faults.re | head -5)
	if [ -z "$bad" ]; then
		ok "$1"
	else
		not_ok "$1: $bad"
	fi
}

# container_id NAME: a container id as Docker makes them (64 lowercase
# hex digits), the same for the same NAME.
container_id() {
	echo -n "$1" | sha256sum | cut -c1-64
}

# The capabilities of a privileged container (docker run --privileged).
PRIVILEGED_CAPS='["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_DAC_READ_SEARCH",
"CAP_FOWNER","CAP_FSETID","CAP_KILL","CAP_SETGID","CAP_SETUID",
"CAP_SETPCAP","CAP_LINUX_IMMUTABLE","CAP_NET_BIND_SERVICE",
"CAP_NET_BROADCAST","CAP_NET_ADMIN","CAP_NET_RAW","CAP_IPC_LOCK",
"CAP_IPC_OWNER","CAP_SYS_MODULE","CAP_SYS_RAWIO","CAP_SYS_CHROOT",
"CAP_SYS_PTRACE","CAP_SYS_PACCT","CAP_SYS_ADMIN","CAP_SYS_BOOT",
"CAP_SYS_NICE","CAP_SYS_RESOURCE","CAP_SYS_TIME","CAP_SYS_TTY_CONFIG",
"CAP_MKNOD","CAP_LEASE","CAP_AUDIT_WRITE","CAP_AUDIT_CONTROL",
"CAP_SETFCAP","CAP_MAC_OVERRIDE","CAP_MAC_ADMIN","CAP_SYSLOG",
"CAP_WAKE_ALARM","CAP_BLOCK_SUSPEND","CAP_AUDIT_READ"]'

# runc_bundle DIR CGROUP SCRIPT: an OCI bundle of a privileged busybox
# container in cgroup CGROUP whose process runs SCRIPT (sh code).
runc_bundle() {
	local dir=$1 applet caps
	mkdir -p "$dir/rootfs/bin" "$dir/rootfs/proc" "$dir/rootfs/dev" \
		"$dir/rootfs/tmp" "$dir/rootfs/sys"
	cp /bin/busybox "$dir/rootfs/bin/busybox"
	for applet in $(busybox --list); do
		[ "$applet" = busybox ] ||
			ln -sf busybox "$dir/rootfs/bin/$applet"
	done
	printf '%s\n' "$3" >"$dir/rootfs/escape.sh"
	caps=$(echo "$PRIVILEGED_CAPS" | tr -d '\n')
	sed -e "s#@CAPS@#$caps#g" -e "s#@CGROUP@#$2#" \
		/tests/runc-config.json >"$dir/config.json"
}

# host_in_cgroup CGROUP SCRIPT: run SCRIPT on the host (initial
# namespaces) from cgroup CGROUP of every hierarchy, as a runtime's
# monitor runs.
host_in_cgroup() {
	local dirs d
	dirs=$(cgroup_dirs | tr "\n" " ")
	for d in $dirs; do
		mkdir -p "$d$1"
	done
	sh -c "for d in $dirs; do echo \$\$ >\$d$1/cgroup.procs; done
		$2"
}

# findings_of ID [MARK]: the findings of container ID after line MARK.
findings_of() {
	tail -n +$((${2:-0} + 1)) "$FINDINGS" |
		jq -c "select(.container_id == \"$1\")"
}

# escape_in ID CGROUP: a container in CGROUP mounts rdma, makes a child
# cgroup and writes its notify_on_release (case 1).
ESCAPE='mkdir -p /tmp/c && mount -t cgroup -o rdma cgroup /tmp/c &&
mkdir -p /tmp/c/x && echo 1 >/tmp/c/x/notify_on_release'
escape_in() {
	container_start "$1" "$2" "$ESCAPE"
	container_go "$1"
	container_stop "$1"
}
