#!/usr/bin/env bash
# HTML report benchmark: a 50,000-file image (generate.py), its `headroom image --format html` report,
# and the time headless Chromium takes to load and draw it (`--dump-dom` returns after the load event;
# the page's script has drawn the treemap by then, which the check below confirms), against the
# baseline of an empty page in the same run. Wall times from bench/measure.py, interleaved rounds.
# usage: bench/html/run.sh [RUNS=5] [FILES=50000]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${1:-5}
files=${2:-50000}
chrome=$(command -v chromium || command -v chromium-browser || { echo "no chromium (apt-get install chromium)" >&2; exit 2; })
work=$(mktemp -d /tmp/headroom-bench-html.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$here/generate.py" "$work/image.tar" "$files"
dotnet publish "$repo/src/Headroom.Cli" -c Release -o "$work/bin" >/dev/null
/usr/bin/time -f "report written in %e s wall, %U+%S s CPU, %M KiB peak RSS" \
  "$work/bin/headroom" image "docker-archive:$work/image.tar" --format html --output "$work/report.html"
printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>empty</title></head><body><p>empty</p></body></html>\n' > "$work/empty.html"
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --window-size=1280,800"
python3 - "$work/report.html" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
blob = re.search(r'<script type="application/json" id="headroom-data">(.*?)</script>', html, re.S).group(1)
data = json.loads(blob)
def count(n): return 1 + sum(count(c) for c in n.get("k", []))
nodes = sum(count(v["root"]) for v in data.values() if "root" in v)
print(f"report: {len(html.encode()):,} bytes, JSON blob {len(blob.encode()):,} bytes, {nodes:,} treemap nodes")
PY
"$chrome" $flags --user-data-dir="$work/check" --dump-dom "file://$work/report.html" 2>/dev/null > "$work/dom.html"
grep -q 'data-rendered="true"' "$work/dom.html" || { echo "the treemap was not drawn" >&2; exit 1; }
echo "drawn: $(grep -o 'class="hr-tm-cell' "$work/dom.html" | wc -l) treemap boxes in the DOM after load"
echo "before: $(uptime)"
python3 "$repo/bench/measure.py" --runs "$runs" --warmup 1 --interleave --json "$work/result.json" \
  "empty=$chrome $flags --user-data-dir=$work/p-empty --dump-dom file://$work/empty.html" \
  "report=$chrome $flags --user-data-dir=$work/p-report --dump-dom file://$work/report.html"
echo "after: $(uptime)"
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
e, h = r["empty"], r["report"]
print(f"load and draw, less the empty page: {(h['wallMedian'] - e['wallMedian']) * 1000:.0f} ms (median), {(h['wallMin'] - e['wallMin']) * 1000:.0f} ms (min)")
print(f"report / empty page: wall {h['wallMedian'] / e['wallMedian']:.2f}x (median), {h['wallMin'] / e['wallMin']:.2f}x (min)")
PY
