"""Maps actionlint's and Headroom's findings on examples/ml-backend to the story's 11 CI breakages
and writes the comparison table into bench/README.md. Usage: table.py WORKDIR README."""
import json
import re
import sys
from datetime import date
from pathlib import Path

# The breakage classes of Headroom's CI-health table (src/Headroom.Core/Rules/Output/CiHealth.cs), with
# the Headroom rules behind each and the words that mark an actionlint message as being about it.
CLASSES = [
    ("Runner disk full (CUDA torch, image copies)", ["DF001", "DF004", "DF005", "DF012", "GH005"], [r"no space", r"disk"]),
    ("Deprecated artifact/cache actions", ["GH001"], [r"actions/(upload|download)-artifact@v[123]\b", r"actions/cache@v[12]\b"]),
    ("Python 3.13 without wheels", ["PY001", "DF011"], [r"python-version"]),
    ("Missing package-lock.json", ["JS001"], [r"package-lock", r"lock file"]),
    ("docker-compose v1 gone from runners", ["GH002"], [r"docker-compose"]),
    ("setup-python pip cache finds no file", ["GH003"], [r"cache-dependency-path", r"requirements\.txt"]),
    ("torch pin with no wheel or index", ["PY002", "DF002", "DF003"], [r"torch"]),
    ("import.meta.env without Vite types", ["JS002"], [r"import\.meta"]),
    ("buildx image not loaded", ["GH004"], [r"\bload\b"]),
    ("black vs flake8", ["PY003", "PY004"], [r"\bblack\b", r"flake8"]),
    ("Deprecated workflow commands", ["GH006"], [r"set-output", r"save-state", r"set-env", r"add-path"]),
]

BEGIN = "<!-- compare-actionlint:begin -->"
END = "<!-- compare-actionlint:end -->"


def main() -> None:
    work, readme = Path(sys.argv[1]), Path(sys.argv[2])
    actionlint = json.loads((work / "actionlint.json").read_text() or "[]") or []
    headroom = json.loads((work / "headroom.json").read_text())["findings"]
    version = (work / "actionlint-version.txt").read_text().splitlines()[0].strip()

    rows, claimed = [], set()
    for name, rules, words in CLASSES:
        hits = [e for e in actionlint if any(re.search(w, e["message"]) for w in words)]
        claimed.update(id(e) for e in hits)
        mine = [f for f in headroom if f["ruleId"] in rules]
        al = "; ".join(sorted({f'`:{e["line"]}` {e["kind"]}' for e in hits})) or "no"
        places = [f"{p}:{n}" for p, n in sorted({(f["path"], f["line"]) for f in mine})]
        hr = (", ".join(sorted({f["ruleId"] for f in mine})) + ": " + ", ".join(f"`{p}`" for p in places[:3])
              + (f" +{len(places) - 3} more" if len(places) > 3 else "")) if mine else "no"
        rows.append((name, al, hr))

    other = sorted({f'`:{e["line"]}` {e["kind"]}: {e["message"]}' for e in actionlint if id(e) not in claimed})
    found_al = sum(1 for r in rows if r[1] != "no")
    found_hr = sum(1 for r in rows if r[2] != "no")
    out = [
        BEGIN,
        f"Run of {date.today().isoformat()}, `bash bench/compare-actionlint/run.sh`: {version}; "
        "Headroom `check --offline` of this tree. actionlint reads `.github/workflows/ci.yml` only; Headroom reads the whole example. "
        "A class counts as caught when a finding is about it (actionlint: by the words of its message).",
        "",
        f"| breakage | actionlint ({found_al} of {len(rows)}) | Headroom ({found_hr} of {len(rows)}) |",
        "|---|---|---|",
        *[f"| {n} | {a} | {h} |" for n, a, h in rows],
        "",
        "actionlint's other findings on the example: " + ("; ".join(other) if other else "none") + ".",
        END,
    ]
    text = readme.read_text()
    block = "\n".join(out)
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Headroom vs actionlint on the story's CI breakages (`bench/compare-actionlint/run.sh`)\n\n" + block + "\n"
    readme.write_text(text)
    print(block)


if __name__ == "__main__":
    main()
