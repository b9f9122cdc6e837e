#!/usr/bin/env bash
# Hot issues of the published 附件3 (docs/hot-issues.md): the top issues and the wall time of the
# whole command (reading the CSV, grouping, ranking).
#   bench/text/hot.sh [TOP]            (after `make build`)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${SHEGONG_DATA_DIR:-../shared/data}/messages-hot.csv"
TIMEFORMAT='wall time: %R s'
time "${SHEGONG_BINARY:-build/shegong}" text hot --data "$data" --top "${1:-5}"
