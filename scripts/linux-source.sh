#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Unpack Debian's linux-source-6.1 into the cache (once) and print the
# tree's directory: the debug kernel is built from it, and checkpatch
# comes from it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

need_packages linux-source-6.1 xz-utils
src=$CGW_CACHE/src/linux-source-6.1
version=$(dpkg-query -W -f='${Version}' linux-source-6.1)
if [ "$(cat "$src/.debian-version" 2>/dev/null)" != "$version" ]; then
	say "unpacking linux-source-6.1 $version"
	rm -rf "$src"
	mkdir -p "$CGW_CACHE/src"
	tar -C "$CGW_CACHE/src" -xf /usr/src/linux-source-6.1.tar.xz
	echo "$version" >"$src/.debian-version"
fi
printf '%s\n' "$src"
