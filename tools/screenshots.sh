#!/bin/bash
# tools/screenshots.sh - take the app's screenshots (data/screenshots/*.png)
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/screenshots.sh [BUILD_DIR [OUT_DIR]]
#        (defaults: build-gui, data/screenshots)
#
# Builds the GUI if needed, then runs it once per screenshot on a private
# X server without a window manager (xvfb-run, screen 1280x800), with the
# developer option BOUNCEBACK_SCREENSHOT=PNG (+ BOUNCEBACK_SCREENSHOT_STATE=
# empty|diagnosis|draft|history|followup|insights|reference): the app
# opens a 1000x720 window on the given files, renders it in-process once it
# shows that state, and quits.
#   - the bounce log: BOUNCEBACK_DB points at throw-away logs in the temp
#     folder, never the caller's (a new, empty one per shot, so that what
#     one shot analyses does not show in the next); History and Follow-up
#     (and the pages that set SHOT_DB) show a log filled
#     here with the corpus by bounceback-cli (in each language, since the
#     automatic tags are written in the language of the moment);
#   - Chinese: LANG=C.UTF-8 LANGUAGE=zh_CN, with a catalogue compiled here
#     from po/zh_CN.po plus po/fragments/*.po (newer strings not merged yet);
#   - dark: ADW_DEBUG_COLOR_SCHEME=prefer-dark (libadwaita 1.2 reads it);
#   - settings: a throw-away keyfile backend with a sample sender, so the
#     drafts are signed, and the draft language of the run (English, or
#     Chinese for the zh_CN shots: the built-in templates follow it);
#     nothing touches the caller's settings.
#   - BOUNCEBACK_SCREENSHOT_SIZE=WxH in the environment (e.g. 360x720)
#     overrides the window size, to check the narrow layout.
# Needs xvfb-run, msgcat/msgfmt and a CJK font (fonts-noto-cjk).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build-gui}")
OUT=$(realpath -m "${2:-$ROOT/data/screenshots}")
APP=$BUILD/app/gui/bounceback

for tool in xvfb-run msgcat msgfmt meson ninja; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done

[ -f "$BUILD/build.ninja" ] || meson setup "$BUILD" "$ROOT"
ninja -C "$BUILD" app/gui/bounceback app/cli/bounceback-cli data/gschemas.compiled >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$OUT" "$tmp/locale/zh_CN/LC_MESSAGES" "$tmp/config/glib-2.0/settings" "$tmp/data" "$tmp/cache"

# The Chinese catalogue: the merged one, then whatever the fragments add.
shopt -s nullglob
fragments=("$ROOT"/po/fragments/*.po)
msgcat --use-first -o "$tmp/zh_CN.po" "$ROOT/po/zh_CN.po" "${fragments[@]}"
msgfmt -o "$tmp/locale/zh_CN/LC_MESSAGES/bounceback.mo" "$tmp/zh_CN.po"

# settings.ini-style keyfile for GSETTINGS_BACKEND=keyfile
write_settings () {
  cat > "$tmp/config/glib-2.0/settings/keyfile" <<INI
[io/github/bounceback/Bounceback]
sender-name='$1'
sender-company='$2'
sender-address='$3'
sender-signature='$4'
draft-language='$5'
INI
}

C=$ROOT/tests/data/corpus/bounces
N=$ROOT/tests/data/corpus/not-bounces
Z=$ROOT/tests/data/chinese
# The first file is the one shown; the others fill the list.
diagnosis_en=("$C/lhost-postfix-31.eml" "$C/lhost-gmail-06.eml" "$C/rhost-tencent-01.eml"
              "$C/lhost-postfix-06.eml" "$C/rhost-google-04.eml" "$N/is-not-bounce-01.eml")
draft_en=("$C/lhost-gmail-06.eml" "$C/lhost-postfix-31.eml" "$C/rhost-tencent-01.eml"
          "$C/lhost-postfix-06.eml" "$N/is-not-bounce-01.eml")
diagnosis_zh=("$Z/04-qq-userunknown-html.eml" "$Z/07-exmail-mailbox-full.eml"
              "$Z/05-qq-domain-not-found.eml" "$Z/02-netease-rcpt-timeout.eml"
              "$Z/10-autoreply-zh.eml" "$C/lhost-postfix-31.eml")
# The one notice that returned the original: the Chinese draft shows its
# subject and date (2026年3月6日).
draft_zh=("$Z/12-coremail-gbk-raw-subject.eml" "$Z/07-exmail-mailbox-full.eml"
          "$Z/04-qq-userunknown-html.eml" "$Z/05-qq-domain-not-found.eml"
          "$Z/10-autoreply-zh.eml")

# shoot NAME STATE LANGUAGE SCHEME [FILE…]
shoot () {
  local name=$1 state=$2 language=$3 scheme=$4
  shift 4
  local png=$OUT/$name.png
  rm -f "$png"
  env -u LC_ALL -u LC_MESSAGES \
    LANG=C.UTF-8 LANGUAGE="$language" \
    ADW_DEBUG_COLOR_SCHEME="$scheme" \
    BOUNCEBACK_SCREENSHOT="$png" BOUNCEBACK_SCREENSHOT_STATE="$state" \
    BOUNCEBACK_LOCALEDIR="$tmp/locale" BOUNCEBACK_DB="${SHOT_DB:-$tmp/$name.db}" \
    GSETTINGS_SCHEMA_DIR="$BUILD/data" GSETTINGS_BACKEND=keyfile \
    XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
    ADW_DISABLE_PORTAL=1 GTK_A11Y=none NO_AT_BRIDGE=1 \
    timeout 60 xvfb-run -a -s "-screen 0 1280x800x24" "$APP" "$@" </dev/null
  if [ ! -s "$png" ]; then
    echo "screenshots: $name.png was not written" >&2
    exit 1
  fi
}

# fill_log DB LANGUAGE: the corpus and the Chinese samples, with a few
# entries moved on (to verify, resent, resolved, dead) and tagged
fill_log () {
  local db=$1 language=$2 cli=$BUILD/app/cli/bounceback-cli
  rm -f "$db"
  env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE="$language" BOUNCEBACK_LOCALEDIR="$tmp/locale" \
    "$cli" log --db "$db" import "$C" "$Z"/*.eml >/dev/null
  # the newest entries, as the History page lists them first
  local ids
  ids=($("$cli" log --db "$db" list --limit 12 | awk '{print $1}' | grep -E '^[0-9]+$'))
  "$cli" log --db "$db" set-state "${ids[1]}" to_verify >/dev/null
  "$cli" log --db "$db" set-state "${ids[3]}" resent >/dev/null
  "$cli" log --db "$db" set-state "${ids[5]}" resent >/dev/null
  "$cli" log --db "$db" set-state "${ids[5]}" resolved >/dev/null
  "$cli" log --db "$db" set-state "${ids[7]}" dead >/dev/null
  "$cli" log --db "$db" tag "${ids[3]}" "VIP" >/dev/null
}
fill_log "$tmp/log-en.db" ""
fill_log "$tmp/log-zh_CN.db" zh_CN
# The Insights and Follow-up pages look at the last weeks: made-up bounces
# dated up to today (tools/demo-log.py); Insights also gets an emails-sent
# count for the bounce rate
python3 "$ROOT/tools/demo-log.py" "$tmp/demo" >/dev/null
"$BUILD/app/cli/bounceback-cli" log --db "$tmp/log-demo.db" import "$tmp/demo" >/dev/null

write_settings "Li Wei" "Hangzhou Example Trading Co., Ltd." "liwei@example.com" \
  "Sales Manager\nTel. +86 571 5555 0100" en
shoot empty-en          empty     ""    default
shoot diagnosis-en      diagnosis ""    default     "${diagnosis_en[@]}"
shoot draft-en          draft     ""    default     "${draft_en[@]}"
shoot diagnosis-dark-en diagnosis ""    prefer-dark "${diagnosis_en[@]}"
SHOT_DB=$tmp/log-en.db shoot history-en  history  "" default
SHOT_DB=$tmp/log-demo.db shoot followup-en followup "" default
echo "sent-count=4000" >> "$tmp/config/glib-2.0/settings/keyfile"
SHOT_DB=$tmp/log-demo.db shoot insights-en  insights  "" default
SHOT_DB=$tmp/log-demo.db shoot reference-en reference "" default

write_settings "李伟" "杭州示例贸易有限公司" "liwei@example.com" \
  "销售经理\n电话 +86 571 5555 0100" zh_CN
shoot empty-zh_CN       empty     zh_CN default
shoot diagnosis-zh_CN   diagnosis zh_CN default     "${diagnosis_zh[@]}"
shoot draft-zh_CN       draft     zh_CN default     "${draft_zh[@]}"
SHOT_DB=$tmp/log-zh_CN.db shoot history-zh_CN  history  zh_CN default
SHOT_DB=$tmp/log-demo.db shoot followup-zh_CN followup zh_CN default
echo "sent-count=4000" >> "$tmp/config/glib-2.0/settings/keyfile"
SHOT_DB=$tmp/log-demo.db shoot insights-zh_CN  insights  zh_CN default
SHOT_DB=$tmp/log-demo.db shoot reference-zh_CN reference zh_CN default

ls -l "$OUT"/*.png
