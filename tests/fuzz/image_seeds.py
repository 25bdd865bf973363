#!/usr/bin/env python3
"""Writes small seed inputs for the image fuzz targets (image-archive, image-layer, image-index).
usage: image_seeds.py TARGET OUTDIR"""
import gzip
import hashlib
import io
import json
import sys
import tarfile


def tar_bytes(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data, kind in entries:
            info = tarfile.TarInfo(name)
            if kind == "dir":
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            elif kind == "link":
                info.type = tarfile.SYMTYPE
                info.linkname = data
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def layers():
    one = tar_bytes([("usr/", b"", "dir"), ("usr/lib/libcudart.so.12", b"\x7fELF" + bytes(range(256)) * 4, "file"),
                     ("root/.cache/pip/x", b"cache", "file"), ("app/a.py", b"print(1)\n", "file"),
                     ("usr/lib/python3/dist-packages/x-1.0.dist-info/RECORD", b"x/__init__.py,,3\n", "file")])
    two = tar_bytes([("root/.cache/.wh.pip", b"", "file"), ("app/.wh..wh..opq", b"", "file"),
                     ("app/b.py", b"print(2)\n", "file"), ("bin/sh", "/usr/bin/dash", "link")])
    return one, two


def sha(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def main():
    target, out = sys.argv[1], sys.argv[2]
    one, two = layers()
    seeds = {}
    if target == "image-layer":
        seeds = {"plain": one, "gzip": gzip.compress(two, mtime=0)}
    elif target == "image-archive":
        config = json.dumps({"architecture": "amd64", "os": "linux",
                             "rootfs": {"type": "layers", "diff_ids": [sha(one), sha(two)]},
                             "history": [{"created_by": "RUN a"}, {"created_by": "ENV x=1", "empty_layer": True},
                                         {"created_by": "RUN b"}]}).encode()
        manifest = json.dumps([{"Config": "config.json", "RepoTags": ["fuzz:latest"],
                                "Layers": ["l1/layer.tar", "l2/layer.tar"]}]).encode()
        seeds = {"classic": tar_bytes([("config.json", config, "file"), ("l1/layer.tar", one, "file"),
                                       ("l2/layer.tar", gzip.compress(two, mtime=0), "file"),
                                       ("manifest.json", manifest, "file")])}
    elif target == "image-index":
        manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": sha(b"{}"), "size": 2},
                    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": sha(one), "size": len(one)}]}
        index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                 "manifests": [{"mediaType": manifest["mediaType"], "digest": sha(b"m"), "size": 1,
                                "platform": {"os": "linux", "architecture": "amd64"}}]}
        seeds = {"manifest": json.dumps(manifest).encode(), "index": json.dumps(index).encode()}
    else:
        raise SystemExit(f"unknown target {target}")
    for name, data in seeds.items():
        with open(f"{out}/{name}", "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
