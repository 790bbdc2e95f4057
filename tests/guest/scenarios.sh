# SPDX-License-Identifier: GPL-2.0
# The VM scenarios of `make check`, run by the guest's /init on a cgroup
# v1 host layout. Each check prints one "ok -" or "not ok -" line.
. /tests/lib.sh

echo "# scenarios on $(uname -r)"
cgroup_v1_host
if load_module; then ok "module loads"; else not_ok "module loads"; exit 0; fi
start_listener || exit 0

escape_id=$(container_id escape)
probe_id=$(container_id probe)

# --- case 1: a container mounts rdma, makes a child, writes the file ---
t0=$(date +%s)
container_start "$escape_id" "/docker/$escape_id" '
mkdir -p /tmp/c && mount -t cgroup -o rdma cgroup /tmp/c && mkdir /tmp/c/x
stat -c "%d %i" /tmp/c/x/notify_on_release >/tmp/stat.escape
echo 1 >/tmp/c/x/notify_on_release'
container_go "$escape_id"
settle
t1=$(date +%s)

f=$(jq -c "select(.container_id == \"$escape_id\")" "$FINDINGS")
expect "container write: exactly one finding" 1 "$(echo "$f" | grep -c .)"
field() { echo "$f" | jq -r ".$1"; }
expect "finding: rule_id" TRC-106 "$(field rule_id)"
expect "finding: rule_name" "Cgroups notify_on_release file modification" \
	"$(field rule_name)"
expect "finding: severity" 3 "$(field severity)"
expect "finding: mitre_technique" T1611 "$(field mitre_technique)"
expect "finding: pid" "$CPID" "$(field pid)"
expect "finding: tid" "$CPID" "$(field tid)"
expect "finding: vpid" 1 "$(field vpid)"
expect "finding: ppid" "$CPARENT" "$(field ppid)"
expect "finding: uid" 0 "$(field uid)"
expect "finding: gid" 0 "$(field gid)"
expect "finding: euid" 0 "$(field euid)"
expect "finding: comm" "$(cat /proc/$CPID/comm)" "$(field comm)"
expect "finding: exe" "$(readlink /proc/$CPID/exe)" "$(field exe)"
expect "finding: path" /tmp/c/x/notify_on_release "$(field path)"
expect "finding: cgroup_file" "/docker/$escape_id/x/notify_on_release" \
	"$(field cgroup_file)"
expect "finding: hierarchy" rdma "$(field hierarchy)"
# O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE, as a shell's ">" opens
expect "finding: flags" $((0x8241)) "$(field flags)"
read -r dev ino </tmp/stat.escape
expect "finding: dev" \
	"$(((dev >> 8) & 0xfff)):$(((dev & 0xff) | ((dev >> 12) & 0xfff00)))" \
	"$(field dev)"
expect "finding: ino" "$ino" "$(field ino)"
expect "finding: cgroup_path" "/docker/$escape_id" "$(field cgroup_path)"
expect "finding: container" true "$(field container)"
expect "finding: container_id" "$escape_id" "$(field container_id)"
expect "finding: runtime" docker "$(field runtime)"
for ns in pid mnt cgroup user net; do
	expect "finding: ${ns}ns" "$(ns_inode "$CPID" $ns)" "$(field ${ns}ns)"
done
t=$(field time_ns)
if [ -n "$t" ] && [ "${t%?????????}" -ge "$t0" ] && [ "${t%?????????}" -le "$t1" ]; then
	ok "finding: time_ns within the write's second"
else
	not_ok "finding: time_ns $t outside [$t0, $t1]"
fi
container_stop "$escape_id"

# --- cases 6 to 8: other writers and other ways to name the file ---
ways_id=$(container_id ways)
before=$(wc -l <"$FINDINGS")
container_start "$ways_id" "/docker/$ways_id" '
mkdir -p /tmp/w && mount -t cgroup -o rdma cgroup /tmp/w && mkdir /tmp/w/v
f=/tmp/w/v/notify_on_release
exec 3<>$f; exec 3>&-
echo 1 >>$f
ln -s $f /tmp/link && echo 1 >/tmp/link
ln -s /tmp/w/v /tmp/dirlink && echo 1 >/tmp/dirlink/../v/notify_on_release
exec 4<$f; echo 1 >/proc/self/fd/4; exec 4<&-'
container_go "$ways_id"
container_stop "$ways_id"
settle
ways=$(tail -n +$((before + 1)) "$FINDINGS" |
	jq -r "select(.container_id == \"$ways_id\") | .flags_text" | tr '\n' ' ')
expect "cases 6-8: O_RDWR, O_APPEND, symlink, symlinked dir and .., /proc/self/fd" \
	"O_RDWR|O_CREAT|O_LARGEFILE O_WRONLY|O_CREAT|O_APPEND|O_LARGEFILE O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE " \
	"$ways"
expect "cases 6-8: every finding names the real file" \
	"/docker/$ways_id/v/notify_on_release" \
	"$(tail -n +$((before + 1)) "$FINDINGS" | jq -r .cgroup_file | sort -u)"

# --- a path longer than a finding keeps is cut at its start, not lost ---
deep_id=$(container_id deep)
container_start "$deep_id" "/docker/$deep_id" '
mkdir -p /tmp/d && mount -t cgroup -o rdma cgroup /tmp/d
n=$(printf "%0200d" 0); p=/tmp/d
for i in $(seq 19); do p=$p/$n; done
mkdir -p $p && echo 1 >$p/notify_on_release'
container_go "$deep_id"
container_stop "$deep_id"
settle
f=$(jq -c "select(.container_id == \"$deep_id\")" "$FINDINGS")
expect "deep path: one finding" 1 "$(echo "$f" | grep -c .)"
expect "deep path: path cut to 1024 bytes, end kept" \
	"1024 ... /notify_on_release" \
	"$(echo "$f" | jq -r '"\(.path | length) \(.path[0:3]) \(.path[-18:])"')"
expect "deep path: cgroup_file cut the same way" "1024 ..." \
	"$(echo "$f" | jq -r '"\(.cgroup_file | length) \(.cgroup_file[0:3])"')"

# --- opens that must give nothing ---
before=$(wc -l <"$FINDINGS")
matched0=$(status_field matches)
container_start "$probe_id" "/docker/$probe_id" '
mkdir -p /tmp/p && mount -t cgroup -o rdma cgroup /tmp/p && mkdir /tmp/p/y
test -w /tmp/p/y/notify_on_release && echo "# test -w: writable"
cat /tmp/p/y/notify_on_release >/dev/null
echo 0 >/tmp/p/y/cgroup.procs
echo 0 >/tmp/p/y/tasks
echo 1 >/tmp/p/y/cgroup.clone_children
mkdir -p /tmp/plain && echo 1 >/tmp/plain/notify_on_release'
container_go "$probe_id"
container_stop "$probe_id"
settle
expect "container: test -w, read-only open, other cgroup files, same name on tmpfs: no finding" \
	"$before" "$(wc -l <"$FINDINGS")"
expect "container: none of those opens matched" "$matched0" \
	"$(status_field matches)"

mkdir -p /sys/fs/cgroup/rdma/batch
echo 1 >/sys/fs/cgroup/rdma/batch/notify_on_release
settle
expect "host write: no finding" "$before" "$(wc -l <"$FINDINGS")"
expect "host write: counted as a match" $((matched0 + 1)) \
	"$(status_field matches)"

# --- counters agree with what happened: 1 + 5 + 1 container writes ---
expect "status: matched" 8 "$(status_field matches)"
expect "status: findings" 7 "$(status_field findings)"
expect "status: sent" 7 "$(status_field findings_sent)"
for c in lost_no_memory lost_no_listener lost_socket_full lost_backlog_full; do
	expect "status: $c" 0 "$(status_field $c)"
done
inspected=$(status_field opens_inspected)
cat /init /proc/version >/dev/null
if [ "$(status_field opens_inspected)" -gt "$inspected" ]; then
	ok "status: opens_inspected grows with opens"
else
	not_ok "status: opens_inspected did not grow from $inspected"
fi

# --- access control: as strict as the kernel lets the family be ---
/usr/bin/setpriv --reuid 65534 --regid 65534 --clear-groups \
	cgwatch listen --count 1 --timeout 2 >/dev/null 2>/tmp/denied.err
rc=$?
if [ "$(status_field subscribe_needs_admin)" = true ]; then
	expect "unprivileged listen: refused (exit 4; $(cat /tmp/denied.err))" 4 "$rc"
else
	echo "# this kernel cannot restrict the findings group"
	expect "unprivileged listen: allowed where the kernel cannot restrict it" 0 "$rc"
fi
stop_listener

# --- with nobody listening, a finding is counted as lost ---
lone_id=$(container_id lone)
container_start "$lone_id" "/docker/$lone_id" '
mkdir -p /tmp/c && mount -t cgroup -o rdma cgroup /tmp/c && mkdir /tmp/c/x
echo 1 >/tmp/c/x/notify_on_release'
container_go "$lone_id"
container_stop "$lone_id"
expect "no listener: finding counted" 8 "$(status_field findings)"
expect "no listener: counted as lost" 1 "$(status_field lost_no_listener)"
expect "no listener: nothing more sent" 7 "$(status_field findings_sent)"
check_kernel_log "kernel log clean after the scenarios"

# --- unload at any moment: a listener attached, opens on every CPU ---
load_id=$(container_id load)
start_listener || exit 0
container_start "$load_id" "/docker/$load_id" '
mkdir -p /tmp/l && mount -t cgroup -o rdma cgroup /tmp/l && mkdir /tmp/l/z
while [ ! -e /tmp/stop.load ]; do
	echo 1 >/tmp/l/z/notify_on_release; cat /proc/version >/dev/null
done'
container_go "$load_id" &
loaders=$!
for cpu in $(seq "$(nproc)"); do
	( while [ ! -e /tmp/stop.load ]; do
		cat /init /proc/version >/dev/null
		echo 0 >/sys/fs/cgroup/rdma/batch/notify_on_release
	done ) &
	loaders="$loaders $!"
done
reloaded=0
cycles=${CGW_UNLOAD_CYCLES:-5}
for i in $(seq "$cycles"); do
	sleep 0.5
	rmmod cgwatch && insmod /cgwatch.ko && reloaded=$((reloaded + 1))
done
touch /tmp/stop.load
container_stop "$load_id"
wait $loaders
expect "unload and reload under load: cycles" "$cycles" "$reloaded"

# The listener attached before the first unload followed every reload.
after_id=$(container_id after-reload)
wait_listening
mark=$(wc -l <"$FINDINGS")
escape_in "$after_id" "/docker/$after_id"
settle
expect "listener kept across $cycles reloads: the finding made after them" \
	1 "$(findings_of "$after_id" "$mark" | grep -c .)"
expect "listener kept across reloads: it said so each time" \
	"$cycles $cycles" "$(grep -c 'was unloaded' /tmp/listener.err) $(grep -c 'is loaded again' /tmp/listener.err)"
stop_listener 'receive buffer overrun'
check_kernel_log "kernel log clean after unloading under load"
rmmod cgwatch
cgwatch status >/dev/null 2>&1
expect "status without the module: exit 3" 3 $?
script_complete
