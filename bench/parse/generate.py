#!/usr/bin/env python3
"""Writes a synthetic Dockerfile of about SIZE bytes for the parser benchmark.

It mixes what makes Dockerfile parsing expensive: RUN instructions with long continuation
chains (with comment and blank lines inside them), RUN/COPY heredocs (several per line, <<-,
quoted delimiters), many ONBUILD instructions, ENV/LABEL key=value lists, JSON-form CMDs and
multi-stage FROMs. The output is deterministic for a given size (fixed seed).

usage: generate.py SIZE_BYTES OUTPUT
"""
import random
import sys


def blocks(rng):
    n = 0
    while True:
        n += 1
        kind = n % 7
        if kind == 0:
            yield f"FROM python:3.12-slim AS stage{n}\nARG VERSION_{n}=1.{n}\n"
        elif kind == 1:
            lines = [f"RUN set -eux; \\"]
            for i in range(rng.randint(20, 60)):
                if i % 11 == 5:
                    lines.append("# a comment inside the continuation")
                if i % 17 == 3:
                    lines.append("")
                lines.append(f"    apt-get install -y --no-install-recommends pkg{i}-{n} && echo \"step {i}\" ; \\")
            lines.append("    true")
            yield "\n".join(lines) + "\n"
        elif kind == 2:
            body = "\n".join(f"echo line {i} of heredoc {n} $HOME" for i in range(rng.randint(10, 40)))
            yield f"RUN <<EOF{n} <<-'TABS{n}'\n{body}\nEOF{n}\n\tindented\n\tTABS{n}\n"
        elif kind == 3:
            yield "".join(f"ONBUILD RUN echo onbuild {n}.{i} && make -j2 target{i}\n" for i in range(rng.randint(5, 15)))
        elif kind == 4:
            pairs = " ".join(f'KEY_{n}_{i}="value {i}"' for i in range(rng.randint(5, 20)))
            yield f"ENV {pairs}\nLABEL org.example.n{n}=\"{n}\" \\\n      org.example.m{n}=\"{n * 2}\"\n"
        elif kind == 5:
            yield f'COPY --chown=app:app --from=stage{n - 5} ["/src/{n}", "/dst/{n}/"]\nCMD ["python", "-m", "app{n}", "--port", "80{n % 100:02d}"]\n'
        else:
            content = "\n".join(f"key{i} = {rng.random():.6f}" for i in range(rng.randint(5, 30)))
            yield f"COPY <<CFG{n} /etc/app/conf{n}.ini\n{content}\nCFG{n}\n"


def main():
    size = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(42)
    parts = ["# syntax=docker/dockerfile:1\n", "ARG BASE=python:3.12-slim\n", "FROM $BASE AS base\n"]
    total = sum(len(p) for p in parts)
    for block in blocks(rng):
        if total >= size:
            break
        parts.append(block)
        total += len(block)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
