#!/usr/bin/env bash
# The long reliability runs of docs/RELIABILITY.md, which CI runs only in their short form.
#
#   scripts/fuzz.sh fuzz [Class#method ...]   fuzz each reader target with Jazzer for its @FuzzTest maxDuration
#                                             (3 minutes each; all 16 targets: about 55 minutes)
#   scripts/fuzz.sh crash [kills] [files]     the crash-consistency kill loop at full length (default 50 kills
#                                             over 3,000 files: about 10 minutes on 2 cores)
#   scripts/fuzz.sh all                       both
#
# Fuzzing writes any crashing input next to the regression inputs
# (src/test/resources/app/colophon/fuzz/<Class>Inputs/<method>/crash-*), where the normal test run replays it once
# the bug is fixed; the growing corpus goes to .cifuzz-corpus/ (not committed). Builds go to target-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(
  EpubReaderFuzzTest#archive EpubReaderFuzzTest#packageDocument EpubReaderFuzzTest#container
  CbzReaderFuzzTest#archive CbzReaderFuzzTest#comicInfo
  M4bReaderFuzzTest#file M4bReaderFuzzTest#tagItems
  PdfReaderFuzzTest#file PdfReaderFuzzTest#xmpPacket
  FilepathParserFuzzTest#fileAndFolderName
  Mp3ReaderFuzzTest#file Mp3ReaderFuzzTest#id3Frames M4aReaderFuzzTest#tagItems
  Cb7ReaderFuzzTest#archive Cb7ReaderFuzzTest#comicInfo CbrReaderFuzzTest#file
)

fuzz() {
  local targets=("$@")
  [ ${#targets[@]} -gt 0 ] || targets=("${TARGETS[@]}")
  local failed=0
  for t in "${targets[@]}"; do
    echo "=== fuzzing $t"
    # one fuzz test per run (Jazzer's rule); an input slower than 10 s is a finding (FuzzSupport.SLOW_NANOS)
    if ! JAZZER_FUZZ=1 mvn -B -q -DbuildDir=target-fuzz test -Dtest="app.colophon.fuzz.$t" \
        -Dsurefire.failIfNoSpecifiedTests=false; then
      echo "=== $t: FINDING (see the crash-* file above and in src/test/resources/app/colophon/fuzz/)"
      failed=1
    fi
  done
  return $failed
}

crash() {
  local kills=${1:-50} files=${2:-3000}
  echo "=== crash consistency: $kills kills over $files files"
  COLOPHON_CRASH_KILLS=$kills COLOPHON_CRASH_FILES=$files mvn -B -q -DbuildDir=target-fuzz test \
    -Dtest=app.colophon.reliability.CrashConsistencyTest -Dsurefire.failIfNoSpecifiedTests=false
}

case "${1:-all}" in
  fuzz) shift; fuzz "$@" ;;
  crash) shift; crash "$@" ;;
  all) fuzz && crash ;;
  *) echo "usage: $0 fuzz [Class#method ...] | crash [kills] [files] | all" >&2; exit 2 ;;
esac
