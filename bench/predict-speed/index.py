#!/usr/bin/env python3
"""Builds the speed benchmark's package index: REAL small wheels (zip files with a dist-info METADATA
carrying Requires-Dist, WHEEL and RECORD) for 41 projects named after a typical web backend's
requirements, 2 to 4 versions each, for CPython 3.12 on manylinux x86_64, with dependencies between
them (the versions' Requires-Dist are simplified from the real ones) and one conflict the resolver has
to back out of (the newest celery needs kombu>=5.4, the requirements say kombu<5.4). It also writes the
30-requirement requirements.txt that the benchmark's Dockerfile installs.

usage: index.py OUTDIR

OUTDIR/files/, OUTDIR/indexes.json (the layout tests/integration/pyindex/serve.py serves: one PyPI-like
index "pypi" with PEP 691 JSON and PEP 503 HTML, PEP 700 sizes, PEP 658 metadata, Range requests) and
OUTDIR/requirements.txt. The wheel makers are tests/integration/pyindex/build_wheels.py's, loaded
through bench/predict/wheels.py. Deterministic: the same script gives byte-identical wheels.
"""
import importlib.util
import json
import os
import sys

# bench/predict/wheels.py loads tests/integration/pyindex/build_wheels.py as `bw`: take it from there.
_spec = importlib.util.spec_from_file_location("wheels", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "predict", "wheels.py"))
_wheels = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_wheels)
bw = _wheels.bw

PLATFORM = "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64"
PURE = "py3-none-any"

# project -> (wheel tag, download MB of the real wheel (rounded), [(version, [Requires-Dist])]).
# The sizes only set how big the fixture wheels are (divided by SCALE); they are of the order of PyPI's.
TE = "typing-extensions>=4.6.0"
PROJECTS = {
    "fastapi": (PURE, 0.09, [
        ("0.110.0", ["starlette<0.37.0,>=0.36.3", "pydantic!=1.8,!=1.8.1,<3.0.0,>=1.7.4", "typing-extensions>=4.8.0"]),
        ("0.111.0", ["starlette<0.38.0,>=0.37.2", "pydantic!=1.8,!=1.8.1,<3.0.0,>=1.7.4", "typing-extensions>=4.8.0",
                     "python-multipart>=0.0.7", "orjson>=3.2.1", "jinja2>=2.11.2"]),
        ("0.112.0", ["starlette<0.39.0,>=0.37.2", "pydantic!=1.8,!=1.8.1,<3.0.0,>=1.7.4", "typing-extensions>=4.8.0"]),
    ]),
    "starlette": (PURE, 0.07, [
        ("0.36.3", ["anyio<5,>=3.4.0"]), ("0.37.2", ["anyio<5,>=3.4.0"]), ("0.38.2", ["anyio<5,>=3.4.0"]),
    ]),
    "pydantic": (PURE, 0.4, [
        ("2.6.4", ["annotated-types>=0.4.0", "pydantic-core==2.16.3", TE]),
        ("2.7.4", ["annotated-types>=0.4.0", "pydantic-core==2.18.4", TE]),
        ("2.8.2", ["annotated-types>=0.4.0", "pydantic-core==2.20.1", "typing-extensions>=4.12.2"]),
    ]),
    "pydantic-core": (PLATFORM, 2.1, [
        ("2.16.3", [TE]), ("2.18.4", [TE]), ("2.20.1", [TE]),
    ]),
    "annotated-types": (PURE, 0.01, [("0.6.0", []), ("0.7.0", [])]),
    "typing-extensions": (PURE, 0.04, [("4.10.0", []), ("4.11.0", []), ("4.12.2", [])]),
    "uvicorn": (PURE, 0.06, [
        ("0.27.1", ["click>=7.0", "h11>=0.8"]), ("0.29.0", ["click>=7.0", "h11>=0.8"]), ("0.30.1", ["click>=7.0", "h11>=0.8"]),
    ]),
    "click": (PURE, 0.1, [("8.1.6", []), ("8.1.7", [])]),
    "h11": (PURE, 0.06, [("0.13.0", []), ("0.14.0", [])]),
    "anyio": (PURE, 0.09, [("4.3.0", ["idna>=2.8", "sniffio>=1.1"]), ("4.4.0", ["idna>=2.8", "sniffio>=1.1"])]),
    "sniffio": (PURE, 0.01, [("1.3.0", []), ("1.3.1", [])]),
    "idna": (PURE, 0.07, [("3.6", []), ("3.7", [])]),
    "httpx": (PURE, 0.08, [
        ("0.26.0", ["anyio", "certifi", "httpcore==1.*", "idna", "sniffio"]),
        ("0.27.0", ["anyio", "certifi", "httpcore==1.*", "idna", "sniffio"]),
    ]),
    "httpcore": (PURE, 0.08, [("1.0.4", ["certifi", "h11<0.15,>=0.13"]), ("1.0.5", ["certifi", "h11<0.15,>=0.13"])]),
    "certifi": (PURE, 0.16, [("2024.2.2", []), ("2024.6.2", [])]),
    "requests": (PURE, 0.06, [
        ("2.31.0", ["charset-normalizer<4,>=2", "idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17"]),
        ("2.32.3", ["charset-normalizer<4,>=2", "idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17"]),
    ]),
    "charset-normalizer": (PLATFORM, 0.14, [("3.3.1", []), ("3.3.2", [])]),
    "urllib3": (PURE, 0.12, [("2.1.0", []), ("2.2.1", []), ("2.2.2", [])]),
    "sqlalchemy": (PLATFORM, 3.2, [
        (v, [TE, 'greenlet!=0.4.17; platform_machine == "aarch64" or platform_machine == "x86_64"'])
        for v in ("2.0.28", "2.0.30", "2.0.31")
    ]),
    "greenlet": (PLATFORM, 0.6, [("3.0.2", []), ("3.0.3", [])]),
    "alembic": (PURE, 0.23, [
        ("1.13.1", ["SQLAlchemy>=1.3.0", "Mako", "typing-extensions>=4"]),
        ("1.13.2", ["SQLAlchemy>=1.3.0", "Mako", "typing-extensions>=4"]),
    ]),
    "mako": (PURE, 0.08, [("1.3.2", ["MarkupSafe>=0.9.2"]), ("1.3.5", ["MarkupSafe>=0.9.2"])]),
    "markupsafe": (PLATFORM, 0.03, [("2.1.4", []), ("2.1.5", [])]),
    "jinja2": (PURE, 0.13, [("3.1.3", ["MarkupSafe>=2.0"]), ("3.1.4", ["MarkupSafe>=2.0"])]),
    "celery": (PURE, 0.43, [
        ("5.3.6", ["billiard<5.0,>=4.2.0", "kombu<6.0,>=5.3.4", "vine<6.0,>=5.1.0", "click<9.0,>=8.1.2",
                   "python-dateutil>=2.8.2", "tzdata>=2022.7", 'redis!=4.5.5,<6.0.0,>=4.5.2; extra == "redis"']),
        ("5.4.0", ["billiard<5.0,>=4.2.0", "kombu<6.0,>=5.4.0", "vine<6.0,>=5.1.0", "click<9.0,>=8.1.2",
                   "python-dateutil>=2.8.2", "tzdata>=2022.7", 'redis!=4.5.5,<6.0.0,>=4.5.2; extra == "redis"']),
    ]),
    "kombu": (PURE, 0.2, [
        ("5.3.5", ["amqp<6.0.0,>=5.1.1", "vine"]), ("5.3.7", ["amqp<6.0.0,>=5.1.1", "vine"]),
        ("5.4.0", ["amqp<6.0.0,>=5.1.1", "vine==5.1.0"]),
    ]),
    "amqp": (PURE, 0.05, [("5.2.0", ["vine<6.0.0,>=5.0.0"])]),
    "vine": (PURE, 0.01, [("5.0.0", []), ("5.1.0", [])]),
    "billiard": (PURE, 0.09, [("4.2.0", [])]),
    "python-dateutil": (PURE, 0.23, [("2.8.2", ["six>=1.5"]), ("2.9.0.post0", ["six>=1.5"])]),
    "six": (PURE, 0.01, [("1.16.0", [])]),
    "tzdata": (PURE, 0.35, [("2024.1", [])]),
    "redis": (PURE, 0.25, [("5.0.3", []), ("5.0.7", [])]),
    "pyyaml": (PLATFORM, 0.76, [("6.0.1", [])]),
    "python-multipart": (PURE, 0.02, [("0.0.9", [])]),
    "orjson": (PLATFORM, 0.14, [("3.10.3", []), ("3.10.5", [])]),
    "numpy": (PLATFORM, 18.0, [("1.26.4", []), ("2.0.0", [])]),
    "pandas": (PLATFORM, 13.0, [
        (v, ['numpy>=1.26.0; python_version >= "3.12"', "python-dateutil>=2.8.2", "pytz>=2020.1", "tzdata>=2022.7"])
        for v in ("2.2.1", "2.2.2")
    ]),
    "pytz": (PURE, 0.5, [("2024.1", [])]),
    "packaging": (PURE, 0.05, [("23.2", []), ("24.0", []), ("24.1", [])]),
    "gunicorn": (PURE, 0.08, [("21.2.0", ["packaging"]), ("22.0.0", ["packaging"])]),
}
EXTRAS = {"celery": ["redis"]}

# 30 requirements as a team writes them: pins, ranges, bare names, an extra; kombu<5.4 makes the newest
# celery (kombu>=5.4.0) fail, so the resolver backs out of it.
REQUIREMENTS = """\
# web backend
fastapi>=0.110,<0.113
uvicorn==0.30.1
pydantic>=2.6
starlette
httpx~=0.27.0
requests==2.32.3
urllib3<2.2.2
python-multipart
orjson
gunicorn
# data
sqlalchemy>=2.0.28
alembic
pandas==2.2.2
numpy<2
pyyaml
# tasks
celery[redis]
kombu<5.4
redis
python-dateutil
pytz
tzdata
# pinned transitive
certifi
idna
anyio
h11<0.15
typing-extensions
markupsafe
jinja2
click
packaging<24.1
"""

# Real size / fixture size: the wheels stay small (the largest, numpy's, is 180 kB).
SCALE = 100.0


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    out = sys.argv[1]
    files_dir = os.path.join(out, "files")
    os.makedirs(files_dir, exist_ok=True)
    for old in os.listdir(files_dir):
        os.remove(os.path.join(files_dir, old))
    made = {}
    for project, (tag, mb, versions) in PROJECTS.items():
        for version, requires in versions:
            filename = build(files_dir, project, version, tag, mb, requires)
            made[filename] = bw.file_entry(files_dir, filename, project, version, ">=3.8")
    indexes = {"pypi": {"json": True, "sizes": True, "metadata": True, "range": True, "hrefs": "relative",
                        "missing": 404, "files": sorted(made)}}
    with open(os.path.join(out, "indexes.json"), "w") as f:
        json.dump({"scale": SCALE, "indexes": indexes, "files": [made[n] for n in sorted(made)]}, f, indent=1, sort_keys=True)
    with open(os.path.join(out, "requirements.txt"), "w") as f:
        f.write(REQUIREMENTS)
    count = sum(1 for line in REQUIREMENTS.splitlines() if line and not line.startswith("#"))
    total = sum(e["size"] for e in made.values())
    print(f"{len(PROJECTS)} projects, {len(made)} wheels, {total / 1e6:.2f} MB; {count} requirements", file=sys.stderr)


def build(files_dir, project, version, tag, mb, requires):
    dist = project.replace("-", "_")
    size = bw.scaled(mb, SCALE)
    files = {f"{dist}/__init__.py": f'__version__ = "{version}"\n'.encode()}
    if tag == PURE:
        for i in range(4):
            files[f"{dist}/part{i}.py"] = bw.payload(f"{project}-{version}-{i}", max(64, size * 3 // 4), 3.0)
    else:
        files[f"{dist}/_native.cpython-312-x86_64-linux-gnu.so"] = bw.payload(f"{project}-{version}", int(size * 1.7), 1.7)
    return bw.build_wheel(files_dir, project, version, tag, files, ">=3.8", requires, EXTRAS.get(project, []))


if __name__ == "__main__":
    main()
