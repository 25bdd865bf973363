#!/usr/bin/env bash
# The baseline of the image benchmark, as the issue defines it: for each layer blob of ARCHIVE, in
# order, `tar -xOf ARCHIVE BLOB | DECOMPRESS -dc | tar -tv >/dev/null`.
# usage: baseline.sh ARCHIVE LAYER_LIST gzip|zstd
set -euo pipefail
archive=$1 list=$2 tool=$3
while IFS= read -r blob; do
  [ -n "$blob" ] || continue
  tar -xOf "$archive" "$blob" | "$tool" -dc | tar -tvf - >/dev/null
done <"$list"
