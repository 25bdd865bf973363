#!/usr/bin/env python3
"""Builds the loopback package indexes that serve.py serves: REAL wheels (zip files with a dist-info
METADATA, WHEEL and RECORD, and payload files) that mirror torch's CUDA and CPU structure with the
sizes scaled down. Deterministic: the same arguments give byte-identical wheels.

usage: build_wheels.py OUTDIR [--scale N]

OUTDIR/files/       every wheel (and one sdist), shared by the indexes
OUTDIR/indexes.json what each index serves (features, projects, files) for serve.py and the tests

Indexes (serve.py mounts each under /<name>/):
  pypi    PyPI-like: PEP 691 JSON and PEP 503 HTML, PEP 700 sizes, PEP 658 metadata, PyPI's JSON API.
          torch 2.6.0 and 2.7.1 with their real Requires-Dist (nvidia-* pins with Linux x86_64 markers,
          triton), every nvidia-* wheel of both, and the pure-Python deps; numpy 1.26.4/2.2.5 (yanked)/2.2.6.
  cpu     like download.pytorch.org/whl/cpu: static HTML only, no sizes, PEP 658 metadata, absolute-path
          hrefs with %2B; torch 2.6.0+cpu (no nvidia deps), mirrored deps, an old numpy 1.26.4 only.
  plain   HTML only, no metadata files, no sizes: metadata and sizes must come from ranges on the zip.
          Also broken-1.0 (a wheel whose central directory is damaged) and an sdist.
  norange like plain, but the server ignores Range (answers 200 with the whole file).

Sizes: each package has its real download size in MB (sources: ../../../../shared/reference/ml-wheels.md,
pip logs of torch 2.6.0 and 2.7.1, late 2026) divided by --scale (default 200), and a payload whose
installed/download ratio is about 1.7 for shared libraries and 3 for Python sources.
"""
import argparse
import base64
import hashlib
import io
import json
import os
import random
import sys
import zipfile

DATE = (2024, 1, 1, 0, 0, 0)
LINUX_X86 = 'platform_system == "Linux" and platform_machine == "x86_64"'
NVIDIA_TAG = "py3-none-manylinux2014_x86_64"

# torch's CUDA stacks: (package, version, real download MB), from the reference's tables 1c and 2.
STACK_260 = [
    ("nvidia-cuda-nvrtc-cu12", "12.4.127", 24.6), ("nvidia-cuda-runtime-cu12", "12.4.127", 0.88),
    ("nvidia-cuda-cupti-cu12", "12.4.127", 13.8), ("nvidia-cudnn-cu12", "9.1.0.70", 664.8),
    ("nvidia-cublas-cu12", "12.4.5.8", 363.4), ("nvidia-cufft-cu12", "11.2.1.3", 211.5),
    ("nvidia-curand-cu12", "10.3.5.147", 56.3), ("nvidia-cusolver-cu12", "11.6.1.9", 127.9),
    ("nvidia-cusparse-cu12", "12.3.1.170", 207.5), ("nvidia-cusparselt-cu12", "0.6.2", 150.1),
    ("nvidia-nccl-cu12", "2.21.5", 188.7), ("nvidia-nvtx-cu12", "12.4.127", 0.099),
    ("nvidia-nvjitlink-cu12", "12.4.127", 21.1),
]
STACK_271 = [
    ("nvidia-cuda-nvrtc-cu12", "12.6.77", 23.7), ("nvidia-cuda-runtime-cu12", "12.6.77", 0.90),
    ("nvidia-cuda-cupti-cu12", "12.6.80", 8.9), ("nvidia-cudnn-cu12", "9.5.1.17", 571.0),
    ("nvidia-cublas-cu12", "12.6.4.1", 393.1), ("nvidia-cufft-cu12", "11.3.0.4", 200.2),
    ("nvidia-curand-cu12", "10.3.7.77", 56.3), ("nvidia-cusolver-cu12", "11.7.1.2", 158.2),
    ("nvidia-cusparse-cu12", "12.5.4.2", 216.6), ("nvidia-cusparselt-cu12", "0.6.3", 156.8),
    ("nvidia-nccl-cu12", "2.26.2", 201.3), ("nvidia-nvtx-cu12", "12.6.77", 0.089),
    ("nvidia-nvjitlink-cu12", "12.6.85", 19.7), ("nvidia-cufile-cu12", "1.11.1.6", 1.1),
]
# nvidia-* deps between the libraries (cusolver needs cublas, cusparse, nvjitlink; cusparse needs nvjitlink).
NVIDIA_DEPS = {
    "nvidia-cusolver-cu12": ["nvidia-cublas-cu12", "nvidia-nvjitlink-cu12", "nvidia-cusparse-cu12"],
    "nvidia-cusparse-cu12": ["nvidia-nvjitlink-cu12"],
    "nvidia-cudnn-cu12": ["nvidia-cublas-cu12"],
    "nvidia-cufft-cu12": ["nvidia-nvjitlink-cu12"],
}
TORCH_COMMON = [
    "filelock", "typing-extensions>=4.10.0", "networkx", "jinja2", "fsspec",
    'setuptools; python_version >= "3.12"', 'sympy==1.13.1; python_version >= "3.9"',
]
TORCH_EXTRAS = [("opt-einsum", "opt-einsum>=3.3; extra == \"opt-einsum\""), ("optree", "optree>=0.13.0; extra == \"optree\"")]


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def payload(seed, size, ratio):
    """size bytes whose deflate ratio is about `ratio`: random blocks mixed with repetitive ones."""
    rng = random.Random(seed)
    out = bytearray()
    block = 4096
    random_share = 1.0 / ratio
    pattern = (seed.encode() * (block // max(1, len(seed)) + 1))[:block]
    acc = 0.0
    while len(out) < size:
        acc += random_share
        if acc >= 1.0:
            acc -= 1.0
            out += rng.randbytes(block)
        else:
            out += pattern
    return bytes(out[:size])


def metadata_text(name, version, requires_python, requires, extras, summary):
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", f"Summary: {summary}",
             "Home-page: https://example.invalid/headroom-fixture",
             "License: BSD-3-Clause",
             "Classifier: Programming Language :: Python :: 3",
             "Classifier: Operating System :: POSIX :: Linux"]
    if requires_python:
        lines.append(f"Requires-Python: {requires_python}")
    for extra in extras:
        lines.append(f"Provides-Extra: {extra}")
    for req in requires:
        lines.append(f"Requires-Dist: {req}")
    lines.append("Description-Content-Type: text/markdown")
    body = f"# {name}\n\nA headroom test fixture that mirrors the structure of {name} {version}.\n"
    return ("\n".join(lines) + "\n\n" + body).encode()


def build_wheel(outdir, name, version, tag, files, requires_python=None, requires=(), extras=(), summary=None, build=None):
    """Writes name-version-tag.whl with `files` (path -> bytes) plus dist-info; returns the filename."""
    dist = name.replace("-", "_")
    dist_info = f"{dist}-{version}.dist-info"
    meta = metadata_text(name, version, requires_python, list(requires), list(extras), summary or f"{name} fixture")
    wheel = f"Wheel-Version: 1.0\nGenerator: headroom-build-wheels\nRoot-Is-Purelib: {'true' if tag.startswith('py3-none-any') else 'false'}\n"
    wheel += "".join(f"Tag: {t}\n" for t in expand_tags(tag))
    entries = dict(files)
    entries[f"{dist_info}/METADATA"] = meta
    entries[f"{dist_info}/WHEEL"] = wheel.encode()
    entries[f"{dist_info}/LICENSE"] = b"BSD-3-Clause license text of a test fixture.\n" * 20
    entries[f"{dist_info}/top_level.txt"] = (sorted({p.split("/")[0] for p in files})[0] + "\n").encode() if files else b""
    record = "".join(f"{p},{record_hash(b)},{len(b)}\n" for p, b in entries.items()) + f"{dist_info}/RECORD,,\n"
    entries[f"{dist_info}/RECORD"] = record.encode()
    filename = f"{dist}-{version}{'-' + build if build else ''}-{tag}.whl"
    with zipfile.ZipFile(os.path.join(outdir, filename), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as whl:
        for path, body in entries.items():
            info = zipfile.ZipInfo(path, date_time=DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            whl.writestr(info, body, compresslevel=6)
    return filename


def expand_tags(tag):
    py, abi, plat = tag.split("-")
    return [f"{a}-{b}-{c}" for a in py.split(".") for b in abi.split(".") for c in plat.split(".")]


def scaled(mb, scale):
    return max(256, int(mb * 1_000_000 / scale))


def nvidia_wheel(outdir, name, version, mb, scale):
    lib = name[len("nvidia-"):].rsplit("-cu", 1)[0].replace("-", "_")
    so = f"nvidia/{lib}/lib/lib{lib}.so.{version.split('.')[0]}"
    size = scaled(mb, scale)
    files = {
        "nvidia/__init__.py": b"",
        f"nvidia/{lib}/__init__.py": b"",
        f"nvidia/{lib}/include/{lib}.h": (f"/* {name} {version} */\n" * 40).encode(),
        so: payload(f"{name}-{version}", int(size * 1.7), 1.7),
    }
    requires = NVIDIA_DEPS.get(name, [])
    return build_wheel(outdir, name, version, NVIDIA_TAG, files, ">=3", requires, summary=f"CUDA {lib} native runtime libraries")


def torch_wheel(outdir, version, tag, mb, scale, stack, triton, cpu):
    size = scaled(mb, scale)
    files = {
        "torch/__init__.py": f'__version__ = "{version}"\n'.encode() * 50,
        "torch/version.py": f'__version__ = "{version}"\ncuda = {"None" if cpu else repr("12.x")}\n'.encode(),
        "torch/lib/libtorch_cpu.so": payload(f"torch-{version}-cpu", int(size * 1.7 * (0.9 if cpu else 0.4)), 1.7),
        "torch/lib/libtorch_python.so": payload(f"torch-{version}-py", int(size * 1.7 * 0.1), 1.7),
    }
    if not cpu:
        files["torch/lib/libtorch_cuda.so"] = payload(f"torch-{version}-cuda", int(size * 1.7 * 0.5), 1.7)
    for i in range(40):
        files[f"torch/nn/modules/mod{i:02d}.py"] = (f"# module {i} of torch {version}\n" + "def f(x):\n    return x\n" * 30).encode()
    requires = list(TORCH_COMMON)
    if not cpu:
        requires += [f"{n}=={v}; {LINUX_X86}" for n, v, _ in stack]
        requires.append(f"triton=={triton}; {LINUX_X86}")
    requires += [r for _, r in TORCH_EXTRAS]
    return build_wheel(outdir, "torch", version, tag, files, ">=3.9.0", requires, [e for e, _ in TORCH_EXTRAS],
                       summary="Tensors and Dynamic neural networks in Python with strong GPU acceleration")


def pure_wheel(outdir, name, version, mb, scale, requires=(), requires_python=">=3.8", tag="py3-none-any", modules=6):
    dist = name.replace("-", "_").lower()
    size = scaled(mb, scale)
    files = {f"{dist}/__init__.py": f'__version__ = "{version}"\n'.encode()}
    per = max(64, int(size * 3 / modules))
    for i in range(modules):
        files[f"{dist}/part{i}.py"] = payload(f"{name}-{version}-{i}", per, 3.0)
    return build_wheel(outdir, name, version, tag, files, requires_python, requires)


def broken_wheel(outdir):
    name = pure_wheel(outdir, "broken", "1.0", 0.2, 1)
    path = os.path.join(outdir, name)
    data = bytearray(open(path, "rb").read())
    cd = data.rfind(b"PK\x01\x02", 0, len(data))
    first_cd = data.find(b"PK\x01\x02")
    # Damage every central-directory header signature: ZipFile and ZipArchive both reject it.
    pos = first_cd
    while 0 <= pos <= cd:
        data[pos:pos + 4] = b"XX\x01\x02"
        pos = data.find(b"PK\x01\x02", pos + 4)
    open(path, "wb").write(bytes(data))
    return name


def sdist(outdir, name, version):
    import tarfile
    filename = f"{name}-{version}.tar.gz"
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
        pkg = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
        info = tarfile.TarInfo(f"{name}-{version}/PKG-INFO")
        info.size, info.mtime = len(pkg), 1704067200
        tar.addfile(info, io.BytesIO(pkg))
    # gzip's header holds a time: fix it for determinism.
    data = bytearray(buf.getvalue())
    data[4:8] = b"\x00\x00\x00\x00"
    open(os.path.join(outdir, filename), "wb").write(bytes(data))
    return filename


def file_entry(outdir, filename, project, version, requires_python=None, yanked=None):
    path = os.path.join(outdir, filename)
    data = open(path, "rb").read()
    entry = {"filename": filename, "project": project, "version": version, "size": len(data),
             "sha256": hashlib.sha256(data).hexdigest(), "requires_python": requires_python, "yanked": yanked}
    if filename.endswith(".whl"):
        try:
            with zipfile.ZipFile(path) as z:
                meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
                body = z.read(meta)
                entry["installed_size"] = sum(i.file_size for i in z.infolist())
                entry["metadata_sha256"] = hashlib.sha256(body).hexdigest()
                open(path + ".metadata", "wb").write(body)
        except (zipfile.BadZipFile, StopIteration):
            entry["installed_size"] = None
    return entry


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--scale", type=float, default=200.0, help="real size / fixture size (default 200)")
    args = parser.parse_args()
    files_dir = os.path.join(args.outdir, "files")
    os.makedirs(files_dir, exist_ok=True)
    for old in os.listdir(files_dir):
        os.remove(os.path.join(files_dir, old))
    s = args.scale
    made = {}  # filename -> entry

    def add(filename, project, version, requires_python=None, yanked=None):
        made[filename] = file_entry(files_dir, filename, project, version, requires_python, yanked)
        return filename

    pypi, cpu, plain = [], [], []
    # torch on PyPI (CUDA) and on the CPU index.
    pypi.append(add(torch_wheel(files_dir, "2.6.0", "cp312-cp312-manylinux1_x86_64", 766.6, s, STACK_260, "3.2.0", False), "torch", "2.6.0", ">=3.9.0"))
    pypi.append(add(torch_wheel(files_dir, "2.7.1", "cp312-cp312-manylinux_2_28_x86_64", 821.0, s, STACK_271, "3.3.1", False), "torch", "2.7.1", ">=3.9.0"))
    cpu.append(add(torch_wheel(files_dir, "2.6.0+cpu", "cp312-cp312-linux_x86_64", 178.6, s, [], None, True), "torch", "2.6.0+cpu", ">=3.9.0"))
    for name, version, mb in {(n, v, m) for n, v, m in STACK_260 + STACK_271}:
        pypi.append(add(nvidia_wheel(files_dir, name, version, mb, s), name, version, ">=3"))
    for version, mb in (("3.2.0", 253.2), ("3.3.1", 155.7)):
        filename = build_wheel(files_dir, "triton", version, "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64",
                               {"triton/__init__.py": b"", "triton/_C/libtriton.so": payload(f"triton-{version}", int(scaled(mb, s) * 1.7), 1.7)},
                               None, ['setuptools>=40.8.0'] if version == "3.3.1" else ["filelock"])
        pypi.append(add(filename, "triton", version))
    # Pure-Python deps of torch (sizes: PyPI, late 2026), on PyPI and mirrored on the CPU index.
    deps = [("filelock", "3.16.1", 0.016, []), ("typing-extensions", "4.12.2", 0.037, []),
            ("sympy", "1.13.1", 6.2, ["mpmath<1.4,>=1.1.0"]), ("mpmath", "1.3.0", 0.54, []),
            ("networkx", "3.4.2", 1.7, []), ("jinja2", "3.1.4", 0.13, ["MarkupSafe>=2.0"]),
            ("fsspec", "2024.10.0", 0.18, []), ("setuptools", "75.6.0", 1.2, [])]
    for name, version, mb, requires in deps:
        filename = add(pure_wheel(files_dir, name, version, mb, s, requires), name, version, ">=3.8")
        pypi.append(filename)
        cpu.append(filename)
    markupsafe = add(build_wheel(files_dir, "MarkupSafe", "3.0.2", "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64",
                                 {"markupsafe/__init__.py": b"", "markupsafe/_speedups.so": payload("markupsafe", 20000, 1.7)}, ">=3.9"),
                     "markupsafe", "3.0.2", ">=3.9")
    pypi.append(markupsafe)  # like download.pytorch.org's incomplete mirror: not on the CPU index
    # numpy: an old one on both, a yanked and a current one on PyPI only.
    for version, rp, yanked in (("1.26.4", ">=3.9", None), ("2.2.5", ">=3.10", "broken build"), ("2.2.6", ">=3.10", None)):
        filename = build_wheel(files_dir, "numpy", version, "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64",
                               {"numpy/__init__.py": b"", "numpy/core/_multiarray_umath.so": payload(f"numpy-{version}", int(scaled(16.5, s) * 1.7), 1.7),
                                "numpy.libs/libopenblas.so": payload(f"openblas-{version}", int(scaled(4.0, s) * 1.7), 1.7)}, rp)
        add(filename, "numpy", version, rp, yanked)
        pypi.append(filename)
        if version == "1.26.4":
            cpu.append(filename)
            plain.append(filename)
    plain.append(add(broken_wheel(files_dir), "broken", "1.0", ">=3.8"))
    plain.append(made[next(f for f in made if f.startswith("filelock-"))]["filename"])
    plain.append(add(sdist(files_dir, "legacy-tool", "0.9.1"), "legacy-tool", "0.9.1"))
    norange = [f for f in plain if not f.startswith("broken")] + [made[next(f for f in made if f.startswith("nvidia_cudnn_cu12-9.1"))]["filename"]]

    indexes = {
        "pypi": {"json": True, "sizes": True, "metadata": True, "range": True, "hrefs": "relative", "missing": 404, "files": sorted(pypi)},
        "cpu": {"json": False, "sizes": False, "metadata": True, "range": True, "hrefs": "absolute-path", "missing": 403, "files": sorted(cpu)},
        "plain": {"json": False, "sizes": False, "metadata": False, "range": True, "hrefs": "relative", "missing": 404, "files": sorted(plain)},
        "norange": {"json": False, "sizes": False, "metadata": False, "range": False, "hrefs": "relative", "missing": 404, "files": sorted(set(norange))},
    }
    manifest = {"scale": s, "indexes": indexes, "files": [made[f] for f in sorted(made)]}
    with open(os.path.join(args.outdir, "indexes.json"), "w") as out:
        json.dump(manifest, out, indent=1, sort_keys=True)
    total = sum(e["size"] for e in made.values())
    print(f"{len(made)} files, {total / 1e6:.1f} MB in {files_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
