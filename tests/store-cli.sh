#!/bin/bash
# store-cli.sh - the log commands of bounceback-cli: import (summary,
# dedupe, exit status), list/search (JSON Lines fields, Chinese search),
# set-state/tag/untag/note, export (CSV with BOM, XLSX read back),
# import-csv, stats, reanalyse, reference export, --db / BOUNCEBACK_DB,
# Chinese output, and a database that is not ours refused (exit 2,
# file unchanged).
#
# Usage: store-cli.sh CLI TESTS_DATA_DIR
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cli=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok () { n=$((n + 1)); echo "ok $n - $*"; }
fail () { echo "not ok - $*"; exit 1; }
python=$(command -v python3 || true)
export LANGUAGE=  # English unless a check says otherwise
unset BOUNCEBACK_DB

db="$tmp/log.db"
zh=("$data"/chinese/0[1-9]-*.eml "$data/chinese/10-autoreply-zh.eml" "$data/chinese/12-coremail-gbk-raw-subject.eml")

# --- import: summary, dedupe, exit status ---
"$cli" log --db "$db" import "${zh[@]}" > "$tmp/out" 2> "$tmp/err" || fail "import: exit $? $(cat "$tmp/err")"
grep -q "^Messages read: 11$" "$tmp/out" || fail "import summary: $(cat "$tmp/out")"
added=$(sed -n 's/^Entries added: //p' "$tmp/out")
[ "$added" -ge 9 ] || fail "only $added entries added"
grep -q "^Already in the log: 0$" "$tmp/out" || fail "duplicates on the first import"
grep -q "^Not bounces: 1$" "$tmp/out" || fail "not-bounce count: $(cat "$tmp/out")"
grep -q "^Unreadable: 0$" "$tmp/out" || fail "unreadable count"
ok "import prints the summary"

BOUNCEBACK_DB="$db" "$cli" log import "${zh[@]}" > "$tmp/out2" || fail "second import"
grep -q "^Entries added: 0$" "$tmp/out2" || fail "the second import added entries: $(cat "$tmp/out2")"
grep -q "^Already in the log: $added$" "$tmp/out2" || fail "the second import: $(cat "$tmp/out2")"
ok "the same files again add nothing (BOUNCEBACK_DB)"

"$cli" log import --db "$db" "${zh[0]}" "$tmp/missing.eml" > "$tmp/out3" 2> "$tmp/err3"
[ $? -eq 1 ] || fail "an unreadable input must give exit 1"
grep -q "missing.eml" "$tmp/err3" || fail "the unreadable input is not named on stderr"
grep -q "^Unreadable: 1$" "$tmp/out3" || fail "unreadable not counted"
ok "unreadable input: named on stderr, exit 1 (--db after the command)"

# --- list --json ---
"$cli" log --db "$db" list --json > "$tmp/list.jsonl" || fail "list --json"
[ "$(wc -l < "$tmp/list.jsonl")" -eq "$added" ] || fail "list --json: not one line per entry"
if [ -n "$python" ]; then
  "$python" - "$tmp/list.jsonl" <<'EOF' || fail "list --json: bad objects"
import json, re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    for k in ("id", "address", "domain", "status", "reply_code", "reason", "category", "state", "tags", "bounced_at"):
        assert k in o, k
    assert isinstance(o["id"], int) and isinstance(o["tags"], list)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", o["bounced_at"]), o["bounced_at"]
    assert o["state"] == "new"
    assert any(t.endswith("-bounce") for t in o["tags"]), o["tags"]
    if o["address"] == "purchasing@example.com":
        assert o["reason"] == "userunknown" and o["hard_bounce"] is True
        assert o["bounced_at"] == "2026-03-02T02:16:05Z", o["bounced_at"]
        assert o["tags"] == ["2026-03-bounce", "Address to verify"], o["tags"]
EOF
fi
ok "list --json: JSON Lines with the contract's fields"

id=$(grep '"address":"purchasing@example.com"' "$tmp/list.jsonl" | sed 's/^{"id":\([0-9]*\),.*/\1/')
[ -n "$id" ] || fail "no entry for purchasing@example.com"

# --- search: English, Chinese 1, 2, 3 characters ---
for q in 不锈钢 钢 报价 "User unknown" "example.con"; do
  c=$("$cli" log --db "$db" search "$q" --json | wc -l)
  [ "$c" -ge 1 ] || fail "search “$q” found nothing"
done
c=$("$cli" log --db "$db" search "无此内容xyz" --json | wc -l)
[ "$c" -eq 0 ] || fail "search for nonsense found $c"
ok "search finds English and Chinese of 1, 2 and 3+ characters"

# --- state, tags, note ---
"$cli" log --db "$db" set-state "$id" resolved > /dev/null 2> "$tmp/err"
[ $? -eq 1 ] || fail "new → resolved must be refused with exit 1"
grep -q "cannot go from" "$tmp/err" || fail "no reason given: $(cat "$tmp/err")"
"$cli" log --db "$db" set-state "$id" to_verify > /dev/null || fail "set-state to_verify"
"$cli" log --db "$db" set-state "$id" nonsense > /dev/null 2>&1
[ $? -eq 2 ] || fail "an unknown state is a usage error"
"$cli" log --db "$db" set-state 99999 dead > /dev/null 2>&1
[ $? -eq 1 ] || fail "an unknown entry gives exit 1"
"$cli" log --db "$db" tag "$id" "VIP客户" > /dev/null || fail "tag"
"$cli" log --db "$db" note "$id" "已电话联系, new address: buyer@example.com" > /dev/null || fail "note"
"$cli" log --db "$db" list --tag "VIP客户" --state to_verify --json > "$tmp/vip.jsonl" || fail "list --tag"
[ "$(wc -l < "$tmp/vip.jsonl")" -eq 1 ] || fail "list --tag VIP客户 --state to_verify"
grep -q '"note":"已电话联系, new address: buyer@example.com"' "$tmp/vip.jsonl" || fail "note not in JSON"
c=$("$cli" log --db "$db" search "电话" --json | wc -l)
[ "$c" -eq 1 ] || fail "the note is not searchable"
"$cli" log --db "$db" untag "$id" "VIP客户" > /dev/null || fail "untag"
c=$("$cli" log --db "$db" list --tag "VIP客户" --json | wc -l)
[ "$c" -eq 0 ] || fail "untag did not remove the tag"
c=$("$cli" log --db "$db" list --hard --json | wc -l)
c2=$("$cli" log --db "$db" list --soft --json | wc -l)
[ $((c + c2)) -eq "$added" ] && [ "$c" -ge 1 ] && [ "$c2" -ge 1 ] || fail "--hard $c + --soft $c2 != $added"
c=$("$cli" log --db "$db" list --since 2026-03-02 --until 2026-03-02 --json | wc -l)
[ "$c" -ge 1 ] || fail "--since/--until one day found nothing"
c=$("$cli" log --db "$db" list --category address --limit 2 --json | wc -l)
[ "$c" -eq 2 ] || fail "--category address --limit 2 gave $c"
ok "set-state (valid, invalid), tag, untag, note, filters"

# --- export, import-csv ---
"$cli" log --db "$db" export --format csv -o "$tmp/log.csv" > /dev/null || fail "export csv"
[ "$(head -c 3 "$tmp/log.csv" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ] || fail "no BOM"
grep -q '已电话联系, new address: buyer@example.com' "$tmp/log.csv" || fail "the note is not in the CSV"
grep -q '"已电话联系, new address: buyer@example.com"' "$tmp/log.csv" || fail "a field with a comma is not quoted"
"$cli" log --db "$tmp/other.db" import-csv "$tmp/log.csv" > "$tmp/imp" || fail "import-csv"
grep -q "^Entries added: $added$" "$tmp/imp" || fail "import-csv: $(cat "$tmp/imp")"
"$cli" log --db "$tmp/other.db" import-csv "$tmp/log.csv" > "$tmp/imp2" || fail "import-csv again"
grep -q "^Entries added: 0$" "$tmp/imp2" || fail "import-csv twice added entries"
"$cli" log --db "$tmp/other.db" list --state to_verify --json | grep -q '"address":"purchasing@example.com"' ||
  fail "the state did not travel in the CSV"
ok "export csv (BOM, quoting) and import-csv (round trip, no duplicates)"

if command -v unzip > /dev/null 2>&1; then
  "$cli" log --db "$db" export --format xlsx -o "$tmp/log.xlsx" --hard > /dev/null || fail "export xlsx"
  unzip -p "$tmp/log.xlsx" xl/worksheets/sheet1.xml > "$tmp/sheet.xml" || fail "not a zip"
  grep -q '<t>purchasing@example.com</t>' "$tmp/sheet.xml" || fail "address not in the workbook"
  grep -q '<t>Address to verify</t>\|Address to verify' "$tmp/sheet.xml" || fail "tags not in the workbook"
  ok "export xlsx"
fi

# --- stats, reanalyse, reference ---
"$cli" log --db "$db" stats > "$tmp/stats" || fail "stats"
grep -q "^Entries: $added " "$tmp/stats" || fail "stats: $(head -3 "$tmp/stats")"
if [ -n "$python" ]; then
  "$cli" log --db "$db" stats --json | "$python" -c "
import json, sys
o = json.load(sys.stdin)
assert o['entries'] == $added, o
assert sum(s['count'] for s in o['by_state']) == $added
assert o['top_domains'][0]['count'] >= 1
" || fail "stats --json"
fi
"$cli" log --db "$db" reanalyse > "$tmp/re" || fail "reanalyse"
grep -q "^Entries unchanged: $added$" "$tmp/re" || fail "reanalyse: $(cat "$tmp/re")"
"$cli" reference export --format csv -o "$tmp/ref.csv" > /dev/null || fail "reference export csv"
for reason in userunknown hostunknown mailboxfull blocked spamdetected; do
  grep -q ",$reason," "$tmp/ref.csv" || fail "reference lacks $reason"
done
"$cli" reference export --format xlsx -o "$tmp/ref.xlsx" > /dev/null || fail "reference export xlsx"
"$cli" reference export --format pdf -o "$tmp/ref.pdf" > /dev/null 2>&1
[ $? -eq 2 ] || fail "an unknown format is a usage error"
ok "stats (text and JSON), reanalyse, reference export"

# --- a database that is not ours ---
printf 'Name,Address\n张敏,zhang@example.com\n' > "$tmp/contacts.db"
before=$(sha256sum < "$tmp/contacts.db")
"$cli" log --db "$tmp/contacts.db" list > "$tmp/out" 2> "$tmp/err"
[ $? -eq 2 ] || fail "a text file as --db must give exit 2"
grep -q "not a Bounceback log" "$tmp/err" || fail "no clear message: $(cat "$tmp/err")"
"$cli" log --db "$tmp/contacts.db" import "${zh[0]}" > /dev/null 2>&1
[ $? -eq 2 ] || fail "import into a text file must give exit 2"
[ "$(sha256sum < "$tmp/contacts.db")" = "$before" ] || fail "the text file was changed"
sqlite3 "$tmp/other-app.db" "PRAGMA application_id = 1; CREATE TABLE t (x); INSERT INTO t VALUES (1);" 2>/dev/null &&
  {
    before=$(sha256sum < "$tmp/other-app.db")
    BOUNCEBACK_DB="$tmp/other-app.db" "$cli" log import "${zh[0]}" > /dev/null 2> "$tmp/err"
    [ $? -eq 2 ] || fail "another program's database must give exit 2"
    [ "$(sha256sum < "$tmp/other-app.db")" = "$before" ] || fail "another program's database was changed"
    [ ! -e "$tmp/other-app.db-wal" ] || fail "a -wal file appeared next to another program's database"
  }
ok "a database that is not ours: exit 2, a clear message, not touched"

# --- in Chinese ---
zhdb="$tmp/zh.db"
LANGUAGE=zh_CN "$cli" log --db "$zhdb" import "${zh[@]}" > "$tmp/zh-out" || fail "import in Chinese"
grep -q "$added" "$tmp/zh-out" || fail "Chinese summary: $(cat "$tmp/zh-out")"
! grep -q "Entries added" "$tmp/zh-out" || fail "the summary is not translated: $(cat "$tmp/zh-out")"
LANGUAGE=zh_CN "$cli" log --db "$zhdb" list --json > "$tmp/zh.jsonl"
grep '"address":"purchasing@example.com"' "$tmp/zh.jsonl" | grep -q '"tags":\["2026-03-退信","邮箱需核实"\]' ||
  fail "Chinese tags: $(grep purchasing "$tmp/zh.jsonl")"
LANGUAGE=zh_CN "$cli" log --db "$zhdb" list --tag 邮箱需核实 > "$tmp/zh-list" || fail "list in Chinese"
grep -q "地址不存在" "$tmp/zh-list" || fail "the list is not in Chinese: $(head -3 "$tmp/zh-list")"
grep -q "未处理" "$tmp/zh-list" || fail "the state is not in Chinese"
LANGUAGE=zh_CN "$cli" reference export --format csv -o "$tmp/ref-zh.csv" > /dev/null || fail "reference in Chinese"
grep -q "^状态码,5.1.1," "$tmp/ref-zh.csv" || fail "the cheat-sheet is not in Chinese"
if command -v unzip > /dev/null 2>&1; then
  LANGUAGE=zh_CN "$cli" log --db "$zhdb" export --format xlsx -o "$tmp/zh.xlsx" > /dev/null || fail "xlsx in Chinese"
  unzip -p "$tmp/zh.xlsx" xl/worksheets/sheet1.xml | grep -q '<t>邮箱地址</t>' || fail "the workbook's headers are not in Chinese"
fi
ok "Chinese: summary, tags 邮箱需核实 and 2026-03-退信, list, cheat-sheet, workbook headers"
echo "1..$n"
