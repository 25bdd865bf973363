#!/usr/bin/env python3
"""Writes the HTML report benchmark's image: a docker-archive (uncompressed layers, file contents are
zero bytes: only the tree and the sizes matter to the report) with 50,000 files in three layers:

  0 "base"  20,000 files: /usr/share/doc, /usr/share/locale, /usr/lib/x86_64-linux-gnu, /var/lib/apt/lists
  1 "pip"   28,000 files: site-packages of 300 packages (with __pycache__), nvidia/*/lib/*.so (cuda),
            a pip cache under /root/.cache/pip
  2 "app"    2,000 files under /app

Sizes are log-normal (median ~2 kB) with a few large libraries; fixed seed, so every run gives the
same image. usage: generate.py OUT.tar [FILES=50000]
"""
import hashlib
import io
import json
import random
import sys
import tarfile

out = sys.argv[1]
total_files = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
rng = random.Random(20261130)


class Zeros(io.RawIOBase):
    def __init__(self, n):
        self.n = n

    def readinto(self, b):
        k = min(len(b), self.n)
        b[:k] = bytes(k)
        self.n -= k
        return k

    def readable(self):
        return True


def size(median=2000, sigma=1.6, cap=8_000_000):
    return min(cap, int(rng.lognormvariate(0, sigma) * median))


def layer(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        dirs = set()
        for path, n in entries:
            parts = path.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                d = "/".join(parts[:i])
                if d not in dirs:
                    dirs.add(d)
                    info = tarfile.TarInfo(d)
                    info.type = tarfile.DIRTYPE
                    info.mode = 0o755
                    tar.addfile(info)
            info = tarfile.TarInfo(path)
            info.size = n
            info.mode = 0o644
            tar.addfile(info, Zeros(n))
    return buf.getvalue()


scale = total_files / 50000
base = []
for i in range(int(9000 * scale)):
    base.append((f"usr/share/doc/pkg{i % 900}/file{i}.txt", size(1500)))
for i in range(int(6000 * scale)):
    base.append((f"usr/share/locale/l{i % 120}/LC_MESSAGES/m{i}.mo", size(3000)))
for i in range(int(4980 * scale)):
    base.append((f"usr/lib/x86_64-linux-gnu/sub{i % 40}/lib{i}.so.1", size(20000, 1.8)))
for i in range(20):
    base.append((f"var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_{i}_Packages", size(2_000_000, 0.5)))

pip = []
sp = "usr/local/lib/python3.12/site-packages"
for i in range(int(26000 * scale)):
    pkg = f"pkg{i % 300}"
    if i % 5 == 0:
        pip.append((f"{sp}/{pkg}/__pycache__/m{i}.cpython-312.pyc", size(3000)))
    else:
        pip.append((f"{sp}/{pkg}/mod{i % 13}/m{i}.py", size(2500)))
for name in ["cublas", "cudnn", "cufft", "curand", "cusolver", "cusparse", "nccl", "nvjitlink"]:
    for j in range(5):
        pip.append((f"{sp}/nvidia/{name}/lib/lib{name}{j}.so.12", size(6_000_000, 0.4, 20_000_000)))
for i in range(int(1960 * scale)):
    pip.append((f"root/.cache/pip/http-v2/{i % 16:x}/{i % 7:x}/entry{i}", size(8000)))

app = [(f"app/src/module{i % 50}/file{i}.py", size(1200)) for i in range(int(2000 * scale))]

layers = [layer(base), layer(pip), layer(app)]
history = ["/bin/sh -c #(nop) ADD file:base in / ", "/bin/sh -c pip install -r requirements.txt", "/bin/sh -c #(nop) COPY dir:app in /app "]
diff_ids = ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "rootfs": {"type": "layers", "diff_ids": diff_ids},
    "history": [{"created_by": h} for h in history],
}).encode()
manifest = json.dumps([{"Config": "config.json", "RepoTags": ["bench:html"], "Layers": [f"l{i}/layer.tar" for i in range(3)]}]).encode()
with tarfile.open(out, "w") as tar:
    for name, data in [("config.json", config), ("manifest.json", manifest)] + [(f"l{i}/layer.tar", l) for i, l in enumerate(layers)]:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
files = len(base) + len(pip) + len(app)
print(json.dumps({"files": files, "bytes": sum(n for _, n in base + pip + app)}))
