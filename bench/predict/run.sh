#!/usr/bin/env bash
# Accuracy of `headroom predict`: builds every case under bench/predict/cases/ with buildah from its
# real Dockerfile, measures the built image with `headroom image`, and compares the predicted
# imageBytes with the built totals.bytes (target: within ±10%).
#
#   bash bench/predict/run.sh [CASE...]        (as root: buildah's store, like tests/integration)
#
# Reuses tests/integration: lib.sh's helpers and setup-base.sh (the debootstrap minbase bookworm
# rootfs, cached as a tarball). Everything lives in its own folder, HEADROOM_BENCH_DIR (default
# ${XDG_CACHE_HOME:-~/.cache}/headroom-bench), so the integration services of other sessions are left
# alone; a rootfs tarball already made by tests/integration is copied instead of running debootstrap.
# The script starts, for its run only, a docker-registry on 127.0.0.1 (the base image is pushed there,
# so the predictor sizes it from the registry) and tests/integration/pyindex/serve.py over the wheels of
# bench/predict/wheels.py (torch's CUDA and CPU structure for CPython 3.11, scaled down 200x).
# Idempotent: the base images, the wheels and buildah's layer cache are kept between runs.
# Writes the table to $HEADROOM_BENCH_DIR/results.md and prints it.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_DIR=${HEADROOM_BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/headroom-bench}
export HEADROOM_IT_DIR="$BENCH_DIR/it"
mkdir -p "$HEADROOM_IT_DIR/rootfs"
shared_rootfs="${XDG_CACHE_HOME:-$HOME/.cache}/headroom-it/rootfs/bookworm-minbase.tar"
if [ ! -f "$HEADROOM_IT_DIR/rootfs/bookworm-minbase.tar" ] && [ -f "$shared_rootfs" ]; then
  cp "$shared_rootfs" "$HEADROOM_IT_DIR/rootfs/bookworm-minbase.tar"
fi
source "$REPO/tests/integration/lib.sh"
[ "$(id -u)" = 0 ] || die "needs root (buildah's store, as tests/integration)"
need_tool buildah
need_tool docker-registry
need_tool python3

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=(apt-recommends apt-no-recommends apt-lists-kept python-debian pip-torch-cuda pip-torch-cpu copy-dockerignore multi-stage)
fi

# The headroom CLI (HEADROOM overrides, e.g. a published binary).
if [ -z "${HEADROOM:-}" ]; then
  log "building the CLI (Release)"
  dotnet build "$REPO/src/Headroom.Cli" -c Release -v q -nologo >/dev/null
  HEADROOM="dotnet $REPO/src/Headroom.Cli/bin/Release/net10.0/headroom.dll"
fi
# Base-image measurements are cached by digest; keep them with the bench, not in the user's cache.
export XDG_CACHE_HOME="$BENCH_DIR/xdg"
unset HEADROOM_OFFLINE

bash "$IT_SCRIPTS/setup-base.sh" >&2

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# A registry for this run, with the debootstrap base in it.
regdir="$BENCH_DIR/registry"
mkdir -p "$regdir/data"
port=$(free_port)
cat >"$regdir/config.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $regdir/data
http:
  addr: 127.0.0.1:$port
  secret: headroom-bench
YAML
docker-registry serve "$regdir/config.yml" >"$regdir/registry.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$port/v2/" 30 || die "the registry did not start ($regdir/registry.log)"
REGISTRY=127.0.0.1:$port
timed "bench push base" bah push -q --tls-verify=false "$IT_BASE_IMAGE" "docker://$REGISTRY/bench/debian:bookworm"

# The package index: wheels rebuilt only when the scripts change.
pydir="$BENCH_DIR/pyindex"
stamp=$(cat "$REPO/bench/predict/wheels.py" "$IT_SCRIPTS/pyindex/build_wheels.py" | sha256sum | cut -c1-16)
if [ "$(cat "$pydir/stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$pydir"
  mkdir -p "$pydir"
  python3 "$REPO/bench/predict/wheels.py" "$pydir/wheels"
  echo "$stamp" >"$pydir/stamp"
fi
rm -f "$pydir/port"
python3 "$IT_SCRIPTS/pyindex/serve.py" "$pydir/wheels" --port-file "$pydir/port" >"$pydir/server.log" 2>&1 &
pids+=($!)
for ((i = 0; i < 100; i++)); do [ -f "$pydir/port" ] && break; sleep 0.1; done
[ -f "$pydir/port" ] || die "the package index did not start ($pydir/server.log)"
PYINDEX="http://127.0.0.1:$(cat "$pydir/port")"

# prepare CASE DIR: the case's folder, plus generated context files where the case needs them.
prepare() {
  local name=$1 dir=$2
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -a "$REPO/bench/predict/cases/$name/." "$dir/"
  if [ "$name" = copy-dockerignore ]; then
    python3 - "$dir" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(42)
def write(path, size):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(rng.randbytes(size))
for i in range(40):
    write(f"src/app/module{i:02d}.py", 20_000 + 1_000 * i)
write("static/bundle.js", 3_000_000)
write("data/train.bin", 40_000_000)      # ignored (data/)
write("data/keep.bin", 2_000_000)        # kept (!data/keep.bin)
write(".git/objects/pack/pack.pack", 15_000_000)   # ignored (.git)
write("web/node_modules/lib/index.js", 8_000_000)  # ignored (**/node_modules)
write("build.log", 1_000_000)            # ignored (*.log)
PY
  fi
}

out="$BENCH_DIR/results"
mkdir -p "$out"
table="$BENCH_DIR/results.md"
{
  echo "| case | predicted | built | error | within ±10% |"
  echo "|---|---:|---:|---:|---|"
} >"$table"
for name in "${cases[@]}"; do
  work="$BENCH_DIR/work/$name"
  prepare "$name" "$work"
  ref="localhost/headroom-bench/$name:latest"
  timed "bench build $name" bah bud -q --isolation chroot --layers --tls-verify=false \
    --build-arg "REGISTRY=$REGISTRY" --build-arg "PYINDEX=$PYINDEX" -t "$ref" "$work" >/dev/null
  rm -f "$out/$name.oci.tar"
  bah push -q "$ref" "oci-archive:$out/$name.oci.tar:latest"
  $HEADROOM image "oci-archive:$out/$name.oci.tar" --format json >"$out/$name.image.json"
  # Exit 1 only means over budget; 2 is an error.
  rc=0
  $HEADROOM predict "$work" --format json --build-arg "REGISTRY=$REGISTRY" --build-arg "PYINDEX=$PYINDEX" >"$out/$name.predict.json" || rc=$?
  [ "$rc" -le 1 ] || die "headroom predict failed on $name"
  $HEADROOM predict "$work" --build-arg "REGISTRY=$REGISTRY" --build-arg "PYINDEX=$PYINDEX" >"$out/$name.predict.txt" || true
  python3 - "$name" "$out/$name.predict.json" "$out/$name.image.json" >>"$table" <<'PY'
import json, sys
name, predicted, built = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
p = predicted["predictions"][0]["imageBytes"]
b = built["totals"]["bytes"]
err = (p - b) / b * 100
fmt = lambda n: f"{n / 1e6:,.1f} MB"
print(f"| {name} | {fmt(p)} | {fmt(b)} | {err:+.1f}% | {'yes' if abs(err) <= 10 else 'NO'} |")
PY
done
log "results in $table (per case: $out/NAME.predict.json, .predict.txt, .image.json)"
cat "$table"
