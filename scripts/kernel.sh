#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch a Debian cloud kernel and its headers into the cache, ready to
# build modules against and to boot under QEMU.
#
#   scripts/kernel.sh SERIES     SERIES: 5.10, 6.1, 6.12, 7.2 or debug
#
# Prints the kernel's directory, which holds:
#   vmlinuz     the kernel to boot
#   kdir        a file naming the headers tree to pass as KDIR
#   release     the kernel release (uname -r)
#   chroot      (7.2 only) a file naming a sid root in which to build: sid's
#               kbuild needs sid's glibc and compiler, and kdir is inside it
# Packages come from the Debian mirror this machine's apt already uses,
# through a private apt configuration that leaves the machine's alone.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

series=${1:?usage: kernel.sh SERIES}
# The debug kernel is built here from Debian's linux-source-6.1.
[ "$series" = debug ] && exec "$(dirname "$0")/debug-kernel.sh"
case $series in
5.10) suite=bullseye ;;
6.1) suite="bookworm bookworm-security" ;;
6.12) suite=bookworm-backports ;;
7.2) suite=sid ;;
*) die "unknown kernel series '$series' (known: 5.10 6.1 6.12 7.2 debug)" ;;
esac

out=$CGW_CACHE/kernels/$series
if [ -s "$out/kdir" ] && [ -s "$out/vmlinuz" ]; then
	printf '%s\n' "$out"
	exit 0
fi
need_packages apt debian-archive-keyring dpkg

apt_dir=$CGW_CACHE/apt/$series
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" \
	"$CGW_CACHE/kernels"
mirror=$(debian_mirror)
: >"$apt_dir/sources.list"
for s in $suite; do
	uri=$mirror
	[ "${s%-security}" != "$s" ] && uri=$(debian_mirror security)
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $s main" \
		>>"$apt_dir/sources.list"
done
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list"
	-o "Dir::Etc::SourceParts=-" -o "Dir::State::Lists=$apt_dir/lists"
	-o "Dir::Cache::Archives=$apt_dir/archives"
	-o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
	-o "APT::Sandbox::User=root")
say "kernel $series: reading the package lists of $suite"
apt-get "${apt_opts[@]}" update -qq >&2

# The newest cloud flavour headers of this series, and what they need.
headers=$(apt-cache "${apt_opts[@]}" depends linux-headers-cloud-amd64 |
	awk '/Depends: linux-headers-/ { print $2; exit }')
[ -n "$headers" ] || die "no cloud-amd64 headers in $suite"
release=${headers#linux-headers-}
work=$(mktemp -d "$CGW_CACHE/kernels/.$series.XXXXXX")
trap 'rm -rf "$work"' EXIT

# download_unpack PACKAGE...: into $work/root.
download_unpack() {
	say "kernel $series: downloading $*"
	(cd "$work" && apt-get "${apt_opts[@]}" download -qq "$@" >&2)
	for deb in "$work"/*.deb; do
		dpkg-deb -x "$deb" "$work/root"
	done
	rm -f "$work"/*.deb
}

if [ "$series" = 7.2 ]; then
	# The image is linux-binary-*, its vmlinuz under usr/lib/modules.
	download_unpack "linux-binary-$release"
	cp "$work/root/usr/lib/modules/$release/vmlinuz" "$work/vmlinuz"
	rm -rf "$work/root"
	need_packages debootstrap
	say "kernel $series: making a sid root with its compiler and headers"
	debootstrap --variant=minbase --include="make,libc6-dev,kmod,$headers" \
		sid "$work/sid-root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
		{ tail -5 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
	echo "$out/sid-root" >"$work/chroot"
	echo "/usr/src/linux-headers-$release" >"$work/kdir"
else
	image=linux-image-$release
	apt-cache "${apt_opts[@]}" show "$image" >/dev/null 2>&1 ||
		image=linux-image-$release-unsigned
	deps=$(apt-cache "${apt_opts[@]}" depends "$headers" |
		awk '/Depends: linux-(headers|kbuild)-/ { print $2 }')
	# shellcheck disable=SC2086
	download_unpack "$image" "$headers" $deps
	# The flavour's Makefile includes the common tree by absolute path.
	kdir=$work/root/usr/src/linux-headers-$release
	sed -i "s#^include /usr/src/#include $out/root/usr/src/#" "$kdir/Makefile"
	cp "$work/root/boot/vmlinuz-$release" "$work/vmlinuz"
	echo "$out/root/usr/src/linux-headers-$release" >"$work/kdir"
fi
echo "$release" >"$work/release"
rm -rf "$out"
mv "$work" "$out"
trap - EXIT
printf '%s\n' "$out"
