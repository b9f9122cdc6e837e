#!/usr/bin/env bash
# Held-out evaluation of the category classifier on RAW text, end to end with the project's CLI:
# makes the split, trains with `shegong text train`, scores with `shegong text eval`.
#
#   bench/text/evaluate.sh              train on the training part, report on the test part
#   bench/text/evaluate.sh --validate   two-fold validation inside the training part (for choosing
#                                       settings; the test part is only removed), and the mean
#                                       macro-F1 of the two folds
#   bench/text/evaluate.sh --tokens     five-fold cross-validation on the word lists alone (row %
#                                       5), and the mean macro-F1 of the folds: a proxy on the
#                                       third party's word lists, large enough to choose settings
#   Further arguments go to `shegong text train` (e.g. --epochs 30 --l2 1e-5).
#   SHEGONG_BIN (default build/shegong) and SHEGONG_DATA (default ../shared/data) override paths.
#
# The split is made by bench/text/evaluate_split.py (described there and in
# docs/text-classifier.md), deterministic by message id and word-list row number:
#   test       raw labelled messages with an odd key: the official sample's messages with an odd
#              id, and messages of the other files that are a word-list row in raw form (labelled
#              with that row's category) with an odd row number;
#   validation the even keys in two folds, key % 4 == 0 and key % 4 == 2 (only with --validate;
#              each fold trains on the other);
#   training   the raw messages of the training part plus messages-train-tokens.csv, minus every
#              text that copies a held-out message or a test message.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SHEGONG_BIN:-$root/build/shegong}
data=${SHEGONG_DATA:-$root/../shared/data}
modes=(test)
if [[ ${1:-} == --validate ]]; then
  modes=(fold0 fold2)
  shift
elif [[ ${1:-} == --tokens ]]; then
  modes=(tokens0 tokens1 tokens2 tokens3 tokens4)
  shift
fi
work=$(mktemp -d /tmp/shegong-text-eval-XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/text/evaluate_split.py" "$data" "$work" "${modes[@]}"
scores=()
for mode in "${modes[@]}"; do
  "$bin" text train --data "$work/$mode/train-tokens.csv" --data "$work/$mode/train-raw.csv" \
    --text-column tokens --text-column subject --text-column body --label-column category \
    --out "$work/$mode/model" "$@" >&2
  if [[ $mode == tokens* ]]; then
    echo "== $mode: word-list rows held out (a proxy, not raw text)"
  else
    echo "== $mode: raw messages held out (subject + body)"
  fi
  "$bin" text eval --model "$work/$mode/model" --data "$work/$mode/heldout.csv" \
    --text-column subject --text-column body --label-column category | tee "$work/$mode/report"
  scores+=("$(sed -n 's/^macro F1: //p' "$work/$mode/report")")
done
if [[ ${#modes[@]} -gt 1 ]]; then
  echo "== mean macro F1 over the folds: $(printf '%s\n' "${scores[@]}" |
    awk '{s += $1} END {printf "%.4f", s / NR}')"
fi
