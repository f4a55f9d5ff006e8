#!/bin/sh
# install-deps.sh - install everything Bounceback needs to build, run and test
# on a fresh Debian 12 (bookworm) machine. Run as root.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  build-essential pkg-config meson ninja-build gettext git ca-certificates \
  libglib2.0-dev libglib2.0-bin libgmime-3.0-dev libsqlite3-dev sqlite3 \
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libxlsxwriter-dev \
  desktop-file-utils appstream xvfb xauth imagemagick \
  fonts-noto-cjk fonts-dejavu-core adwaita-icon-theme \
  clang libclang-rt-14-dev llvm \
  libsisimai-perl python3 \
  flatpak-builder \
  at-spi2-core python3-gi gir1.2-atspi-2.0 dbus-daemon
