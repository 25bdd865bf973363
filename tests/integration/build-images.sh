#!/usr/bin/env bash
# Builds the fixture images from tests/integration/images/NAME/Dockerfile with buildah (chroot
# isolation, one layer per instruction) and exports each to IT_DIR/images/:
#   NAME.docker.tar (docker-archive), NAME.oci.tar (oci-archive), NAME.oci/ (OCI layout, gzip),
#   NAME.zstd.oci/ (OCI layout, zstd layers).
# scratch-multiarch is built for linux/amd64 and linux/arm64/v8 into a manifest list, exported as
# an OCI layout with an index (scratch-multiarch.oci/).
# Idempotent: an image is rebuilt only when its folder or the base images change.
source "$(dirname "$0")/lib.sh"
need_tool buildah
image_exists "$IT_BASE_IMAGE" || die "run setup-base.sh first"

out="$IT_DIR/images"
mkdir -p "$out"

context_stamp() {
  # The folder's content and the base images' IDs.
  {
    (cd "$IT_SCRIPTS/images/$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
    sha256sum "$IT_SCRIPTS/make-wheel.py"
    bah inspect --type image --format '{{.FromImageID}}' "$IT_BASE_IMAGE"
    bah inspect --type image --format '{{.FromImageID}}' "$IT_PYTHON_IMAGE"
  } | sha256sum | cut -c1-64
}

prepare_context() {
  local name=$1 ctx=$2
  cp -a "$IT_SCRIPTS/images/$name/." "$ctx/"
  if [ "$name" = pip-wheels ]; then
    python3 "$IT_SCRIPTS/make-wheel.py" headroom-demo-core 1.2.0 "$ctx/wheels" 200000 >/dev/null
    python3 "$IT_SCRIPTS/make-wheel.py" headroom-demo-extra 0.3.1 "$ctx/wheels" 50000 \
      "headroom-demo-core>=1.0" >/dev/null
  fi
}

export_image() {
  local name=$1 ref="$IT_PREFIX/$1:latest"
  rm -rf "$out/$name.docker.tar" "$out/$name.oci.tar" "$out/$name.oci" "$out/$name.zstd.oci"
  bah push -q "$ref" "docker-archive:$out/$name.docker.tar:$ref"
  bah push -q "$ref" "oci-archive:$out/$name.oci.tar:latest"
  bah push -q "$ref" "oci:$out/$name.oci:latest"
  if ! bah push -q --format oci --compression-format zstd "$ref" "oci:$out/$name.zstd.oci:latest" 2>/dev/null; then
    log "$name: zstd export not supported by this buildah"
    rm -rf "$out/$name.zstd.oci"
  fi
}

build_one() {
  local name=$1 ctx
  ctx=$(mktemp -d)
  prepare_context "$name" "$ctx"
  if [ "$name" = scratch-multiarch ]; then
    bah manifest rm "$IT_PREFIX/$name:latest" >/dev/null 2>&1 || true
    bah rmi -f "$IT_PREFIX/$name:latest" >/dev/null 2>&1 || true
    # --no-cache: a cached layer of one platform must not carry its variant into the other (seen: amd64/v8)
    bah bud -q --isolation chroot --no-cache --platform linux/amd64,linux/arm64/v8 \
      --manifest "$IT_PREFIX/$name:latest" "$ctx" >/dev/null
    rm -rf "$out/$name.oci"
    bah manifest push -q --all "$IT_PREFIX/$name:latest" "oci:$out/$name.oci:latest"
  else
    bah bud -q --isolation chroot --layers -t "$IT_PREFIX/$name:latest" "$ctx" >/dev/null
    export_image "$name"
  fi
  rm -rf "$ctx"
}

for name in "${IT_FIXTURES[@]}" scratch-multiarch; do
  stamp=$(context_stamp "$name")
  if [ -f "$out/$name.stamp" ] && [ "$(cat "$out/$name.stamp")" = "$stamp" ] && [ -d "$out/$name.oci" ]; then
    log "$name: cached"
    continue
  fi
  timed "build $name" build_one "$name"
  echo "$stamp" >"$out/$name.stamp"
done

env_set HEADROOM_IT_IMAGES "$out"
env_set HEADROOM_IT_FIXTURES "${IT_FIXTURES[*]}"
