#!/bin/sh
# install-deps.sh - install everything Bounceback needs to build, run and test
# (sanitizers, fuzzing and the benchmark included) on a fresh Debian 12
# (bookworm) machine. Run as root; non-interactive; safe to run again: when
# every package is already there it touches nothing (and needs no network).
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
export DEBIAN_FRONTEND=noninteractive

# build and run
PACKAGES="build-essential pkg-config meson ninja-build gettext git ca-certificates
  libglib2.0-dev libglib2.0-bin libgmime-3.0-dev libsqlite3-dev sqlite3
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libxlsxwriter-dev libmimalloc-dev
  desktop-file-utils appstream librsvg2-bin fonts-noto-cjk fonts-dejavu-core adwaita-icon-theme"
# tests: headless GUI, accessibility, .ci/run's result count
PACKAGES="$PACKAGES xvfb xauth imagemagick at-spi2-core python3 python3-gi gir1.2-atspi-2.0 gir1.2-gdkpixbuf-2.0 dbus-daemon"
# sanitizers (gcc's come with build-essential) and libFuzzer; llvm gives llvm-symbolizer
PACKAGES="$PACKAGES clang libclang-rt-14-dev llvm"
# benchmark: Sisimai is the reference tool, GNU time measures peak memory
PACKAGES="$PACKAGES perl libsisimai-perl time"
# flatpak manifest lint
PACKAGES="$PACKAGES flatpak-builder"

if [ "$(id -u)" != 0 ]; then
  echo "install-deps.sh: run as root (apt-get needs it)" >&2
  exit 1
fi

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "install-deps.sh: all packages are installed"
  exit 0
fi

echo "install-deps.sh: installing$missing"
apt-get update -qq
# shellcheck disable=SC2086 # word splitting wanted
apt-get install -y -qq --no-install-recommends $PACKAGES
