#!/usr/bin/env bash
# Builds Colophon for macOS with the JDK's jlink and jpackage (run on a Mac; it cannot be built elsewhere):
#   target/installer/app-image/Colophon.app     self-contained app (launcher + runtime + app)
#   target/installer/Colophon-<version>.dmg     the disk image users download: drag Colophon to Applications
# Same steps and settings (packaging/app.conf) as the Linux build: a jlinked runtime holding JavaFX's
# modules, only the modules jdeps finds, the app on the class path without the JavaFX jars.
#
#   packaging/macos/build.sh                  mvn package (tests skipped), then the app and the .dmg
#   packaging/macos/build.sh --skip-maven     reuse an earlier mvn package
#
# Needs: a JDK 17+ with jmods (JAVA_HOME; e.g. Temurin 17 or 21 for your Mac's CPU: Apple silicon needs an
# aarch64 JDK, and Maven then picks JavaFX's mac-aarch64 jars), Maven, Xcode's command line tools (jpackage
# uses hdiutil, codesign, SetFile). Unsigned: macOS asks for confirmation on first open (right-click, Open);
# signing and notarizing need an Apple Developer ID (jpackage --mac-sign --mac-signing-key-user-name …).
#
# Version: the bundle's CFBundleShortVersionString and CFBundleVersion are the pom's (e.g. 0.1.0), written by
# macos/Info.plist through jpackage's --resource-dir; jpackage refuses an --app-version that starts with 0, so
# while pom.xml says 0.x it gets 1.<the pom's version without dots> instead, which ends up nowhere a user sees.
# The .dmg is named after the pom's version.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

with_maven=1
for arg in "$@"; do
  case "$arg" in
    --skip-maven) with_maven=0 ;;
    *) die "unknown option $arg" ;;
  esac
done
[ "$(uname -s)" = Darwin ] || die "this builds the macOS .dmg on a Mac; on Linux run packaging/build.sh"

packaging_setup
mkdir -p "$WORK"
[ $with_maven = 1 ] && maven_package
project_version
BUNDLE_VERSION=$APP_VERSION
case "$APP_VERSION" in
  0|0.*) APP_VERSION=1.$(printf '%s' "$APP_VERSION" | tr -d .) ;;  # jpackage's check only: Info.plist has the real one
esac
MAC_RESOURCES=$WORK/mac-resources
rm -rf "$MAC_RESOURCES"
mkdir -p "$MAC_RESOURCES"
sed "s|@VERSION@|$BUNDLE_VERSION|g" "$PACKAGING/macos/Info.plist" > "$MAC_RESOURCES/Info.plist"

javafx_jmods
app_input
runtime_modules
make_runtime
# shellcheck disable=SC2034  # read by make_app_image in lib/common.sh
APP_IMAGE_EXTRA=(--mac-package-identifier "$MAC_PACKAGE_IDENTIFIER" --mac-package-name "$APP_NAME"
                 --resource-dir "$MAC_RESOURCES")
make_app_image "$PACKAGING/icon/colophon.icns"
APP=$APP_IMAGE_DIR/$APP_NAME.app
train_startup_archive "$APP/Contents/app" "$APP/Contents/MacOS/$APP_NAME" "$APP/Contents/app/$APP_NAME.cfg"
"$APP/Contents/MacOS/$APP_NAME" --help >/dev/null || die "the app's launcher fails: $APP/Contents/MacOS/$APP_NAME --help"
bundle=$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$APP/Contents/Info.plist")
[ "$bundle" = "$BUNDLE_VERSION" ] || die "Colophon.app says version $bundle, pom.xml says $BUNDLE_VERSION"
reported=$("$APP/Contents/MacOS/$APP_NAME" --version)
[ "$reported" = "Colophon $VERSION" ] || die "the app says '$reported', pom.xml says $VERSION"

rm -f "$OUT"/"$APP_NAME"-*.dmg
"$JDK/bin/jpackage" --type dmg --app-image "$APP" \
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
  --description "$DESCRIPTION" --copyright "$COPYRIGHT" --icon "$PACKAGING/icon/colophon.icns" \
  --mac-package-identifier "$MAC_PACKAGE_IDENTIFIER" --mac-package-name "$APP_NAME" \
  --dest "$OUT"
dmg=$(ls "$OUT"/"$APP_NAME"-*.dmg)
[ "$dmg" = "$OUT/$APP_NAME-$VERSION.dmg" ] || mv "$dmg" "$OUT/$APP_NAME-$VERSION.dmg"
du -sh "$APP" "$OUT/$APP_NAME-$VERSION.dmg"
say "Done: $OUT/$APP_NAME-$VERSION.dmg (the command line: $APP_NAME.app/Contents/MacOS/$APP_NAME)"
