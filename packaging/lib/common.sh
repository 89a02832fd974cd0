# shellcheck shell=bash
# Steps shared by packaging/build.sh (Linux) and packaging/macos/build.sh: sourced, not run.
# Kept to bash 3.2 (macOS's /bin/bash): no associative arrays, no mapfile, no ${var,,}.
#
# After `packaging_setup`, these are set:
#   ROOT        the repository                  BUILD     $ROOT/$COLOPHON_BUILD_DIR (default target)
#   OUT         $BUILD/installer (results)      WORK      $OUT/work (intermediates)
#   JDK         the JDK whose jlink/jpackage/jmods are used
#   and every KEY of packaging/app.conf as a shell variable.

set -euo pipefail

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Reads packaging/app.conf (KEY=value lines) into shell variables.
read_conf() {
  local key value
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key=${line%%=*}
    value=${line#*=}
    printf -v "$key" '%s' "$value"
  done < "$1"
}

packaging_setup() {
  PACKAGING=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  ROOT=$(cd "$PACKAGING/.." && pwd)
  read_conf "$PACKAGING/app.conf"
  BUILD_DIR_NAME=${COLOPHON_BUILD_DIR:-target}
  BUILD=$ROOT/$BUILD_DIR_NAME
  OUT=$BUILD/installer
  WORK=$OUT/work

  # The JDK: $JAVA_HOME, else the one javac belongs to. It must have jmods/ (jlink links from them) and
  # jpackage (JDK 16+). Debian's openjdk-17-jdk has both; Temurin 25 here has no jmods/.
  if [ -n "${JAVA_HOME:-}" ]; then
    JDK=$JAVA_HOME
  else
    local javac
    javac=$(command -v javac) || die "no javac on PATH and JAVA_HOME unset: install a JDK 17+"
    JDK=$(cd "$(dirname "$(resolve_link "$javac")")/.." && pwd)
  fi
  [ -x "$JDK/bin/jpackage" ] || die "$JDK has no bin/jpackage (needs JDK 17+); set JAVA_HOME"
  [ -f "$JDK/jmods/java.base.jmod" ] || die "$JDK has no jmods/ (jlink needs them); set JAVA_HOME to a full JDK 17+ (Debian: openjdk-17-jdk)"
  local feature
  feature=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${feature%%.*}" -ge 17 ] 2>/dev/null || die "$JDK is Java $feature; jpackage here needs 17+"
  say "JDK: $JDK (Java $feature)"
}

# readlink -f for systems whose readlink lacks -f.
resolve_link() {
  local f=$1
  while [ -L "$f" ]; do
    local target
    target=$(readlink "$f")
    case "$target" in /*) f=$target ;; *) f=$(dirname "$f")/$target ;; esac
  done
  printf '%s\n' "$f"
}

# mvn package without tests: target/colophon.jar and its dependencies in target/lib.
maven_package() {
  say "Maven: package (tests neither compiled nor run: CI runs them)"
  # (Maven 3.8 prints colour resets even with -q -B: filtered out)
  (cd "$ROOT" && mvn -B -ntp -q -Dmaven.test.skip=true -DbuildDir="$BUILD_DIR_NAME" package) 2>&1 \
    | sed $'s/\x1b\\[[0-9;]*m//g'
  [ -f "$BUILD/$MAIN_JAR" ] || die "$BUILD/$MAIN_JAR was not built"
}

# The version from pom.xml (as Maven wrote it), and the numeric x.y.z jpackage accepts (no -SNAPSHOT).
project_version() {
  VERSION=$(sed -n 's/^version=//p' "$BUILD/maven-archiver/pom.properties")
  [ -n "$VERSION" ] || die "no version in $BUILD/maven-archiver/pom.properties"
  APP_VERSION=$(printf '%s\n' "$VERSION" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
  say "Version: $VERSION (installer version $APP_VERSION)"
}

# JavaFX from Maven Central comes as platform jars (javafx-graphics-21.0.11-linux.jar …) with their native
# libraries inside. Each becomes a jmod with the libraries in its native section, as in Gluon's JavaFX jmods,
# so jlink puts them in the runtime's lib/ and JavaFX loads them from there (nothing is unpacked into
# ~/.openjfx at run time).
javafx_jmods() {
  FX_JARS=()
  local jar
  for jar in "$BUILD"/lib/javafx-*-*-*.jar; do
    [ -f "$jar" ] && FX_JARS+=("$jar")
  done
  [ ${#FX_JARS[@]} -gt 0 ] || die "no JavaFX platform jars in $BUILD/lib"
  FX_JMODS=$WORK/javafx-jmods
  rm -rf "$FX_JMODS" "$WORK/javafx-unpacked"
  mkdir -p "$FX_JMODS"
  for jar in "${FX_JARS[@]}"; do
    local base module version dir
    base=$(basename "$jar" .jar)                       # javafx-graphics-21.0.11-linux
    module=javafx.$(printf '%s\n' "$base" | sed -E 's/^javafx-([a-z]+)-.*/\1/')
    version=$(printf '%s\n' "$base" | sed -E 's/^javafx-[a-z]+-([0-9][^-]*)-.*/\1/')
    dir=$WORK/javafx-unpacked/$module
    mkdir -p "$dir/classes" "$dir/libs"
    (cd "$dir/classes" && "$JDK/bin/jar" xf "$jar")
    rm -rf "$dir/classes/META-INF" "$dir/classes/javafx-swt.jar"
    find "$dir/classes" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) \
      -exec mv {} "$dir/libs/" \;
    local libs=()
    [ -n "$(ls -A "$dir/libs")" ] && libs=(--libs "$dir/libs")
    "$JDK/bin/jmod" create --class-path "$dir/classes" ${libs[@]+"${libs[@]}"} \
      --module-version "$version" "$FX_JMODS/$module.jmod"
  done
  say "JavaFX jmods: $(cd "$FX_JMODS" && ls | tr '\n' ' ')"
}

# sqlite-jdbc's os/arch folder names for this machine.
sqlite_platform() {
  local os arch
  case "$(uname -s)" in
    Linux) os=Linux ;;
    Darwin) os=Mac ;;
    *) die "unsupported OS $(uname -s)" ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x86_64 ;;
    aarch64|arm64) arch=aarch64 ;;
    *) die "unsupported CPU $(uname -m)" ;;
  esac
  printf '%s/%s\n' "$os" "$arch"
}

# The application folder jpackage copies: colophon.jar and lib/ without the JavaFX jars (JavaFX lives in the
# runtime as modules; on the class path too it would be loaded twice). sqlite-jdbc carries its native library
# for 20 platforms; only this one's is kept, unpacked to native/, and the launcher points sqlite-jdbc at it
# (JAVA_OPTIONS_SQLITE), so it never unpacks a library into /tmp (which may be mounted noexec).
app_input() {
  INPUT=$WORK/input
  rm -rf "$INPUT"
  mkdir -p "$INPUT/lib" "$INPUT/native"
  cp "$BUILD/$MAIN_JAR" "$INPUT/"
  # Colophon's licence and the notices of what the installers bundle, beside the jars (lib/app/ once installed)
  cp "$ROOT/LICENSE" "$ROOT/THIRD-PARTY-NOTICES.txt" "$INPUT/"
  cp -R "$ROOT/licenses" "$INPUT/licenses"
  local jar
  for jar in "$BUILD"/lib/*.jar; do
    case "$(basename "$jar")" in javafx-*) continue ;; esac
    cp "$jar" "$INPUT/lib/"
  done
  local sqlite platform name
  sqlite=$(ls "$INPUT"/lib/sqlite-jdbc-*.jar)
  platform=$(sqlite_platform)
  name=$(unzip -Z1 "$sqlite" "org/sqlite/native/$platform/*" | grep -v '/$' | head -1)
  [ -n "$name" ] || die "sqlite-jdbc has no native library for $platform"
  unzip -q -j "$sqlite" "$name" -d "$INPUT/native"
  zip -q -d "$sqlite" 'org/sqlite/native/*' >/dev/null
  JAVA_OPTIONS_SQLITE="-Dorg.sqlite.lib.path=\$APPDIR/native -Dorg.sqlite.lib.name=$(basename "$name")"
  # The launcher puts every jar on the class path itself. The jar's own Class-Path, for `java -jar`, also names
  # JavaFX's jars, which the app does not carry (JavaFX is in the runtime): the installed copy goes without it.
  local manifest_dir=$WORK/manifest
  rm -rf "$manifest_dir"
  mkdir -p "$manifest_dir/META-INF"
  unzip -p "$INPUT/$MAIN_JAR" META-INF/MANIFEST.MF | tr -d '\r' \
    | awk '/^Class-Path:/ { skip = 1; next } skip && /^ / { next } { skip = 0; printf "%s\r\n", $0 }' \
    > "$manifest_dir/META-INF/MANIFEST.MF"
  (cd "$manifest_dir" && zip -q "$INPUT/$MAIN_JAR" META-INF/MANIFEST.MF)
  say "App input: $(ls "$INPUT/lib" | wc -l | tr -d ' ') jars + $(basename "$name") for $platform"
}

# The JDK and JavaFX modules the app uses: jdeps over the app and its class-path jars, plus EXTRA_MODULES.
runtime_modules() {
  local fx_path
  fx_path=$(printf '%s:' "${FX_JARS[@]}")
  MODULES=$("$JDK/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "${fx_path%:}" "$INPUT/$MAIN_JAR" "$INPUT"/lib/*.jar)
  [ -n "$MODULES" ] || die "jdeps found no modules"
  [ -n "${EXTRA_MODULES:-}" ] && MODULES=$MODULES,$EXTRA_MODULES
  case ",$MODULES," in *,javafx.controls,*) ;; *) die "jdeps did not find javafx.controls: $MODULES" ;; esac
  say "Modules: $MODULES (and what they require)"
}

# The runtime: only those modules, no debug attributes, headers, man pages or java/keytool commands.
make_runtime() {
  RUNTIME=$WORK/runtime
  rm -rf "$RUNTIME"
  # --generate-cds-archive writes the JDK's own class-data-sharing archive (lib/server/classes.jsa), on which the
  # app's archive (train_startup_archive) builds. It runs the new runtime's bin/java, so the native commands are
  # removed afterwards instead of with --strip-native-commands.
  "$JDK/bin/jlink" --module-path "$JDK/jmods:$FX_JMODS" --add-modules "$MODULES" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
    --output "$RUNTIME"
  rm -rf "$RUNTIME/bin"
  # The JDK's native libraries keep their symbol tables (libjvm.so alone: 4 MB); the dynamic symbols stay.
  if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null; then
    find "$RUNTIME" -name '*.so' -exec chmod u+w {} + -exec strip --strip-unneeded {} +
  fi
  say "Runtime: $(du -sh "$RUNTIME" | cut -f1), modules: $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$RUNTIME/release")"
}

# The application image (launcher + runtime + app), the same on every system but for the icon.
make_app_image() {
  local icon=$1
  APP_IMAGE_DIR=$OUT/app-image
  rm -rf "$APP_IMAGE_DIR"
  local java_options=() opt
  for opt in $JAVA_OPTIONS $JAVA_OPTIONS_SQLITE; do
    java_options+=(--java-options "$opt")
  done
  "$JDK/bin/jpackage" --type app-image \
    --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
    --description "$DESCRIPTION" --copyright "$COPYRIGHT" --icon "$icon" \
    --runtime-image "$RUNTIME" --input "$INPUT" \
    --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
    "${java_options[@]}" ${APP_IMAGE_EXTRA[@]+"${APP_IMAGE_EXTRA[@]}"} \
    --dest "$APP_IMAGE_DIR"
  say "App image: $(ls -d "$APP_IMAGE_DIR"/*)"
}

# Class-data sharing for the app's own classes (docs/DECISIONS.md, "Start-up"): one training run of the app image
# (app.colophon.StartupTraining: scan the test corpus, list, show a book, open the window until its grid shows)
# with -XX:ArchiveClassesAtExit writes lib/app/colophon.jsa, and the launcher then starts with
# -XX:SharedArchiveFile=$APPDIR/colophon.jsa: the classes are mapped from it instead of being loaded, parsed and
# verified at every start. JDK 17 checks that the archive matches the runtime and the class path (jar sizes and
# times, relative to the app folder, so the installed copy in /opt matches); when it does not, the JVM starts
# without it, silently (-Xlog:cds*=off in app.conf's JAVA_OPTIONS keeps its warning off stdout). The window's part
# needs a display: xvfb-run is used when there is none; without either the archive holds the command line's
# classes only. COLOPHON_CDS=0 skips it.
train_startup_archive() {
  local app_dir=$1 launcher=$2 cfg=$3
  local archive=$app_dir/colophon.jsa corpus=$ROOT/src/test/resources/corpus
  rm -f "$archive"
  if [ "${COLOPHON_CDS:-1}" = 0 ]; then
    say "Class-data sharing archive: skipped (COLOPHON_CDS=0)"
    return 0
  fi
  [ -d "$corpus" ] || die "the training run scans $corpus, which is missing"
  local display=()
  if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ]; then
    if command -v xvfb-run >/dev/null; then
      display=(xvfb-run -a -s "-screen 0 1280x800x24")
    else
      say "no display and no xvfb-run (Debian: xvfb): the archive will hold the command line's classes only"
    fi
  fi
  local started log=$WORK/cds-training.log
  started=$(date +%s)
  # JAVA_TOOL_OPTIONS reaches the JVM whatever launcher starts it; the launcher's own options come on top.
  if ! JAVA_TOOL_OPTIONS="-Dcolophon.training=$corpus -XX:ArchiveClassesAtExit=$archive" \
      ${display[@]+"${display[@]}"} "$launcher" > "$log" 2>&1 || [ ! -s "$archive" ]; then
    tail -5 "$log" >&2
    die "the class-data sharing training run failed (log: $log); COLOPHON_CDS=0 builds without the archive"
  fi
  grep -q '^colophon training: no window' "$log" && say "training ran without a window (see $log)"
  printf 'java-options=-XX:SharedArchiveFile=$APPDIR/colophon.jsa\n' >> "$cfg"
  say "Class-data sharing archive: $(du -k "$archive" | cut -f1) KiB, trained in $(( $(date +%s) - started )) s"
}
