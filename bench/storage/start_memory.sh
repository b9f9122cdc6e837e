#!/usr/bin/env bash
# What a server's start costs on PostgreSQL with many recent orders: the time until it listens and
# its peak resident memory (VmHWM). At start it reads the national region tree (665,276 rows) and
# the orders of the last 90 days into the repeat index, both through query_each.
# Usage: bench/storage/start_memory.sh [ORDERS] [BIN...]   (from the project root, after make build)
#   ORDERS  demo orders generated this month (default 200000)
#   BIN     shegong binaries to compare on the same database, each started 3 times
#           (default build/shegong)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SHEGONG_TEST_POSTGRES:-}" ]; then
  exec scripts/with-postgres "$0" "$@"
fi
orders=${1:-200000}
shift || true
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=(build/shegong)
work=$(mktemp -d /tmp/shegong-bench-XXXXXX)
server_pid=
trap 'kill $server_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
export SHEGONG_KEY=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')

psql -q "$SHEGONG_TEST_POSTGRES" -c "CREATE DATABASE bench"
db=${SHEGONG_TEST_POSTGRES%/*}/bench
started=$(date +%s)
"${bins[0]}" import regions --db "$db" > /dev/null
"${bins[0]}" demo orders --db "$db" --count "$orders" > /dev/null
echo "database: national regions and $orders demo orders in $(($(date +%s) - started)) s"

for bin in "${bins[@]}"; do
  for round in 1 2 3; do
    t0=$(date +%s%N)
    "$bin" serve --db "$db" --listen 127.0.0.1:0 --web-root web/dist > "$work/serve.out" 2> "$work/serve.err" &
    server_pid=$!
    for _ in $(seq 6000); do grep -q "listening on" "$work/serve.out" && break; sleep 0.05; done
    t1=$(date +%s%N)
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
    printf '%s round %d: listening after %.2f s, peak resident memory %d MiB\n' \
      "$bin" "$round" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e9}')" $((peak / 1024))
  done
done
