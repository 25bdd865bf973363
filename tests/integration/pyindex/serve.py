#!/usr/bin/env python3
"""Serves the indexes that build_wheels.py wrote, on loopback, the way real package indexes answer.

usage: serve.py DIR [--host 127.0.0.1] [--port 0] [--port-file FILE] [--latency-ms N]
                    [--fault REGEX=SPEC ...] [--max-age SECONDS]

Per index NAME of DIR/indexes.json, under /NAME/:
  simple/                     the project list (PEP 503 HTML or PEP 691 JSON)
  simple/PROJECT/             a project page: PEP 691 JSON (with PEP 700 size and versions) when the
                              Accept header prefers application/vnd.pypi.simple.v1+json and the index
                              serves JSON, else PEP 503 HTML (#sha256= fragments, data-requires-python,
                              data-yanked, data-dist-info-metadata + data-core-metadata). A name that is
                              not normalized is redirected (301) to the normalized one, as PyPI does; an
                              unknown project is 404 (403 on the S3-like "cpu" index).
  files/FILE                  the file: GET, HEAD, one absolute Range (206; 416 for a suffix range
                              such as bytes=-100, as PyPI's CDN refuses them, or a range past the end);
                              indexes with "range": false ignore Range (200).
  files/FILE.metadata         PEP 658 metadata (indexes with "metadata": true)
  pypi/PROJECT/VERSION/json   PyPI's JSON API (indexes with "json": true)
  links/                      a flat find-links page of every file of the index
Every answer has an ETag and Last-Modified; If-None-Match / If-Modified-Since give 304.

/_stats      JSON {path: count} of the requests seen (path as requested, query dropped).
/_f/SPEC/... any path under this prefix gets the faults of SPEC (comma-separated), counted per full path:
  500xN / 429xN / 503xN   the first N requests of that path get the status (429 with Retry-After: ra)
  ra=SECONDS              the Retry-After value (default 1)
  trunc                   the body is cut in half, with a Content-Length that matches the cut body
  cut                     the Content-Length is the full one, but the connection closes half-way
  hang                    no answer for 30 s (the client times out)
  lat=MS                  added latency
  id=ANYTHING             makes the path unique (fresh counters per test)
--fault REGEX=SPEC applies SPEC to every path matching REGEX (for benchmarks); --latency-ms to every request.
"""
import argparse
import email.utils
import hashlib
import html
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

JSON_TYPE = "application/vnd.pypi.simple.v1+json"
HTML_TYPE = "application/vnd.pypi.simple.v1+html"
LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"
LAST_MODIFIED_TS = email.utils.parsedate_to_datetime(LAST_MODIFIED).timestamp()


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


class Faults:
    def __init__(self, spec):
        self.status = None
        self.count = 0
        self.retry_after = "1"
        self.trunc = self.cut = self.hang = False
        self.latency = 0
        for part in filter(None, spec.split(",")):
            m = re.fullmatch(r"(\d{3})x(\d+)", part)
            if m:
                self.status, self.count = int(m.group(1)), int(m.group(2))
            elif part.startswith("ra="):
                self.retry_after = part[3:]
            elif part.startswith("lat="):
                self.latency = int(part[4:])
            elif part in ("trunc", "cut", "hang"):
                setattr(self, part, True)


class State:
    def __init__(self, root, latency_ms, faults, max_age):
        self.root = root
        self.files_dir = os.path.join(root, "files")
        with open(os.path.join(root, "indexes.json")) as f:
            manifest = json.load(f)
        self.indexes = manifest["indexes"]
        self.files = {e["filename"]: e for e in manifest["files"]}
        self.latency_ms = latency_ms
        self.faults = [(re.compile(rx), spec) for rx, spec in faults]
        self.max_age = max_age
        self.lock = threading.Lock()
        self.counts = {}

    def count(self, path):
        with self.lock:
            self.counts[path] = self.counts.get(path, 0) + 1
            return self.counts[path]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "headroom-pyindex/1"

    def log_message(self, fmt, *args):  # quiet
        pass

    @property
    def state(self):
        return self.server.state

    def do_HEAD(self):
        self.handle_request(head=True)

    def do_GET(self):
        self.handle_request(head=False)

    def handle_request(self, head):
        raw = self.path.split("?", 1)[0]
        seen = self.state.count(raw)
        if self.state.latency_ms:
            time.sleep(self.state.latency_ms / 1000)
        path = raw
        spec = ""
        m = re.match(r"^/_f/([^/]*)(/.*)$", raw)
        if m:
            spec, path = m.group(1), m.group(2)
        for rx, extra in self.state.faults:
            if rx.search(raw):
                spec = extra + "," + spec
        faults = Faults(spec)
        if faults.latency:
            time.sleep(faults.latency / 1000)
        if faults.hang:
            time.sleep(30)
            return self.close_connection_now()
        if faults.status and seen <= faults.count:
            headers = {"Retry-After": faults.retry_after} if faults.status == 429 else {}
            return self.send(faults.status, b"injected failure\n", "text/plain", head, headers=headers)
        if path == "/_stats":
            with self.state.lock:
                body = json.dumps(self.state.counts, sort_keys=True).encode()
            return self.send(200, body, "application/json", head, cache=False)
        parts = path.split("/")
        # ['', index, area, ...]
        if len(parts) < 3 or parts[1] not in self.state.indexes:
            return self.send(404, b"not found\n", "text/plain", head)
        name, area, rest = parts[1], parts[2], parts[3:]
        index = self.state.indexes[name]
        if area == "simple":
            if not rest or rest == [""]:
                return self.root_page(index, head, faults)
            project = urllib.parse.unquote(rest[0])
            if len(rest) == 1:
                return self.redirect(raw + "/", head)
            if project != normalize(project):
                prefix = raw[: len(raw) - len(path)]
                return self.redirect(f"{prefix}/{name}/simple/{normalize(project)}/", head)
            return self.project_page(name, index, project, head, faults)
        if area == "files" and len(rest) == 1:
            return self.file(index, urllib.parse.unquote(rest[0]), head, faults)
        if area == "pypi" and index["json"] and len(rest) == 3 and rest[2] == "json":
            return self.release_json(name, index, normalize(urllib.parse.unquote(rest[0])), urllib.parse.unquote(rest[1]), head, faults)
        if area == "links" and rest in ([], [""]):
            return self.links_page(name, index, head, faults)
        return self.send(404, b"not found\n", "text/plain", head)

    # --- pages -------------------------------------------------------------------------------------

    def entries(self, index, project):
        return [self.state.files[f] for f in index["files"] if normalize(self.state.files[f]["project"]) == project]

    def href(self, index_name, index, filename):
        quoted = urllib.parse.quote(filename)
        if index["hrefs"] == "absolute-path":
            return f"/{index_name}/files/{quoted}"
        return f"../../files/{quoted}"

    def wants_json(self, index):
        if not index["json"]:
            return False
        best_json, best_html = 0.0, 0.0
        for item in self.headers.get("Accept", "").split(","):
            fields = [f.strip() for f in item.split(";")]
            q = 1.0
            for f in fields[1:]:
                if f.startswith("q="):
                    try:
                        q = float(f[2:])
                    except ValueError:
                        q = 0.0
            if fields[0] == JSON_TYPE:
                best_json = max(best_json, q)
            elif fields[0] in (HTML_TYPE, "text/html", "*/*"):
                best_html = max(best_html, q)
        return best_json > 0 and best_json >= best_html

    def root_page(self, index, head, faults):
        projects = sorted({normalize(self.state.files[f]["project"]) for f in index["files"]})
        if self.wants_json(index):
            body = json.dumps({"meta": {"api-version": "1.1"}, "projects": [{"name": p} for p in projects]}).encode()
            return self.send(200, body, JSON_TYPE, head, faults=faults)
        links = "".join(f'<a href="{p}/">{p}</a>\n' for p in projects)
        return self.send(200, f"<!DOCTYPE html>\n<html><body>\n{links}</body></html>\n".encode(), "text/html", head, faults=faults)

    def project_page(self, index_name, index, project, head, faults):
        entries = self.entries(index, project)
        if not entries:
            status = index.get("missing", 404)
            return self.send(status, b"not found\n", "text/plain", head)
        if self.wants_json(index):
            files = []
            for e in entries:
                f = {"filename": e["filename"], "url": self.href(index_name, index, e["filename"]),
                     "hashes": {"sha256": e["sha256"]}, "requires-python": e["requires_python"],
                     "yanked": e["yanked"] if e["yanked"] else False,
                     "upload-time": "2024-01-01T00:00:00.000000Z"}
                if index["sizes"]:
                    f["size"] = e["size"]
                if index["metadata"] and e.get("metadata_sha256"):
                    f["core-metadata"] = {"sha256": e["metadata_sha256"]}
                    f["data-dist-info-metadata"] = {"sha256": e["metadata_sha256"]}
                files.append(f)
            versions = sorted({e["version"] for e in entries})
            body = {"meta": {"api-version": "1.1", "_last-serial": 1}, "name": project, "versions": versions, "files": files}
            return self.send(200, json.dumps(body).encode(), JSON_TYPE, head, faults=faults)
        lines = [f'<!DOCTYPE html>\n<html>\n<head>\n<meta name="pypi:repository-version" content="1.1">\n'
                 f"<title>Links for {html.escape(project)}</title>\n</head>\n<body>\n<h1>Links for {html.escape(project)}</h1>\n"]
        for e in entries:
            attrs = f' href="{html.escape(self.href(index_name, index, e["filename"]))}#sha256={e["sha256"]}"'
            if e["requires_python"]:
                attrs += f' data-requires-python="{html.escape(e["requires_python"])}"'
            if e["yanked"]:
                attrs += f' data-yanked="{html.escape(e["yanked"])}"'
            if index["metadata"] and e.get("metadata_sha256"):
                attrs += f' data-dist-info-metadata="sha256={e["metadata_sha256"]}" data-core-metadata="sha256={e["metadata_sha256"]}"'
            lines.append(f"<a{attrs}>{html.escape(e['filename'])}</a><br/>\n")
        lines.append("</body>\n</html>\n")
        return self.send(200, "".join(lines).encode(), "text/html", head, faults=faults)

    def links_page(self, index_name, index, head, faults):
        rows = "".join(f'<a href="../files/{urllib.parse.quote(f)}#sha256={self.state.files[f]["sha256"]}">{html.escape(f)}</a><br/>\n'
                       for f in index["files"])
        return self.send(200, f"<!DOCTYPE html>\n<html><body>\n{rows}</body></html>\n".encode(), "text/html", head, faults=faults)

    def release_json(self, index_name, index, project, version, head, faults):
        entries = [e for e in self.entries(index, project) if e["version"] == version]
        if not entries:
            return self.send(404, b'{"message": "Not Found"}', "application/json", head)
        urls = [{"filename": e["filename"], "size": e["size"], "digests": {"sha256": e["sha256"]},
                 "url": f"/{index_name}/files/{urllib.parse.quote(e['filename'])}",
                 "packagetype": "bdist_wheel" if e["filename"].endswith(".whl") else "sdist",
                 "requires_python": e["requires_python"], "yanked": bool(e["yanked"]),
                 "yanked_reason": e["yanked"]} for e in entries]
        body = {"info": {"name": project, "version": version, "requires_python": entries[0]["requires_python"]}, "urls": urls}
        return self.send(200, json.dumps(body).encode(), "application/json", head, faults=faults)

    # --- files -------------------------------------------------------------------------------------

    def file(self, index, filename, head, faults):
        metadata = filename.endswith(".metadata")
        base = filename[: -len(".metadata")] if metadata else filename
        if base not in index["files"] or (metadata and not index["metadata"]):
            return self.send(404, b"not found\n", "text/plain", head)
        path = os.path.join(self.state.files_dir, filename)
        if not os.path.isfile(path):
            return self.send(404, b"not found\n", "text/plain", head)
        with open(path, "rb") as f:
            data = f.read()
        size = len(data)
        etag = '"' + (self.state.files[base]["sha256"] if not metadata else hashlib.sha256(data).hexdigest()) + '"'
        rng = self.headers.get("Range")
        if rng and index["range"] and not metadata:
            m = re.fullmatch(r"bytes=(\d*)-(\d*)", rng.strip())
            if not m or not m.group(1):
                # PyPI's CDN refuses suffix ranges (bytes=-N) and several ranges.
                return self.send(416, b"unsupported range\n", "text/plain", head, headers={"Content-Range": f"bytes */{size}"})
            first = int(m.group(1))
            last = int(m.group(2)) if m.group(2) else size - 1
            if first >= size or last < first:
                return self.send(416, b"range not satisfiable\n", "text/plain", head, headers={"Content-Range": f"bytes */{size}"})
            last = min(last, size - 1)
            return self.send(206, data[first:last + 1], "application/octet-stream", head, etag=etag,
                             headers={"Content-Range": f"bytes {first}-{last}/{size}", "Accept-Ranges": "bytes"}, faults=faults)
        extra = {"Accept-Ranges": "bytes"} if index["range"] else {}
        return self.send(200, data, "application/octet-stream" if not metadata else "text/plain", head, etag=etag, headers=extra, faults=faults)

    # --- plumbing ----------------------------------------------------------------------------------

    def redirect(self, location, head):
        self.send(301, b"", "text/plain", head, headers={"Location": location}, cache=False)

    def send(self, status, body, ctype, head, etag=None, headers=None, faults=None, cache=True):
        if cache and status in (200, 206):
            etag = etag or '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            if status == 200 and self.not_modified(etag):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        declared = len(body)
        if faults and faults.trunc:
            body = body[: len(body) // 2]
            declared = len(body)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(declared))
        if cache and status in (200, 206):
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            if self.state.max_age is not None:
                self.send_header("Cache-Control", f"max-age={self.state.max_age}")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if head:
            return
        if faults and faults.cut:
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            return self.close_connection_now()
        self.wfile.write(body)

    def not_modified(self, etag):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                return email.utils.parsedate_to_datetime(ims).timestamp() >= LAST_MODIFIED_TS
            except (TypeError, ValueError):
                return False
        return False

    def close_connection_now(self):
        self.close_connection = True
        try:
            self.connection.shutdown(2)
        except OSError:
            pass


def main():
    p = argparse.ArgumentParser(description="loopback package index for headroom's tests")
    p.add_argument("dir")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--port-file")
    p.add_argument("--latency-ms", type=int, default=0)
    p.add_argument("--fault", action="append", default=[], help="REGEX=SPEC (split at the first =)")
    p.add_argument("--max-age", type=int, default=None)
    args = p.parse_args()
    faults = [tuple(f.split("=", 1)) for f in args.fault]
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    server.state = State(args.dir, args.latency_ms, faults, args.max_age)
    port = server.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, args.port_file)
    print(f"serving {args.dir} on http://{args.host}:{port}/", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
