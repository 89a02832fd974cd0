#!/usr/bin/env bash
# Runs every Colophon benchmark and prints one markdown table (see bench/README.md).
#
#   bench/run.sh [--sizes 1000,10000,100000] [--runs 3] [--skip-calibre] [--skip-window]
#                [--seed 42] [--calibre-runs 1] [--window-min 10000] [--keep-data] [--data DIR]
#                [--no-wait-idle] [--idle-max SECONDS] [--src DIR] [--cold] [--window-only 250000]
#
# Libraries are generated once per (size, seed, generator version) under $COLOPHON_BENCH_DATA
# (default: ../bench-data next to the repository) and reused; every run scans into a fresh data folder.
# Before each first scan (and Calibre) the library's files are read once, so the page cache is warm, as in the
# issue's reference figures; --cold drops the page cache instead (needs root; affects the whole machine).
# --src measures another source tree of Colophon (e.g. an exported older commit; default: this repository).
# Extra JVM flags for the measured Colophon processes: $BENCH_JAVA_OPTS (e.g. -Xmx512m).
# --window-only SIZES: libraries that are scanned once (launcher options) and then only have their window measured
# --runs times (a 250,000-book library: its full scan series would take an hour).
# Before each measured step it waits (up to --idle-max, default 300 s) until other processes use < 15% of the CPU, and it records
# the CPU time other processes took during each step, so a noisy machine shows in the results.
set -euo pipefail

SIZES=1000,10000,100000
RUNS=3
SKIP_CALIBRE=0
SKIP_WINDOW=0
SEED=42
CALIBRE_RUNS=1
WINDOW_MIN=10000
KEEP_DATA=0
WAIT_IDLE=1
COLD=0
IDLE_PCT=15
IDLE_MAX=300
WINDOW_ONLY=
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$REPO
DATA=${COLOPHON_BENCH_DATA:-$(dirname "$REPO")/bench-data}
CORPUS=${COLOPHON_CORPUS:-$REPO/src/test/resources/corpus}
ARGS="$*"

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --skip-calibre) SKIP_CALIBRE=1; shift ;;
    --skip-window) SKIP_WINDOW=1; shift ;;
    --seed) SEED=$2; shift 2 ;;
    --calibre-runs) CALIBRE_RUNS=$2; shift 2 ;;
    --window-min) WINDOW_MIN=$2; shift 2 ;;
    --keep-data) KEEP_DATA=1; shift ;;
    --no-wait-idle) WAIT_IDLE=0; shift ;;
    --idle-max) IDLE_MAX=$2; shift 2 ;;
    --src) SRC=$(cd "$2" && pwd); shift 2 ;;
    --cold) COLD=1; shift ;;
    --window-only) WINDOW_ONLY=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown option $1" >&2; usage ;;
  esac
done
IFS=, read -r -a SIZE_LIST <<< "$SIZES"
WINDOW_ONLY_LIST=()
[ -n "$WINDOW_ONLY" ] && IFS=, read -r -a WINDOW_ONLY_LIST <<< "$WINDOW_ONLY"
if [ "$SKIP_CALIBRE" = 0 ] && [[ ! ",$SIZES," == *",1000,"* ]]; then
  SIZE_LIST=(1000 "${SIZE_LIST[@]}")   # Calibre is compared on the 1,000-book library, side by side
fi

BUILD=$SRC/target-bench
OUT=$REPO/bench/out
STAMP=$(date +%Y-%m-%d-%H%M%S)
RAW=$OUT/raw-$STAMP.tsv
HEADER=$OUT/header-$STAMP.md
RESULTS=$OUT/results-$STAMP.md
LOG=$OUT/log-$STAMP.txt
mkdir -p "$OUT" "$DATA"
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$LOG" >&2; }
die() { log "ERROR: $*"; exit 1; }
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$RAW"; }

# ------------------------------------------------------------------------------------------ tools
apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "$* missing and not root: install $* (Debian) and run again"
    sudo=sudo
  fi
  log "installing $* (apt-get)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "$@" >> "$LOG" 2>&1 \
    || { $sudo apt-get update >> "$LOG" 2>&1 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "$@" >> "$LOG" 2>&1; } \
    || die "could not install $*"
}
[ -x /usr/bin/time ] || apt_install time
if [ "$SKIP_WINDOW" = 0 ]; then
  command -v xvfb-run >/dev/null || apt_install xvfb
  dpkg -s libgtk-3-0 >/dev/null 2>&1 || apt_install libgtk-3-0
fi
if [ "$SKIP_CALIBRE" = 0 ]; then
  command -v calibredb >/dev/null || apt_install calibre
fi
command -v java >/dev/null || die "java (17) not found"
command -v mvn >/dev/null || die "mvn not found"
[ -d "$CORPUS" ] || die "corpus not found at $CORPUS (set COLOPHON_CORPUS)"

# ------------------------------------------------------------------------------------------ build
log "building $BUILD/colophon.jar"
(cd "$SRC" && mvn -q -B -DbuildDir=target-bench package -DskipTests) >> "$LOG" 2>&1 \
  || die "maven build failed (see $LOG)"
rm -rf "$BUILD/bench-classes"
javac -nowarn -d "$BUILD/bench-classes" -cp "$BUILD/classes:$BUILD/lib/*" $(find "$REPO/bench/src" -name '*.java') \
  >> "$LOG" 2>&1 || die "compiling bench/src failed (see $LOG)"
# The app's jars first and the bench classes last: the class-data sharing archive below matches a class path that
# starts as it did when the archive was made (JDK 17 refuses a directory before the archived jars).
APP_CP="$BUILD/colophon.jar:$BUILD/lib/*"
CP="$APP_CP:$BUILD/bench-classes"
JAR=$BUILD/colophon.jar
GEN_VERSION=$(grep -o 'VERSION = "[0-9]*"' "$REPO/bench/src/colophon/bench/Generate.java" | grep -o '[0-9]\+')
bench_java() { java -Dcolophon.corpus="$CORPUS" -cp "$CP" "$@"; }
# The JVM flags (-XX:…, -Xlog:…, -Xms…) among the installed launcher's options (packaging/app.conf), and the app's
# class-data sharing archive made as packaging/build.sh makes it (a training run, app.colophon.StartupTraining):
# every measured Colophon process gets them, as the installed `colophon` command and the desktop app run; rows
# marked "plain" run `java -jar` without either.
LAUNCHER_JVM_OPTS=$(sed -n 's/^JAVA_OPTIONS=//p' "$SRC/packaging/app.conf" | tr ' ' '\n' | grep -E '^-(XX:|Xlog:|Xms|Xmx|Xss)' | tr '\n' ' ' || true)
ARCHIVE=$BUILD/colophon.jsa
rm -f "$ARCHIVE"
if [ -f "$SRC/src/main/java/app/colophon/StartupTraining.java" ]; then
  log "training the class-data sharing archive $ARCHIVE"
  train_display=()
  [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null && train_display=(xvfb-run -a -s "-screen 0 1280x800x24")
  ${train_display[@]+"${train_display[@]}"} java -Dcolophon.training="$SRC/src/test/resources/corpus" \
    -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds*=off -cp "$APP_CP" app.colophon.Main >> "$LOG" 2>&1 \
    || log "WARNING: the training run failed (see $LOG)"
fi
if [ -s "$ARCHIVE" ]; then
  LAUNCHER_JVM_OPTS="$LAUNCHER_JVM_OPTS-XX:SharedArchiveFile=$ARCHIVE "
else
  log "no class-data sharing archive (this source tree has no training run): launcher rows run without one"
fi

# ------------------------------------------------------------------------------------------ disk
lib_dir() { echo "$DATA/libraries/books-$1-seed$SEED"; }
lib_ready() { grep -qs "^generator=$GEN_VERSION\$" "$(lib_dir "$1")/READY"; }
need=$((1024 * 1024 * 1024))                       # 1 GB margin
maxsize=0
for n in "${SIZE_LIST[@]}" ${WINDOW_ONLY_LIST[@]+"${WINDOW_ONLY_LIST[@]}"}; do
  lib_ready "$n" || need=$((need + n * 24 * 1024))  # ~20 KB per book on disk
  [ "$n" -gt "$maxsize" ] && maxsize=$n
done
need=$((need + maxsize * 12 * 1024))               # one data folder (database, logs, covers)
[ "$SKIP_CALIBRE" = 0 ] && need=$((need + 200 * 1024 * 1024))
avail=$(df --output=avail -B1 "$DATA" | tail -1)
if [ "$avail" -lt "$need" ]; then
  die "not enough disk under $DATA: $((avail / 1048576)) MB free, about $((need / 1048576)) MB needed. Free some space, choose another folder with --data or COLOPHON_BENCH_DATA, or use smaller --sizes."
fi
log "disk: $((avail / 1048576)) MB free under $DATA, about $((need / 1048576)) MB needed"

# ------------------------------------------------------------------------------------------ machine
{
  echo "## Colophon benchmarks, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Command: \`bench/run.sh $ARGS\` (runs per size: $RUNS, seed $SEED, generator v$GEN_VERSION)"
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores available |"
  echo "| RAM | $(awk '/MemTotal/{printf "%.1f GB", $2/1048576}' /proc/meminfo) |"
  echo "| OS | $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r) |"
  echo "| Java | $(java -version 2>&1 | head -1), default heap settings${BENCH_JAVA_OPTS:+, $BENCH_JAVA_OPTS} |"
  echo "| JVM options | the installed launcher's \`${LAUNCHER_JVM_OPTS% }\` (packaging/app.conf's JVM flags and the app's class-data sharing archive, trained as packaging/build.sh does) for every Colophon process, except rows marked *plain \`java\` defaults* (\`java -jar\`) |"
  echo "| disk | $(df -h --output=source,fstype "$DATA" | tail -1 | awk '{print $1" ("$2")"}'), $( [ "$COLD" = 1 ] && echo "page cache dropped before each first scan (cold)" || echo "library read into the page cache before each first scan (warm)") |"
  if [ "$SKIP_CALIBRE" = 0 ]; then echo "| Calibre | $(calibredb --version 2>/dev/null | head -1) |"; fi
  if [ -f "$SRC/COMMIT" ]; then
    echo "| Colophon | $(cat "$SRC/COMMIT") (clean export in $SRC) |"
  else
    echo "| Colophon | $(git -C "$SRC" rev-parse --short HEAD 2>/dev/null)$( [ -n "$(git -C "$SRC" status --porcelain -- src 2>/dev/null)" ] && echo ' + uncommitted changes in src/') |"
  fi
} > "$HEADER"

# ------------------------------------------------------------------------------------------ helpers
CLK_TCK=$(getconf CLK_TCK)
NPROC=$(nproc)
busy_jiffies() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }

# wait_idle: other engineers' builds share this machine; wait until they leave the CPU mostly idle
wait_idle() {
  [ "$WAIT_IDLE" = 1 ] || return 0
  local waited=0 b1 b2 pct
  while :; do
    b1=$(busy_jiffies); sleep 2; b2=$(busy_jiffies)
    pct=$(( (b2 - b1) * 100 / (2 * CLK_TCK * NPROC) ))
    [ "$pct" -lt "$IDLE_PCT" ] && break
    if [ "$waited" -ge "$IDLE_MAX" ]; then log "  still ${pct}% CPU busy after ${waited}s; measuring anyway"; break; fi
    [ "$waited" = 0 ] && log "  waiting for the machine to go idle (${pct}% CPU busy with other processes)"
    waited=$((waited + 2))
  done
}

# timed <cmd…>: runs under /usr/bin/time -v after wait_idle; sets WALL (s), RSS_MB, CPU_S (user+sys of the
# command and its children), OTHERS_S (CPU seconds other processes used meanwhile), RC; stdout in $TMPD/stdout
timed() {
  local start end b1 b2
  wait_idle
  b1=$(busy_jiffies)
  start=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$TMPD/time" "$@" > "$TMPD/stdout" 2> "$TMPD/stderr"
  RC=$?
  set -e
  end=$(date +%s%N)
  b2=$(busy_jiffies)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", (b-a)/1e9}')
  RSS_MB=$(awk -F: '/Maximum resident set size/{printf "%.1f", $2/1024}' "$TMPD/time")
  CPU_S=$(awk -F: '/User time|System time/{s+=$2} END{printf "%.2f", s}' "$TMPD/time")
  OTHERS_S=$(awk -v a="$b1" -v b="$b2" -v t="$CLK_TCK" -v c="$CPU_S" 'BEGIN{o=(b-a)/t-c; if (o<0) o=0; printf "%.2f", o}')
  cat "$TMPD/stdout" "$TMPD/stderr" >> "$LOG"
}

# cache_pct <dir>: percentage of 300 sampled files that have pages in the page cache
cache_pct() {
  command -v fincore >/dev/null || { echo -1; return; }
  find "$1" -type f | shuf -n 300 --random-source=<(yes) | tr '\n' '\0' \
    | xargs -0 fincore --bytes --noheadings 2>/dev/null | awk '{ if ($1 > 0) c++; n++ } END { printf "%d", n ? 100 * c / n : 0 }'
}

# prepare_cache <size> <run> <lib>: warm (read every file once) or, with --cold, drop the page cache
prepare_cache() {
  record "$1" "$2" "${4:-scan.first}.cached_pct_before" "$(cache_pct "$3")"
  if [ "$COLD" = 1 ]; then
    sync
    echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || die "--cold needs root (cannot write /proc/sys/vm/drop_caches)"
  else
    find "$3" -type f -print0 | xargs -0 cat > /dev/null
  fi
}

# scan_step <size> <run> <key> <dataDir> <lib> <JVM options>
scan_step() {
  local n=$1 r=$2 key=$3 d=$4 lib=$5 opts=$6
  # the launcher's options come with the archive's class path; plain `java -jar` without either
  local launch=(-jar "$JAR")
  [ -n "$opts" ] && launch=(-cp "$APP_CP" app.colophon.Main)
  # shellcheck disable=SC2086
  timed java $opts ${BENCH_JAVA_OPTS:-} "${launch[@]}" --data-dir "$d" scan "$lib"
  [ "$RC" = 0 ] || die "colophon scan failed (exit $RC): $(tail -3 "$TMPD/stderr")"
  local own added read failed moved
  own=$(awk -F': ' '/^Seconds:/{print $2}' "$TMPD/stdout")
  moved=$(sed -n 's/.*moved: \([0-9]*\),.*/\1/p' "$TMPD/stdout")
  added=$(sed -n 's/^Books added: \([0-9]*\),.*/\1/p' "$TMPD/stdout")
  read=$(sed -n 's/^Files read: \([0-9]*\),.*/\1/p' "$TMPD/stdout")
  failed=$(sed -n 's/.*failed: \([0-9]*\).*/\1/p' "$TMPD/stdout")
  record "$n" "$r" "scan.$key.wall_s" "$WALL"
  record "$n" "$r" "scan.$key.internal_s" "$own"
  record "$n" "$r" "scan.$key.rss_mb" "$RSS_MB"
  record "$n" "$r" "scan.$key.cpu_s" "$CPU_S"
  record "$n" "$r" "scan.$key.others_cpu_s" "$OTHERS_S"
  record "$n" "$r" "scan.$key.files_read" "$read"
  record "$n" "$r" "scan.$key.files_failed" "$failed"
  [ -n "$moved" ] && record "$n" "$r" "scan.$key.files_moved" "$moved"
  if [ "$key" = first ] || [ "$key" = first_plain ]; then
    record "$n" "$r" "scan.$key.books_per_s" "$(awk -v n="$n" -v w="$WALL" 'BEGIN{printf "%.1f", n/w}')"
    record "$n" "$r" "scan.$key.books_added" "$added"
    [ "$added" = "$n" ] || log "WARNING: first scan added $added books, expected $n"
  fi
  log "  $key scan: ${WALL}s wall (scan's own ${own}s, CPU ${CPU_S}s), peak RSS ${RSS_MB} MB, files read $read, failed $failed; others used ${OTHERS_S} CPU s"
}

# keyvals <size> <run> <file>: records every key=number line of a bench main's output
keyvals() {
  local n=$1 r=$2 f=$3
  grep -E '^[a-z0-9_.]+=[-0-9.]+$' "$f" | while IFS== read -r k v; do record "$n" "$r" "$k" "$v"; done
}

# window_step <size> <run> <key prefix> <JVM options> <wheel frames> <drag frames>
window_step() {
  local n=$1 r=$2 key=$3 opts=$4
  rm -rf "$TMPD/prefs"
  # shellcheck disable=SC2086
  timed env COLOPHON_HOME="$d" xvfb-run -a -s "-screen 0 1600x1000x24" java $opts ${BENCH_JAVA_OPTS:-} -Dprism.order=sw \
    -Djava.util.prefs.userRoot="$TMPD/prefs" -cp "$CP" colophon.bench.WindowBench "$d" "$n" "$5" 120 "$6"
  [ "$RC" = 0 ] || log "WARNING: window bench ($key) exited $RC"
  sed "s/^window\./$key./" "$TMPD/stdout" > "$TMPD/window"
  keyvals "$n" "$r" "$TMPD/window"
  record "$n" "$r" "$key.others_cpu_s" "$OTHERS_S"
  log "  $key${opts:+ ($opts)}: $(grep -E 'shown_s|heap_mb|scroll.max_gap|scroll.stalls|error' "$TMPD/window" | tr '\n' ' ')"
}


# ------------------------------------------------------------------------------------------ runs
: > "$RAW"
for n in "${SIZE_LIST[@]}"; do
  lib=$(lib_dir "$n")
  if ! lib_ready "$n"; then
    rm -rf "$lib"
    log "generating $n books (seed $SEED) in $lib"
    bench_java colophon.bench.Generate generate "$lib" "$n" "$SEED" 2>&1 | tee -a "$LOG" >&2
    bench_java colophon.bench.Generate verify "$lib" "$(( n >= 10000 ? n / 1000 : 1 ))" 2>&1 | tee -a "$LOG" >&2 \
      || die "generated files do not read back as planned"
  else
    log "reusing $lib"
  fi
  for r in $(seq 1 "$RUNS"); do
    d=$DATA/runs/data-$n
    rm -rf "$d"
    log "size $n, run $r/$RUNS"
    prepare_cache "$n" "$r" "$lib/library"
    scan_step "$n" "$r" first "$d" "$lib/library" "$LAUNCHER_JVM_OPTS"
    scan_step "$n" "$r" rescan "$d" "$lib/library" "$LAUNCHER_JVM_OPTS"
    bench_java colophon.bench.Generate mutate "$lib" 0.01 "$(date +%s)" >> "$LOG" 2>&1
    scan_step "$n" "$r" changed "$d" "$lib/library" "$LAUNCHER_JVM_OPTS"
    # the same first scan and rescan with plain `java` defaults, as `java -jar target/colophon.jar` runs
    rm -rf "$d-plain"
    scan_step "$n" "$r" first_plain "$d-plain" "$lib/library" ""
    scan_step "$n" "$r" rescan_plain "$d-plain" "$lib/library" ""
    rm -rf "$d-plain"

    # shellcheck disable=SC2086
    timed java $LAUNCHER_JVM_OPTS ${BENCH_JAVA_OPTS:-} -cp "$CP" colophon.bench.ResyncBench "$d" 100 20 "$r"
    [ "$RC" = 0 ] || die "resync bench failed (see $LOG)"
    cp "$TMPD/stdout" "$TMPD/resync"
    keyvals "$n" "$r" "$TMPD/resync"
    record "$n" "$r" resync.others_cpu_s "$OTHERS_S"
    log "  resync: $(grep -E 'p50|p95' "$TMPD/resync" | tr '\n' ' ')"

    if [ "$SKIP_WINDOW" = 0 ] && [ "$n" -ge "$WINDOW_MIN" ]; then
      # the real app (Main without arguments) over $d, with private Java preferences (no remembered window state),
      # first with the JVM options the installed launcher passes (packaging/app.conf), then with plain `java`
      # defaults (load only, no scrolling) to show what those options are worth
      window_step "$n" "$r" window "$LAUNCHER_JVM_OPTS" 300 600
      window_step "$n" "$r" window_plain "" 0 0
    fi
    # Last, as it leaves records of files that are gone (their files are moved back): 10% of the books get a manual
    # title, then half of them are renamed and half moved into new folders; the
    # rescan must find every one by content and keep its edits (MoveBench); the files go back afterwards
    # a failure puts the moved files back first: the generated library is reused by every later run
    put_back() { [ -s "$TMPD/moves" ] && bench_java colophon.bench.MoveBench restore "$TMPD/moves" >> "$LOG" 2>&1; }
    bench_java colophon.bench.MoveBench prepare "$d" "$lib/library" $((n / 10)) "$r" "$TMPD/moves" >> "$LOG" 2>&1 \
      || { put_back; die "MoveBench prepare failed (see $LOG); the files it moved are back"; }
    scan_step "$n" "$r" moved "$d" "$lib/library" "$LAUNCHER_JVM_OPTS"
    bench_java colophon.bench.MoveBench check "$d" "$TMPD/moves" > "$TMPD/movecheck" 2>> "$LOG" \
      || { put_back; die "MoveBench check failed (see $LOG); the moved files are back"; }
    keyvals "$n" "$r" "$TMPD/movecheck"
    bench_java colophon.bench.MoveBench restore "$TMPD/moves" >> "$LOG" 2>&1
    log "  moves: $(tr '\n' ' ' < "$TMPD/movecheck")"
    [ "$KEEP_DATA" = 1 ] || rm -rf "$d"
  done
done

for n in ${WINDOW_ONLY_LIST[@]+"${WINDOW_ONLY_LIST[@]}"}; do
  lib=$(lib_dir "$n")
  if ! lib_ready "$n"; then
    rm -rf "$lib"
    log "generating $n books (seed $SEED) in $lib"
    bench_java colophon.bench.Generate generate "$lib" "$n" "$SEED" 2>&1 | tee -a "$LOG" >&2
    bench_java colophon.bench.Generate verify "$lib" $((n / 1000)) 2>&1 | tee -a "$LOG" >&2 \
      || die "generated files do not read back as planned"
  fi
  d=$DATA/runs/data-$n
  rm -rf "$d"
  log "size $n (window only): one first scan, then the window $RUNS times"
  prepare_cache "$n" 1 "$lib/library"
  scan_step "$n" 1 first "$d" "$lib/library" "$LAUNCHER_JVM_OPTS"
  for r in $(seq 1 "$RUNS"); do
    log "size $n, window run $r/$RUNS"
    window_step "$n" "$r" window "$LAUNCHER_JVM_OPTS" 300 600
    window_step "$n" "$r" window_plain "" 0 0
  done
  [ "$KEEP_DATA" = 1 ] || rm -rf "$d"
done

if [ "$SKIP_CALIBRE" = 0 ]; then
  lib=$(lib_dir 1000)
  for r in $(seq 1 "$CALIBRE_RUNS"); do
    cl=$DATA/runs/calibre-1000
    rm -rf "$cl"
    mkdir -p "$cl"
    log "Calibre: calibredb add -r on 1000 books, run $r/$CALIBRE_RUNS (about 3-4 minutes)"
    prepare_cache 1000 "$r" "$lib/library" calibre
    timed calibredb add -r "$lib/library" --library-path "$cl"
    [ "$RC" = 0 ] || log "WARNING: calibredb exited $RC: $(tail -3 "$TMPD/stderr")"
    added=$(calibredb list --library-path "$cl" --for-machine --fields id 2>/dev/null | grep -c '"id"' || true)
    record 1000 "$r" calibre.wall_s "$WALL"
    record 1000 "$r" calibre.rss_mb "$RSS_MB"
    record 1000 "$r" calibre.books_added "$added"
    record 1000 "$r" calibre.cpu_s "$CPU_S"
    record 1000 "$r" calibre.others_cpu_s "$OTHERS_S"
    # books it added (Calibre does not import .m4b audiobooks, so it adds fewer than 1,000)
    record 1000 "$r" calibre.books_per_s "$(awk -v a="$added" -v w="$WALL" 'BEGIN{printf "%.2f", a/w}')"
    log "  calibre: ${WALL}s, $added books in its library"
    [ "$KEEP_DATA" = 1 ] || rm -rf "$cl"
  done
fi

bench_java colophon.bench.Report "$RAW" "$HEADER" | tee "$RESULTS"
log "table written to $RESULTS (raw values: $RAW, log: $LOG)"
