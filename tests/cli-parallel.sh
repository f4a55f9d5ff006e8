#!/bin/bash
# cli-parallel.sh - the CLI gives the same output, in the same order, with
# worker processes (-j 2) as in one process (-j 1); exit status 1 when an
# input cannot be read, whatever the mode.
# Usage: cli-parallel.sh CLI CORPUS_DIR
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=$1
corpus=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# an mbox of the corpus, so the batches are many and the order matters
for f in "$corpus"/bounces/*.eml; do
  if head -c 5 "$f" | grep -q '^From '; then cat "$f"; else echo "From MAILER-DAEMON Thu Apr 29 23:34:45 2015"; cat "$f"; fi
  echo
done > "$tmp/all.mbox"
for i in 1 2 3; do cat "$tmp/all.mbox"; done > "$tmp/big.mbox"

"$cli" analyze --json -j 1 "$tmp/big.mbox" > "$tmp/one.jsonl" || { echo "not ok: -j 1 failed"; exit 1; }
"$cli" analyze --json -j 2 "$tmp/big.mbox" > "$tmp/two.jsonl" || { echo "not ok: -j 2 failed"; exit 1; }
n=$(wc -l < "$tmp/one.jsonl")
[ "$n" -gt 900 ] || { echo "not ok: only $n results"; exit 1; }
cmp -s "$tmp/one.jsonl" "$tmp/two.jsonl" || { echo "not ok: -j 1 and -j 2 differ"; diff "$tmp/one.jsonl" "$tmp/two.jsonl" | head -5; exit 1; }
"$cli" analyze -j 2 "$corpus/bounces/lhost-postfix-31.eml" > "$tmp/report.txt" || { echo "not ok: text report with -j 2"; exit 1; }
grep -q "userunknown" "$tmp/report.txt" || { echo "not ok: text report lacks the reason"; exit 1; }
"$cli" analyze --json -j 2 "$corpus/bounces/lhost-postfix-31.eml" "$tmp/missing.eml" > "$tmp/missing.jsonl"
rc=$?
[ "$rc" -eq 1 ] || { echo "not ok: exit status $rc for a missing input (expected 1)"; exit 1; }
grep -q '"kind":"unreadable"' "$tmp/missing.jsonl" || { echo "not ok: no unreadable result"; exit 1; }
# Standard input goes to the workers through pipes (it can be read once
# only); files and folders are read by each worker itself.
"$cli" analyze --json -j 2 - < "$tmp/big.mbox" > "$tmp/stdin.jsonl" || { echo "not ok: -j 2 from standard input failed"; exit 1; }
sed 's/"source":"-#/"source":"X#/' "$tmp/stdin.jsonl" > "$tmp/stdin-x.jsonl"
sed "s|\"source\":\"$tmp/big.mbox#|\"source\":\"X#|" "$tmp/one.jsonl" > "$tmp/one-x.jsonl"
cmp -s "$tmp/one-x.jsonl" "$tmp/stdin-x.jsonl" || { echo "not ok: standard input with -j 2 differs"; diff "$tmp/one-x.jsonl" "$tmp/stdin-x.jsonl" | head -5; exit 1; }
# A named pipe is read once too
mkfifo "$tmp/fifo"
cat "$tmp/big.mbox" > "$tmp/fifo" &
"$cli" analyze --json -j 2 "$tmp/fifo" > "$tmp/fifo.jsonl" || { echo "not ok: -j 2 from a named pipe failed"; exit 1; }
wait
sed "s|\"source\":\"$tmp/fifo#|\"source\":\"X#|" "$tmp/fifo.jsonl" > "$tmp/fifo-x.jsonl"
cmp -s "$tmp/one-x.jsonl" "$tmp/fifo-x.jsonl" || { echo "not ok: a named pipe with -j 2 differs"; exit 1; }
"$cli" analyze --json -j 3 "$corpus/bounces" "$tmp/all.mbox" > "$tmp/three.jsonl" || { echo "not ok: -j 3 failed"; exit 1; }
"$cli" analyze --json -j 1 "$corpus/bounces" "$tmp/all.mbox" > "$tmp/three-ref.jsonl"
cmp -s "$tmp/three-ref.jsonl" "$tmp/three.jsonl" || { echo "not ok: a folder and an mbox with -j 3 differ"; exit 1; }

# A worker killed mid-run: the rest is analysed in the main process, and
# the output is still whole and in order (whenever the kill lands).
for i in 1 2 3 4 5 6 7 8; do cat "$tmp/big.mbox"; done > "$tmp/huge.mbox"
"$cli" analyze --json -j 1 "$tmp/huge.mbox" > "$tmp/huge-one.jsonl"
for delay in 0.05 0.2; do
  "$cli" analyze --json -j 2 "$tmp/huge.mbox" > "$tmp/killed.jsonl" &
  main=$!
  sleep "$delay"
  worker=$(pgrep -P "$main" | head -n 1)
  [ -n "$worker" ] && kill -9 "$worker"
  wait "$main" || { echo "not ok: exit status $? after a worker was killed"; exit 1; }
  cmp -s "$tmp/huge-one.jsonl" "$tmp/killed.jsonl" || { echo "not ok: output differs after a worker was killed (after ${delay} s)"; exit 1; }
done
echo "ok: $n results, identical with -j 1 and -j 2 (files, standard input, a killed worker)"
