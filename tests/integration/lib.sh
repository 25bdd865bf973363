# Shared helpers for the integration scripts. Sourced, not run.
# Everything lives under IT_DIR (HEADROOM_IT_DIR, default ${XDG_CACHE_HOME:-$HOME/.cache}/headroom-it):
#   rootfs/ (debootstrap cache), storage/ (buildah's image store), images/ (exported archives),
#   registry/ (registry storage and configs), podman/ (podman's store and socket), pyindex/ (wheels,
#   server), env, times.log
set -euo pipefail

IT_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IT_DIR=${HEADROOM_IT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/headroom-it}
mkdir -p "$IT_DIR"
IT_DIR=$(cd "$IT_DIR" && pwd)
IT_ENV_FILE="$IT_DIR/env"
IT_TIMES="$IT_DIR/times.log"
IT_PREFIX=localhost/headroom-it
IT_BASE_IMAGE=$IT_PREFIX/debian-base:bookworm
IT_PYTHON_IMAGE=$IT_PREFIX/python-base:bookworm
# The fixture images, in build order (folders under tests/integration/images/).
IT_FIXTURES=(apt-delete rm-dir multi-stage pip-wheels)

log() { printf '[headroom-it] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# timed NAME COMMAND...: runs a step and records its wall time in times.log.
timed() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@"
  t1=$(date +%s.%N)
  local secs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  printf '%s\t%s\t%ss\n' "$(date -u +%FT%TZ)" "$name" "$secs" >>"$IT_TIMES"
  log "$name: ${secs}s"
}

need_tool() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed (bash .ci/install-packages installs it)"
}

# The Debian mirror this machine's apt uses (deb822 or one-line sources), for debootstrap.
debian_mirror() {
  if [ -n "${HEADROOM_IT_MIRROR:-}" ]; then echo "$HEADROOM_IT_MIRROR"; return; fi
  local url=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    url=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
      /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$url" ] && [ -f /etc/apt/sources.list ]; then
    url=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
      /etc/apt/sources.list)
  fi
  echo "${url:-http://deb.debian.org/debian}"
}

# overlay when the kernel lets us mount it here, vfs otherwise; remembered in IT_DIR.
storage_driver() {
  if [ -n "${HEADROOM_IT_STORAGE_DRIVER:-}" ]; then echo "$HEADROOM_IT_STORAGE_DRIVER"; return; fi
  if [ -f "$IT_DIR/storage-driver" ]; then cat "$IT_DIR/storage-driver"; return; fi
  local t driver=vfs
  t=$(mktemp -d)
  mkdir -p "$t/l" "$t/u" "$t/w" "$t/m"
  if mount -t overlay overlay -o "lowerdir=$t/l,upperdir=$t/u,workdir=$t/w" "$t/m" 2>/dev/null; then
    umount "$t/m"
    driver=overlay
  fi
  rm -rf "$t"
  echo "$driver" >"$IT_DIR/storage-driver"
  echo "$driver"
}

IT_DRIVER=$(storage_driver)
bah() { buildah --root "$IT_DIR/storage" --runroot "$IT_DIR/run/storage" --storage-driver "$IT_DRIVER" "$@"; }
image_exists() { bah inspect --type image "$1" >/dev/null 2>&1; }

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# env_set KEY VALUE: records a variable in the env file that the tests read.
env_set() {
  local key=$1 value=$2
  touch "$IT_ENV_FILE"
  local tmp
  tmp=$(mktemp)
  grep -v "^$key=" "$IT_ENV_FILE" >"$tmp" || true
  printf '%s=%s\n' "$key" "$value" >>"$tmp"
  mv "$tmp" "$IT_ENV_FILE"
}

# wait_http URL [SECONDS] [CURL ARGS...]: waits until the URL answers (any HTTP status).
wait_http() {
  local url=$1 secs=${2:-30}; shift 2 || true
  local i
  for ((i = 0; i < secs * 5; i++)); do
    if curl -s -o /dev/null "$@" "$url"; then return 0; fi
    sleep 0.2
  done
  return 1
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
