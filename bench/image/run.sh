#!/usr/bin/env bash
# Image benchmark: `headroom image --format json` against the baseline of reading the same layers
# with GNU tools (baseline.sh), on the docker-archive (gzip layers) and the OCI archive (zstd
# layers) that generate.py writes. Wall time, CPU time and peak RSS from bench/measure.py.
# usage: bench/image/run.sh [RUNS=3] [SCALE=1.0] [IMAGE_DIR]
#   IMAGE_DIR: reuse an image generate.py wrote there (it is generated there when missing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${1:-3}
scale=${2:-1.0}
work=$(mktemp -d /tmp/headroom-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
img=${3:-$work/image}
if [ ! -f "$img/summary.json" ]; then
  /usr/bin/time -f "generated in %e s" python3 "$here/generate.py" "$img" "$scale" >/dev/null
fi
dotnet publish "$repo/src/Headroom.Cli" -c Release -o "$work/bin" >/dev/null
python3 - "$img/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"image: {s['bytes']:,} file bytes in {s['files']:,} files; gzip layers {s['gzipBytes']:,} B, zstd layers {s['zstdBytes']:,} B")
PY
cat "$img/image.docker.tar" "$img/image.oci.tar" >/dev/null  # warm the page cache for every case
echo "before: $(uptime)"
# Interleaved rounds: on a shared machine every case meets the same changes in load.
python3 "$repo/bench/measure.py" --runs "$runs" --warmup 1 --interleave --json "$work/result.json" \
  "gnu-gzip=bash $here/baseline.sh $img/image.docker.tar $img/docker.layers gzip" \
  "hr-docker=$work/bin/headroom image docker-archive:$img/image.docker.tar --format json" \
  "gnu-zstd=bash $here/baseline.sh $img/image.oci.tar $img/oci.layers zstd" \
  "hr-oci=$work/bin/headroom image oci-archive:$img/image.oci.tar --format json" \
  "hr-hash=$work/bin/headroom image docker-archive:$img/image.docker.tar --format json --hash"
echo "after: $(uptime)"
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for base, hr in (("gnu-gzip", "hr-docker"), ("gnu-zstd", "hr-oci")):
    b, h = r[base], r[hr]
    print(f"{hr} / {base}: wall {h['wallMedian'] / b['wallMedian']:.2f}x (median), {h['wallMin'] / b['wallMin']:.2f}x (min); "
          f"cpu {h['cpuMedian'] / b['cpuMedian']:.2f}x; headroom peak RSS {h['maxrssKiB'] / 1024:.0f} MiB")
PY
