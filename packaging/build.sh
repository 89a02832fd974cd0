#!/usr/bin/env bash
# Builds Colophon's Linux installers with the JDK's jlink and jpackage:
#   target/installer/app-image/Colophon/          self-contained app image (launcher + runtime + app)
#   target/installer/colophon_<version>-1_amd64.deb  (dpkg-deb from the app image: packaging/linux/deb.sh)
# The runtime is jlinked from the JDK's and JavaFX's modules: the user's machine needs no Java or JavaFX.
#
#   packaging/build.sh                 mvn package (tests skipped), then the app image and the .deb
#   packaging/build.sh --app-image     stop after the app image (no fakeroot/dpkg-deb needed)
#   packaging/build.sh --skip-maven    reuse target/colophon.jar and target/lib from an earlier mvn package
#
# Needs: a JDK 17+ with jmods (JAVA_HOME, else the javac on PATH; Debian: openjdk-17-jdk), Maven, zip/unzip,
# and for the .deb dpkg-deb, binutils (strip) and gzip (Debian: dpkg, binutils, gzip). COLOPHON_BUILD_DIR=target-x builds in
# another folder (the pom's buildDir). macOS: packaging/macos/build.sh; Windows: packaging/windows/build.ps1.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/linux/deb.sh"

with_deb=1
with_maven=1
for arg in "$@"; do
  case "$arg" in
    --app-image) with_deb=0 ;;
    --skip-maven) with_maven=0 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (see --help)" ;;
  esac
done
[ "$(uname -s)" = Linux ] || die "this builds the Linux installers; on macOS run packaging/macos/build.sh"
for tool in zip unzip; do command -v $tool >/dev/null || die "$tool is missing (Debian: apt-get install $tool)"; done
if [ $with_deb = 1 ]; then
  for tool in dpkg-deb dpkg strip gzip ldd; do
    command -v $tool >/dev/null || die "$tool is missing (Debian: apt-get install dpkg binutils gzip libc-bin)"
  done
fi

started=$(date +%s)
packaging_setup
mkdir -p "$WORK"
[ $with_maven = 1 ] && maven_package
project_version
javafx_jmods
app_input
# Every jar the installers ship is named, with its version, in the notices (THIRD-PARTY-NOTICES.txt).
for jar in "$INPUT"/lib/*.jar; do
  base=$(basename "$jar" .jar)
  artifact=${base%-*}
  version=${base##*-}
  grep -q -- "$artifact" "$ROOT/THIRD-PARTY-NOTICES.txt" && grep -q -- "$version" "$ROOT/THIRD-PARTY-NOTICES.txt" \
    || die "THIRD-PARTY-NOTICES.txt does not name $artifact $version: add it (and to packaging/linux/copyright)"
done
runtime_modules
make_runtime

ICON=$PACKAGING/icon/png/colophon-256.png
make_app_image "$ICON"
APP=$APP_IMAGE_DIR/$APP_NAME
train_startup_archive "$APP/lib/app" "$APP/bin/$APP_NAME" "$APP/lib/app/$APP_NAME.cfg"

# The app image must answer on the command line before it is packaged.
"$APP/bin/$APP_NAME" --help >/dev/null || die "the app image's launcher fails: $APP/bin/$APP_NAME --help"
reported=$("$APP/bin/$APP_NAME" --version)
[ "$reported" = "Colophon $VERSION" ] || die "the app image says '$reported', pom.xml says $VERSION"
say "App image checked: $APP/bin/$APP_NAME --help, --version: $reported"

if [ $with_deb = 1 ]; then
  build_deb
  DEB=$DEB_FILE
fi

# Sizes, for packaging/README.md.
{
  echo "built $(date -u +%Y-%m-%d) by packaging/build.sh, version $VERSION, JDK $("$JDK/bin/java" -version 2>&1 | head -1)"
  echo "modules: $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$RUNTIME/release")"
  echo "app image $APP: $(du -sk "$APP" | cut -f1) KiB (runtime $(du -sk "$APP/lib/runtime" | cut -f1) KiB, app $(du -sk "$APP/lib/app" | cut -f1) KiB)"
  if [ $with_deb = 1 ]; then
    echo ".deb $(basename "$DEB"): $(stat -c %s "$DEB") bytes, Installed-Size $(dpkg-deb --field "$DEB" Installed-Size) KiB"
  fi
} | tee "$OUT/sizes.txt"
say "Done in $(( $(date +%s) - started )) s: $OUT"
