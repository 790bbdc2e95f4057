# SPDX-License-Identifier: GPL-2.0
# Shared by the scripts of scripts/: paths, messages, and installing what
# a fresh Debian 12 machine lacks. Source it; it runs nothing by itself.

CGW_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CGW_BUILD=${CGW_BUILD:-$CGW_TOP/build}
# Downloads and built kernels outlive a checkout: later runs reuse them.
CGW_CACHE=${CGWATCH_CACHE:-/var/cache/cgwatch}

say() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The packages every command here needs on the build machine.
CGW_HOST_PACKAGES="make gcc libc6-dev pkg-config libmnl-dev libjson-c-dev
libcmocka-dev qemu-system-x86 busybox-static cpio gzip jq util-linux
kmod bc flex bison libelf-dev libssl-dev dwarves debian-archive-keyring
sparse runc liburing-dev"

# need_packages PKG...: install those that are missing, once.
need_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing: ${missing[*]}"
	[ "$(id -u)" = 0 ] || die "need root to install ${missing[*]}"
	apt-get update -qq >&2 || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >&2 ||
		die "cannot install ${missing[*]}"
}

need_host_packages() {
	# shellcheck disable=SC2086
	need_packages $CGW_HOST_PACKAGES
}

# debian_mirror [security]: the Debian archive this machine's apt uses,
# or with "security" its security archive, read from the machine's own
# configuration (deb822 or one-line form).
debian_mirror() {
	local want=${1:-main} uri
	uri=$(awk -v want="$want" '
		/^URIs:/ { uri = $2 }
		/^Suites:/ { for (i = 2; i <= NF; i++) {
			sec = ($i ~ /-security$/)
			if ((want == "security") == sec) { print uri; exit } } }
	' /etc/apt/sources.list.d/*.sources 2>/dev/null)
	[ -n "$uri" ] || uri=$(awk -v want="$want" '$1 == "deb" {
		i = ($2 ~ /^\[/) ? 3 : 2
		if ((want == "security") == ($(i + 1) ~ /-security$/)) {
			print $i; exit } }' /etc/apt/sources.list 2>/dev/null)
	[ -n "$uri" ] || die "no Debian $want archive in this machine's apt configuration"
	printf '%s\n' "${uri%/}"
}
