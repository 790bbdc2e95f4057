# SPDX-License-Identifier: GPL-2.0
# The KUnit run on the debug kernel: mount the hierarchies the suites
# open (kunit_tests/files.h), load KUnit and the test module, and print
# the KTAP they leave in the kernel log.
mount -t tmpfs cgroup /sys/fs/cgroup
for dir in rdma named cpuset unified; do
	mkdir -p /sys/fs/cgroup/$dir
done
mount -t cgroup -o rdma cgroup /sys/fs/cgroup/rdma
mount -t cgroup -o none,name=kunit cgroup /sys/fs/cgroup/named
mkdir /sys/fs/cgroup/named/child
mount -t cpuset cpuset /sys/fs/cgroup/cpuset
mount -t cgroup2 cgroup2 /sys/fs/cgroup/unified
echo 0 >/tmp/notify_on_release

dmesg -c >/dev/null
insmod /extra/kunit.ko || echo "# kunit.ko did not load"
insmod /extra/cgwatch_kunit.ko || echo "# cgwatch_kunit.ko did not load"
rmmod cgwatch_kunit
dmesg | sed 's/^\[ *[0-9.]*\] //'
