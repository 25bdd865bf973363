#!/usr/bin/env bash
# Stops the services that up.sh started (registries, token server, podman service, package index). The caches
# (rootfs, image stores, archives, registry storage) stay for the next run; remove IT_DIR to drop them.
source "$(dirname "$0")/lib.sh"
exec 9>"$IT_DIR/lock"
flock 9

stop() {
  local pidfile=$1 what=$2 pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    log "stopped $what ($pid)"
  fi
  rm -f "$pidfile"
}

for name in plain basic token; do
  dir="$IT_DIR/registry/$name"
  stop "$dir/registry.pid" "registry $name"
  if [ -f "$dir/config-dir" ]; then rm -rf "$(cat "$dir/config-dir")" "$dir/config-dir"; fi
done
stop "$IT_DIR/registry/token-server/server.pid" "token server"
stop "$IT_DIR/podman/service.pid" "podman service"
stop "$IT_DIR/pyindex/server.pid" "package index"
rm -f "$IT_DIR/pyindex/port"
rm -f "$IT_DIR/podman/podman.sock"
# podman leaves its store's overlay folder bind-mounted; unmount it so `rm -rf IT_DIR` works.
if mountpoint -q "$IT_DIR/podman/storage/overlay" 2>/dev/null; then umount "$IT_DIR/podman/storage/overlay" || true; fi
if [ -f "$IT_ENV_FILE" ]; then
  grep -vE '^HEADROOM_IT_(REGISTRY|PODMAN|PYINDEX=)' "$IT_ENV_FILE" >"$IT_ENV_FILE.tmp" || true
  mv "$IT_ENV_FILE.tmp" "$IT_ENV_FILE"
fi
