#!/usr/bin/env bash
# po/check-po.sh - fail if any user-visible string lacks a Chinese translation
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: po/check-po.sh SOURCE_ROOT
#
#  1. msgfmt --check accepts po/<lang>.po, and its statistics mention no
#     untranslated and no fuzzy message;
#  2. a fresh template, extracted from po/POTFILES.in with the same xgettext
#     arguments as meson's i18n.gettext(preset: 'glib'), has no msgid that is
#     missing from, untranslated in or fuzzy in po/<lang>.po;
#  3. every .c under app/ that marks strings (_(), N_(), C_(), NC_(),
#     g_dngettext(), g_dpgettext2()) and every ui/*.ui with translatable
#     strings is listed in po/POTFILES.in (or po/POTFILES.skip).
#
# To fix a failure: regenerate the template (meson compile -C BUILD
# bounceback-pot), merge it (msgmerge -U po/zh_CN.po po/bounceback.pot) and
# translate the new entries.

set -euo pipefail

srcroot=${1:?usage: check-po.sh SOURCE_ROOT}
srcroot=$(cd "$srcroot" && pwd)
podir="$srcroot/po"
pkg=bounceback

# Tool messages in English, whatever the caller's locale.
export LC_ALL=C.UTF-8 LANGUAGE=

for tool in msgfmt xgettext msgmerge msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-po: $tool not found (install gettext)" >&2
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0

# The same arguments meson passes for preset: 'glib' (mesonbuild/modules/i18n.py).
# shellcheck disable=SC2054  # the commas belong to xgettext's keyword specs
glib_preset=(
  --from-code=UTF-8
  --add-comments
  --keyword=_
  --keyword=N_
  --keyword=C_:1c,2
  --keyword=NC_:1c,2
  --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format
  --flag=C_:2:pass-c-format
  --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
  --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format
  --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format
  --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format
  --flag=g_log:3:c-format
  --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format
  --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format
  --flag=g_snprintf:3:c-format
)

# The languages: po/LINGUAS, one code per line, # comments allowed.
mapfile -t langs < <(sed -e 's/#.*//' -e 's/[[:space:]]\+/\n/g' "$podir/LINGUAS" | sed '/^$/d')
if [ "${#langs[@]}" -eq 0 ]; then
  echo "check-po: po/LINGUAS lists no language" >&2
  exit 1
fi

# 2. A fresh template.
if ! xgettext --package-name="$pkg" -f "$podir/POTFILES.in" -D "$srcroot" -k_ \
       -o "$tmp/$pkg.pot" "${glib_preset[@]}" 2>"$tmp/xgettext.log"; then
  echo "check-po: xgettext failed:" >&2
  cat "$tmp/xgettext.log" >&2
  exit 1
fi
# xgettext writes nothing when there is no string at all.
if [ ! -f "$tmp/$pkg.pot" ]; then
  echo "check-po: xgettext found no translatable string in po/POTFILES.in" >&2
  exit 1
fi
echo "check-po: $(( $(grep -c "^msgid " "$tmp/$pkg.pot") - 1 )) msgids in a fresh template"

for lang in "${langs[@]}"; do
  po="$podir/$lang.po"
  if [ ! -f "$po" ]; then
    echo "check-po: po/$lang.po is missing" >&2
    status=1
    continue
  fi

  # 1. msgfmt --check and its statistics.
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "FAIL: msgfmt --check rejects po/$lang.po:" >&2
    echo "$stats" >&2
    status=1
    continue
  fi
  echo "po/$lang.po: $stats"
  if grep -Eq 'untranslated|fuzzy' <<<"$stats"; then
    echo "FAIL: po/$lang.po has untranslated or fuzzy messages:" >&2
    msgattrib --untranslated --no-obsolete "$po" | sed -n '/^$/,$p' >&2 || true
    msgattrib --only-fuzzy --no-obsolete "$po" | sed -n '/^$/,$p' >&2 || true
    status=1
  fi

  # 2. Every msgid of the fresh template is translated.  Merging without
  #    fuzzy matching turns a missing msgid into an untranslated entry.
  msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/$lang.po" "$po" "$tmp/$pkg.pot"
  msgattrib --untranslated --no-obsolete --no-wrap -o "$tmp/$lang.missing" "$tmp/$lang.po"
  msgattrib --only-fuzzy --no-obsolete --no-wrap -o "$tmp/$lang.fuzzy" "$tmp/$lang.po"
  for kind in missing fuzzy; do
    f="$tmp/$lang.$kind"
    if [ -s "$f" ] && grep -q '^msgid ' "$f"; then
      # Drop the header entry (everything up to the first blank line).
      n=$(sed -n '/^$/,$p' "$f" | grep -c '^msgid ' || true)
      if [ "$n" -gt 0 ]; then
        if [ "$kind" = missing ]; then
          echo "FAIL: $n msgid(s) of the sources have no translation in po/$lang.po" \
               "(missing or empty msgstr):" >&2
        else
          echo "FAIL: $n msgid(s) of the sources have a fuzzy translation in po/$lang.po:" >&2
        fi
        sed -n '/^$/,$p' "$f" >&2
        status=1
      fi
    fi
  done
done

# 3. Source files with marked strings must be listed in POTFILES.in.
listed() {
  grep -Fxq -- "$1" <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$podir/POTFILES.in" \
                      ${POTFILES_SKIP:+"$podir/POTFILES.skip"})
}
POTFILES_SKIP=
[ -f "$podir/POTFILES.skip" ] && POTFILES_SKIP=1
unlisted=()
while IFS= read -r -d '' file; do
  rel=${file#"$srcroot/"}
  case "$rel" in
    *.c)
      grep -Eq '(^|[^[:alnum:]_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|g_dcgettext)[[:space:]]*\(' "$file" || continue ;;
    *.ui)
      grep -q 'translatable="yes"' "$file" || continue ;;
    *) continue ;;
  esac
  listed "$rel" || unlisted+=("$rel")
done < <(find "$srcroot/app" "$srcroot/ui" \( -name '*.c' -o -name '*.ui' \) -type f -print0 2>/dev/null | sort -z)
if [ "${#unlisted[@]}" -gt 0 ]; then
  echo "FAIL: these files mark strings for translation but are not in po/POTFILES.in" \
       "(add them, sorted, or list them in po/POTFILES.skip):" >&2
  printf '  %s\n' "${unlisted[@]}" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "check-po: all translations complete"
fi
exit "$status"
