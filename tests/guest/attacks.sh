# SPDX-License-Identifier: GPL-2.0
# The public escape techniques of shared/notes/attack-cases.md on a
# cgroup v1 host, each with the verdict it must get: the cgroup layouts
# of every runtime and their monitors, a real runc container, the
# unprivileged CVE-2022-0492 variant, and every way to open the file.
. /tests/lib.sh

echo "# attack cases on $(uname -r), cgroup v1 host"
cgroup_v1_host
load_module || { not_ok "module loads"; exit 0; }
start_listener || exit 0

pod=pod6b1a6c8f-2d3b-4c7e-9f10-1234567890ab

# --- the layouts of every runtime: one finding, that runtime and id ---
layout() {
	local name=$1 path=$2 runtime=$3 id=$4 mark f
	mark=$(wc -l <"$FINDINGS")
	escape_in "$name" "$path"
	settle
	f=$(findings_of "$id" "$mark")
	expect "layout $name: one finding" 1 "$(echo "$f" | grep -c .)"
	expect "layout $name: runtime, cgroup" "$runtime $path" \
		"$(echo "$f" | jq -r '"\(.runtime) \(.cgroup_path)"')"
	expect "layout $name: opener and file" \
		"true $CPID 1 /tmp/c/x/notify_on_release rdma $path/x/notify_on_release" \
		"$(echo "$f" | jq -r '"\(.container) \(.pid) \(.vpid) \(.path) \(.hierarchy) \(.cgroup_file)"')"
}
id=$(container_id systemd-driver)
layout docker-systemd "/system.slice/docker-$id.scope" docker "$id"
id=$(container_id containerd)
layout containerd-systemd \
	"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-$pod.slice/cri-containerd-$id.scope" \
	containerd "$id"
id=$(container_id containerd-cgroupfs)
layout containerd-cgroupfs \
	"/kubepods-burstable-$pod.slice:cri-containerd:$id" containerd "$id"
id=$(container_id kubelet)
layout kubernetes-cgroupfs "/kubepods/burstable/$pod/$id" kubernetes "$id"
id=$(container_id crio)
layout crio \
	"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-$pod.slice/crio-$id.scope" \
	crio "$id"
id=$(container_id podman)
layout podman "/machine.slice/libpod-$id.scope/container" podman "$id"
layout lxc "/lxc.payload.web01" lxc web01
layout lxc-old "/lxc/web02" lxc web02
id=$(container_id outer)
inner=$(container_id inner)
layout docker-in-docker "/docker/$id/docker/$inner" docker "$inner"

# --- the opener moves itself, in the hierarchy of the file it writes, to
# a cgroup named like a nested container: that hierarchy is not read for
# the id, the others still name the real container ---
own=pids
[ -f /sys/fs/cgroup/memory/cgroup.procs ] && own=memory
id=$(container_id mover)
fake=$(container_id forged)
mark=$(wc -l <"$FINDINGS")
container_start mover "/docker/$id" "
mkdir -p /tmp/m && mount -t cgroup -o $own cgroup /tmp/m &&
mkdir -p /tmp/m/docker/$fake && echo \$\$ >/tmp/m/docker/$fake/cgroup.procs &&
echo 1 >/tmp/m/docker/$fake/notify_on_release"
container_go mover
container_stop mover
settle
f=$(findings_of "$id" "$mark")
expect "moved in the file's own hierarchy ($own): one finding, the real id" \
	1 "$(echo "$f" | grep -c .)"
expect "moved in the file's own hierarchy: fields" \
	"docker /docker/$id $own /docker/$id/docker/$fake/notify_on_release" \
	"$(echo "$f" | jq -r '"\(.runtime) \(.cgroup_path) \(.hierarchy) \(.cgroup_file)"')"
expect "moved in the file's own hierarchy: the forged id is not reported" \
	0 "$(findings_of "$fake" "$mark" | grep -c .)"

# --- the opener moves itself in cgroup2: a v1 host leaves containers at
# its root, where their cgroup namespace lets them go anywhere. The v1
# hierarchies, read first, still name the real container ---
id=$(container_id cgroup2-mover)
fake=$(container_id cgroup2-forged)
mark=$(wc -l <"$FINDINGS")
container_start v2mover "/docker/$id" "
mkdir -p /tmp/c /tmp/u && mount -t cgroup -o rdma cgroup /tmp/c &&
mkdir -p /tmp/c/x && mount -t cgroup2 none /tmp/u &&
mkdir -p /tmp/u/docker/$fake && echo \$\$ >/tmp/u/docker/$fake/cgroup.procs &&
grep '^0::' /proc/self/cgroup >/tmp/v2mover.cgroup &&
echo 1 >/tmp/c/x/notify_on_release"
container_go v2mover
container_stop v2mover
settle
expect "moved in cgroup2: the opener was in the forged cgroup" \
	"0::/docker/$fake" "$(cat /tmp/v2mover.cgroup)"
expect "moved in cgroup2: one finding, the real id from the v1 hierarchies" \
	"docker $id /docker/$id" \
	"$(findings_of "$id" "$mark" | jq -r '"\(.runtime) \(.container_id) \(.cgroup_path)"')"
expect "moved in cgroup2: the forged id is not reported" \
	0 "$(findings_of "$fake" "$mark" | grep -c .)"

# --- limitation: a privileged container leaves its cgroups through file
# handles, which reach above its cgroup namespace's root: still a finding,
# of a container whose cgroups name none ---
id=$(container_id handle-mover)
mark=$(wc -l <"$FINDINGS")
container_start fhmover "/docker/$id" "
moved=yes
for h in $CG_V1_HIERARCHIES; do
	# Only the hierarchies this kernel has (6.12 on: no v1 memory, cpuset).
	mkdir -p /tmp/h/\$h && mount -t cgroup -o \$h cgroup /tmp/h/\$h \
		2>/dev/null || continue
	cgw-fhmove /tmp/h/\$h \$\$ || moved=no
done
echo \$moved >/tmp/fhmover.moved
mkdir -p /tmp/h/rdma/x && echo 1 >/tmp/h/rdma/x/notify_on_release"
container_go fhmover
fhmover=$CPID
container_stop fhmover
settle
f=$(tail -n +$((mark + 1)) "$FINDINGS" | jq -c "select(.pid == $fhmover)")
moved=$(cat /tmp/fhmover.moved)
echo "# file handles took the opener out of its cgroups: $moved"
if [ "$moved" = yes ]; then
	expect "limitation: out of its cgroups by file handles: a container with no id" \
		"true unknown  / /docker/$id/x/notify_on_release" \
		"$(echo "$f" | jq -r '"\(.container) \(.runtime) \(.container_id) \(.cgroup_path) \(.cgroup_file)"')"
else
	expect "file handles refused: the finding names the container" \
		"true docker $id /docker/$id" \
		"$(echo "$f" | jq -r '"\(.container) \(.runtime) \(.container_id) \(.cgroup_path)"')"
fi

# --- limitation: a privileged container that shares the host's cgroup
# namespace can move into another container's cgroups, which then name
# that container; its namespaces still tell it apart ---
victim=$(container_id victim)
id=$(container_id impostor)
dirs=$(cgroup_dirs | tr '\n' ' ')
for d in $dirs; do
	mkdir -p "$d/docker/$victim"
done
mark=$(wc -l <"$FINDINGS")
CTR_NAMESPACES="--pid --mount --uts --ipc --net" \
	container_start impostor "/docker/$id" "
for d in $dirs; do echo \$\$ >\$d/docker/$victim/cgroup.procs; done
mkdir -p /sys/fs/cgroup/rdma/docker/$victim/y &&
echo 1 >/sys/fs/cgroup/rdma/docker/$victim/y/notify_on_release"
container_go impostor
impostor_pidns=$(ns_inode "$CPID" pid)
container_stop impostor
settle
expect "limitation: host cgroup namespace: the impostor is reported as the victim" \
	"docker $victim $impostor_pidns" \
	"$(findings_of "$victim" "$mark" | jq -r '"\(.runtime) \(.container_id) \(.pidns)"')"
expect "limitation: host cgroup namespace: its own id is not reported" \
	0 "$(findings_of "$id" "$mark" | grep -c .)"

# --- limitation: a privileged container that shares the host's pid
# namespace, enters its mount namespace and leaves its cgroups is, in all
# that cgwatch reads, a host process: a match, no finding ---
id=$(container_id host-pid)
mark=$(wc -l <"$FINDINGS")
matches=$(status_field matches)
CTR_NAMESPACES="--mount --uts --ipc --net" \
	container_start hostpid "/docker/$id" "
nsenter -t 1 -m sh -c 'for d in $dirs; do echo \$\$ >\$d/cgroup.procs; done
	mkdir -p /sys/fs/cgroup/rdma/hostpid &&
	echo 1 >/sys/fs/cgroup/rdma/hostpid/notify_on_release &&
	touch /tmp/hostpid.written'"
container_go hostpid
container_stop hostpid
settle
expect "limitation: host pid namespace, host mounts, root cgroups: a match, no finding" \
	"yes $((matches + 1)) $mark" \
	"$([ -e /tmp/hostpid.written ] && echo yes) $(status_field matches) $(wc -l <"$FINDINGS")"

# --- monitors run on the host: their writes are not findings ---
mark=$(wc -l <"$FINDINGS")
matches=$(status_field matches)
id=$(container_id monitored)
for path in "/machine.slice/libpod-conmon-$id.scope" \
	"/kubepods.slice/crio-conmon-$id.scope" "/lxc.monitor.web01"; do
	host_in_cgroup "$path" "mkdir -p /sys/fs/cgroup/rdma/mon &&
		echo 1 >/sys/fs/cgroup/rdma/mon/notify_on_release"
done
settle
expect "monitors (conmon, lxc.monitor) on the host: no finding" "$mark" \
	"$(wc -l <"$FINDINGS")"
expect "monitors: their writes are matches" $((matches + 3)) \
	"$(status_field matches)"

# --- case 2: CVE-2022-0492, unprivileged, through a new user namespace ---
# The container keeps only Docker's default capabilities: no
# CAP_SYS_ADMIN, but CAP_SETFCAP, which 5.12 and later require to map
# root into a new user namespace.
docker_caps=-all,+chown,+dac_override,+fowner,+fsetid,+kill,+setgid,+setuid
docker_caps=$docker_caps,+setpcap,+net_bind_service,+net_raw,+sys_chroot
docker_caps=$docker_caps,+mknod,+audit_write,+setfcap
id=$(container_id cve-2022-0492)
mark=$(wc -l <"$FINDINGS")
container_start cve "/docker/$id" '
/usr/bin/setpriv --bounding-set '"$docker_caps"' --inh-caps -all \
	/usr/bin/unshare -UrmC --propagation=unchanged sh -c "
	mkdir -p /tmp/u && mount -t cgroup -o rdma cgroup /tmp/u &&
	mkdir -p /tmp/u/y && echo 1 >/tmp/u/y/notify_on_release" ||
	echo "# case 2: the unprivileged mount failed"'
container_go cve
ctr_userns=$(ns_inode "$CPID" user)
container_stop cve
settle
f=$(findings_of "$id" "$mark")
expect "case 2: one finding, id from the cgroup seen from the root" 1 \
	"$(echo "$f" | grep -c .)"
expect "case 2: runtime" docker "$(echo "$f" | jq -r .runtime)"
if [ -n "$f" ] && [ "$(echo "$f" | jq -r .userns)" != "$ctr_userns" ]; then
	ok "case 2: the opener was in a user namespace of its own"
else
	not_ok "case 2: userns $(echo "$f" | jq -r .userns) (container's $ctr_userns)"
fi

# --- cases 9 to 11: openat with a directory fd, openat2, io_uring, O_PATH ---
id=$(container_id writers)
mark=$(wc -l <"$FINDINGS")
matches=$(status_field matches)
container_start writers "/docker/$id" '
mkdir -p /tmp/c && mount -t cgroup -o rdma cgroup /tmp/c && mkdir -p /tmp/c/x
: >/tmp/writers.pids
for how in openat-dirfd openat2 uring uring-async opath; do
	sh -c "echo \$\$ >>/tmp/writers.pids
		exec cgw-open $how /tmp/c/x/notify_on_release" >>/tmp/writers.out ||
		echo "$how" >>/tmp/writers.failed
	sleep 0.5
done'
container_go writers
container_stop writers
settle
expect "cases 9-11: every open succeeded" "" "$(cat /tmp/writers.failed 2>/dev/null)"
f=$(findings_of "$id" "$mark")
# The pids of openat-dirfd, openat2, uring and uring-async, in order.
pids=$(head -4 /tmp/writers.pids | tr '\n' ' ')
expect "cases 9-11: four write-opens matched, O_PATH did not" \
	$((matches + 4)) "$(status_field matches)"
io_wq=$(sed -n 's/^io-wq=//p' /tmp/writers.out)
echo "# io_uring's async workers on this kernel: $io_wq"
if [ "$io_wq" = threads ]; then
	# The async open ran in an "iou-wrk-<tid>" thread of the submitter
	# (mainline 5.12 on; Debian's 5.10 has it backported): same process,
	# cgroup and namespaces, so the same container id.
	expect "cases 9-11: every finding is O_WRONLY on the real file" \
		"O_WRONLY|O_LARGEFILE /docker/$id/x/notify_on_release" \
		"$(echo "$f" | jq -r '"\(.flags_text) \(.cgroup_file)"' | sort -u)"
	expect "cases 9-11: openat, openat2, io_uring inline and async: one finding each, by pid; O_PATH none" \
		"$pids" "$(echo "$f" | jq -r .vpid | tr '\n' ' ')"
	expect "case 10: the async open ran in a thread of the submitter" \
		"iou-wrk-" "$(echo "$f" | sed -n 4p | jq -r .comm | cut -c1-8)"
else
	# Kernel threads of io-wq (mainline before 5.12) are not the
	# submitter: the scenario says so rather than guess their fields.
	not_ok "case 10: io_uring runs async work in kernel threads here ($io_wq); cgwatch's tests do not cover such kernels"
fi

# --- limitation: a write through a descriptor the host opened ---
id=$(container_id passed-fd)
mkdir -p /sys/fs/cgroup/rdma/passed
mark=$(wc -l <"$FINDINGS")
matches=$(status_field matches)
exec 5>/sys/fs/cgroup/rdma/passed/notify_on_release
container_start passed "/docker/$id" 'echo 1 >&5 && touch /tmp/passed.written'
exec 5>&-
container_go passed
container_stop passed
settle
expect "limitation: the container wrote through the host's descriptor" \
	"yes 1" "$([ -e /tmp/passed.written ] && echo yes) $(cat /sys/fs/cgroup/rdma/passed/notify_on_release)"
expect "limitation: the host's open was the only match" \
	$((matches + 1)) "$(status_field matches)"
expect "limitation: a write through a host-opened descriptor is not seen" \
	0 "$(findings_of "$id" "$mark" | grep -c .)"

# --- real runc containers, Docker's two cgroup layouts ---
# Each escapes as in case 1; runc's own cgroup setup on the host, before
# and after, must add nothing.
mark=$(wc -l <"$FINDINGS")
runc_ids=
for layout in cgroupfs systemd; do
	id=$(container_id "runc-$layout")
	runc_ids="$runc_ids $id"
	case $layout in
	cgroupfs) path=/docker/$id ;;
	systemd) path=/system.slice/docker-$id.scope ;;
	esac
	rm -rf /tmp/bundle
	runc_bundle /tmp/bundle "$path" "$ESCAPE"
	runc --root /run/runc run --bundle /tmp/bundle "$layout" </dev/null ||
		echo "# runc run ($layout) failed"
	settle
	f=$(findings_of "$id" "$mark")
	expect "runc, Docker $layout layout: one finding" 1 "$(echo "$f" | grep -c .)"
	expect "runc, Docker $layout layout: fields" \
		"docker $path 1 rdma $path/x/notify_on_release" \
		"$(echo "$f" | jq -r '"\(.runtime) \(.cgroup_path) \(.vpid) \(.hierarchy) \(.cgroup_file)"')"
done
expect "runc starts and stops two containers: no finding but their escapes" \
	"$runc_ids" "$(tail -n +$((mark + 1)) "$FINDINGS" |
		jq -r .container_id | sed 's/^/ /' | tr -d '\n')"

stop_listener
check_kernel_log "kernel log clean after the attack cases"
script_complete
