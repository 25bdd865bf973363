#!/usr/bin/env bash
# The NativeAOT binary does what the JIT build does: publishes headroom with the aot-linux-x64
# profile (or takes AOT=path), then runs the same commands with both builds and compares stdout and
# exit codes byte for byte: --version, rules, dockerfile dump (sexp, json), check in every format on
# the example, and image (text, json) on the integration fixtures when they exist.
# Not part of 'dotnet test': the AOT publish takes minutes. usage: tests/aot/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
aot=${AOT:-}
if [ -z "$aot" ]; then
  dotnet publish src/Headroom.Cli -c Release -p:PublishProfile=aot-linux-x64 -v quiet -nologo >/dev/null
  aot=src/Headroom.Cli/bin/aot/linux-x64/headroom
fi
jit=${JIT:-bench/out/aot-check/jit/headroom}
if [ -z "${JIT:-}" ]; then
  dotnet build src/Headroom.Cli -c Release -o "$(dirname "$jit")" -v quiet -nologo >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
same() {  # same ARGS...: both builds give the same exit code and stdout
  local a=0 j=0
  "$aot" "$@" >"$work/aot.out" 2>"$work/aot.err" || a=$?
  "$jit" "$@" >"$work/jit.out" 2>"$work/jit.err" || j=$?
  if [ "$a" != "$j" ] || ! cmp -s "$work/aot.out" "$work/jit.out"; then
    echo "DIFFERENT: headroom $* (exit aot $a, jit $j)"; diff "$work/jit.out" "$work/aot.out" | head -20; failed=1
  elif [ "$a" = 2 ]; then
    echo "FAILED IN BOTH: headroom $*: $(cat "$work/aot.err")"; failed=1
  else
    echo "same: headroom $* (exit $a, $(wc -c <"$work/aot.out") bytes)"
  fi
}
example=examples/ml-backend
same --version
same rules
same rules DF001
same dockerfile dump "$example/backend/Dockerfile" --format sexp
same dockerfile dump "$example/backend/Dockerfile" --format json
for format in text json sarif github markdown; do same check "$example" --format "$format"; done
images=${HEADROOM_IT_IMAGES:-${XDG_CACHE_HOME:-$HOME/.cache}/headroom-it/images}
if [ -d "$images" ]; then
  for name in apt-delete pip-wheels; do
    same image "docker-archive:$images/$name.docker.tar"
    same image "oci:$images/$name.zstd.oci" --format json
  done
else
  echo "skipped: image (no fixture images in $images; bash tests/integration/up.sh makes them)"
fi
[ "$failed" = 0 ] && echo "AOT and JIT agree" || { echo "AOT and JIT differ"; exit 1; }
