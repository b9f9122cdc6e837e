#!/usr/bin/env bash
# Near-duplicate search over a million messages (docs/near-duplicates.md): builds the corpus from
# ../shared/data, plants near-duplicates, prints latency, recall, precision and index memory, and
# writes bench/results/text_similar.json.
#   bench/text/similar.sh                 (after `make build`)
#   SHEGONG_SIMILAR_MESSAGES=100000 bench/text/similar.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/results
"${SHEGONG_BENCH:-build/shegong_bench}" --benchmark_filter=NearDuplicateSimilar \
  --benchmark_out=bench/results/text_similar.json --benchmark_out_format=json
