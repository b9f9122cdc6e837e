#!/usr/bin/env bash
# What moving a database costs with `shegong copy`: the trial's SQLite file into PostgreSQL, a
# PostgreSQL database into one file, and file to file, three times each, with the rows a second.
# The database holds the national region tree and ORDERS demo orders of last month, with their
# whole lifecycles (events, timers, notices, callbacks, the audit chain). The PostgreSQL server is a
# throwaway one on loopback (scripts/with-postgres) with its durable defaults (fsync on). The peak
# memory includes the source file, which SQLite's readers map into memory.
# Usage: bench/storage/copy.sh [ORDERS]   (from the project root, after make build; default 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SHEGONG_TEST_POSTGRES:-}" ]; then
  exec env SHEGONG_POSTGRES_DURABLE=1 scripts/with-postgres "$0" "$@"
fi
orders=${1:-100000}
bin=build/shegong
work=$(mktemp -d /tmp/shegong-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
unset SHEGONG_KEY  # the file's own key, as a trial keeps it

started=$(date +%s)
"$bin" import regions --db "$work/trial.db" > /dev/null
"$bin" demo orders --db "$work/trial.db" --count "$orders" --month "$(date -d 'last month' +%Y-%m)" \
  > /dev/null
echo "database: national regions and $orders demo orders in $(($(date +%s) - started)) s," \
  "$(du -m "$work/trial.db" | cut -f1) MiB"
server=${SHEGONG_TEST_POSTGRES%/*}

run() {  # label from to
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$bin" copy --from "$2" --to "$3" > "$work/out"
  read -r seconds peak user system < "$work/time"
  rows=$(sed -n 's/^copied \([0-9]*\) rows.*/\1/p' "$work/out")
  printf '%s: %s rows in %s s, %d rows/s, CPU of the command %s s, peak resident memory %d MiB\n' \
    "$1" "$rows" "$seconds" "$(awk -v r="$rows" -v s="$seconds" 'BEGIN {print int(r / s)}')" \
    "$(awk -v u="$user" -v s="$system" 'BEGIN {print u + s}')" $((peak / 1024))
}

export SHEGONG_KEY=$(cat "$work/shegong.key")  # PostgreSQL takes the key from the environment
for round in 1 2 3; do
  psql -q "$SHEGONG_TEST_POSTGRES" -c "CREATE DATABASE copy_$round"
  run "SQLite -> PostgreSQL, round $round" "$work/trial.db" "$server/copy_$round"
done
for round in 1 2 3; do
  run "PostgreSQL -> SQLite, round $round" "$server/copy_1" "$work/back_$round.db"
done
for round in 1 2 3; do
  run "SQLite -> SQLite, round $round" "$work/trial.db" "$work/file_$round.db"
done
