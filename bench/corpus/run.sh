#!/usr/bin/env bash
# Corpus benchmark: times `headroom check` (Release build, offline, JSON) on the real-world Dockerfile
# corpus of tests/Headroom.Tests/Corpus/Dockerfiles, against the baseline of the same binary's
# start-up (`headroom --version`) in the same run, and writes the figures into the
# "Real-world Dockerfile corpus" section of bench/README.md (between the corpus markers).
# Needs: python3, the .NET SDK.   usage: bench/corpus/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
out=bench/out/corpus
corpus=tests/Headroom.Tests/Corpus/Dockerfiles
mkdir -p "$out"
dotnet build src/Headroom.Cli -c Release -o "$out/bin" -v quiet -nologo >/dev/null
bin="$out/bin/headroom"
"$bin" check "$corpus" --offline --format json --fail-on never > "$out/check.json"
python3 bench/measure.py --runs "$runs" --interleave --json "$out/results.json" \
  "startup=$bin --version" \
  "check=$bin check $corpus --offline --format json --fail-on never"
python3 - "$out/results.json" "$out/check.json" "$corpus" "$runs" <<'PY'
import json, pathlib, re, sys, datetime
results, check, corpus, runs = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), pathlib.Path(sys.argv[3]), sys.argv[4]
files = sorted(corpus.glob("*/Dockerfile"))
size = sum(f.stat().st_size for f in files)
findings = check.get("findings", [])
s, c = results["startup"], results["check"]
ms = lambda v: f"{v * 1000:,.0f} ms"
rows = [
    "| case | wall min | wall median | CPU min | CPU median | peak RSS |",
    "|---|---|---|---|---|---|",
]
for name, r in (("`--version` (baseline)", s), ("`check` corpus", c)):
    rows.append(f"| {name} | {ms(r['wallMin'])} | {ms(r['wallMedian'])} | {ms(r['cpuMin'])} | {ms(r['cpuMedian'])} | {r['maxrssKiB'] / 1024:.0f} MiB |")
per_wall = (c["wallMedian"] - s["wallMedian"]) / len(files) * 1000
per_cpu = (c["cpuMedian"] - s["cpuMedian"]) / len(files) * 1000
text = "\n".join([
    f"Run of {datetime.date.today().isoformat()} (`bash bench/corpus/run.sh {runs}`, shared 2-core machine): {len(files)} files,",
    f"{size:,} bytes in all, {len(findings)} finding(s) in the JSON output.",
    "",
    *rows,
    "",
    f"Per file, without the start-up (medians): {per_wall:.1f} ms wall, {per_cpu:.1f} ms CPU.",
])
readme = pathlib.Path("bench/README.md")
body = readme.read_text()
section = f"<!-- corpus:begin -->\n{text}\n<!-- corpus:end -->"
body = re.sub(r"<!-- corpus:begin -->.*?<!-- corpus:end -->", lambda _: section, body, flags=re.S)
readme.write_text(body)
print(text)
PY
