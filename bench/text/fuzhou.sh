#!/usr/bin/env bash
# The category model on real messages of another city (docs/text-classifier.md, "Beyond the
# reference data"): the Fuzhou leaders' mailbox messages its writers filed under 环保 and the
# Fuzhou 12345 complaints about black and smelly rivers. Neither is labelled in the model's
# taxonomy, so this prints what the model answers, not a score: the first label's counts and
# how many messages have 环境保护 among the three best.
#   bench/text/fuzhou.sh [MODEL]        (after bench/text/train-reference.sh MODEL)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SHEGONG_BIN:-$root/build/shegong}
data=${SHEGONG_DATA:-$root/../shared/data}
model=${1:-$root/build/text-reference.model}

# file, then the columns that make up the message as written: subject (title) and body (content)
for spec in "leaderboard-fuzhou.csv subject body" "fz12345-river-complaints.csv title content"; do
  read -r file subject body <<<"$spec"
  python3 - "$data/$file" "$subject" "$body" <<'EOF' |
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        print(" ".join((row[sys.argv[2]] + " " + row[sys.argv[3]]).split()))
EOF
    "$bin" text classify --model "$model" --top 3 |
    awk -F'\t' -v file="$file" '
      { split($1, first, ":"); count[first[1]]++; n++
        if ($0 ~ /环境保护:/) env++ }
      END { printf "%s: %d messages, 环境保护 among the three best: %d\n", file, n, env
            by_count = "sort -t \"\t\" -k2,2nr"
            for (label in count) printf "  %s\t%d\n", label, count[label] | by_count
            close(by_count) }'
done
