#!/usr/bin/env bash
# Brings up everything the integration tests use (images, registries, podman, the loopback
# package index), then prints the environment they read.
# The tests read IT_DIR/env themselves (IT_DIR: HEADROOM_IT_DIR, default
# ${XDG_CACHE_HOME:-$HOME/.cache}/headroom-it), so nothing needs exporting; `eval "$(up.sh)"`
# exports the same variables into a shell. Needs root (debootstrap, buildah, podman).
# Step times go to IT_DIR/times.log.
source "$(dirname "$0")/lib.sh"
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, buildah and podman's rootful store)"
# One up.sh or down.sh at a time per IT_DIR (several sessions may share the default cache). The
# steps run with fd 9 closed, so the services they start do not hold the lock.
exec 9>"$IT_DIR/lock"
flock 9
t0=$(date +%s)
bash "$IT_SCRIPTS/setup-base.sh" >&2 9>&-
bash "$IT_SCRIPTS/build-images.sh" >&2 9>&-
bash "$IT_SCRIPTS/start-registry.sh" >&2 9>&-
bash "$IT_SCRIPTS/start-podman.sh" >&2 9>&-
bash "$IT_SCRIPTS/start-pyindex.sh" >&2 9>&-
env_set HEADROOM_IT_DIR "$IT_DIR"
log "up: $(($(date +%s) - t0))s in all; environment in $IT_ENV_FILE"
while IFS='=' read -r key value; do
  printf "export %s='%s'\n" "$key" "$value"
done <"$IT_ENV_FILE"
