#!/usr/bin/env bash
# Parser benchmark: generates Dockerfiles of 1 MB and 10 MB and times `headroom dockerfile dump`
# on each, against the baseline of the same binary's start-up (`headroom --version`) in the same
# run. Linear parsing means (t10 - t0) / (t1 - t0) is close to 10.
# Needs: python3, hyperfine (apt-get install hyperfine), the .NET SDK.
# usage: bench/parse/run.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=10
[ "${1:-}" = "--runs" ] && runs=$2
out=bench/out/parse
mkdir -p "$out"
python3 bench/parse/generate.py 1000000 "$out/1mb.Dockerfile"
python3 bench/parse/generate.py 10000000 "$out/10mb.Dockerfile"
dotnet build src/Headroom.Cli -c Release -o "$out/bin" -v quiet -nologo >/dev/null
bin="$out/bin/headroom"
hyperfine --warmup 2 --runs "$runs" --export-json "$out/results.json" \
  -n startup "$bin --version" \
  -n 1mb-sexp "$bin dockerfile dump $out/1mb.Dockerfile --format sexp" \
  -n 10mb-sexp "$bin dockerfile dump $out/10mb.Dockerfile --format sexp" \
  -n 1mb-json "$bin dockerfile dump $out/1mb.Dockerfile --format json" \
  -n 10mb-json "$bin dockerfile dump $out/10mb.Dockerfile --format json"
python3 - "$out/results.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
t0 = r["startup"]["mean"]
print(f"\nstart-up (baseline): {t0*1000:.1f} ms")
for fmt in ("sexp", "json"):
    t1 = r[f"1mb-{fmt}"]["mean"]; t10 = r[f"10mb-{fmt}"]["mean"]
    print(f"{fmt}: 1 MB {t1*1000:.1f} ms, 10 MB {t10*1000:.1f} ms, "
          f"ratio 10MB/1MB {t10/t1:.2f}, ratio without start-up {(t10-t0)/(t1-t0):.2f}")
PY
for f in 1mb 10mb; do
  /usr/bin/time -f "$f json: peak RSS %M KB, %e s" "$bin" dockerfile dump "$out/$f.Dockerfile" --format json >/dev/null
done
