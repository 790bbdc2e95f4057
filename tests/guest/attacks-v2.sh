# SPDX-License-Identifier: GPL-2.0
# Case 13 of shared/notes/attack-cases.md: a host with only cgroup2. A
# privileged container that shares the host's cgroup namespace creates a
# named v1 hierarchy and writes its notify_on_release; from a private
# cgroup namespace the kernel refuses the new hierarchy.
. /tests/lib.sh

echo "# attack cases on $(uname -r), cgroup2-only host"
cgroup_v2_host
load_module || { not_ok "module loads"; exit 0; }
start_listener || exit 0

id=$(container_id cgroupns-host)
CTR_NAMESPACES="--pid --mount --uts --ipc --net" \
	container_start host-ns "/docker/$id" '
mkdir -p /tmp/x && mount -t cgroup -o none,name=x cgroup /tmp/x &&
mkdir -p /tmp/x/y && echo 1 >/tmp/x/y/notify_on_release'
container_go host-ns
container_stop host-ns
settle
f=$(findings_of "$id")
expect "case 13: one finding" 1 "$(echo "$f" | grep -c .)"
expect "case 13: id from the cgroup2 path, named hierarchy" \
	"docker /docker/$id name=x /y/notify_on_release" \
	"$(echo "$f" | jq -r '"\(.runtime) \(.cgroup_path) \(.hierarchy) \(.cgroup_file)"')"

id=$(container_id cgroupns-private)
container_start private-ns "/docker/$id" '
mkdir -p /tmp/z
if mount -t cgroup -o none,name=z cgroup /tmp/z 2>/tmp/mount.err; then
	echo 1 >/tmp/z/notify_on_release
	echo "mounted" >/tmp/private-ns.result
else
	echo "refused: $(cat /tmp/mount.err)" >/tmp/private-ns.result
fi'
container_go private-ns
container_stop private-ns
settle
case $(cat /tmp/private-ns.result) in
refused*) ok "case 13, private cgroup namespace: the kernel refuses the mount" ;;
*) not_ok "case 13, private cgroup namespace: $(cat /tmp/private-ns.result)" ;;
esac
expect "case 13, private cgroup namespace: no finding" 0 \
	"$(findings_of "$id" | grep -c .)"

stop_listener
check_kernel_log "kernel log clean after the cgroup2-only cases"
script_complete
