# SPDX-License-Identifier: GPL-2.0
# The guest side of `make demo`: a real runc container escapes through
# notify_on_release on a cgroup v1 host while cgwatch listens; the host
# then writes the same kind of file. Prints the findings and a verdict.
. /tests/lib.sh

echo "# demo on $(uname -r)"
cgroup_v1_host
load_module || { echo "# demo: FAIL: the module did not load"; exit 0; }
start_listener || { echo "# demo: FAIL: no listener"; exit 0; }
cgwatch listen >/tmp/findings.txt &
TEXT_LISTENER=$!

id=$(container_id cgwatch-demo)
runc_bundle /tmp/bundle "/docker/$id" '
mkdir -p /tmp/cgrp && mount -t cgroup -o rdma cgroup /tmp/cgrp
mkdir /tmp/cgrp/x
echo 1 >/tmp/cgrp/x/notify_on_release
echo "# container: wrote notify_on_release as pid $$ in $(hostname)"
{ echo /cmd >/tmp/cgrp/release_agent; } 2>/dev/null ||
	echo "# container: (the next step, release_agent, is only at the hierarchy root, outside this cgroup namespace: the demo stops at the write cgwatch watches)"'
echo "# running container $id with runc"
runc --root /run/runc run --bundle /tmp/bundle "$id" </dev/null
echo "# runc exited with $?"

echo "# host: writing notify_on_release from the initial namespaces"
mkdir -p /sys/fs/cgroup/rdma/host-job
echo 1 >/sys/fs/cgroup/rdma/host-job/notify_on_release
settle
kill -INT "$LISTENER" "$TEXT_LISTENER"
wait "$LISTENER" "$TEXT_LISTENER"

echo "# findings, as cgwatch listen prints them:"
sed 's/^/finding: /' /tmp/findings.txt
echo "# the same, as cgwatch listen --json prints them:"
sed 's/^/finding: /' "$FINDINGS"
echo "# status:"
cgwatch status | sed 's/^/# /'
count=$(grep -c . "$FINDINGS")
match=$(jq -c "select(.container_id == \"$id\" and .runtime == \"docker\")" \
	"$FINDINGS" | grep -c .)
text=$(grep -c "container=docker/$id " /tmp/findings.txt)
matches=$(status_field matches)
if [ "$count" = 1 ] && [ "$match" = 1 ] && [ "$text" = 1 ] &&
	[ "$matches" = 2 ]; then
	echo "# demo: PASS: both writes were seen, and exactly the container's was reported (docker $id)"
else
	echo "# demo: FAIL: $count findings ($match from container $id, $text as text), $matches matches (2 expected: the container's and the host's)"
fi
