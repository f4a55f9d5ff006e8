#!/usr/bin/env python3
# flatpak/check-manifest.py - lint the Flatpak manifest offline
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-manifest.py MANIFEST APP_ID
#
# The manifest cannot be built here (no runtimes, no network), so this
# checks what can be checked without them:
#   - it is valid JSON, with the app id, command, runtime and SDK we expect;
#   - its modules include gmime and the app ("bounceback"), the app last,
#     built with meson from {"type": "dir"} with "run-tests": true;
#   - every downloaded source has a url and a sha256 of 64 hex digits (a
#     placeholder of 64 zeros passes with a warning: see flatpak/README.md);
#   - finish-args grant no --filesystem at all: files come through the
#     file chooser portal;
#   - when flatpak-builder is installed, it parses the manifest with
#     G_DEBUG=fatal-warnings, so an unknown key is an error.

import json
import os
import re
import shutil
import subprocess
import sys

APP_MODULE = "bounceback"
COMMAND = "bounceback"
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
REQUIRED_FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]


def main():
    if len(sys.argv) != 3:
        print("usage: check-manifest.py MANIFEST APP_ID", file=sys.stderr)
        return 2
    path, app_id = sys.argv[1], sys.argv[2]
    errors = []

    def fail(msg):
        errors.append(msg)
        print("FAIL: " + msg)

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print("FAIL: %s is not valid JSON: %s" % (path, e))
        return 1
    if not isinstance(manifest, dict):
        print("FAIL: %s: the top level is not a JSON object" % path)
        return 1

    app_key = "app-id" if "app-id" in manifest else "id"
    if manifest.get(app_key) != app_id:
        fail("%s is %r, expected %r" % (app_key, manifest.get(app_key), app_id))
    if manifest.get("command") != COMMAND:
        fail("command is %r, expected %r" % (manifest.get("command"), COMMAND))
    if manifest.get("runtime") != RUNTIME:
        fail("runtime is %r, expected %r" % (manifest.get("runtime"), RUNTIME))
    if manifest.get("sdk") != SDK:
        fail("sdk is %r, expected %r" % (manifest.get("sdk"), SDK))
    if not isinstance(manifest.get("runtime-version"), str) or not manifest["runtime-version"]:
        fail("runtime-version is missing")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg.startswith("--filesystem"):
            fail("finish-args has %s: files must come through the file chooser portal" % arg)
    for arg in REQUIRED_FINISH_ARGS:
        if arg not in finish_args:
            fail("finish-args lacks %s" % arg)

    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else m for m in modules]
    if "gmime" not in names:
        fail("no gmime module (modules: %s)" % names)
    if APP_MODULE not in names:
        fail("no %s module (modules: %s)" % (APP_MODULE, names))
    elif names[-1] != APP_MODULE:
        fail("the %s module is not the last one" % APP_MODULE)
    else:
        app = modules[-1]
        if app.get("buildsystem") != "meson":
            fail("the app module is not built with meson")
        if app.get("run-tests") is not True:
            fail('the app module lacks "run-tests": true')
        sources = app.get("sources", [])
        if len(sources) != 1 or not isinstance(sources[0], dict) or sources[0].get("type") != "dir":
            fail('the app module\'s sources are not one {"type": "dir"}: %r' % sources)
        elif not os.path.isfile(os.path.join(os.path.dirname(os.path.abspath(path)),
                                             sources[0].get("path", ""), "meson.build")):
            fail("the app module's dir source %r holds no meson.build" % sources[0].get("path"))

    for module in modules:
        if not isinstance(module, dict):
            continue
        for source in module.get("sources", []):
            if not isinstance(source, dict) or source.get("type") not in ("archive", "file"):
                continue
            where = "module %s, source %s" % (module.get("name"), source.get("url") or source.get("path"))
            if "url" in source and not source["url"].startswith("https://"):
                fail("%s: not an https URL" % where)
            sha = source.get("sha256", "")
            if not re.fullmatch(r"[0-9a-f]{64}", sha):
                fail("%s: sha256 %r is not 64 lower-case hex digits" % (where, sha))
            elif sha == "0" * 64:
                print("WARNING: %s: the sha256 is a placeholder; fill it before a real build"
                      " (flatpak/README.md)" % where)

    builder = shutil.which("flatpak-builder")
    if builder is None:
        print("note: flatpak-builder is not installed; its parse was skipped")
    else:
        env = dict(os.environ, G_DEBUG="fatal-warnings")
        proc = subprocess.run([builder, "--show-manifest", path], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              universal_newlines=True)
        if proc.returncode != 0:
            fail("flatpak-builder --show-manifest exited with %d:\n%s" % (proc.returncode, proc.stderr))
        else:
            print("flatpak-builder --show-manifest: ok")

    if errors:
        print("%d problem(s) in %s" % (len(errors), path))
        return 1
    print("%s: ok" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
