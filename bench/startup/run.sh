#!/usr/bin/env bash
# Start-up benchmark: the NativeAOT single-file binary against the JIT (framework-dependent) build,
# on `headroom --version` and `headroom check examples/ml-backend` (exit 1 there is expected, so it
# runs with --fail-on never). Figures from bench/measure.py (wall, CPU, peak RSS), interleaved runs.
# Needs: python3, the .NET SDK, clang (NativeAOT's linker).
# usage: bench/startup/run.sh [RUNS]
#   AOT=path/to/headroom   use this AOT binary instead of publishing one (the publish takes minutes)
#   JIT=path/to/headroom   use this JIT apphost instead of building one
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
out=bench/out/startup
mkdir -p "$out"
aot=${AOT:-}
jit=${JIT:-}
if [ -z "$aot" ]; then
  dotnet publish src/Headroom.Cli -c Release -p:PublishProfile=aot-linux-x64 -v quiet -nologo >/dev/null
  aot=src/Headroom.Cli/bin/aot/linux-x64/headroom
fi
if [ -z "$jit" ]; then
  dotnet build src/Headroom.Cli -c Release -o "$out/jit" -v quiet -nologo >/dev/null
  jit="$out/jit/headroom"
fi
ls -l "$aot" "$jit"
example=examples/ml-backend
python3 bench/measure.py --runs "$runs" --warmup 2 --interleave --json "$out/results.json" \
  "jit-version=$jit --version" \
  "aot-version=$aot --version" \
  "jit-check=$jit check $example --fail-on never" \
  "aot-check=$aot check $example --fail-on never"
python3 - "$out/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for case in ("version", "check"):
    j, a = r[f"jit-{case}"], r[f"aot-{case}"]
    print(f"{case:8} JIT/AOT wall (median) {j['wallMedian']/a['wallMedian']:.1f}x, CPU (median) {j['cpuMedian']/a['cpuMedian']:.1f}x, "
          f"peak RSS {j['maxrssKiB']/1024:.0f} -> {a['maxrssKiB']/1024:.0f} MiB")
PY
