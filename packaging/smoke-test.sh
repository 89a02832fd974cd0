#!/usr/bin/env bash
# Smoke test of the Linux installer: installs the .deb that packaging/build.sh made, uses the installed
# `colophon` as a user would, then uninstalls it.
#
#   packaging/smoke-test.sh [path/to/colophon_<version>-1_amd64.deb]
#
# Checks: the package installs with apt-get (pulling what it Depends on); `colophon` is on the PATH; the
# runtime in /opt/colophon carries its own Java and JavaFX; the desktop entry, /usr/bin/colophon and the hicolor
# icons are package files; the copyright, the Debian changelog, the extended description, the man page and
# stripped binaries are there; `colophon --version` says the package's version; `colophon --help`
# and `colophon --data-dir <tmp> scan <the test corpus>` work; the window opens under Xvfb (its title,
# "Colophon", is looked up with xwininfo, its own icon with xprop, and a screenshot is kept in target/installer/);
# `apt-get purge`
# removes every installed file.
#
# Runs as root (or through sudo): it installs and removes a package. It apt-get installs the test's own tools
# if they are missing (xvfb for xvfb-run, x11-utils for xwininfo and xprop) and says so; those stay installed. The
# machine is left as found otherwise: colophon is purged even when a check fails, and packages that apt pulled
# in for it are purged too. Everything the app writes (database, log, preferences, temp files) goes to a
# temporary folder, removed at the end. CORPUS=<dir> scans another folder than the repository's
# test corpus (src/test/resources/corpus).
set -uo pipefail

PACKAGING=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$PACKAGING/.." && pwd)
PACKAGE=colophon
APP_NAME=Colophon
INSTALL_DIR=/opt/$PACKAGE
CORPUS=${CORPUS:-$ROOT/src/test/resources/corpus}
OUT=$ROOT/${COLOPHON_BUILD_DIR:-target}/installer

passed=0
failed=0
ok() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
bad() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }
say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 2; }
check() { # check "description" command…: PASS when the command succeeds
  local what=$1; shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}

SUDO=
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "run as root (installs a package)"
  SUDO=sudo
fi

DEB=${1:-}
if [ -z "$DEB" ]; then
  DEB=$(ls -t "$OUT"/${PACKAGE}_*.deb 2>/dev/null | head -1)
  [ -n "$DEB" ] || die "no .deb in $OUT: run packaging/build.sh first, or pass the .deb"
fi
[ -f "$DEB" ] || die "$DEB does not exist"
DEB=$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")
[ -d "$CORPUS" ] || die "no corpus at $CORPUS (set CORPUS=<folder of books>)"
CORPUS=$(cd "$CORPUS" && pwd)

if dpkg-query -W -f '${Status}' "$PACKAGE" 2>/dev/null | grep -q 'install ok'; then
  die "$PACKAGE is already installed: this test installs and removes it, so remove it first (apt-get purge $PACKAGE)"
fi
[ -e "$INSTALL_DIR" ] && die "$INSTALL_DIR exists without the package: remove it first"

# The test's own tools.
missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xwininfo >/dev/null && command -v xprop >/dev/null || missing+=(x11-utils)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing the test's tools with apt-get: ${missing[*]} (they stay installed)"
  $SUDO apt-get install -y -q "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed (apt-get update first?)"
fi

TMP=$(mktemp -d /tmp/colophon-smoke.XXXXXX)
mkdir -p "$TMP/home" "$TMP/tmp" "$TMP/xdg-data" "$TMP/xdg-config" "$TMP/xdg-cache"
installed=0
dpkg-query -W -f '${Package}\n' | sort > "$TMP/packages-before.txt"

cleanup() {
  # Apps this test started (the server, the window) go before their files do.
  local pid
  for pid in $(cat "$TMP/app.pid" "$TMP/serve.pid" 2>/dev/null); do kill "$pid" 2>/dev/null; done
  sleep 1
  if [ $installed = 1 ]; then
    say "Uninstalling: apt-get purge -y $PACKAGE"
    $SUDO apt-get purge -y -q "$PACKAGE" > "$TMP/purge.log" 2>&1 || cat "$TMP/purge.log"
    dpkg-query -W -f '${Package}\n' | sort > "$TMP/packages-after.txt"
    local pulled
    pulled=$(comm -13 "$TMP/packages-before.txt" "$TMP/packages-after.txt" | tr '\n' ' ')
    if [ -n "${pulled// /}" ]; then
      say "Purging what apt pulled in for $PACKAGE: $pulled"
      # shellcheck disable=SC2086  # one word per package
      $SUDO apt-get purge -y -q $pulled > "$TMP/purge-deps.log" 2>&1 || cat "$TMP/purge-deps.log"
    fi
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The app writes only below $TMP: its database and log (COLOPHON_HOME / --data-dir / XDG_DATA_HOME), Java
# preferences (user.home), temp files (java.io.tmpdir), GTK's caches (HOME, XDG_*).
APP_ENV=(HOME="$TMP/home" XDG_DATA_HOME="$TMP/xdg-data" XDG_CONFIG_HOME="$TMP/xdg-config"
         XDG_CACHE_HOME="$TMP/xdg-cache" JAVA_TOOL_OPTIONS="-Duser.home=$TMP/home -Djava.io.tmpdir=$TMP/tmp")
run_app() { env "${APP_ENV[@]}" "$@"; }

say "Installing $(basename "$DEB") ($(du -h "$DEB" | cut -f1)) with apt-get"
if $SUDO apt-get install -y -q "$DEB" > "$TMP/install.log" 2>&1; then
  installed=1
  ok "apt-get install $(basename "$DEB")"
else
  installed=1 # purge whatever half-installed state is left
  cat "$TMP/install.log"
  bad "apt-get install $(basename "$DEB")"
  exit 1
fi

say "Installed: $INSTALL_DIR is $(du -sk "$INSTALL_DIR" 2>/dev/null | cut -f1) KiB"
# Installed where and how a user finds it.
check "launcher installed at $INSTALL_DIR/bin/$APP_NAME" test -x "$INSTALL_DIR/bin/$APP_NAME"
check "'$PACKAGE' on the PATH is /usr/bin/$PACKAGE -> $INSTALL_DIR/bin/$APP_NAME" \
  test "$(command -v $PACKAGE)" = "/usr/bin/$PACKAGE" -a "$(readlink /usr/bin/$PACKAGE)" = "$INSTALL_DIR/bin/$APP_NAME"
modules=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$INSTALL_DIR/lib/runtime/release" 2>/dev/null)
check "bundled runtime carries Java and JavaFX (java.base, javafx.controls in lib/runtime)" \
  grep -qw 'javafx.controls' <<<"$modules"
check "no JavaFX jars on the class path (JavaFX comes from the runtime's modules)" \
  test -z "$(ls "$INSTALL_DIR"/lib/app/lib/javafx-* 2>/dev/null)"
desktop=/usr/share/applications/$PACKAGE.desktop
check "desktop entry $desktop: Office;Viewer;, Exec $PACKAGE, Icon $PACKAGE" \
  bash -c "[ -f '$desktop' ] && grep -qx 'Categories=Office;Viewer;' '$desktop' \
    && grep -qx 'Exec=$PACKAGE' '$desktop' && grep -qx 'Icon=$PACKAGE' '$desktop'"
# Shipped as package files (dpkg knows them, so they go with the package), not made by a maintainer script.
owned() { dpkg-query -S "$1" 2>/dev/null | grep -qx "$PACKAGE: $1"; }
not_owned=
for f in /usr/bin/$PACKAGE "$desktop" /usr/share/icons/hicolor/scalable/apps/$PACKAGE.svg \
         /usr/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256,512x512}/apps/$PACKAGE.png; do
  owned "$f" || not_owned="$not_owned $f"
done
check "/usr/bin/$PACKAGE, the menu entry and the hicolor icons (16 to 512 px, scalable) are package files${not_owned:+; not:$not_owned}" \
  test -z "$not_owned"
check "no maintainer scripts (the menu and icon caches are refreshed by dpkg triggers)" \
  test -z "$(ls /var/lib/dpkg/info/$PACKAGE.postinst /var/lib/dpkg/info/$PACKAGE.prerm 2>/dev/null)"
doc=/usr/share/doc/$PACKAGE
check "$doc/copyright (machine-readable, names Apache-2.0 and the bundled licences) and changelog.Debian.gz" \
  bash -c "head -1 $doc/copyright | grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
    && grep -q '^License: Apache-2.0' $doc/copyright && grep -q '^License: GPL-2 with Classpath exception' $doc/copyright \
    && zcat $doc/changelog.Debian.gz | head -1 | grep -q \"^$PACKAGE (\$(dpkg-query -W -f '\${Version}' $PACKAGE))\""
check "the package has an extended description" \
  test "$(dpkg-query -W -f '${Description}' "$PACKAGE" | wc -l)" -gt 3
check "the man page colophon(1) is installed" test -s "/usr/share/man/man1/$PACKAGE.1.gz"
unstripped=$(find "$INSTALL_DIR" -type f \( -name '*.so' -o -perm -u+x \) -exec sh -c \
  'head -c 4 "$1" | grep -q ELF && readelf -S "$1" 2>/dev/null | grep -q "\.symtab" && echo "$1"' _ {} \; | head -3)
check "binaries are stripped (no .symtab)${unstripped:+: $unstripped}" test -z "$unstripped"
check "the licence and third-party notices are installed beside the app" \
  test -s "$INSTALL_DIR/lib/app/LICENSE" -a -s "$INSTALL_DIR/lib/app/THIRD-PARTY-NOTICES.txt"

# The command line, without JAVA_HOME and with a plain PATH: the launcher uses its own runtime.
clean_path=/usr/bin:/bin
run_app env -u JAVA_HOME PATH=$clean_path $PACKAGE --help > "$TMP/help.txt" 2> "$TMP/help.err"
rc=$?
check "colophon --help exits 0 and prints the usage" \
  bash -c "[ $rc = 0 ] && grep -q '^Usage: colophon' '$TMP/help.txt'"
sed 's/^/    /' "$TMP/help.txt" | head -4
version=$(run_app env -u JAVA_HOME PATH=$clean_path $PACKAGE --version 2>/dev/null)
package_version=$(dpkg-query -W -f '${Version}' "$PACKAGE")
check "colophon --version says the package's version ($version; package $package_version)" \
  test "$version" = "Colophon ${package_version%-*}"

run_app env -u JAVA_HOME PATH=$clean_path $PACKAGE --data-dir "$TMP/data" scan "$CORPUS" > "$TMP/scan.txt" 2> "$TMP/scan.err"
rc=$?
grep -v '^  ' "$TMP/scan.txt" | sed 's/^/    /'
check "colophon --data-dir <tmp> scan $CORPUS exits 0 and adds books" \
  bash -c "[ $rc = 0 ] && grep -Eq '^Books added: [1-9]' '$TMP/scan.txt'"
check "the scan wrote its database to --data-dir" test -s "$TMP/data/colophon.db"
books=$(run_app $PACKAGE --data-dir "$TMP/data" books 2>/dev/null | grep -c .)
check "colophon books lists them ($books lines)" test "$books" -gt 0
check "sqlite's native library loads from the app, not unpacked into the temp folder" \
  test -z "$(ls -A "$TMP/tmp")"

# The local HTTP API (`colophon serve`) needs the runtime's jdk.httpserver module.
env "${APP_ENV[@]}" $PACKAGE --data-dir "$TMP/data" serve --port 0 > "$TMP/serve.txt" 2>&1 &
serve_pid=$!
echo "$serve_pid" > "$TMP/serve.pid"
port=
for _ in $(seq 1 30); do
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$TMP/serve.txt" | head -1)
  [ -n "$port" ] && break
  sleep 0.5
done
status=
if [ -n "$port" ] && [ -s "$TMP/data/api-token" ] && exec 3<>"/dev/tcp/127.0.0.1/$port"; then
  printf 'GET /books HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n' "$(cat "$TMP/data/api-token")" >&3
  status=$(timeout 10 head -1 <&3 | tr -d '\r')
  exec 3<&-
fi
jvm=$(grep -o '/[^ ]*/libjvm\.so' "/proc/$serve_pid/maps" 2>/dev/null | head -1)
kill "$serve_pid" 2>/dev/null
wait "$serve_pid" 2>/dev/null
check "colophon serve answers GET /books on 127.0.0.1 (${status:-no answer})" \
  bash -c "[[ '$status' == 'HTTP/1.'?' 200'* ]]"
check "the installed app runs on its own Java (${jvm:-no libjvm.so found})" \
  test "$jvm" = "$INSTALL_DIR/lib/runtime/lib/server/libjvm.so"

# The window, under Xvfb: the installed launcher with no arguments, on the library just scanned.
cat > "$TMP/window.sh" <<'EOF'
#!/usr/bin/env bash
# Runs inside xvfb-run: starts the app, waits for a top-level window titled "Colophon", screenshots it.
"$@" > "$SMOKE_TMP/window.log" 2>&1 &
pid=$!
echo "$pid" > "$SMOKE_TMP/app.pid"
found=1
for _ in $(seq 1 60); do
  if xwininfo -root -tree | grep -q '"Colophon": ('; then found=0; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if [ $found = 0 ]; then
  xwininfo -root -tree | grep '"Colophon": (' | head -1 | sed 's/^ */    window: /'
  # The window's own icons, for window managers and task bars: _NET_WM_ICON holds width, height, pixels…
  id=$(xwininfo -root -tree | grep '"Colophon": (' | head -1 | awk '{print $1}')
  xprop -id "$id" _NET_WM_ICON 2>/dev/null | head -c 300 > "$SMOKE_TMP/icon.txt"
  sleep 8   # let the library load before the picture
  if command -v import >/dev/null; then import -window root "$SMOKE_SHOT" 2>/dev/null; fi
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit $found
EOF
chmod +x "$TMP/window.sh"
mkdir -p "$OUT"
shot=$OUT/smoke-window.png
rm -f "$shot"
say "Starting the installed app under xvfb-run (up to 60 s for its window)"
run_app env SMOKE_TMP="$TMP" SMOKE_SHOT="$shot" COLOPHON_HOME="$TMP/data" \
  timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' "$TMP/window.sh" "$PACKAGE"
rc=$?
check "the main window opens, titled \"$APP_NAME\"" test $rc = 0
[ $rc = 0 ] || sed 's/^/    /' "$TMP/window.log"
check "the window sets its own icon (_NET_WM_ICON: $(head -c 60 "$TMP/icon.txt" 2>/dev/null))" \
  grep -q '_NET_WM_ICON(CARDINAL) = ' "$TMP/icon.txt"
[ -f "$shot" ] && say "Screenshot of the window: $shot"

# Uninstall, and nothing left behind.
$SUDO apt-get purge -y -q "$PACKAGE" > "$TMP/purge.log" 2>&1
rc=$?
check "apt-get purge $PACKAGE" test $rc = 0
installed=0
check "uninstalled: no $INSTALL_DIR, /usr/bin/$PACKAGE, desktop entry or dpkg record left" \
  bash -c "[ ! -e '$INSTALL_DIR' ] && [ ! -e /usr/bin/$PACKAGE ] && [ ! -L /usr/bin/$PACKAGE ] \
    && [ ! -e /usr/share/applications/$PACKAGE.desktop ] \
    && ! dpkg-query -W $PACKAGE >/dev/null 2>&1"
dpkg-query -W -f '${Package}\n' | sort > "$TMP/packages-after.txt"
pulled=$(comm -13 "$TMP/packages-before.txt" "$TMP/packages-after.txt" | tr '\n' ' ')
if [ -n "${pulled// /}" ]; then
  say "Purging what apt pulled in for $PACKAGE: $pulled"
  # shellcheck disable=SC2086  # one word per package
  $SUDO apt-get purge -y -q $pulled > "$TMP/purge-deps.log" 2>&1
fi

echo
echo "smoke-test: $passed passed, $failed failed"
[ $failed = 0 ]
