#!/usr/bin/env python3
# data/check-screenshots.py - every screenshot the metainfo names is in the repo
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-screenshots.py METAINFO SCREENSHOTS_DIR
#
# The metainfo points software centres at raw GitHub URLs of
# data/screenshots/<name>.png.  This checks that each <name>.png exists there
# and is a PNG.  While data/screenshots/ holds no PNG at all (the screenshots
# are not taken yet) it exits with 77, which meson reports as SKIP; from the
# first PNG on it enforces.

import os
import struct
import sys
import xml.etree.ElementTree as ET

URL_PREFIX = "https://raw.githubusercontent.com/bounceback/bounceback/main/data/screenshots/"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SKIP = 77


def png_size(path):
    """(width, height) of a PNG file, or None if it is not one."""
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    if len(sys.argv) != 3:
        print("usage: check-screenshots.py METAINFO SCREENSHOTS_DIR", file=sys.stderr)
        return 2
    metainfo, shots_dir = sys.argv[1], sys.argv[2]

    images = [e.text.strip() for e in ET.parse(metainfo).getroot().iter("image") if e.text]
    if not images:
        print("FAIL: %s names no screenshot" % metainfo)
        return 1

    present = sorted(n for n in os.listdir(shots_dir) if n.endswith(".png")) \
        if os.path.isdir(shots_dir) else []
    if not present:
        print("SKIP: %s holds no screenshot yet; the metainfo names %d:" % (shots_dir, len(images)))
        for url in images:
            print("  " + url)
        return SKIP

    status = 0
    named = set()
    for url in images:
        if not url.startswith(URL_PREFIX):
            print("FAIL: %s does not point at data/screenshots/ (%s…)" % (url, URL_PREFIX))
            status = 1
            continue
        name = url[len(URL_PREFIX):]
        named.add(name)
        path = os.path.join(shots_dir, name)
        if not os.path.isfile(path):
            print("FAIL: %s is named in the metainfo but missing from %s" % (name, shots_dir))
            status = 1
            continue
        size = png_size(path)
        if size is None:
            print("FAIL: %s is not a PNG file" % path)
            status = 1
            continue
        print("ok: %s (%d×%d)" % (name, size[0], size[1]))

    for name in present:
        if name not in named:
            print("note: %s is in %s but not in the metainfo" % (name, shots_dir))

    return status


if __name__ == "__main__":
    sys.exit(main())
