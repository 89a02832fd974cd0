#!/usr/bin/env bash
# Builds Colophon's Linux installers with the JDK's jlink and jpackage:
#   target/installer/app-image/Colophon/          self-contained app image (launcher + runtime + app)
#   target/installer/colophon_<version>-1_amd64.deb
# The runtime is jlinked from the JDK's and JavaFX's modules: the user's machine needs no Java or JavaFX.
#
#   packaging/build.sh                 mvn package (tests skipped), then the app image and the .deb
#   packaging/build.sh --app-image     stop after the app image (no fakeroot/dpkg-deb needed)
#   packaging/build.sh --skip-maven    reuse target/colophon.jar and target/lib from an earlier mvn package
#
# Needs: a JDK 17+ with jmods (JAVA_HOME, else the javac on PATH; Debian: openjdk-17-jdk), Maven, zip/unzip,
# and for the .deb fakeroot and dpkg-deb (Debian: fakeroot, dpkg). COLOPHON_BUILD_DIR=target-x builds in
# another folder (the pom's buildDir). macOS: packaging/macos/build.sh; Windows: packaging/windows/build.ps1.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

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
  for tool in fakeroot dpkg-deb; do
    command -v $tool >/dev/null || die "$tool is missing (Debian: apt-get install fakeroot dpkg)"
  done
fi

started=$(date +%s)
packaging_setup
mkdir -p "$WORK"
[ $with_maven = 1 ] && maven_package
project_version
javafx_jmods
app_input
runtime_modules
make_runtime

ICON=$PACKAGING/icon/png/colophon-256.png
make_app_image "$ICON"
APP=$APP_IMAGE_DIR/$APP_NAME

# The app image must answer on the command line before it is packaged.
"$APP/bin/$APP_NAME" --help >/dev/null || die "the app image's launcher fails: $APP/bin/$APP_NAME --help"
say "App image checked: $APP/bin/$APP_NAME --help"

if [ $with_deb = 1 ]; then
  # jpackage's resource-dir overrides: the desktop entry and the maintainer scripts that put `colophon` on
  # the PATH. Their placeholders in capitals are jpackage's; the @...@ ones are filled here.
  RESOURCES=$WORK/deb-resources
  rm -rf "$RESOURCES" "$WORK/deb-temp"
  mkdir -p "$RESOURCES"
  LAUNCHER=/opt/$PACKAGE_NAME/bin/$APP_NAME                         # jpackage's default install dir
  DESKTOP_FILE=/opt/$PACKAGE_NAME/lib/$PACKAGE_NAME-$APP_NAME.desktop  # and its name for the entry
  for f in "$APP_NAME.desktop" postinst prerm; do
    sed -e "s|@LAUNCHER@|$LAUNCHER|g" -e "s|@COMMAND@|$PACKAGE_NAME|g" -e "s|@DESKTOP_FILE@|$DESKTOP_FILE|g" \
        -e "s|@LINUX_WM_CLASS@|$LINUX_WM_CLASS|g" "$PACKAGING/linux/$f" > "$RESOURCES/$f"
  done
  chmod 755 "$RESOURCES/postinst" "$RESOURCES/prerm"

  say "jpackage: .deb (dpkg-deb compresses ~75 MB: about a minute)"
  rm -f "$OUT"/"$PACKAGE_NAME"_*.deb
  "$JDK/bin/jpackage" --type deb --app-image "$APP" \
    --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
    --description "$DESCRIPTION" --copyright "$COPYRIGHT" --icon "$ICON" \
    --linux-package-name "$PACKAGE_NAME" --linux-deb-maintainer "$LINUX_DEB_MAINTAINER" \
    --linux-app-category "$LINUX_DEB_SECTION" --linux-menu-group "$LINUX_MENU_GROUP" --linux-shortcut \
    --resource-dir "$RESOURCES" --temp "$WORK/deb-temp" --dest "$OUT"
  DEB=$(ls "$OUT"/"$PACKAGE_NAME"_*.deb)

  dpkg-deb --contents "$DEB" > "$WORK/deb-contents.txt"
  grep -q "\./opt/$PACKAGE_NAME/bin/$APP_NAME\$" "$WORK/deb-contents.txt" \
    || die "$DEB has no $LAUNCHER (the maintainer scripts assume it)"
  grep -q "\.$DESKTOP_FILE\$" "$WORK/deb-contents.txt" \
    || die "$DEB has no $DESKTOP_FILE (the maintainer scripts assume it)"
  dpkg-deb --info "$DEB" postinst > "$WORK/deb-postinst.txt"
  grep -q "ln -sf" "$WORK/deb-postinst.txt" || die "$DEB lacks the postinst that links $PACKAGE_NAME"
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
