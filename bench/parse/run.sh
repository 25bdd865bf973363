#!/usr/bin/env bash
# Parser benchmark: generates Dockerfiles of 1 MB and 10 MB (long continuations with comments and
# blank lines inside, many heredocs, many ONBUILDs) and times `headroom dockerfile dump` on each,
# against the baseline of the same binary's start-up (`headroom --version`) in the same run.
# Linear parsing means (t10 - t0) / (t1 - t0) is close to 10.
# Needs: python3, the .NET SDK.   usage: bench/parse/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
out=bench/out/parse
mkdir -p "$out"
python3 bench/parse/generate.py 1000000 "$out/1mb.Dockerfile"
python3 bench/parse/generate.py 10000000 "$out/10mb.Dockerfile"
dotnet build src/Headroom.Cli -c Release -o "$out/bin" -v quiet -nologo >/dev/null
bin="$out/bin/headroom"
python3 bench/measure.py --runs "$runs" --json "$out/results.json" \
  "startup=$bin --version" \
  "1mb-sexp=$bin dockerfile dump $out/1mb.Dockerfile --format sexp" \
  "10mb-sexp=$bin dockerfile dump $out/10mb.Dockerfile --format sexp" \
  "1mb-json=$bin dockerfile dump $out/1mb.Dockerfile --format json" \
  "10mb-json=$bin dockerfile dump $out/10mb.Dockerfile --format json"
python3 - "$out/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for metric in ("wallMin", "cpuMin"):
    t0 = r["startup"][metric]
    for fmt in ("sexp", "json"):
        t1 = r[f"1mb-{fmt}"][metric]; t10 = r[f"10mb-{fmt}"][metric]
        print(f"{metric:8} {fmt}: 10MB/1MB {t10/t1:.2f}; without start-up {(t10-t0)/(t1-t0):.2f}")
PY
