#!/usr/bin/env bash
# Builds the loopback package index (pyindex/build_wheels.py: real wheels mirroring torch's CUDA and
# CPU structure, scaled down) into IT_DIR/pyindex/wheels when the script changed, and starts
# pyindex/serve.py on a free 127.0.0.1 port. Idempotent: a server still running is reused.
# Needs only python3 (stdlib).
source "$(dirname "$0")/lib.sh"
need_tool python3

dir="$IT_DIR/pyindex"
mkdir -p "$dir"
stamp=$(cat "$IT_SCRIPTS/pyindex/build_wheels.py" | sha256sum | cut -c1-16)

build() {
  if [ "$(cat "$dir/wheels.stamp" 2>/dev/null)" != "$stamp" ] || [ ! -f "$dir/wheels/indexes.json" ]; then
    rm -rf "$dir/wheels"
    python3 "$IT_SCRIPTS/pyindex/build_wheels.py" "$dir/wheels"
    echo "$stamp" >"$dir/wheels.stamp"
  fi
}

start() {
  if pid_alive "$dir/server.pid" && [ -f "$dir/port" ] && [ "$(cat "$dir/server.stamp" 2>/dev/null)" = "$stamp" ]; then
    return
  fi
  if pid_alive "$dir/server.pid"; then kill "$(cat "$dir/server.pid")" 2>/dev/null || true; fi
  rm -f "$dir/port"
  python3 "$IT_SCRIPTS/pyindex/serve.py" "$dir/wheels" --port-file "$dir/port" >"$dir/server.log" 2>&1 &
  echo $! >"$dir/server.pid"
  echo "$stamp" >"$dir/server.stamp"
  local i
  for ((i = 0; i < 100; i++)); do [ -f "$dir/port" ] && break; sleep 0.1; done
  [ -f "$dir/port" ] || { tail -n 20 "$dir/server.log" >&2; die "the package index did not start"; }
  wait_http "http://127.0.0.1:$(cat "$dir/port")/_stats" 30 || { tail -n 20 "$dir/server.log" >&2; die "the package index does not answer"; }
}

timed "build pyindex wheels" build
timed "start pyindex" start
env_set HEADROOM_IT_PYINDEX "http://127.0.0.1:$(cat "$dir/port")"
env_set HEADROOM_IT_PYINDEX_DIR "$dir/wheels"
log "package index: http://127.0.0.1:$(cat "$dir/port")/ (pypi, cpu, plain, norange), wheels in $dir/wheels"
