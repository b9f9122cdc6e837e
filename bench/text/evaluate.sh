#!/usr/bin/env bash
# Held-out evaluation of the category classifier on RAW text, end to end with the project's CLI:
# makes the split, trains with `shegong text train`, scores with `shegong text eval`.
#
#   bench/text/evaluate.sh              train on the training part, report on the test part
#   bench/text/evaluate.sh --validate   two-fold validation inside the training part (for choosing
#                                       settings; the test part is only removed), and the mean
#                                       macro-F1 of the two folds
#   Further arguments go to `shegong text train` (e.g. --epochs 30 --l2 1e-5).
#   SHEGONG_BIN (default build/shegong) and SHEGONG_DATA (default ../shared/data) override paths.
#
# The split (docs/text-classifier.md), deterministic by message id:
#   test       messages-labelled.csv rows with an odd id (250 raw messages);
#   validation messages-labelled.csv rows with an even id, in two folds: id % 4 == 0 and
#              id % 4 == 2 (used only with --validate; each fold trains on the other);
#   training   the other messages-labelled.csv rows (raw) plus messages-train-tokens.csv minus
#              every word-list row that is a copy of a held-out message: at least half of its
#              words of 2+ characters occur in one held-out message's subject and body. The
#              word-list file holds most of messages-labelled.csv in segmented form, so without
#              this the test messages would be in the training data.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SHEGONG_BIN:-$root/build/shegong}
data=${SHEGONG_DATA:-$root/../shared/data}
modes=(test)
if [[ ${1:-} == --validate ]]; then
  modes=(fold0 fold2)
  shift
fi
work=$(mktemp -d /tmp/shegong-text-eval-XXXXXX)
trap 'rm -rf "$work"' EXIT

split() {  # mode: writes train-tokens.csv, train-raw.csv and heldout.csv to $work
python3 - "$data" "$work" "$1" <<'PY'
import collections, csv, sys

data, work, mode = sys.argv[1:4]
csv.field_size_limit(sys.maxsize)

def read(name):
    with open(f"{data}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

def write(name, fields, rows):
    with open(f"{work}/{name}", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

labelled = read("messages-labelled.csv")
tokens = read("messages-train-tokens.csv")
test = [r for r in labelled if int(r["id"]) % 2 == 1]
if mode == "test":
    heldout, fit, excluded = test, [r for r in labelled if int(r["id"]) % 2 == 0], test
else:
    fold = int(mode[4:])
    heldout = [r for r in labelled if int(r["id"]) % 4 == fold]
    fit = [r for r in labelled if int(r["id"]) % 4 == 2 - fold]
    excluded = test + heldout

# Word-list rows that copy an excluded message: index words of 2+ characters, look up every
# substring of each excluded message (words are at most 8 characters long in practice).
words = [set(w for w in r["tokens"].split() if len(w) >= 2) for r in tokens]
index = collections.defaultdict(list)
for j, ws in enumerate(words):
    for w in ws:
        index[w].append(j)
drop = set()
for r in excluded:
    text = r["subject"] + r["body"]
    found = collections.Counter()
    for n in range(2, 9):
        for s in {text[a:a + n] for a in range(len(text) - n + 1)}:
            for j in index.get(s, ()):
                found[j] += 1
    drop.update(j for j, c in found.items() if 2 * c >= len(words[j]))
kept = [r for j, r in enumerate(tokens) if j not in drop]

write("train-tokens.csv", ["row", "tokens", "category"], kept)
write("train-raw.csv", ["id", "subject", "body", "category"], fit)
write("heldout.csv", ["id", "subject", "body", "category"], heldout)
print(f"split ({mode}): held out {len(heldout)} raw messages; training {len(fit)} raw messages "
      f"+ {len(kept)} word-list rows ({len(drop)} copies of held-out messages removed)",
      file=sys.stderr)
PY
}

scores=()
for mode in "${modes[@]}"; do
  split "$mode"
  "$bin" text train --data "$work/train-tokens.csv" --data "$work/train-raw.csv" \
    --text-column tokens --text-column subject --text-column body --label-column category \
    --out "$work/model" "$@" >&2
  echo "== $mode: raw messages held out (subject + body)"
  "$bin" text eval --model "$work/model" --data "$work/heldout.csv" \
    --text-column subject --text-column body --label-column category | tee "$work/report"
  scores+=("$(sed -n 's/^macro F1: //p' "$work/report")")
done
if [[ ${#scores[@]} -gt 1 ]]; then
  echo "== mean macro F1 over the validation folds: $(printf '%s\n' "${scores[@]}" |
    awk '{s += $1} END {printf "%.4f", s / NR}')"
fi
