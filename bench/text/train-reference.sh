#!/usr/bin/env bash
# Trains the reference category model with the project's CLI on every labelled message in
# ../shared/data: messages-train-tokens.csv (a third party's word lists, column tokens) and
# messages-labelled.csv (raw subject and body). The settings are the CLI's defaults, chosen with
# bench/text/evaluate.sh --validate and --tokens (docs/text-classifier.md). Prints the model path
# last.
#   bench/text/train-reference.sh OUT    (after make build; SHEGONG_BIN, SHEGONG_DATA override)
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUT" >&2
  exit 2
fi
out=$(realpath -m "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SHEGONG_BIN:-$root/build/shegong}
data=${SHEGONG_DATA:-$root/../shared/data}
mkdir -p "$(dirname "$out")"
"$bin" text train --data "$data/messages-train-tokens.csv" --data "$data/messages-labelled.csv" \
  --text-column tokens --text-column subject --text-column body --label-column category \
  --out "$out" >&2
echo "$out"
