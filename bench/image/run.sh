#!/usr/bin/env bash
# Image benchmark: headroom image vs GNU tar + gzip reading the same layers (wall time, peak RSS).
# usage: bench/image/run.sh [SIZE_MB=2000] [FILES=50000]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
size=${1:-2000}
files=${2:-50000}
work=$(mktemp -d /tmp/headroom-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$here/generate.py" "$work/image.tar" "$size" "$files" >/dev/null
dotnet publish "$repo/src/Headroom.Cli" -c Release -o "$work/bin" >/dev/null
mkdir "$work/x" && tar -xf "$work/image.tar" -C "$work/x"
echo "image: $(du -h "$work/image.tar" | cut -f1) archive, $size MB of files, $files files"
cat "$work/image.tar" >/dev/null  # warm the page cache for both
measure() { /usr/bin/time -f "%e s wall, %M KB peak RSS" "$@" 2>&1 >/dev/null | tail -1; }
echo "GNU tar+gzip (each layer: gzip -dc | tar -t):"
measure bash -c "for l in $work/x/*/layer.tar; do gzip -dc \"\$l\" | tar -tf - >/dev/null; done"
echo "headroom image (json):"
measure "$work/bin/headroom" image "docker-archive:$work/image.tar" --format json
echo "headroom image --hash:"
measure "$work/bin/headroom" image "docker-archive:$work/image.tar" --format json --hash
