#!/usr/bin/env bash
# Screenshots of the real window under Xvfb: the grid, a tile's context menu, a selection's menu, the refresh
# confirmation naming the count, the detail view and the browser. Needs Debian's xvfb, xdotool, imagemagick and libgtk-3-0 (installed here when missing, as root).
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
sleep 8                                   # covers load in the background
shot() { import -window root -crop 1280x800+0+0 "$out/$1.png"; }
shot grid

# The first tile's cover sits near the grid's top-left corner, right of the 240-pixel sidebar.
xdotool mousemove 330 170 click 3
sleep 1
shot context-menu
xdotool key Escape
sleep 1

# Three books chosen (click, Shift-click), then the middle one's menu: it acts on all three.
xdotool mousemove 340 283 click 1
xdotool keydown shift mousemove 680 283 click 1 keyup shift
sleep 1
xdotool mousemove 500 170 click 3
sleep 1
shot selection
xdotool mousemove 520 237 click 1         # Refresh all metadata (Open, a separator, Scan, then Refresh)
sleep 2
shot refresh-confirmation
xdotool key Escape
sleep 1

xdotool mousemove 340 170 click --repeat 2 --delay 80 1
sleep 4
shot detail
xdotool key Escape                        # Esc closes the book's window
sleep 1

# The browser: open Series, choose one; its books show in series order.
xdotool mousemove 62 268 click 1
sleep 1
xdotool mousemove 110 312 click 1         # the second series (two books in the corpus)
sleep 2
shot browser
kill "$app"
TOUR
chmod +x "$data/tour.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$data/tour.sh" "$data" "$out"
echo "Screenshots written to $out"
