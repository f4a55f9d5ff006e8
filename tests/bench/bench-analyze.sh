#!/bin/bash
# bench-analyze.sh - throughput and memory of `bounceback-cli analyze` on a
# large mbox, next to Sisimai (the reference tool) on the same file
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-analyze.sh [CLI]
#   CLI                  a built bounceback-cli; default: build one in build-bench/
# Environment:
#   BENCH_MESSAGES=10000 at least this many messages in the mbox (the corpus repeated)
#   BENCH_RUNS=3         runs of bounceback-cli (the median counts)
#   SISIMAI_RUNS=1       runs of Sisimai (the median counts; 0 skips it)
# The runs go in rounds (bounceback-cli, bounceback-cli -j 1, Sisimai), so
# that the machine being busier for a while slows both sides of the ratio.
#
# Not a test: it asserts nothing, it prints figures.  Needs perl, Sisimai
# (libsisimai-perl) and GNU time (/usr/bin/time); tools/install-deps.sh
# installs them.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CORPUS="$ROOT/tests/data/corpus/bounces"
MESSAGES=${BENCH_MESSAGES:-10000}
RUNS=${BENCH_RUNS:-3}
SISIMAI_RUNS=${SISIMAI_RUNS:-1}

CLI=${1:-}
if [ -z "$CLI" ]; then
  BUILD="$ROOT/build-bench"
  BUILD_LOG="${TMPDIR:-/tmp}/bench-analyze-build.$$.log"
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" "$ROOT" > "$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG"; exit 2; }
  fi
  meson compile -C "$BUILD" bounceback-cli > "$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG"; exit 2; }
  rm -f "$BUILD_LOG"
  CLI="$BUILD/app/cli/bounceback-cli"
fi
[ -x "$CLI" ] || { echo "bench-analyze: no executable at $CLI" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-analyze: GNU time (/usr/bin/time) is missing" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# One pass over the corpus as an mbox: a "From " separator per message
# (replacing the envelope line some files already start with), body lines
# that start with "From " quoted as ">From " (mboxrd), a blank line after
# each message.
perl -e '
  for my $f (sort @ARGV) {
    open my $fh, "<:raw", $f or die "$f: $!";
    local $/; my $m = <$fh>; close $fh;
    $m =~ s/\AFrom [^\n]*\n//;
    $m =~ s/^(>*From )/>$1/mg;
    $m .= "\n" unless $m =~ /\n\z/;
    print "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n", $m, "\n";
  }' "$CORPUS"/*.eml > "$TMP/unit.mbox"
CORPUS_FILES=("$CORPUS"/*.eml)
PER_UNIT=${#CORPUS_FILES[@]}

make_mbox () {  # make_mbox MIN_MESSAGES OUT → prints the message count
  local reps=$(( ($1 + PER_UNIT - 1) / PER_UNIT ))
  : > "$2"
  for ((i = 0; i < reps; i++)); do cat "$TMP/unit.mbox" >> "$2"; done
  echo $(( reps * PER_UNIT ))
}

# timed OUT_PREFIX CMD… → runs CMD under GNU time; leaves its wall-clock
# seconds (to the nanosecond: GNU time's own figure is to the hundredth)
# and peak RSS (kB) in OUT_PREFIX.s and OUT_PREFIX.rss
timed () {
  local out=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$out.time" "$@" > "$out.stdout"
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", (b - a) / 1e9 }' > "$out.s"
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$out.time" > "$out.rss"
}

median () { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

N=$(make_mbox "$MESSAGES" "$TMP/big.mbox")
SIZE_MB=$(awk -v b="$(stat -c %s "$TMP/big.mbox")" 'BEGIN { printf "%.1f", b / 1048576 }')
CPUS=$(nproc)

echo "Bounceback benchmark: $N messages ($SIZE_MB MB mbox, the corpus repeated), $CPUS CPUs"
echo "CLI: $CLI"

# The CLI must see every message, or the figures mean nothing.
timed "$TMP/check" "$CLI" analyze --json "$TMP/big.mbox"
SEEN=$(wc -l < "$TMP/check.stdout")
[ "$SEEN" -eq "$N" ] || echo "WARNING: bounceback-cli printed $SEEN results for $N messages"

rate () { awk -v n="$N" -v s="$1" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

HAVE_SISIMAI=0
if [ "$SISIMAI_RUNS" -gt 0 ]; then
  if perl -MSisimai -e 1 2>/dev/null; then
    HAVE_SISIMAI=1
    SISIMAI_VERSION=$(perl -MSisimai -e 'print Sisimai->version')
  else
    echo "Sisimai: not installed (apt-get install libsisimai-perl)"
  fi
fi

# Rounds, each running every tool once: a busy spell on the machine then
# slows both sides of the ratio, not one.
ROUNDS=$RUNS
[ "$HAVE_SISIMAI" -eq 1 ] && [ "$SISIMAI_RUNS" -gt "$ROUNDS" ] && ROUNDS=$SISIMAI_RUNS
for ((r = 1; r <= ROUNDS; r++)); do
  if [ "$r" -le "$RUNS" ]; then
    timed "$TMP/all.$r" "$CLI" analyze --json "$TMP/big.mbox"
    timed "$TMP/one.$r" "$CLI" analyze --json -j 1 "$TMP/big.mbox"
  fi
  if [ "$HAVE_SISIMAI" -eq 1 ] && [ "$r" -le "$SISIMAI_RUNS" ]; then
    # shellcheck disable=SC2016 # Perl code, not shell
    timed "$TMP/sisimai.$r" perl -MSisimai -e \
      'my $v = Sisimai->make($ARGV[0]); print scalar(@{ $v // [] }), "\n"' "$TMP/big.mbox"
  fi
done

medians () { for ((r = 1; r <= $2; r++)); do cat "$TMP/$1.$r.s"; done | median; }
BB_S=$(medians all "$RUNS")
BB1_S=$(medians one "$RUNS")
printf '%-44s %7.3f s  %7s msg/s\n' "bounceback-cli, $CPUS workers (median of $RUNS):" "$BB_S" "$(rate "$BB_S")"
printf '%-44s %7.3f s  %7s msg/s\n' "bounceback-cli -j 1 (median of $RUNS):" "$BB1_S" "$(rate "$BB1_S")"
if [ "$HAVE_SISIMAI" -eq 1 ]; then
  SI_S=$(medians sisimai "$SISIMAI_RUNS")
  printf '%-44s %7.3f s  %7s msg/s  (%s results)\n' "Sisimai $SISIMAI_VERSION (median of $SISIMAI_RUNS):" \
    "$SI_S" "$(rate "$SI_S")" "$(cat "$TMP/sisimai.1.stdout")"
  awk -v a="$SI_S" -v b="$BB_S" -v c="$BB1_S" 'BEGIN {
    printf "ratio: bounceback-cli is %.1fx Sisimai (%.1fx on one thread)\n", a / b, a / c }'
fi

# Memory must not grow with the input: the CLI streams the mbox.
N4=$(make_mbox $((4 * N)) "$TMP/big4.mbox")
timed "$TMP/big4" "$CLI" analyze --json "$TMP/big4.mbox"
printf 'peak RSS (Maximum resident set size): %d messages %d MB; %d messages %d MB\n' \
  "$N" $(( $(cat "$TMP/check.rss") / 1024 )) "$N4" $(( $(cat "$TMP/big4.rss") / 1024 ))
