# shellcheck shell=bash
# The Debian package, built with dpkg-deb from the app image (sourced by packaging/build.sh after lib/common.sh).
#
# jpackage's own .deb fails lintian on what Debian asks of every package (no copyright file or changelog, no
# extended description, unstripped binaries, /usr/bin/colophon and the menu entry made by postinst instead of
# shipped), so the package is laid out here: the app image in /opt/colophon as jpackage would put it, and beside
# it, as package files, /usr/bin/colophon, the menu entry, the hicolor icons, the man page and
# /usr/share/doc/colophon/{copyright,changelog.Debian.gz}. No maintainer scripts: the desktop database and the
# icon cache are refreshed by the dpkg triggers of desktop-file-utils and hicolor-icon-theme.
# Depends is derived as jpackage does it: the Debian packages owning the system libraries the binaries link.
#
# Uses: APP, PACKAGING, ROOT, OUT, WORK, VERSION, APP_VERSION and app.conf's keys. Sets DEB_FILE.

# strip as dh_strip does: executables lose all symbols, shared libraries the ones not needed to link.
deb_strip() {
  local f
  while IFS= read -r -d '' f; do
    [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
    chmod u+w "$f"
    case "$f" in
      *.so|*.so.*) strip --remove-section=.comment --remove-section=.note --strip-unneeded "$f" ;;
      *) strip --remove-section=.comment --remove-section=.note "$f" ;;
    esac
  done < <(find "$1" -type f -print0)
}

# The Debian packages that own the system libraries the package's ELF files link (not the ones it brings).
# Every such library must be installed on the build machine, or its package would be missing from Depends.
deb_depends() {
  local root=$1 f lib pkg missing
  missing=$(find "$root" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} \; 2>/dev/null \
    | awk '$3 == "not" && $4 == "found" { print $1 }' | sort -u \
    | while IFS= read -r lib; do [ -n "$(find "$root" -name "$lib" -print -quit)" ] || printf '%s ' "$lib"; done)
  [ -z "$missing" ] || die "the package's binaries link $missing which this machine lacks, so Depends cannot name
their packages: install them first (Debian 12: apt-get install libgtk-3-0 libxtst6 libasound2 …), then build again"
  {
    while IFS= read -r -d '' f; do
      [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
      ldd "$f" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }'
    done < <(find "$root" -type f -print0)
  } | sort -u | while IFS= read -r lib; do
    case "$lib" in "$root"/*) continue ;; esac
    # Debian 12 merged /lib into /usr/lib: dpkg knows each file under one of the two names.
    pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null \
      || dpkg -S "${lib#/usr}" 2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null) || die "no Debian package owns $lib"
    printf '%s\n' "${pkg%%:*}"
  done | sort -u | paste -sd, | sed 's/,/, /g'
}

build_deb() {
  local root=$WORK/deb-root arch install_dir doc size depends
  arch=$(dpkg --print-architecture)
  install_dir=/opt/$PACKAGE_NAME
  doc=$root/usr/share/doc/$PACKAGE_NAME
  say "Debian package: $install_dir, /usr/bin/$PACKAGE_NAME, menu entry, icons, man page, copyright, changelog"
  rm -rf "$root"
  mkdir -p "$root/DEBIAN" "$root$install_dir" "$root/usr/bin" "$doc" "$root/usr/share/applications" \
    "$root/usr/share/man/man1"
  cp -a "$APP/." "$root$install_dir/"
  deb_strip "$root$install_dir"

  ln -s "$install_dir/bin/$APP_NAME" "$root/usr/bin/$PACKAGE_NAME"
  sed -e "s|@APP_NAME@|$APP_NAME|g" -e "s|@DESCRIPTION@|$DESCRIPTION|g" -e "s|@COMMAND@|$PACKAGE_NAME|g" \
      -e "s|@LINUX_MENU_GROUP@|$LINUX_MENU_GROUP|g" -e "s|@LINUX_WM_CLASS@|$LINUX_WM_CLASS|g" \
      "$PACKAGING/linux/$APP_NAME.desktop" > "$root/usr/share/applications/$PACKAGE_NAME.desktop"
  local size
  for size in 16 32 48 64 128 256 512; do
    install -D -m 644 "$PACKAGING/icon/png/colophon-$size.png" \
      "$root/usr/share/icons/hicolor/${size}x$size/apps/$PACKAGE_NAME.png"
  done
  install -D -m 644 "$PACKAGING/icon/colophon.svg" "$root/usr/share/icons/hicolor/scalable/apps/$PACKAGE_NAME.svg"
  sed "s|@VERSION@|$VERSION|g" "$PACKAGING/linux/colophon.1" | gzip -9n > "$root/usr/share/man/man1/$PACKAGE_NAME.1.gz"

  cp "$PACKAGING/linux/copyright" "$doc/copyright"
  sed "s|@MAINTAINER@|$LINUX_DEB_MAINTAINER|g" "$PACKAGING/linux/changelog.Debian" | gzip -9n > "$doc/changelog.Debian.gz"
  gzip -9nc "$ROOT/CHANGELOG.md" > "$doc/changelog.gz"
  local top
  top=$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' "$PACKAGING/linux/changelog.Debian")
  [ "$top" = "$APP_VERSION-1" ] || die "packaging/linux/changelog.Debian starts with $top, not $APP_VERSION-1: add an entry"

  install -D -m 644 "$PACKAGING/linux/lintian-overrides" "$root/usr/share/lintian/overrides/$PACKAGE_NAME"

  # Debian's permissions: directories and programs 755, other files (shared libraries too) 644.
  find "$root" -type d -exec chmod 755 {} +
  find "$root" -type f -perm -u+x ! -name '*.so' -exec chmod 755 {} +
  find "$root" -type f \( ! -perm -u+x -o -name '*.so' \) -exec chmod 644 {} +

  depends=$(deb_depends "$root$install_dir")
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  {
    echo "Package: $PACKAGE_NAME"
    echo "Version: $APP_VERSION-1"
    echo "Section: $LINUX_DEB_SECTION"
    echo "Priority: optional"
    echo "Architecture: $arch"
    echo "Maintainer: $LINUX_DEB_MAINTAINER"
    echo "Installed-Size: $size"
    echo "Depends: $depends"
    echo "Description: $LINUX_DEB_SYNOPSIS"
    sed -e 's/^$/./' -e 's/^/ /' "$PACKAGING/linux/description.txt"
  } > "$root/DEBIAN/control"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$root/DEBIAN/md5sums"
  chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

  DEB_FILE=$OUT/${PACKAGE_NAME}_$APP_VERSION-1_$arch.deb
  rm -f "$OUT"/"$PACKAGE_NAME"_*.deb
  say "dpkg-deb: compressing $(du -sh "$root" | cut -f1) with xz (about a minute)"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$DEB_FILE" >/dev/null
  say "Package: $DEB_FILE (Depends: $(echo "$depends" | tr ',' '\n' | wc -l | tr -d ' ') packages)"
}
