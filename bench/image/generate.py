#!/usr/bin/env python3
"""Generates the image of the image benchmark, from this machine's own files, in two forms:

  OUT/image.docker.tar  docker-archive (classic layout: manifest.json + <id>/layer.tar), gzip layers
  OUT/image.oci.tar     OCI archive (oci-layout, index.json, blobs/sha256/), zstd layers
  OUT/docker.layers, OUT/oci.layers   the layer blobs' member names, in order (for the baseline)
  OUT/summary.json      file bytes and file counts per layer

The layers (sizes at the default scale 1.0):
  0 "base"    ~22,000 small real files (text, headers, docs from /usr/share, /usr/include, Python's
              library) under their own paths, plus real ELF shared objects from /usr/lib
  1 "python"  ~30,000 small files in a virtualenv's site-packages, extension modules made of real
              ELF bytes, and a pip cache under /root/.cache/pip
  2 "cuda"    30 large shared objects (libcublasLt.so.12, libcudnn*.so.9, ...) of ~1.25 GB in all,
              each made of slices of real ELF files (/usr/lib, /usr/bin); each slice is XORed with
              its own constant byte, which keeps its compressibility exactly (a byte permutation)
              while no two slices are alike, so the layer compresses like real libraries
  3 "cleanup" deletes the pip cache (a directory whiteout) and 300 files of layer 0, adds ~2,000
              application files (the COPY of an app)

The bytes depend on the files of the machine it runs on (sorted paths, fixed seed): the same
machine gives the same image. Compression: gzip -6 (gzip's default, as docker and buildah write)
and zstd -3 (zstd's default), two jobs at a time.

usage: generate.py OUT_DIR [SCALE=1.0]
"""
import concurrent.futures
import hashlib
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile

out = os.path.abspath(sys.argv[1])
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
rng = random.Random(20261130)
MTIME = 1764460800  # 2025-11-30, fixed so that the layers are reproducible


def walk(roots, accept):
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                try:
                    if os.path.islink(path) or not os.path.isfile(path):
                        continue
                    size = os.path.getsize(path)
                    if accept(path, size):
                        yield path, size
                except OSError:
                    continue


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def is_elf(path):
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


# Pools of real bytes: small files (text, docs, headers, Python sources) and ELF binaries.
small_pool = []  # (relative path, bytes)
for path, size in walk(["/usr/share", "/usr/include", "/usr/lib/python3"], lambda p, s: 0 < s <= 256 * 1024):
    data = read(path)
    if data is not None:
        small_pool.append((path.lstrip("/"), data))
    if len(small_pool) >= 40000:
        break
elf_pool = []
elf_bytes = 0
for path, size in walk(["/usr/lib", "/usr/bin"], lambda p, s: s >= 64 * 1024 and is_elf(p)):
    data = read(path)
    if data is not None:
        elf_pool.append((path.lstrip("/"), data))
        elf_bytes += len(data)
    if elf_bytes >= 400_000_000:
        break
if len(small_pool) < 1000 or elf_bytes < 50_000_000:
    sys.exit(f"not enough real files on this machine: {len(small_pool)} small files, {elf_bytes} ELF bytes")


def xor(data, key):
    # A byte permutation: the same entropy and match structure as the original, other bytes.
    return data.translate(bytes(b ^ key for b in range(256))) if key else data


def elf_blob(size):
    """size bytes of slices of real ELF files, each slice XORed with its own key."""
    parts, left = [], size
    while left > 0:
        _, data = elf_pool[rng.randrange(len(elf_pool))]
        n = min(left, rng.randint(256 * 1024, 4 * 1024 * 1024), len(data))
        start = rng.randrange(len(data) - n + 1)
        parts.append(xor(data[start:start + n], rng.randrange(1, 256)))
        left -= n
    return b"".join(parts)


def small_files(count, prefix, key_base):
    """count small files taken in turn from the pool: (path, bytes); repeats are XORed."""
    for k in range(count):
        rel, data = small_pool[(key_base + k) % len(small_pool)]
        turn = (key_base + k) // len(small_pool)
        yield f"{prefix}{rel}" if turn == 0 else f"{prefix}{rel}.{turn}", xor(data, (turn * 37) % 256)


def layer_base():
    n = int(22000 * scale)
    yield from small_files(n, "", 0)
    for i in range(int(120 * scale)):
        rel, data = elf_pool[i % len(elf_pool)]
        yield f"usr/lib/x86_64-linux-gnu/base/{i:03d}-{os.path.basename(rel)}", data


def layer_python():
    site = "opt/venv/lib/python3.11/site-packages/"
    n = int(27000 * scale)
    for k, (rel, data) in enumerate(small_files(n, "", 22000)):
        yield f"{site}pkg{k % 400:03d}/{rel.replace('/', '_')}", data
    for i in range(int(80 * scale)):
        yield f"{site}pkg{i:03d}/_native{i}.cpython-311-x86_64-linux-gnu.so", elf_blob(rng.randint(500_000, 4_000_000))
    for k, (rel, data) in enumerate(small_files(int(3000 * scale), "", 49000)):
        yield f"root/.cache/pip/http-v2/{k % 16:x}/{k:05d}-{os.path.basename(rel)}", data
    for i in range(int(20 * scale)):
        yield f"root/.cache/pip/wheels/{i:02d}/pkg{i}-1.0-cp311-cp311-linux_x86_64.whl", elf_blob(2_000_000)


CUDA_LIBS = ["libcublasLt.so.12", "libcublas.so.12", "libcudnn_engines_precompiled.so.9", "libcudnn_adv.so.9",
             "libcudnn_ops.so.9", "libcudnn_graph.so.9", "libcusparse.so.12", "libcufft.so.11", "libcurand.so.10",
             "libcusolver.so.11", "libnccl.so.2", "libnvrtc.so.12", "libnvJitLink.so.12", "libcupti.so.12",
             "libnvrtc-builtins.so.12.4", "libcufftw.so.11", "libcusolverMg.so.11", "libnvToolsExt.so.1",
             "libcudart.so.12", "libnppc.so.12", "libnppial.so.12", "libnppicc.so.12", "libnppidei.so.12",
             "libnppif.so.12", "libnppig.so.12", "libnppim.so.12", "libnppist.so.12", "libnppisu.so.12",
             "libnppitc.so.12", "libnpps.so.12"]


def layer_cuda():
    total = int(1_250_000_000 * scale)
    weights = [rng.lognormvariate(0, 1) for _ in CUDA_LIBS]
    for name, w in zip(CUDA_LIBS, weights):
        yield f"usr/local/cuda-12.4/targets/x86_64-linux/lib/{name}", elf_blob(max(1_000_000, int(total * w / sum(weights))))


deleted_base = []  # paths of layer 0 that layer 3 deletes


def layer_cleanup():
    yield "root/.cache/.wh.pip", b""
    for path in deleted_base:
        d, b = os.path.split(path)
        yield f"{d}/.wh.{b}", b""
    for k, (rel, data) in enumerate(small_files(int(2000 * scale), "", 35000)):
        yield f"app/{k % 20:02d}/{rel.replace('/', '_')}", data


def write_layer(path, files, summary):
    """Writes an uncompressed layer tar; returns its sha256 (the diff ID)."""
    dirs = set()
    count = size = 0
    with open(path, "wb") as raw, tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files:
            parts = name.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                d = "/".join(parts[:i])
                if d not in dirs:
                    dirs.add(d)
                    info = tarfile.TarInfo(d)
                    info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, MTIME
                    tar.addfile(info)
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o755 if name.endswith(".so") or ".so." in name else 0o644, MTIME
            tar.addfile(info, io.BytesIO(data))
            if not os.path.basename(name).startswith(".wh."):
                count += 1
                size += len(data)
    summary.append({"files": count, "bytes": size})
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return "sha256:" + h.hexdigest()


def compress(src, tool, level):
    dst = src + (".gz" if tool == "gzip" else ".zst")
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        subprocess.run([tool, f"-{level}", "-c"] + (["-n"] if tool == "gzip" else ["-q"]), stdin=fin, stdout=fout, check=True)
    h = hashlib.sha256()
    with open(dst, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return dst, h.hexdigest(), os.path.getsize(dst)


def main():
    if os.path.exists(out):
        shutil.rmtree(out)
    work = os.path.join(out, "work")
    os.makedirs(work)
    summary, diff_ids, raws = [], [], []
    base_paths = []

    def base_recording():
        for name, data in layer_base():
            base_paths.append(name)
            yield name, data

    layers = [("base", base_recording), ("python", layer_python), ("cuda", layer_cuda), ("cleanup", layer_cleanup)]
    for i, (name, gen) in enumerate(layers):
        if name == "cleanup":
            docs = [p for p in base_paths if p.startswith("usr/share/doc/")] or base_paths
            deleted_base.extend(docs[:300])
        raw = os.path.join(work, f"layer{i}.tar")
        diff_ids.append(write_layer(raw, gen(), summary))
        raws.append(raw)
        print(f"layer {i} ({name}): {summary[-1]['files']} files, {summary[-1]['bytes']:,} bytes", file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        gz = [pool.submit(compress, r, "gzip", 6) for r in raws]
        zst = [pool.submit(compress, r, "zstd", 3) for r in raws]
        gz, zst = [f.result() for f in gz], [f.result() for f in zst]
    for r in raws:
        os.remove(r)

    history = [{"created": "2025-11-30T00:00:00Z", "created_by": cmd} for cmd in [
        "/bin/sh -c #(nop) ADD file:debian-bookworm in /",
        "RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install -r requirements.txt",
        "RUN apt-get install -y cuda-libraries-12-4 libcudnn9-cuda-12 libnccl2",
        "RUN rm -rf /root/.cache/pip /usr/share/doc/* # buildkit",
    ]]
    history.insert(3, {"created": "2025-11-30T00:00:00Z", "created_by": "ENV CUDA_HOME=/usr/local/cuda-12.4", "empty_layer": True})

    def config(media):
        return json.dumps({"architecture": "amd64", "os": "linux", "config": {"Env": ["PATH=/opt/venv/bin:/usr/bin"]},
                           "rootfs": {"type": "layers", "diff_ids": diff_ids}, "history": history}).encode()

    # docker-archive, classic layout, gzip layers.
    d = os.path.join(work, "docker")
    os.makedirs(d)
    cfg = config(None)
    cfg_name = hashlib.sha256(cfg).hexdigest() + ".json"
    open(os.path.join(d, cfg_name), "wb").write(cfg)
    names = []
    for i, (path, digest, _) in enumerate(gz):
        name = f"{diff_ids[i][7:]}/layer.tar"
        os.makedirs(os.path.join(d, os.path.dirname(name)))
        shutil.move(path, os.path.join(d, name))
        names.append(name)
    open(os.path.join(d, "manifest.json"), "w").write(json.dumps(
        [{"Config": cfg_name, "RepoTags": ["bench:latest"], "Layers": names}]))
    subprocess.run(["tar", "-C", d, "--sort=name", "--owner=0", "--group=0", "-cf", os.path.join(out, "image.docker.tar"),
                    "manifest.json", cfg_name] + names, check=True)
    open(os.path.join(out, "docker.layers"), "w").write("\n".join(names) + "\n")

    # OCI archive, zstd layers.
    o = os.path.join(work, "oci")
    blobs = os.path.join(o, "blobs", "sha256")
    os.makedirs(blobs)

    def put(data):
        digest = hashlib.sha256(data).hexdigest()
        open(os.path.join(blobs, digest), "wb").write(data)
        return digest, len(data)

    cdigest, csize = put(cfg)
    layer_desc, onames = [], []
    for path, digest, size in zst:
        shutil.move(path, os.path.join(blobs, digest))
        layer_desc.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+zstd", "digest": "sha256:" + digest, "size": size})
        onames.append(f"blobs/sha256/{digest}")
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + cdigest, "size": csize},
                           "layers": layer_desc}).encode()
    mdigest, msize = put(manifest)
    open(os.path.join(o, "oci-layout"), "w").write('{"imageLayoutVersion":"1.0.0"}')
    open(os.path.join(o, "index.json"), "w").write(json.dumps({"schemaVersion": 2, "manifests": [
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:" + mdigest, "size": msize,
         "annotations": {"org.opencontainers.image.ref.name": "latest"}}]}))
    subprocess.run(["tar", "-C", o, "--sort=name", "--owner=0", "--group=0", "-cf", os.path.join(out, "image.oci.tar"), "."], check=True)
    open(os.path.join(out, "oci.layers"), "w").write("\n".join("./" + n for n in onames) + "\n")

    shutil.rmtree(work)
    totals = {"layers": summary, "bytes": sum(s["bytes"] for s in summary), "files": sum(s["files"] for s in summary),
              "gzipBytes": sum(g[2] for g in gz), "zstdBytes": sum(z[2] for z in zst)}
    open(os.path.join(out, "summary.json"), "w").write(json.dumps(totals, indent=2))
    print(json.dumps(totals))


main()
