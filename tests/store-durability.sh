#!/bin/bash
# store-durability.sh - an import killed with SIGKILL half way leaves a
# sound log that holds every message it reported committed; importing
# again completes it without duplicates.
#
# Usage: store-durability.sh CLI CORPUS_BOUNCES_DIR
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
cli=$1
corpus=$2
copies=${DURABILITY_COPIES:-20}

command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is not installed"; exit 77; }
command -v perl >/dev/null 2>&1 || { echo "perl is not installed"; exit 77; }

tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail () { echo "not ok - $*"; exit 1; }

# 1. Which corpus files give at least one entry: import each copy of the
#    corpus once (as an mbox) and ask the log which messages it kept.
perl -e '
  for my $f (sort @ARGV) {
    open my $fh, "<:raw", $f or die "$f: $!";
    local $/; my $m = <$fh>; close $fh;
    $m =~ s/\AFrom [^\n]*\n//;
    $m =~ s/^(>*From )/>$1/mg;
    $m .= "\n" unless $m =~ /\n\z/;
    print "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n", $m, "\n";
  }' "$corpus"/*.eml > "$tmp/unit.mbox" || fail "could not make the mbox"
"$cli" log --db "$tmp/probe.db" import "$tmp/unit.mbox" > /dev/null 2>&1 || fail "probe import failed"
sqlite3 "$tmp/probe.db" "SELECT substr(source, instr(source, '#') + 1) FROM messages" | sort -n > "$tmp/kept"
n_kept=$(wc -l < "$tmp/kept")
[ "$n_kept" -gt 100 ] || fail "only $n_kept corpus messages are logged"

# 2. A large mbox of those messages only, each copy made distinct by a
#    header, so that every message read is one message stored.
perl -e '
  my ($mbox, $keep, $copies) = @ARGV;
  open my $k, "<", $keep or die; my %keep = map { chomp; ($_ => 1) } <$k>; close $k;
  open my $fh, "<:raw", $mbox or die; local $/; my $all = <$fh>; close $fh;
  my @msgs = split /^(?=From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n)/m, $all;
  my @kept = map { $msgs[$_ - 1] } sort { $a <=> $b } keys %keep;
  my $n = 0;
  for my $c (1 .. $copies) {
    for my $m (@kept) {
      $n++;
      (my $copy = $m) =~ s/\A(From [^\n]*\n)/$1X-BB-Copy: $n\n/;
      print $copy;
    }
  }' "$tmp/unit.mbox" "$tmp/kept" "$copies" > "$tmp/big.mbox"
total=$(grep -c '^X-BB-Copy: ' "$tmp/big.mbox")
echo "# $total messages in the mbox ($n_kept distinct bounces × $copies)"

# 3. Import with progress lines; kill -9 right after the first committed
#    batch.
db="$tmp/log.db"
"$cli" log --db "$db" import --progress --batch-size 200 "$tmp/big.mbox" > "$tmp/out" 2> "$tmp/err" &
pid=$!
for _ in $(seq 1 3000); do
  grep -q '^bounceback-progress ' "$tmp/err" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.02
done
kill -9 "$pid" 2>/dev/null || fail "the import finished before it could be killed (make DURABILITY_COPIES larger)"
wait "$pid" 2>/dev/null
status=$?
pid=
[ "$status" -eq 137 ] || fail "the import was not killed by SIGKILL (status $status)"
last=$(grep '^bounceback-progress ' "$tmp/err" | tail -n 1)
[ -n "$last" ] || fail "no progress line before the kill"
committed=$(sed -n 's/.* committed=\([0-9]*\) .*/\1/p' <<< "$last")
echo "# killed after: $last"
[ "$committed" -gt 0 ] && [ "$committed" -lt "$total" ] || fail "committed=$committed of $total"
grep -q "last=$tmp/big.mbox#$committed\$" <<< "$last" || fail "the progress line does not name message #$committed"

# 4. The database is sound and holds every committed message.
integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
[ "$integrity" = "ok" ] || fail "integrity_check: $integrity"
echo "ok - integrity_check after SIGKILL"
present=$(sqlite3 "$db" "SELECT count(DISTINCT source) FROM messages
                          WHERE CAST(substr(source, instr(source, '#') + 1) AS INTEGER) <= $committed")
[ "$present" -eq "$committed" ] || fail "$present of the $committed committed messages are in the log"
echo "ok - all $committed committed messages are in the log"
app_id=$(sqlite3 "$db" "PRAGMA application_id")
[ "$app_id" = "1111641159" ] || fail "application_id $app_id"

# 5. Our CLI opens it, and importing again completes it: nothing twice.
"$cli" log --db "$db" list --json --limit 1 > /dev/null || fail "the CLI does not open the log after the kill"
"$cli" log --db "$db" import "$tmp/big.mbox" > "$tmp/out2" 2>&1 || fail "the second import failed: $(cat "$tmp/out2")"
messages=$(sqlite3 "$db" "SELECT count(*) FROM messages")
[ "$messages" -eq "$total" ] || fail "$messages messages after the second import, expected $total"
dupes=$(sqlite3 "$db" "SELECT count(*) FROM (SELECT msg_sha256, address FROM entries GROUP BY 1, 2 HAVING count(*) > 1)")
[ "$dupes" -eq 0 ] || fail "$dupes duplicate entries"
integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
[ "$integrity" = "ok" ] || fail "integrity_check at the end: $integrity"
echo "ok - the second import completed the log ($messages messages, no duplicates)"
