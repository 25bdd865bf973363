#!/usr/bin/env python3
"""Generates a docker-archive for the image benchmark: about SIZE_MB of file data in FILES files
over four layers (the last one deletes a folder), layers gzip-compressed by GNU tar + gzip.

usage: generate.py OUT.tar [SIZE_MB=2000] [FILES=50000]
"""
import hashlib, json, os, random, shutil, subprocess, sys, tempfile

out = sys.argv[1]
size_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
files = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
rng = random.Random(42)
work = tempfile.mkdtemp(prefix="headroom-bench-")
text = (b"def function_%d(x):\n    return x * 42  # some python-looking text\n" * 64)
plan = [(0.4, 0.4), (0.4, 0.4), (0.2, 0.2)]  # (share of files, share of bytes) per layer
layers = []
for i, (fshare, bshare) in enumerate(plan):
    root = os.path.join(work, f"l{i}")
    n = int(files * fshare)
    budget = int(size_mb * 1_000_000 * bshare)
    # sizes: many small files, a few big ones (log-normal-ish)
    weights = [rng.lognormvariate(0, 2) for _ in range(n)]
    scale = budget / sum(weights)
    for k, w in enumerate(weights):
        size = max(1, int(w * scale))
        d = os.path.join(root, f"usr/lib/layer{i}/pkg{k % 500}/sub{k % 7}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"file{k}.bin"), "wb") as f:
            half = size // 2
            f.write(os.urandom(half))
            rest = size - half
            while rest > 0:
                chunk = text[:rest]
                f.write(chunk)
                rest -= len(chunk)
    layers.append(root)
# layer 3: delete one folder of layer 0 (whiteout) and add a file
root3 = os.path.join(work, "l3")
os.makedirs(os.path.join(root3, "usr/lib/layer0"), exist_ok=True)
open(os.path.join(root3, "usr/lib/layer0/.wh.pkg1"), "wb").close()
open(os.path.join(root3, "README"), "wb").write(b"hello\n")
layers.append(root3)

arch = os.path.join(work, "archive")
os.makedirs(arch)
layer_paths, diff_ids = [], []
for i, root in enumerate(layers):
    tar_path = os.path.join(work, f"layer{i}.tar")
    subprocess.run(["tar", "-C", root, "--sort=name", "--owner=0", "--group=0", "-cf", tar_path, "."], check=True)
    h = hashlib.sha256()
    with open(tar_path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    diff_ids.append("sha256:" + h.hexdigest())
    subprocess.run(["gzip", "-1", tar_path], check=True)
    name = f"{h.hexdigest()[:16]}/layer.tar"
    os.makedirs(os.path.join(arch, os.path.dirname(name)))
    shutil.move(tar_path + ".gz", os.path.join(arch, name))
    layer_paths.append(name)
config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": diff_ids},
                     "history": [{"created_by": f"RUN layer {i}"} for i in range(len(layers))]}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
open(os.path.join(arch, config_name), "wb").write(config)
open(os.path.join(arch, "manifest.json"), "w").write(json.dumps([{"Config": config_name, "RepoTags": ["bench:latest"], "Layers": layer_paths}]))
subprocess.run(["tar", "-C", arch, "-cf", out, "."], check=True)
shutil.rmtree(work)
print(out)
