#!/usr/bin/env python3
"""Builds the benchmark's package indexes: REAL wheels for CPython 3.11 (Debian bookworm's python3)
with torch's CUDA and CPU structure, sizes scaled down. It reuses the wheel makers of
tests/integration/pyindex/build_wheels.py (METADATA with the real Requires-Dist, RECORD, payloads
whose deflate ratio mimics shared libraries and Python sources); that script's own indexes are cp312.

usage: wheels.py OUTDIR [--scale N]

OUTDIR/files/ and OUTDIR/indexes.json, in the layout tests/integration/pyindex/serve.py serves:
  pypi  torch 2.6.0 (the CUDA build: exact nvidia-*-cu12 pins for Linux x86_64, triton), the nvidia
        stack, triton, the pure-Python deps (sympy, mpmath, networkx, jinja2, MarkupSafe, ...), and
        requests with its own deps, PEP 691/503 with PEP 700 sizes and PEP 658 metadata.
  cpu   like download.pytorch.org/whl/cpu: torch 2.6.0+cpu (no nvidia deps) and mirrored deps, HTML
        only, no sizes.
Deterministic: the same arguments give byte-identical wheels.
"""
import argparse
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location(
    "build_wheels", os.path.join(HERE, "..", "..", "tests", "integration", "pyindex", "build_wheels.py"))
bw = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(bw)

CP = "cp311-cp311"
MANY = "manylinux_2_17_x86_64.manylinux2014_x86_64"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--scale", type=float, default=200.0, help="real size / benchmark size (default 200)")
    args = parser.parse_args()
    files_dir = os.path.join(args.outdir, "files")
    os.makedirs(files_dir, exist_ok=True)
    for old in os.listdir(files_dir):
        os.remove(os.path.join(files_dir, old))
    s = args.scale
    made = {}

    def add(filename, project, version, requires_python=None):
        made[filename] = bw.file_entry(files_dir, filename, project, version, requires_python)
        return filename

    pypi, cpu = [], []
    pypi.append(add(bw.torch_wheel(files_dir, "2.6.0", f"{CP}-manylinux1_x86_64", 766.6, s, bw.STACK_260, "3.2.0", False), "torch", "2.6.0", ">=3.9.0"))
    cpu.append(add(bw.torch_wheel(files_dir, "2.6.0+cpu", f"{CP}-linux_x86_64", 178.6, s, [], None, True), "torch", "2.6.0+cpu", ">=3.9.0"))
    for name, version, mb in bw.STACK_260:
        pypi.append(add(bw.nvidia_wheel(files_dir, name, version, mb, s), name, version, ">=3"))
    triton = bw.build_wheel(files_dir, "triton", "3.2.0", f"{CP}-{MANY}",
                            {"triton/__init__.py": b"", "triton/_C/libtriton.so": bw.payload("triton-3.2.0", int(bw.scaled(253.2, s) * 1.7), 1.7)},
                            None, ["filelock"])
    pypi.append(add(triton, "triton", "3.2.0"))
    # Pure-Python packages (real download sizes from PyPI, late 2026), on both indexes.
    deps = [("filelock", "3.16.1", 0.016, []), ("typing-extensions", "4.12.2", 0.037, []),
            ("sympy", "1.13.1", 6.2, ["mpmath<1.4,>=1.1.0"]), ("mpmath", "1.3.0", 0.54, []),
            ("networkx", "3.4.2", 1.7, []), ("jinja2", "3.1.4", 0.13, ["MarkupSafe>=2.0"]),
            ("fsspec", "2024.10.0", 0.18, []), ("setuptools", "75.6.0", 1.2, []),
            ("requests", "2.32.3", 0.065, ["charset-normalizer<4,>=2", "idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17"]),
            ("charset-normalizer", "3.4.0", 0.14, []), ("idna", "3.10", 0.07, []),
            ("urllib3", "2.2.3", 0.126, []), ("certifi", "2024.8.30", 0.167, [])]
    for name, version, mb, requires in deps:
        filename = add(bw.pure_wheel(files_dir, name, version, mb, s, requires), name, version, ">=3.8")
        pypi.append(filename)
        cpu.append(filename)
    markupsafe = add(bw.build_wheel(files_dir, "MarkupSafe", "3.0.2", f"{CP}-{MANY}",
                                    {"markupsafe/__init__.py": b"", "markupsafe/_speedups.so": bw.payload("markupsafe", 20000, 1.7)}, ">=3.9"),
                     "markupsafe", "3.0.2", ">=3.9")
    pypi.append(markupsafe)
    cpu.append(markupsafe)

    indexes = {
        "pypi": {"json": True, "sizes": True, "metadata": True, "range": True, "hrefs": "relative", "missing": 404, "files": sorted(pypi)},
        "cpu": {"json": False, "sizes": False, "metadata": True, "range": True, "hrefs": "absolute-path", "missing": 403, "files": sorted(cpu)},
    }
    manifest = {"scale": s, "indexes": indexes, "files": [made[f] for f in sorted(made)]}
    with open(os.path.join(args.outdir, "indexes.json"), "w") as out:
        json.dump(manifest, out, indent=1, sort_keys=True)
    total = sum(e["size"] for e in made.values())
    print(f"{len(made)} files, {total / 1e6:.1f} MB in {files_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
