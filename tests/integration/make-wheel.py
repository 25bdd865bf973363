#!/usr/bin/env python3
"""Writes a small, valid pure-Python wheel without any build backend (no index is reachable).

usage: make-wheel.py NAME VERSION OUTDIR [PAYLOAD_BYTES] [REQUIRES...]
"""
import base64
import hashlib
import os
import sys
import zipfile


def record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def main() -> None:
    name, version, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
    payload = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
    requires = sys.argv[5:]
    module = name.replace("-", "_")
    dist_info = f"{module}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: headroom fixture\n"
    metadata += "".join(f"Requires-Dist: {r}\n" for r in requires)
    # Deterministic, poorly compressible payload: sha256 chained blocks.
    block, data = hashlib.sha256(name.encode()).digest(), bytearray()
    while len(data) < payload:
        block = hashlib.sha256(block).digest()
        data += block
    files = {
        f"{module}/__init__.py": f'"""{name} fixture."""\n__version__ = "{version}"\n'.encode(),
        f"{module}/data.bin": bytes(data[:payload]),
        f"{dist_info}/METADATA": metadata.encode(),
        f"{dist_info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: headroom-make-wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{dist_info}/top_level.txt": f"{module}\n".encode(),
    }
    record = "".join(f"{path},{record_hash(body)},{len(body)}\n" for path, body in files.items())
    record += f"{dist_info}/RECORD,,\n"
    os.makedirs(outdir, exist_ok=True)
    target = os.path.join(outdir, f"{module}-{version}-py3-none-any.whl")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as whl:
        for path, body in files.items():
            info = zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            whl.writestr(info, body)
        whl.writestr(zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=(2024, 1, 1, 0, 0, 0)), record)
    print(target)


if __name__ == "__main__":
    main()
