#!/usr/bin/env bash
# 接诉即办 at scale, measured over HTTP on loopback with wrk on the same 2-core machine:
#   intake  — POST /api/v1/orders, every 201 durable (fsynced) before it is sent;
#   get     — GET /api/v1/orders/{id} with units and timeline: over the orders just registered, and
#             over ORDERS orders with full lifecycles read uniformly at random;
#   ranking — the month's 三率 ranking of streets and of departments with ORDERS orders stored;
#   RSS     — the server's resident memory with ORDERS orders.
# Usage: ORDERS=1000000 bench/hotline/run.sh [DURATION_S]   (from the project root, after make build)
# The database of ORDERS orders is generated once (demo orders through the real engine) and kept
# in $BENCH_CACHE (default /tmp/shegong-bench-cache) for later runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
orders=${ORDERS:-1000000}
cache=${BENCH_CACHE:-/tmp/shegong-bench-cache}
bin=build/shegong
work=$(mktemp -d /tmp/shegong-bench-XXXXXX)
server_pid=
trap 'kill $server_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
source bench/wrk_rounds.sh

start_server() {  # db
  $bin serve --db "$1" --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.err" &
  server_pid=$!
  for _ in $(seq 300); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
  port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.out")
  base=http://127.0.0.1:$port
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }

echo "== intake: POST /api/v1/orders, wrk -t2 -c64 -d${duration}s, 3 rounds"
db=$work/intake.db
$bin import regions --db "$db" > /dev/null
$bin import categories --db "$db" > /dev/null
echo "bench-password-1" | $bin user add --db "$db" --username bench --role dispatcher --region 100000000000 > /dev/null
token=$($bin token create --db "$db" --username bench | tail -n 1)
sqlite3 "$db" "SELECT code FROM regions WHERE level = 5 AND code LIKE '11%' LIMIT 2000" > "$work/codes"
start_server "$db"
SHEGONG_BENCH_TOKEN=$token SHEGONG_BENCH_CODES=$work/codes \
  run_wrk intake -t2 -c64 -d"${duration}s" -s bench/hotline/intake.lua "$base"
echo "== get by id over the orders just registered (a working set that fits in memory)"
SHEGONG_BENCH_TOKEN=$token SHEGONG_BENCH_MAX_ID=$(sqlite3 "$db" "SELECT max(id) FROM cases") \
  run_wrk get_order_recent -t2 -c64 -d"${duration}s" -s bench/hotline/get_order.lua "$base"
stop_server
stored=$(sqlite3 "$db" "SELECT count(*) FROM cases")
answered=$(awk '/requests in/ {s += $1} END {print s}' "$work"/intake.*.txt)
echo "intake: $answered responses counted by wrk, $stored orders stored (every acknowledged order is on disk)"
[ "$stored" -ge "$answered" ] || { echo "lost orders"; exit 1; }

big=$cache/orders-$orders.db
if [ ! -f "$big" ]; then
  echo "== generating $orders orders with full lifecycles (once; kept in $cache)"
  mkdir -p "$cache"
  # Built under another name and renamed when whole: an interrupted run leaves no database that a
  # later run would take for the finished one.
  partial=$cache/partial-$orders.db
  rm -f "$big" "$partial" "$partial-wal" "$partial-shm" "$cache/shegong.key"
  $bin import regions --db "$partial" > /dev/null
  echo "bench-password-1" | $bin user add --db "$partial" --username bench --role admin --region 100000000000 > /dev/null
  /usr/bin/time -f "generated in %e s, peak RSS %M KiB" $bin demo orders --db "$partial" --count "$orders" --month 2026-10
  sqlite3 "$partial" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
  mv "$partial" "$big"
  rm -f "$partial-wal" "$partial-shm"
fi
token=$($bin token create --db "$big" --username bench | tail -n 1)
max_id=$(sqlite3 "$big" "SELECT max(id) FROM cases")
start_server "$big"
rss_start=$(awk '/VmRSS/ {print $2}' /proc/$server_pid/status)
# Reads are measured in the steady state: first the server fires every timer that fell due while
# it was down (a restart after the simulated month), in batches.
backlog_started=$(date +%s.%N)
backlog=$(sqlite3 "$big" "SELECT count(*) FROM case_timers WHERE state = 'pending' AND due_at_ms <= $(date +%s%3N)")
while [ "$(sqlite3 "$big" "SELECT count(*) FROM case_timers WHERE state = 'pending' AND due_at_ms <= $(date +%s%3N)")" -gt 0 ]; do
  sleep 1
done
echo "timers due at start: $backlog, fired in $(echo "$(date +%s.%N) - $backlog_started" | bc) s"

echo "== get by id over $max_id orders, wrk -t2 -c64 -d${duration}s, 3 rounds"
SHEGONG_BENCH_TOKEN=$token SHEGONG_BENCH_MAX_ID=$max_id \
  run_wrk get_order -t2 -c64 -d"${duration}s" -s bench/hotline/get_order.lua "$base"

echo "== monthly ranking with $max_id orders stored, wrk -t1 -c1 -d5s, 3 rounds"
for level in street department; do
  run_wrk "ranking_$level" -t1 -c1 -d5s -H "Authorization: Bearer $token" \
    "$base/api/v1/rankings?period=2026-10&level=$level"
done
rows=$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/rankings?period=2026-10&level=street" | grep -o '"rank":[0-9]' | wc -l)
echo "ranking: $rows ranked streets"
rss_end=$(awk '/VmRSS/ {print $2}' /proc/$server_pid/status)
# Readers map the database file, so RSS also counts the file's pages they have touched (shared
# with the OS page cache); the server's own memory is the anonymous part.
anon_end=$(awk '/RssAnon/ {print $2}' /proc/$server_pid/status)
echo "server RSS with $max_id orders: $((rss_start / 1024)) MiB after start, $((rss_end / 1024)) MiB after the runs, of which $((anon_end / 1024)) MiB its own (the rest mapped pages of the database file)"
stop_server

mkdir -p bench/results
{
  printf '{"command":"ORDERS=%s bench/hotline/run.sh %s","date":"%s","machine":"%s cores","orders":%s,' \
    "$orders" "$duration" "$(date -u +%FT%TZ)" "$(nproc)" "$max_id"
  printf '"server_rss_kib_after_start":%s,"server_rss_kib_after_runs":%s,"server_anon_kib_after_runs":%s,"runs":[' \
    "$rss_start" "$rss_end" "$anon_end"
  cat "$work/intake.json"; printf ','; cat "$work/get_order_recent.json"; printf ','
  cat "$work/get_order.json"; printf ','
  cat "$work/ranking_street.json"; printf ','; cat "$work/ranking_department.json"; printf ']}\n'
} > bench/results/hotline.json
