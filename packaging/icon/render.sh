#!/usr/bin/env bash
# Regenerates Colophon's icons from colophon.svg (the PNGs, .ico and .icns are committed build inputs,
# so a build does not need these tools): run it after editing the SVG.
#   needs: rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (imagemagick), png2icns (icnsutils)
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" colophon.svg --output "png/colophon-$size.png"
done
# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
convert png/colophon-16.png png/colophon-32.png png/colophon-48.png png/colophon-64.png \
        png/colophon-128.png png/colophon-256.png colophon.ico
# macOS: an .icns (on a Mac, `iconutil -c icns` over an .iconset of the same PNGs gives the same result).
png2icns colophon.icns png/colophon-16.png png/colophon-32.png png/colophon-48.png \
         png/colophon-128.png png/colophon-256.png png/colophon-512.png >/dev/null
ls -l png colophon.ico colophon.icns
