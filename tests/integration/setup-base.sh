#!/usr/bin/env bash
# Builds the base images once: a debootstrap (minbase) bookworm rootfs committed as
# localhost/headroom-it/debian-base:bookworm, and a python3 image built from it.
# Idempotent: the rootfs tarball and the image store are cached in IT_DIR.
source "$(dirname "$0")/lib.sh"
need_tool buildah
need_tool debootstrap

rootfs_tar="$IT_DIR/rootfs/bookworm-minbase.tar"

make_rootfs() {
  local mirror tmp
  mirror=$(debian_mirror)
  tmp="$IT_DIR/rootfs/tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  log "debootstrap --variant=minbase bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$tmp/root" "$mirror" >"$IT_DIR/rootfs/debootstrap.log" 2>&1 ||
    { tail -n 20 "$IT_DIR/rootfs/debootstrap.log" >&2; die "debootstrap failed"; }
  rm -rf "$tmp/root/var/cache/apt/archives/"*.deb "$tmp/root/var/lib/apt/lists/"*
  tar -C "$tmp/root" --numeric-owner -cf "$tmp/rootfs.tar" .
  mv "$tmp/rootfs.tar" "$rootfs_tar"
  rm -rf "$tmp"
}

commit_base() {
  local ctr
  ctr=$(bah from scratch)
  bah add "$ctr" "$rootfs_tar" / >/dev/null
  bah config --cmd /bin/bash --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --os linux --arch amd64 "$ctr"
  bah commit -q "$ctr" "$IT_BASE_IMAGE" >/dev/null
  bah rm "$ctr" >/dev/null
}

build_python() {
  bah bud -q --isolation chroot --layers -t "$IT_PYTHON_IMAGE" \
    -f "$IT_SCRIPTS/base/python/Dockerfile" "$IT_SCRIPTS/base/python" >/dev/null
}

mkdir -p "$IT_DIR/rootfs"
if [ -f "$rootfs_tar" ]; then log "rootfs: cached ($rootfs_tar)"; else timed debootstrap make_rootfs; fi
if image_exists "$IT_BASE_IMAGE"; then log "$IT_BASE_IMAGE: cached"; else timed base-image commit_base; fi
if image_exists "$IT_PYTHON_IMAGE"; then log "$IT_PYTHON_IMAGE: cached"; else timed python-image build_python; fi
