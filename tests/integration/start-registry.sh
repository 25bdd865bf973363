#!/usr/bin/env bash
# Starts three instances of Debian's docker-registry on 127.0.0.1 (free ports), storage in IT_DIR:
#   plain: no auth. Every fixture as headroom-it/NAME:latest (OCI manifests, gzip layers);
#          apt-delete also as :v2s2 (Docker schema 2) and :zstd (zstd layers);
#          headroom-it/scratch-multiarch:latest is a multi-platform index (amd64, arm64/v8).
#   basic: htpasswd basic auth. private/scratch:latest.
#   token: bearer-token auth by token-server.py. private/scratch:latest (credentials needed) and
#          public/scratch:latest (anonymous pull).
# Pushes with skopeo. Idempotent: a registry still running is reused.
source "$(dirname "$0")/lib.sh"
need_tool docker-registry
need_tool skopeo
need_tool htpasswd
need_tool openssl
[ -d "$IT_DIR/images/apt-delete.oci" ] || die "run build-images.sh first"

regdir="$IT_DIR/registry"
mkdir -p "$regdir"
user=headroom
password=headroom-it-secret
service=headroom-it-registry
issuer=headroom-it-token-server

# start_registry NAME AUTH_YAML: prints the port.
start_registry() {
  local name=$1 auth=$2 dir="$regdir/$1" port
  mkdir -p "$dir/data"
  if pid_alive "$dir/registry.pid" && [ -f "$dir/port" ]; then
    cat "$dir/port"
    return
  fi
  port=$(free_port)
  local conf
  conf=$(mktemp -d "${TMPDIR:-/tmp}/headroom-it-registry.XXXXXX")
  cat >"$conf/config.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: headroom-it-$name
$auth
YAML
  docker-registry serve "$conf/config.yml" >"$dir/registry.log" 2>&1 &
  echo $! >"$dir/registry.pid"
  echo "$port" >"$dir/port"
  echo "$conf" >"$dir/config-dir"
  wait_http "http://127.0.0.1:$port/v2/" 30 || { tail -n 20 "$dir/registry.log" >&2; die "registry $name did not start"; }
  echo "$port"
}

start_token_server() {
  local dir="$regdir/token-server" port
  mkdir -p "$dir"
  if [ ! -f "$dir/cert.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/key.pem" -out "$dir/cert.pem" \
      -days 3650 -subj "/CN=$issuer" >/dev/null 2>&1
  fi
  if pid_alive "$dir/server.pid" && [ -f "$dir/port" ]; then
    cat "$dir/port"
    return
  fi
  port=$(free_port)
  python3 "$IT_SCRIPTS/token-server.py" "$port" "$dir/key.pem" "$dir/cert.pem" "$issuer" "$service" \
    "$user" "$password" >"$dir/server.log" 2>&1 &
  echo $! >"$dir/server.pid"
  echo "$port" >"$dir/port"
  wait_http "http://127.0.0.1:$port/token" 30 || { tail -n 20 "$dir/server.log" >&2; die "token server did not start"; }
  echo "$port"
}

# --preserve-digests: the registry gets the very blobs and manifests of the OCI layouts (without it,
# skopeo may substitute a gzip blob it already pushed for a zstd one).
copy() { skopeo copy -q --insecure-policy --dest-tls-verify=false "$@"; }
pcopy() { copy --preserve-digests "$@"; }

start_all() {
  plain=$(start_registry plain "")

  htpasswd -Bbn "$user" "$password" >"$regdir/htpasswd"
  basic=$(start_registry basic "auth:
  htpasswd:
    realm: headroom-it
    path: $regdir/htpasswd")

  token_port=$(start_token_server)
  token=$(start_registry token "auth:
  token:
    realm: http://127.0.0.1:$token_port/token
    service: $service
    issuer: $issuer
    rootcertbundle: $regdir/token-server/cert.pem")
}

push_all() {
  local name images="$IT_DIR/images"
  for name in "${IT_FIXTURES[@]}"; do
    pcopy "oci:$images/$name.oci:latest" "docker://127.0.0.1:$plain/headroom-it/$name:latest"
  done
  copy -f v2s2 "oci:$images/apt-delete.oci:latest" "docker://127.0.0.1:$plain/headroom-it/apt-delete:v2s2"
  if [ -d "$images/apt-delete.zstd.oci" ]; then
    pcopy "oci:$images/apt-delete.zstd.oci:latest" "docker://127.0.0.1:$plain/headroom-it/apt-delete:zstd"
  fi
  pcopy --all "oci:$images/scratch-multiarch.oci:latest" "docker://127.0.0.1:$plain/headroom-it/scratch-multiarch:latest"
  pcopy --all --dest-creds "$user:$password" "oci:$images/scratch-multiarch.oci:latest" \
    "docker://127.0.0.1:$basic/private/scratch:latest"
  pcopy --all --dest-creds "$user:$password" "oci:$images/scratch-multiarch.oci:latest" \
    "docker://127.0.0.1:$token/private/scratch:latest"
  pcopy --all --dest-creds "$user:$password" "oci:$images/scratch-multiarch.oci:latest" \
    "docker://127.0.0.1:$token/public/scratch:latest"
}

timed "start registries" start_all
timed "push fixtures" push_all

env_set HEADROOM_IT_REGISTRY "127.0.0.1:$plain"
env_set HEADROOM_IT_REGISTRY_BASIC "127.0.0.1:$basic"
env_set HEADROOM_IT_REGISTRY_TOKEN "127.0.0.1:$token"
env_set HEADROOM_IT_REGISTRY_USER "$user"
env_set HEADROOM_IT_REGISTRY_PASSWORD "$password"
log "registries: plain 127.0.0.1:$plain, basic 127.0.0.1:$basic, token 127.0.0.1:$token (token server :$token_port)"
