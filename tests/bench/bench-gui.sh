#!/bin/bash
# bench-gui.sh - how long the GUI takes to show its first frame, and to
# show the diagnosis of a bounce once the window is up
#
# Copyright 2026 The Bounceback authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/bench-gui.sh [BOUNCEBACK]
#   BOUNCEBACK           a built GUI binary; default: build one in build-bench/
# Environment:
#   BENCH_RUNS=10        timed runs per renderer and case (after one warm-up run)
#   BENCH_RENDERERS="gl cairo"   GSK renderers to measure (gl: GTK's default,
#                        on Mesa's llvmpipe here)
#
# Starts one Xvfb (1280x800x24, no window manager) and one D-Bus session
# bus for all the runs, so that their start-up stays out of the figures.
# As on a desktop, GTK finds the accessibility bus through that session
# bus (at-spi2-core; it costs GTK about 25 ms at startup here).
# Each run starts the app with the developer option BOUNCEBACK_TIMING=1
# (see app/gui/bb-application.c), which prints milestones as
# CLOCK_MONOTONIC microseconds; the script takes its own CLOCK_MONOTONIC
# time right before exec.  Cases: no file (startup only); one bounce
# (tests/data/corpus/bounces/lhost-postfix-31.eml); an mbox of the first
# 50 corpus messages.  With files, the app opens them 500 ms after its
# first frame, as a drop on a window that is already up.
#
# Figures, in ms (median, min–max):
#   exec→first frame     from before exec to the after-paint of the first frame
#   main→first frame     from the top of main() to the same
#   exec→main            the dynamic loader (GTK, Mesa and ~70 other libraries)
#   main→first frame, bare AdwApplicationWindow
#                        the same for a window with only a header bar and a
#                        label (built here if cc and libadwaita's headers
#                        are there): what GTK and libadwaita alone take
#   drop→diagnosis shown from "load-start" (the analysis is requested) to the
#                        after-paint of the first frame that draws the
#                        diagnosis in full (no crossfade still fading it in)
#
# Not a test: it asserts nothing, it prints figures.  Settings, config,
# data and caches are throw-away (GSETTINGS_BACKEND=memory, temporary
# XDG_*_HOME); the portal is off (ADW_DISABLE_PORTAL=1); the locale is
# C.UTF-8.  Needs Xvfb, dbus-daemon, perl and /usr/bin/python3.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${BENCH_RUNS:-10}
RENDERERS=${BENCH_RENDERERS:-gl cairo}
PY=/usr/bin/python3 # the system one: the first on PATH may be a pyenv build
SINGLE="$ROOT/tests/data/corpus/bounces/lhost-postfix-31.eml"

APP=${1:-}
SCHEMA_DIR=
if [ -z "$APP" ]; then
  BUILD="$ROOT/build-bench"
  BUILD_LOG="${TMPDIR:-/tmp}/bench-gui-build.$$.log"
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" "$ROOT" > "$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG"; exit 2; }
  fi
  ninja -C "$BUILD" app/gui/bounceback data/gschemas.compiled > "$BUILD_LOG" 2>&1 ||
    { cat "$BUILD_LOG"; exit 2; }
  rm -f "$BUILD_LOG"
  APP="$BUILD/app/gui/bounceback"
fi
[ -x "$APP" ] || { echo "bench-gui: no executable at $APP" >&2; exit 2; }
APP=$(realpath "$APP")
# The schema compiled next to the binary's build, if there is one (without
# it the app runs on the defaults).
if [ -f "$(dirname "$APP")/../../data/gschemas.compiled" ]; then
  SCHEMA_DIR=$(realpath "$(dirname "$APP")/../../data")
fi
for tool in Xvfb dbus-daemon perl "$PY"; do
  command -v "$tool" > /dev/null || { echo "bench-gui: $tool is missing" >&2; exit 2; }
done

# time.monotonic_ns() and g_get_monotonic_time() must read the same clock
# (CLOCK_MONOTONIC on Linux): read GLib's between two of Python's.
"$PY" - << 'EOF' || exit 2
import ctypes, sys, time
glib = ctypes.CDLL("libglib-2.0.so.0")
glib.g_get_monotonic_time.restype = ctypes.c_int64
worst = 0
for _ in range(1000):
    a = time.monotonic_ns() // 1000
    b = glib.g_get_monotonic_time()
    c = time.monotonic_ns() // 1000
    if not a <= b <= c:
        sys.exit(f"bench-gui: GLib's monotonic clock ({b}) is not Python's ({a}..{c})")
    worst = max(worst, c - a)
print(f"clock check: g_get_monotonic_time() falls between two time.monotonic_ns() reads "
      f"(1000 tries, widest gap {worst} µs)")
EOF

TMP=$(mktemp -d)
XVFB_PID=
BUS_PID=
cleanup () {
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2> /dev/null || true; fi
  if [ -n "$BUS_PID" ]; then kill "$BUS_PID" 2> /dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# The mbox: the first 50 corpus messages, as bench-analyze.sh writes them.
perl -e '
  for my $f ((sort @ARGV)[0 .. 49]) {
    open my $fh, "<:raw", $f or die "$f: $!";
    local $/; my $m = <$fh>; close $fh;
    $m =~ s/\AFrom [^\n]*\n//;
    $m =~ s/^(>*From )/>$1/mg;
    $m .= "\n" unless $m =~ /\n\z/;
    print "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n", $m, "\n";
  }' "$ROOT"/tests/data/corpus/bounces/*.eml > "$TMP/50.mbox"

# One X server for every run; Xvfb picks a free display and writes it
# to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3> "$TMP/display" 2> "$TMP/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 100); do [ -s "$TMP/display" ] && break; sleep 0.05; done
[ -s "$TMP/display" ] || { echo "bench-gui: Xvfb did not start" >&2; cat "$TMP/xvfb.log" >&2; exit 2; }
DISPLAY=":$(head -n 1 "$TMP/display")"

# One session bus, as in a desktop session (GApplication and the
# accessibility bridge use it).
dbus-daemon --session --fork --nopidfile --print-address=4 --print-pid=5 4> "$TMP/bus" 5> "$TMP/bus.pid"
BUS_PID=$(cat "$TMP/bus.pid")
BUS_ADDRESS=$(head -n 1 "$TMP/bus")

mkdir -p "$TMP/config" "$TMP/data" "$TMP/cache" "$TMP/runtime"
chmod 700 "$TMP/runtime"
run_env=(env -i
  HOME="$TMP" PATH="$PATH" DISPLAY="$DISPLAY" DBUS_SESSION_BUS_ADDRESS="$BUS_ADDRESS"
  XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache"
  XDG_RUNTIME_DIR="$TMP/runtime" LC_ALL=C.UTF-8
  ADW_DISABLE_PORTAL=1 GSETTINGS_BACKEND=memory
  BOUNCEBACK_TIMING=1 BOUNCEBACK_TIMING_QUIT=1)
[ -n "$SCHEMA_DIR" ] && run_env+=(GSETTINGS_SCHEMA_DIR="$SCHEMA_DIR")

# Python reads the clock and execs the app in the same process: nothing
# but the exec itself (and the dynamic linker) lies between the two.
EXEC_AT='import os, sys, time
print("timing exec", time.monotonic_ns() // 1000, file=sys.stderr, flush=True)
os.execv(sys.argv[1], sys.argv[1:])'

# The floor: a bare AdwApplicationWindow of the same size with a header
# bar and a label, timed the same way: what GTK and libadwaita take
# before any of our code matters.  Skipped without a C compiler.
cat > "$TMP/floor.c" << 'EOF'
#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock *clock, gpointer app)
{
  g_printerr ("timing first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (app);
}

static void
realize_cb (GtkWidget *window, gpointer app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Drop bounce emails here"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (AdwApplication) app = NULL;

  g_printerr ("timing main %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  app = adw_application_new ("io.github.bounceback.BenchFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
EOF
FLOOR=
# shellcheck disable=SC2046
if cc -O2 -o "$TMP/floor" "$TMP/floor.c" $(pkg-config --cflags --libs libadwaita-1 2> /dev/null) 2> "$TMP/floor.log"; then
  FLOOR="$TMP/floor"
fi

# run RENDERER CASE RUN BINARY FILE… → appends "renderer case run exec
# main first-frame load-start diagnosis-shown" to results
run () {
  local renderer=$1 case=$2 n=$3 binary=$4
  shift 4
  if ! timeout 60 "${run_env[@]}" GSK_RENDERER="$renderer" "$PY" -c "$EXEC_AT" "$binary" "$@" \
       > "$TMP/out" 2> "$TMP/err"; then
    echo "bench-gui: the app failed ($renderer, $case):" >&2
    cat "$TMP/err" >&2
    exit 1
  fi
  awk -v r="$renderer" -v c="$case" -v n="$n" '
    function at(m) { return (m in t) ? t[m] : 0 }
    $1 == "timing" { t[$2] = $3 }
    END { print r, c, n, at("exec"), at("main"), at("first-frame"),
            at("load-start"), at("diagnosis-shown") }' \
    "$TMP/err" >> "$TMP/results"
}

: > "$TMP/results"
echo "bench-gui: $APP, display $DISPLAY, $RUNS runs per case (plus one warm-up)"
echo "machine: $(nproc) CPUs, load average $(cut -d ' ' -f 1-3 /proc/loadavg) before the runs"
for renderer in $RENDERERS; do
  for n in $(seq 0 "$RUNS"); do # run 0 warms up caches (fontconfig, Mesa's shaders)
    run "$renderer" startup "$n" "$APP"
    run "$renderer" single "$n" "$APP" "$SINGLE"
    run "$renderer" mbox50 "$n" "$APP" "$TMP/50.mbox"
    [ -z "$FLOOR" ] || run "$renderer" floor "$n" "$FLOOR"
  done
done

"$PY" - "$TMP/results" << 'EOF'
import statistics, sys

rows = [line.split() for line in open(sys.argv[1])]

def line(label, values):
    values = sorted(values)
    print(f"  {label:42} {statistics.median(values):5.0f}  ({values[0]:.0f}–{values[-1]:.0f})")

for renderer in dict.fromkeys(r[0] for r in rows):
    def sel(case):
        return [list(map(int, r[3:])) for r in rows
                if r[0] == renderer and r[1] == case and r[2] != "0"]
    startup = sel("startup")
    name = "gl (GTK's default; llvmpipe here)" if renderer == "gl" else renderer
    print(f"\nGSK_RENDERER={renderer}: {name}; ms, median (min–max), {len(startup)} runs")
    line("exec→first frame", [(r[2] - r[0]) / 1000 for r in startup])
    line("main→first frame", [(r[2] - r[1]) / 1000 for r in startup])
    line("exec→main", [(r[1] - r[0]) / 1000 for r in startup])
    floor = sel("floor")
    if floor:
        line("main→first frame, bare AdwApplicationWindow", [(r[2] - r[1]) / 1000 for r in floor])
    for case, label in (("single", "1 bounce"), ("mbox50", "50-message mbox")):
        runs = sel(case)
        if any(r[4] == 0 for r in runs):
            print(f"  {label}: no diagnosis was shown in some runs")
            continue
        line(f"drop→diagnosis shown, {label}", [(r[4] - r[3]) / 1000 for r in runs])
print("\nTargets (the product issue): first frame < 300 ms; one bounce diagnosed and shown < 50 ms.")
EOF
echo "load average $(cut -d ' ' -f 1-3 /proc/loadavg) after the runs (figures from a busy machine are not comparable)"
