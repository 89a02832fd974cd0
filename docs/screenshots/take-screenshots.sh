#!/usr/bin/env bash
# Screenshots of the real window under Xvfb: the grid, a tile's context menu, the refresh confirmation and the
# detail view. Needs Debian's xvfb, xdotool, imagemagick and libgtk-3-0 (installed here when missing, as root).
# Usage: docs/screenshots/take-screenshots.sh   (from the project root; writes docs/screenshots/*.png)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
corpus=${COLOPHON_CORPUS:-src/test/resources/corpus}

need() { command -v "$1" >/dev/null 2>&1; }
if ! need xvfb-run || ! need xdotool || ! need import; then
    apt-get install -y -q xvfb xdotool imagemagick libgtk-3-0 >/dev/null
fi

[ -f target/colophon.jar ] || mvn -q -B -DskipTests package
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
java -jar target/colophon.jar --data-dir "$data" scan "$corpus" >/dev/null

cat > "$data/tour.sh" <<'TOUR'
#!/usr/bin/env bash
set -euo pipefail
data=$1; out=$2
COLOPHON_HOME="$data" java -Djava.util.prefs.userRoot="$data/prefs" -Dprism.order=sw -jar target/colophon.jar &
app=$!
win=$(xdotool search --sync --name '^Colophon$' | head -1)
xdotool windowmove "$win" 0 0
xdotool windowsize "$win" 1280 800
sleep 6                                   # covers load in the background
import -window root -crop 1280x800+0+0 "$out/grid.png"

# The first tile's cover sits near the grid's top-left corner.
xdotool mousemove 290 170 click 3
sleep 1
import -window root -crop 1280x800+0+0 "$out/context-menu.png"
xdotool mousemove 310 205 click 1         # the menu's second item: Refresh all metadata
sleep 2
import -window root -crop 1280x800+0+0 "$out/refresh-confirmation.png"
xdotool key Escape
sleep 1

xdotool mousemove 290 170 click --repeat 2 --delay 80 1
sleep 4
import -window root -crop 1280x800+0+0 "$out/detail.png"
kill "$app"
TOUR
chmod +x "$data/tour.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$data/tour.sh" "$data" "$out"
echo "Screenshots written to $out"
