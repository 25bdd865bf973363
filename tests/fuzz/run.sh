#!/usr/bin/env bash
# Fuzzes a Headroom reader with AFL++ (Debian's afl++) through SharpFuzz.
# usage: tests/fuzz/run.sh TARGET [SECONDS]     (TARGET: dockerfile, image-archive, image-layer, image-index)
# Findings land in tests/fuzz/findings/TARGET/default/{crashes,hangs}; replay one with
#   dotnet tests/fuzz/out/Headroom.Fuzz.dll TARGET --replay FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?target}
seconds=${2:-600}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz missing: apt-get install afl++" >&2; exit 2; }
export PATH="$PATH:$HOME/.dotnet/tools"
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
out=tests/fuzz/out
dotnet publish tests/fuzz/Headroom.Fuzz -c Release -o "$out" -v quiet -nologo >/dev/null
sharpfuzz "$out/Headroom.Core.dll"
seeds=tests/fuzz/findings/$target-seeds
rm -rf "$seeds"; mkdir -p "$seeds"
case "$target" in
  dockerfile)
    i=0
    for f in ../shared/conformance/buildkit-parser/*/*/Dockerfile ../shared/conformance/buildkit-parser/*/Dockerfile tests/Headroom.Tests/Dockerfiles/Data/*; do
      [ -f "$f" ] || continue
      size=$(stat -c %s "$f")
      [ "$size" -le 4096 ] && cp "$f" "$seeds/seed$((i++))"
    done
    ;;
  image-*)
    python3 tests/fuzz/image_seeds.py "$target" "$seeds"
    ;;
esac
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
timeout --signal=INT "$seconds" afl-fuzz -i "$seeds" -o "tests/fuzz/findings/$target" -t 10000 -m none \
  -- dotnet "$out/Headroom.Fuzz.dll" "$target" || true
stats="tests/fuzz/findings/$target/default/fuzzer_stats"
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time) ' "$stats"
