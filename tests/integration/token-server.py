#!/usr/bin/env python3
"""A tiny token server for the docker-registry's token auth (the bearer flow of the distribution spec).

usage: token-server.py PORT KEY.pem CERT.pem ISSUER SERVICE USER PASSWORD

GET /token?service=S&scope=repository:NAME:pull,push[&scope=...]
- with valid basic credentials: every requested action is granted;
- anonymous: only pull, and only on repositories under public/;
- wrong credentials: 401.
Tokens are RS256 JWTs signed with openssl (the standard library has no RSA), with the certificate
in the x5c header so the registry checks it against its rootcertbundle. Listens on 127.0.0.1 only.
"""
import base64
import json
import os
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT, KEY, CERT, ISSUER, SERVICE, USER, PASSWORD = sys.argv[1:8]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def cert_der() -> bytes:
    return subprocess.run(["openssl", "x509", "-in", CERT, "-outform", "DER"],
                          check=True, capture_output=True).stdout


X5C = base64.b64encode(cert_der()).decode()


def sign(payload: bytes) -> bytes:
    return subprocess.run(["openssl", "dgst", "-sha256", "-sign", KEY],
                          input=payload, check=True, capture_output=True).stdout


def make_token(subject: str, access: list) -> str:
    now = int(time.time())
    header = {"typ": "JWT", "alg": "RS256", "x5c": [X5C]}
    claims = {"iss": ISSUER, "sub": subject, "aud": SERVICE, "iat": now, "nbf": now - 10,
              "exp": now + 300, "jti": b64url(os.urandom(12)), "access": access}
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    return f"{signing_input}.{b64url(sign(signing_input.encode()))}"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write("token-server: " + (fmt % args) + "\n")

    def reply(self, status: int, body: dict, headers: dict = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/token":
            self.reply(404, {"error": "not found"})
            return
        query = parse_qs(url.query)
        authorization = self.headers.get("Authorization", "")
        subject = ""
        if authorization.startswith("Basic "):
            try:
                user, _, password = base64.b64decode(authorization[6:]).decode().partition(":")
            except Exception:
                user, password = "", None
            if user != USER or password != PASSWORD:
                self.reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "bad credentials"}]},
                           {"WWW-Authenticate": 'Basic realm="headroom-it"'})
                return
            subject = user
        access = []
        for scope in query.get("scope", []):
            for one in scope.split(" "):
                parts = one.split(":")
                if len(parts) < 3 or parts[0] != "repository":
                    continue
                name, actions = ":".join(parts[1:-1]), parts[-1].split(",")
                if not subject:
                    actions = [a for a in actions if a == "pull"] if name.startswith("public/") else []
                access.append({"type": "repository", "name": name, "actions": actions})
        token = make_token(subject, access)
        self.reply(200, {"token": token, "access_token": token, "expires_in": 300,
                         "issued_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(PORT)), Handler).serve_forever()
