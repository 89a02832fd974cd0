#!/usr/bin/env bash
# Records JFR profiles of the first scan, the unchanged rescan, the resync bench and the window, and
# summarises each (hot methods, first Colophon frame, allocation, GC) into one markdown file.
#
#   bench/profile.sh [--sizes 10000,100000] [--seed 42] [--skip-window] [--data DIR] [--src DIR]
#
# Uses the libraries bench/run.sh generated (generates them if missing). Output: bench/out/profile-<stamp>/
# (the .jfr files and summary.md). Open a .jfr in JDK Mission Control for flame graphs.
set -euo pipefail

SIZES=10000,100000
SEED=42
SKIP_WINDOW=0
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$REPO
DATA=${COLOPHON_BENCH_DATA:-$(dirname "$REPO")/bench-data}
CORPUS=${COLOPHON_CORPUS:-$REPO/src/test/resources/corpus}
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --skip-window) SKIP_WINDOW=1; shift ;;
    --data) DATA=$2; shift 2 ;;
    --src) SRC=$(cd "$2" && pwd); shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    *) echo "profile.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
IFS=, read -r -a SIZE_LIST <<< "$SIZES"
BUILD=$SRC/target-bench
P=$REPO/bench/out/profile-$(date +%Y-%m-%d-%H%M%S)
mkdir -p "$P"
SUMMARY=$P/summary.md
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

(cd "$SRC" && mvn -q -B -DbuildDir=target-bench package -DskipTests)
rm -rf "$BUILD/bench-classes"
javac -nowarn -d "$BUILD/bench-classes" -cp "$BUILD/classes:$BUILD/lib/*" $(find "$REPO/bench/src" -name '*.java')
CP="$BUILD/bench-classes:$BUILD/classes:$BUILD/lib/*"
GEN_VERSION=$(grep -o 'VERSION = "[0-9]*"' "$REPO/bench/src/colophon/bench/Generate.java" | grep -o '[0-9]\+')
bench_java() { java -Dcolophon.corpus="$CORPUS" -cp "$CP" "$@"; }
# JDK's "profile" settings with finer method sampling (Java every 2 ms, native every 5 ms)
JAVA_HOME_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
sed -e 's|<setting name="period" control="method-sampling-java-interval">[^<]*<|<setting name="period" control="method-sampling-java-interval">2 ms<|' \
    -e 's|<setting name="period" control="method-sampling-native-interval">[^<]*<|<setting name="period" control="method-sampling-native-interval">5 ms<|' \
    "$JAVA_HOME_DIR/lib/jfr/profile.jfc" > "$P/bench.jfc"
jfr_opts() { echo "-XX:StartFlightRecording=filename=$P/$1.jfr,settings=$P/bench.jfc,dumponexit=true"; }

CLK_TCK=$(getconf CLK_TCK)
busy_jiffies() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
# wait (up to 3 min) until other processes leave the CPU mostly idle, as run.sh does
wait_idle() {
  local waited=0 b1 b2 pct
  while [ "$waited" -lt 180 ]; do
    b1=$(busy_jiffies); sleep 2; b2=$(busy_jiffies)
    pct=$(( (b2 - b1) * 100 / (2 * CLK_TCK * $(nproc)) ))
    [ "$pct" -lt 15 ] && return 0
    waited=$((waited + 2))
  done
}

summarise() {
  if [ $# -gt 1 ]; then
    bench_java colophon.bench.JfrTop "$P/$1.jfr" 25 "$2" >> "$SUMMARY"
  else
    bench_java colophon.bench.JfrTop "$P/$1.jfr" 25 >> "$SUMMARY"
  fi
}

if [ -f "$SRC/COMMIT" ]; then VERSION="$(cat "$SRC/COMMIT") (export in $SRC)"; else
  VERSION="$(git -C "$SRC" rev-parse --short HEAD)"
  if [ -n "$(git -C "$SRC" status --porcelain -- src)" ]; then VERSION="$VERSION + uncommitted changes in src/"; fi
fi
echo "# Profiles of Colophon $VERSION, $(date '+%Y-%m-%d %H:%M'), $(nproc) cores, $(java -version 2>&1 | head -1)" > "$SUMMARY"
for n in "${SIZE_LIST[@]}"; do
  lib=$DATA/libraries/books-$n-seed$SEED
  if ! grep -qs "^generator=$GEN_VERSION\$" "$lib/READY"; then
    rm -rf "$lib"
    bench_java colophon.bench.Generate generate "$lib" "$n" "$SEED"
  fi
  d=$DATA/runs/profile-$n
  rm -rf "$d"
  for step in first rescan; do
    wait_idle
    log "$n books: $step scan under JFR"
    /usr/bin/time -v -o "$P/scan-$step-$n.time" java $(jfr_opts "scan-$step-$n") -jar "$BUILD/colophon.jar" \
      --data-dir "$d" scan "$lib/library" > "$P/scan-$step-$n.out" 2> "$P/scan-$step-$n.err"
    { echo; echo "---"; echo; echo "# $n books, $step scan: $(grep Seconds "$P/scan-$step-$n.out"), peak RSS $(awk -F: '/Maximum resident/{printf "%.0f MB", $2/1024}' "$P/scan-$step-$n.time")"; echo; } >> "$SUMMARY"
    summarise "scan-$step-$n"
  done
  wait_idle
  log "$n books: resync bench under JFR"
  java $(jfr_opts "resync-$n") -cp "$CP" colophon.bench.ResyncBench "$d" 100 20 > "$P/resync-$n.out" 2>&1
  { echo; echo "---"; echo; echo "# $n books, resync bench: $(grep -E 'p50|p95' "$P/resync-$n.out" | tr '\n' ' ')"; echo; } >> "$SUMMARY"
  summarise "resync-$n"
  if [ "$SKIP_WINDOW" = 0 ]; then
    wait_idle
    log "$n books: window under JFR"
    rm -rf "$P/prefs"
    COLOPHON_HOME="$d" xvfb-run -a -s "-screen 0 1600x1000x24" java $(jfr_opts "window-$n") -Dprism.order=sw \
      -Djava.util.prefs.userRoot="$P/prefs" -Dcolophon.bench.histogram=true -cp "$CP" \
      colophon.bench.WindowBench "$d" "$n" > "$P/window-$n.out" 2>&1 || true
    { echo; echo "---"; echo; echo "# $n books, window: $(grep -E '^window\.(shown_s|heap_mb|scroll\.max_gap_ms|scroll\.stalls)=' "$P/window-$n.out" | tr '\n' ' ')"; echo;
      echo '```'; grep '^# ' "$P/window-$n.out" | head -30; echo '```'; echo; } >> "$SUMMARY"
    summarise "window-$n"
    echo "## $n books, window: the JavaFX application thread only (under GTK its name is GtkNativeMainLoopThread)" >> "$SUMMARY"
    summarise "window-$n" "GtkNativeMainLoopThread|JavaFX Application Thread"
    echo "## $n books, window: every thread but the JavaFX application thread" >> "$SUMMARY"
    summarise "window-$n" "^(?!GtkNativeMainLoopThread|JavaFX Application Thread)"
  fi
  rm -rf "$d"
done
log "summary: $SUMMARY"
