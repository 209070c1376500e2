#!/bin/sh
# deps.sh - install the Debian packages loker needs to build, run and test.
# As root it runs apt-get; otherwise it prints the one command to run.
set -eu

BUILD="build-essential pkg-config libcurl4-openssl-dev libstemmer-dev libmicrohttpd-dev libsqlite3-dev libsodium-dev libjansson-dev zlib1g-dev libcmark-dev libxlsxwriter-dev libcairo2-dev libqrencode-dev libfontconfig-dev fonts-dejavu-core"
TEST="gammu-smsd python3-aiosmtpd clang-14 libclang-rt-14-dev libcmocka-dev python3 chromium nodejs npm curl sqlite3 poppler-utils zbar-tools nginx openssl systemd"

missing=""
for p in $BUILD ${LOKER_DEPS_TEST:-$TEST}; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
# nodejs may come from another repository under the same name; npm then ships with it.
if command -v npm >/dev/null 2>&1; then
	missing=$(echo "$missing" | sed 's/ npm//')
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing"
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
else
	echo "deps: missing packages. Run:"
	echo "  sudo apt-get install -y$missing"
	exit 1
fi
