#!/usr/bin/env bash
# Makes the audio files of corpus/made/audio (issue #16). Needs Debian 12's ffmpeg (5.1) and python3-mutagen (1.46);
# run from this folder: ./make.sh <out-dir>. The tests read the committed files and never run this.
set -euo pipefail
out=${1:?usage: make.sh <out-dir>}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"/mp3-three-chapters "$out"/m4a-two-parts "$out"/two-albums
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }

# covers: a 64x64 JPEG and a 48x48 PNG, flat colours
ff -f lavfi -i "color=c=0x336699:s=64x64" -frames:v 1 -bitexact "$tmp/cover.jpg"
ff -f lavfi -i "color=c=0x993322:s=48x48" -frames:v 1 -bitexact "$tmp/cover.png"

# MP3: mono 22,050 Hz sine tones, no tags from ffmpeg (mutagen writes them); -bitexact keeps the encoder out of the file
mp3() { # <seconds> <out> <lame options…>
  local s=$1 o=$2; shift 2
  ff -f lavfi -i "sine=frequency=440:sample_rate=22050:duration=$s" -ac 1 -c:a libmp3lame "$@" \
     -map_metadata -1 -id3v2_version 0 -write_id3v1 0 -bitexact "$o"
}
mp3 1 "$out/mp3-three-chapters/01 Chapter One.mp3" -b:a 32k                 # CBR, LAME "Info" header
mp3 2 "$out/mp3-three-chapters/02 Chapter Two.mp3" -q:a 9                   # VBR, "Xing" header
mp3 3 "$out/mp3-three-chapters/03 Chapter Three.mp3" -b:a 32k -write_xing 0 # CBR without any header: size / bit rate
for f in a1 a2 b1 b2; do mp3 1 "$out/two-albums/$f.mp3" -b:a 32k; done
mp3 1 "$tmp/plain.mp3" -b:a 32k
cp "$tmp/plain.mp3" "$out/id3v1-only.mp3"
cp "$tmp/plain.mp3" "$out/music.mp3"

# M4A: AAC in MP4 (ffmpeg's mp4 muxer), tags by mutagen
m4a() { # <seconds> <out>
  ff -f lavfi -i "sine=frequency=330:sample_rate=22050:duration=$1" -ac 1 -c:a aac -b:a 32k -map_metadata -1 \
     -bitexact -f mp4 "$2"
}
m4a 1.5 "$out/m4a-two-parts/Part 1.m4a"
m4a 2.5 "$out/m4a-two-parts/Part 2.m4a"
m4a 1 "$out/single-audiobook.m4a"
m4a 1 "$out/single-music.m4a"

/usr/bin/python3 "$here/tag.py" "$out" "$tmp/cover.jpg" "$tmp/cover.png"
