#!/usr/bin/env bash
# Starts podman's Docker-compatible API service on a unix socket in IT_DIR (its own image store,
# apart from buildah's) and loads the apt-delete fixture into it from its docker-archive.
# Idempotent: a service still running is reused; the image is loaded when missing.
source "$(dirname "$0")/lib.sh"
need_tool podman
[ -f "$IT_DIR/images/apt-delete.docker.tar" ] || die "run build-images.sh first"

pdir="$IT_DIR/podman"
sock="$pdir/podman.sock"
image="$IT_PREFIX/apt-delete:latest"
mkdir -p "$pdir"
(( ${#sock} < 100 )) || die "socket path too long for a unix socket: $sock (set HEADROOM_IT_DIR shorter)"

pod() {
  podman --root "$pdir/storage" --runroot "$pdir/run" --storage-driver "$IT_DRIVER" \
    --events-backend file --cgroup-manager cgroupfs --tmpdir "$pdir/tmp" "$@"
}

start_service() {
  if pid_alive "$pdir/service.pid" && curl -sf --unix-socket "$sock" http://d/_ping >/dev/null; then
    return
  fi
  rm -f "$sock"
  mkdir -p "$pdir/tmp"
  pod system service --time=0 "unix://$sock" >"$pdir/service.log" 2>&1 &
  echo $! >"$pdir/service.pid"
  local i
  for ((i = 0; i < 150; i++)); do
    if curl -sf --unix-socket "$sock" http://d/_ping >/dev/null; then return; fi
    sleep 0.2
  done
  tail -n 20 "$pdir/service.log" >&2
  die "podman system service did not answer /_ping on $sock"
}

load_image() {
  if curl -sf --unix-socket "$sock" "http://d/v1.41/images/$image/json" >/dev/null; then
    log "$image: already in podman's store"
    return
  fi
  # Through the API, as docker load would.
  curl -sf --unix-socket "$sock" -X POST -H 'Content-Type: application/x-tar' \
    --data-binary "@$IT_DIR/images/apt-delete.docker.tar" "http://d/v1.41/images/load?quiet=1" >/dev/null ||
    die "loading $image into podman failed"
  curl -sf --unix-socket "$sock" "http://d/v1.41/images/$image/json" >/dev/null ||
    die "$image is not in podman's store after loading"
}

timed "start podman" start_service
timed "load image into podman" load_image
env_set HEADROOM_IT_PODMAN_SOCKET "$sock"
env_set HEADROOM_IT_PODMAN_IMAGE "$image"
log "podman: unix://$sock with $image"
