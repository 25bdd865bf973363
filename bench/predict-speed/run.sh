#!/usr/bin/env bash
# Speed of `headroom predict` on a 30-requirement file against a loopback package index that answers
# every request 50 ms late (issue 4: cold online at most 5 s, warm or offline at most 0.5 s, start-up
# included), next to pip's own resolver on the same index and requirements.
#
#   bash bench/predict-speed/run.sh [RUNS]          (default 5 runs per case, interleaved, one warm-up)
#
#   JIT=path/to/headroom   the framework-dependent build to time (default: built here in Release)
#   AOT=path/to/headroom   the NativeAOT binary (default: published here with -p:PublishProfile=aot-linux-x64;
#                          AOT=none skips it, and it is skipped when the publish fails, e.g. without clang)
#   PIP="python3 -m pip"   the pip of the baseline (any pip >= 22.2: --dry-run --report)
#   LATENCY_MS=50          the added latency of every answer
#
# Needs python3 (and the .NET SDK unless JIT= and AOT= are given). What it does:
#  - bench/predict-speed/index.py writes 85 real small wheels of 41 projects (2 to 4 versions each, real
#    METADATA with Requires-Dist, dependencies between them, one conflict to back out of) and the
#    30-line requirements.txt; tests/integration/pyindex/serve.py serves them on 127.0.0.1 as a
#    PyPI-like index (PEP 691 JSON with PEP 700 sizes, PEP 658 metadata, Range requests, ETag and
#    Last-Modified, Cache-Control max-age=600 as PyPI sends) with LATENCY_MS added to every answer;
#  - the project: `FROM python:3.12-slim`, `COPY requirements.txt .`,
#    `RUN pip install --no-cache-dir --index-url http://127.0.0.1:PORT/pypi/simple -r requirements.txt`;
#  - times with bench/measure.py (wall, CPU, peak RSS): headroom predict cold (a new empty
#    XDG_CACHE_HOME before every run, emptied untimed), warm (the same cache every run), --offline, and
#    `headroom --version` (the start-up floor), for each build; and pip's resolver
#    `pip install --dry-run --ignore-installed --report FILE -r requirements.txt --index-url ...` for
#    CPython 3.12 manylinux x86_64 (--target a scratch folder, which those options need), cold (a new
#    --cache-dir every run) and warm (the same one);
#  - checks that headroom and pip resolve the same 41 packages at the same versions;
#  - prints the table of medians and ratios (bench/out/predict-speed/results.md).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"
runs=${1:-5}
latency=${LATENCY_MS:-50}
pip=${PIP:-python3 -m pip}
out=$REPO/bench/out/predict-speed
mkdir -p "$out"
log() { echo "predict-speed: $*" >&2; }

jit=${JIT:-}
if [ -z "$jit" ]; then
  log "building the JIT build (Release)"
  dotnet build src/Headroom.Cli -c Release -o "$out/jit" -v quiet -nologo >/dev/null
  jit="$out/jit/headroom"
fi
aot=${AOT:-}
if [ -z "$aot" ]; then
  log "publishing the NativeAOT build (aot-linux-x64)"
  if dotnet publish src/Headroom.Cli -c Release -p:PublishProfile=aot-linux-x64 -v quiet -nologo >"$out/aot-publish.log" 2>&1; then
    aot=src/Headroom.Cli/bin/aot/linux-x64/headroom
  else
    log "the NativeAOT publish failed ($out/aot-publish.log): timing the JIT build only"
    aot=none
  fi
fi

# The index: rebuilt only when its scripts change.
index=$out/index
stamp=$(cat bench/predict-speed/index.py tests/integration/pyindex/build_wheels.py | sha256sum | cut -c1-16)
if [ "$(cat "$index/stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$index"
  mkdir -p "$index"
  python3 bench/predict-speed/index.py "$index"
  echo "$stamp" >"$index/stamp"
fi

server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; }
trap cleanup EXIT
rm -f "$out/port"
python3 tests/integration/pyindex/serve.py "$index" --latency-ms "$latency" --max-age 600 --port-file "$out/port" >"$out/server.log" 2>&1 &
server=$!
for ((i = 0; i < 100; i++)); do [ -f "$out/port" ] && break; sleep 0.1; done
[ -f "$out/port" ] || { log "the index did not start ($out/server.log)"; exit 1; }
url="http://127.0.0.1:$(cat "$out/port")/pypi/simple"

project=$out/project
rm -rf "$project"
mkdir -p "$project"
cp "$index/requirements.txt" "$project/"
cat >"$project/Dockerfile" <<EOF
FROM python:3.12-slim
COPY requirements.txt .
RUN pip install --no-cache-dir --index-url $url -r requirements.txt
EOF

caches=$out/caches
rm -rf "$caches"
mkdir -p "$caches"
pipargs="install --dry-run --ignore-installed --quiet -r $project/requirements.txt --index-url $url --target $caches/pip-target --python-version 3.12 --platform manylinux2014_x86_64 --only-binary=:all:"

# Same answer from both: the packages and versions each would install.
XDG_CACHE_HOME=$caches/check "$jit" predict "$project" --format json >"$out/headroom.json"
$pip $pipargs --cache-dir "$caches/check-pip" --report "$out/pip-report.json"
python3 - "$out/headroom.json" "$out/pip-report.json" <<'PY'
import json, re, sys
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
h = {(norm(c["name"]), c["version"]) for c in json.load(open(sys.argv[1]))["predictions"][0]["components"] if c["kind"] == "pip"}
p = {(norm(i["metadata"]["name"]), i["metadata"]["version"]) for i in json.load(open(sys.argv[2]))["install"]}
if h != p:
    sys.exit(f"headroom and pip resolve differently: only headroom {sorted(h - p)}, only pip {sorted(p - h)}")
print(f"predict-speed: headroom and pip resolve the same {len(h)} packages", file=sys.stderr)
PY

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cases=()
prepare=()
for build in jit aot; do
  bin=${!build}
  [ "$bin" = none ] && continue
  cases+=("$build-version=$bin --version")
  cases+=("$build-cold=XDG_CACHE_HOME=$caches/$build-cold $bin predict $project")
  prepare+=(--prepare "$build-cold=rm -rf $caches/$build-cold")
  cases+=("$build-warm=XDG_CACHE_HOME=$caches/$build-warm $bin predict $project")
  cases+=("$build-offline=XDG_CACHE_HOME=$caches/$build-warm $bin predict $project --offline")
done
cases+=("pip-cold=$pip $pipargs --cache-dir $caches/pip-cold --report $caches/pip-cold.json")
prepare+=(--prepare "pip-cold=rm -rf $caches/pip-cold")
cases+=("pip-warm=$pip $pipargs --cache-dir $caches/pip-warm --report $caches/pip-warm.json")
python3 bench/measure.py --runs "$runs" --warmup 1 --interleave --json "$out/results.json" "${prepare[@]}" "${cases[@]}"

python3 - "$out/results.json" "$runs" "$latency" >"$out/results.md" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
ms = lambda s: f"{s * 1000:,.0f} ms"
rows = [("pip-cold", "pip resolver, cold (baseline)"), ("pip-warm", "pip resolver, warm (baseline)")]
for b, label in (("jit", "JIT"), ("aot", "NativeAOT")):
    if f"{b}-cold" in r:
        rows += [(f"{b}-version", f"{label} `--version` (start-up)"), (f"{b}-cold", f"{label} predict, cold"),
                 (f"{b}-warm", f"{label} predict, warm"), (f"{b}-offline", f"{label} predict `--offline`")]
load = r["_machine"]["loadavg"]
print(f"{sys.argv[2]} runs per case, interleaved, {sys.argv[3]} ms added per request; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end ({r['_machine']['cpus']} cpus)\n")
print("| case | wall median | wall min | CPU median | peak RSS |")
print("|---|---:|---:|---:|---:|")
for key, label in rows:
    x = r[key]
    print(f"| {label} | {ms(x['wallMedian'])} | {ms(x['wallMin'])} | {ms(x['cpuMedian'])} | {x['maxrssKiB'] / 1024:.0f} MiB |")
print()
print("| ratio headroom / pip (wall medians) | cold | warm | target met (cold ≤ 5 s, warm and offline ≤ 0.5 s) |")
print("|---|---:|---:|---|")
for b, label in (("jit", "JIT"), ("aot", "NativeAOT")):
    if f"{b}-cold" in r:
        c, w, o = r[f"{b}-cold"]["wallMedian"], r[f"{b}-warm"]["wallMedian"], r[f"{b}-offline"]["wallMedian"]
        met = "cold " + ("yes" if c <= 5 else "NO") + ", warm " + ("yes" if w <= 0.5 else "NO") + ", offline " + ("yes" if o <= 0.5 else "NO")
        print(f"| {label} | {c / r['pip-cold']['wallMedian']:.2f} | {w / r['pip-warm']['wallMedian']:.2f} | {met} |")
PY
cat "$out/results.md"
