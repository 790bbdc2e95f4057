#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch a Debian cloud kernel and its headers into the cache, ready to
# build modules against and to boot under QEMU.
#
#   scripts/kernel.sh SERIES     SERIES: 5.10, 6.1 or 6.12
#
# Prints the kernel's directory, which holds:
#   vmlinuz     the kernel to boot
#   kdir        a file naming the headers tree to pass as KDIR
#   release     the kernel release (uname -r)
# Packages come from the Debian mirror this machine's apt already uses,
# through a private apt configuration that leaves the machine's alone.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

series=${1:?usage: kernel.sh SERIES}
case $series in
5.10) suite=bullseye ;;
6.1) suite="bookworm bookworm-security" ;;
6.12) suite=bookworm-backports ;;
*) die "unknown kernel series '$series' (known: 5.10 6.1 6.12)" ;;
esac

out=$CGW_CACHE/kernels/$series
if [ -s "$out/kdir" ] && [ -s "$out/vmlinuz" ]; then
	printf '%s\n' "$out"
	exit 0
fi
need_packages apt debian-archive-keyring dpkg

apt_dir=$CGW_CACHE/apt/$series
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
mirror=$(debian_mirror)
security=${mirror%/debian}/debian-security
: >"$apt_dir/sources.list"
for s in $suite; do
	uri=$mirror
	[ "${s%-security}" != "$s" ] && uri=$security
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
image=linux-image-$release
apt-cache "${apt_opts[@]}" show "$image" >/dev/null 2>&1 ||
	image=linux-image-$release-unsigned
deps=$(apt-cache "${apt_opts[@]}" depends "$headers" |
	awk '/Depends: linux-(headers|kbuild)-/ { print $2 }')

work=$(mktemp -d "$CGW_CACHE/kernels/.$series.XXXXXX")
trap 'rm -rf "$work"' EXIT
say "kernel $series: downloading $image $headers $deps"
(cd "$work" && apt-get "${apt_opts[@]}" download -qq \
	"$image" "$headers" $deps >&2)
for deb in "$work"/*.deb; do
	dpkg-deb -x "$deb" "$work/root"
done
rm -f "$work"/*.deb

# The flavour's Makefile includes the common tree by absolute path.
kdir=$work/root/usr/src/linux-headers-$release
sed -i "s#^include /usr/src/#include $out/root/usr/src/#" "$kdir/Makefile"
cp "$work/root/boot/vmlinuz-$release" "$work/vmlinuz"
echo "$release" >"$work/release"
echo "$out/root/usr/src/linux-headers-$release" >"$work/kdir"
rm -rf "$out"
mv "$work" "$out"
trap - EXIT
printf '%s\n' "$out"
