#!/bin/bash
# bench-store.sh - how fast the bounce log is: import throughput for
# 10,000 bounces, and search/filter latency on a log of 100,000 entries
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-store.sh [CLI]
#   CLI                   a built bounceback-cli; default: build one in build-bench-store/
# Environment:
#   BENCH_MESSAGES=10000  messages in the import benchmark
#   BENCH_ENTRIES=100000  entries in the log the queries run on
#   BENCH_RUNS=3          import runs (the median counts)
#   BENCH_QUERY_RUNS=9    runs of each query (the fastest counts: the
#                         machine's other work only ever adds time)
#
# Not a test: it asserts nothing, it prints figures.  The messages are the
# corpus bounces (and the Chinese samples) that give an entry, repeated, each copy made distinct by
# an X-BB-Copy header (the log deduplicates identical bytes).  Query times
# are whole `bounceback-cli log …` processes (what a user waits for);
# "net" subtracts the time of `bounceback-cli log list --limit 1` on an
# empty log (process start, opening the database).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CORPUS="$ROOT/tests/data/corpus/bounces"
CHINESE="$ROOT/tests/data/chinese"
MESSAGES=${BENCH_MESSAGES:-10000}
ENTRIES=${BENCH_ENTRIES:-100000}
RUNS=${BENCH_RUNS:-3}
QUERY_RUNS=${BENCH_QUERY_RUNS:-9}

CLI=${1:-}
if [ -z "$CLI" ]; then
  BUILD="$ROOT/build-bench-store"
  LOG="${TMPDIR:-/tmp}/bench-store-build.$$.log"
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" "$ROOT" -Dgui=false > "$LOG" 2>&1 || { cat "$LOG"; exit 2; }
  fi
  meson compile -C "$BUILD" bounceback-cli > "$LOG" 2>&1 || { cat "$LOG"; exit 2; }
  rm -f "$LOG"
  CLI="$BUILD/app/cli/bounceback-cli"
fi
[ -x "$CLI" ] || { echo "bench-store: no executable at $CLI" >&2; exit 2; }
command -v sqlite3 > /dev/null || { echo "bench-store: sqlite3 is missing" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export TZ=UTC LANGUAGE=

now_ms () { date +%s%3N; }
median () { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
fastest () { sort -n | head -n 1; }

# The corpus as one mbox, and which of its messages give an entry.
perl -e '
  for my $f (sort @ARGV) {
    open my $fh, "<:raw", $f or die "$f: $!";
    local $/; my $m = <$fh>; close $fh;
    $m =~ s/\AFrom [^\n]*\n//;
    $m =~ s/^(>*From )/>$1/mg;
    $m .= "\n" unless $m =~ /\n\z/;
    print "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n", $m, "\n";
  }' "$CORPUS"/*.eml "$CHINESE"/*.eml > "$TMP/unit.mbox"
"$CLI" log --db "$TMP/probe.db" import "$TMP/unit.mbox" > /dev/null
sqlite3 "$TMP/probe.db" "SELECT substr(source, instr(source, '#') + 1) FROM messages" | sort -n > "$TMP/kept"
KEPT=$(wc -l < "$TMP/kept")
PER_UNIT=$(sqlite3 "$TMP/probe.db" "SELECT count(*) FROM entries")

make_mbox () {  # make_mbox N_MESSAGES OUT
  perl -e '
    my ($mbox, $keep, $want) = @ARGV;
    open my $k, "<", $keep or die; my %keep = map { chomp; ($_ => 1) } <$k>; close $k;
    open my $fh, "<:raw", $mbox or die; local $/; my $all = <$fh>; close $fh;
    my @msgs = split /^(?=From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n)/m, $all;
    my @kept = map { $msgs[$_ - 1] } sort { $a <=> $b } keys %keep;
    for my $n (1 .. $want) {
      (my $copy = $kept[($n - 1) % @kept]) =~ s/\A(From [^\n]*\n)/$1X-BB-Copy: $n\n/;
      print $copy;
    }' "$TMP/unit.mbox" "$TMP/kept" "$1" > "$2"
}

echo "bounceback-cli: $CLI"
echo "machine: $(nproc) processors, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); $(uname -sr)"
echo "corpus: $KEPT bounces (tests/data/corpus/bounces and tests/data/chinese) that give $PER_UNIT entries,"
echo "        repeated with distinct headers"
echo

# --- import throughput ---
make_mbox "$MESSAGES" "$TMP/import.mbox"
SIZE_MB=$(awk -v b="$(stat -c %s "$TMP/import.mbox")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "== import: $MESSAGES messages ($SIZE_MB MB mbox), fresh log, batches of 500 =="
for run in $(seq 1 "$RUNS"); do
  rm -f "$TMP/import.db" "$TMP/import.db-wal" "$TMP/import.db-shm"
  start=$(now_ms)
  "$CLI" log --db "$TMP/import.db" import "$TMP/import.mbox" > "$TMP/import.out"
  end=$(now_ms)
  echo $((end - start))
done > "$TMP/import.times"
MS=$(median < "$TMP/import.times")
ADDED=$(sed -n 's/^Entries added: //p' "$TMP/import.out")
DB_MB=$(awk -v b="$(stat -c %s "$TMP/import.db")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "runs (ms): $(tr '\n' ' ' < "$TMP/import.times")"
awk -v n="$MESSAGES" -v e="$ADDED" -v ms="$MS" -v db="$DB_MB" -v mb="$SIZE_MB" 'BEGIN {
  printf "median %.2f s: %.0f messages/s, %.0f entries/s (%d entries); log %s MB for %s MB of mail\n",
         ms / 1000, n * 1000 / ms, e * 1000 / ms, e, db, mb }'
start=$(now_ms)
"$CLI" log --db "$TMP/import.db" import "$TMP/import.mbox" > /dev/null
end=$(now_ms)
awk -v n="$MESSAGES" -v ms=$((end - start)) 'BEGIN {
  printf "the same mbox again (all duplicates): %.2f s, %.0f messages/s\n", ms / 1000, n * 1000 / ms }'
echo

# --- a log of ENTRIES entries ---
WANT=$(( (ENTRIES * KEPT + PER_UNIT - 1) / PER_UNIT ))
make_mbox "$WANT" "$TMP/big.mbox"
DB="$TMP/big.db"
start=$(now_ms)
"$CLI" log --db "$DB" import "$TMP/big.mbox" > "$TMP/big.out"
end=$(now_ms)
N_ENTRIES=$(sqlite3 "$DB" "SELECT count(*) FROM entries")
DB_MB=$(awk -v b="$(stat -c %s "$DB")" 'BEGIN { printf "%.0f", b / 1048576 }')
awk -v n="$WANT" -v e="$N_ENTRIES" -v ms=$((end - start)) -v db="$DB_MB" 'BEGIN {
  printf "== queries on a log of %d entries (%d messages imported in %.1f s, %.0f msg/s; %s MB) ==\n",
         e, n, ms / 1000, n * 1000 / ms, db }'
# spread the states a little, as a real log would have them
sqlite3 "$DB" "UPDATE entries SET state = 'to_verify' WHERE id % 7 = 0;
               UPDATE entries SET state = 'resolved' WHERE id % 11 = 0;"

"$CLI" log --db "$TMP/empty.db" list --limit 1 > /dev/null
for _ in $(seq 1 "$QUERY_RUNS"); do
  start=$(now_ms); "$CLI" log --db "$TMP/empty.db" list --limit 1 > /dev/null; end=$(now_ms)
  echo $((end - start))
done > "$TMP/base.times"
BASE=$(fastest < "$TMP/base.times")
echo "baseline (process start + open, empty log): $BASE ms"
printf "%-58s %8s %8s %8s\n" "query (first page of 50 unless said)" "hits" "ms" "net ms"

query () {  # query LABEL ARGS…
  local label=$1; shift
  local hits
  hits=$("$CLI" log --db "$DB" "$@" --json | wc -l)
  for _ in $(seq 1 "$QUERY_RUNS"); do
    start=$(now_ms); "$CLI" log --db "$DB" "$@" --json > /dev/null; end=$(now_ms)
    echo $((end - start))
  done > "$TMP/q.times"
  local ms
  ms=$(fastest < "$TMP/q.times")
  printf "%-58s %8s %8s %8s\n" "$label" "$hits" "$ms" "$((ms - BASE))"
}

query "list, newest first"                           list --limit 50
query "list, deep page (offset 90,000)"              list --limit 50 --offset 90000
query "list --state to_verify"                       list --state to_verify --limit 50
query "list --category address --hard"               list --category address --hard --limit 50
query "list --tag 'Address to verify'"               list --tag "Address to verify" --limit 50
query "list --domain example.jp, oldest first"       list --domain example.jp --sort oldest --limit 50
query "list --since/--until (2014)"                  list --since 2014-01-01 --until 2014-12-31 --limit 50
query "list sorted by address"                       list --sort address --limit 50
query "list sorted by state"                         list --sort state --limit 50
query "search 'user unknown' (FTS, many hits)"       search "user unknown" --limit 50
query "search 'mailbox full' (FTS)"                  search "mailbox full" --limit 50
query "search 'nothing-like-this' (FTS, no hit)"     search "nothing-like-this" --limit 50
query "search '不锈钢' (FTS, Chinese, 3 chars)"      search "不锈钢" --limit 50
query "search '报价' (instr, Chinese, 2 chars)"       search "报价" --limit 50
query "search '钢' (instr, Chinese, 1 char)"          search "钢" --limit 50
query "search 'zq' (instr, 2 chars, no hit: full scan)" search "zq" --limit 50
query "search 'user unknown' --state to_verify"      search "user unknown" --state to_verify --limit 50
query "search, all hits (no --limit)"                search "mailbox full"
for _ in $(seq 1 "$QUERY_RUNS"); do
  start=$(now_ms); "$CLI" log --db "$DB" stats --json > /dev/null; end=$(now_ms)
  echo $((end - start))
done > "$TMP/q.times"
MS=$(fastest < "$TMP/q.times")
printf "%-58s %8s %8s %8s\n" "stats --json (all figures)" "-" "$MS" "$((MS - BASE))"
