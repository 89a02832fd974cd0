#!/usr/bin/env bash
# Proves that a clone of Colophon tests on its own: clones what is committed into an empty temporary folder
# (nothing beside it: no sibling folder of test data, no other checkout) and runs one reader test class on the
# corpus there.
# .ci/run calls it after the full suite. Uncommitted changes are not in the clone.
#
#   scripts/clone-test.sh [TestClass]        default EpubReaderTest
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
test_class=${1:-EpubReaderTest}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/colophon-clone.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

git clone -q --no-hardlinks "$repo" "$tmp/colophon"
cd "$tmp/colophon"
echo "clone-test: $(git log -1 --format='%h %s') in $tmp/colophon, beside it: $(ls -A "$tmp" | tr '\n' ' ')"
mvn -B -ntp test -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false
