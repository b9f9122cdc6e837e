#!/usr/bin/env bash
# The two storage engines under the same load, over HTTP on loopback with wrk on the same machine:
#   intake — POST /api/v1/orders, every 201 durable before it is sent (SQLite: WAL fsynced;
#            PostgreSQL: its defaults, fsync and synchronous_commit on);
#   get    — GET /api/v1/orders/{id} with units and timeline, over the orders just registered.
# Each engine starts from the national region tree and the category taxonomy; PostgreSQL runs on a
# throwaway local server (scripts/with-postgres) with a shared_buffers of its default size.
# Usage: bench/storage/engines.sh [DURATION_S]   (from the project root, after make build)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SHEGONG_TEST_POSTGRES:-}" ]; then
  exec env SHEGONG_POSTGRES_DURABLE=1 scripts/with-postgres "$0" "$@"
fi
duration=${1:-10}
bin=build/shegong
work=$(mktemp -d /tmp/shegong-bench-XXXXXX)
server_pid=
trap 'kill $server_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
source bench/wrk_rounds.sh
export SHEGONG_KEY=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')

sql() {  # db query: one value per line
  if [[ $1 == postgresql://* ]]; then psql -qAt "$1" -c "$2"; else sqlite3 "$1" "$2"; fi
}

for engine in sqlite postgresql; do
  if [ $engine = sqlite ]; then
    db=$work/bench.db
  else
    psql -q "$SHEGONG_TEST_POSTGRES" -c "CREATE DATABASE bench"
    db=${SHEGONG_TEST_POSTGRES%/*}/bench
  fi
  $bin import regions --db "$db" > /dev/null
  $bin import categories --db "$db" > /dev/null
  echo "bench-password-1" |
    $bin user add --db "$db" --username bench --role dispatcher --region 100000000000 > /dev/null
  token=$($bin token create --db "$db" --username bench | tail -n 1)
  sql "$db" "SELECT code FROM regions WHERE level = 5 AND code LIKE '11%' ORDER BY code LIMIT 2000" \
    > "$work/codes"
  $bin serve --db "$db" --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.err" &
  server_pid=$!
  for _ in $(seq 300); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
  base=http://127.0.0.1:$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.out")
  echo "== $engine: intake, wrk -t2 -c64 -d${duration}s, 3 rounds"
  SHEGONG_BENCH_TOKEN=$token SHEGONG_BENCH_CODES=$work/codes \
    run_wrk "intake_$engine" -t2 -c64 -d"${duration}s" -s bench/hotline/intake.lua "$base"
  echo "== $engine: get by id over the orders just registered"
  SHEGONG_BENCH_TOKEN=$token SHEGONG_BENCH_MAX_ID=$(sql "$db" "SELECT max(id) FROM cases") \
    run_wrk "get_order_$engine" -t2 -c64 -d"${duration}s" -s bench/hotline/get_order.lua "$base"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  stored=$(sql "$db" "SELECT count(*) FROM cases")
  answered=$(awk '/requests in/ {s += $1} END {print s}' "$work"/intake_$engine.*.txt)
  echo "$engine: $answered orders acknowledged, $stored stored"
  [ "$stored" -ge "$answered" ] || { echo "lost orders"; exit 1; }
done

ratio() { awk -v a="$(median < "$work/$1_postgresql.rps")" -v b="$(median < "$work/$1_sqlite.rps")" \
  'BEGIN {printf "%.2f", a / b}'; }
echo "PostgreSQL / SQLite, median req/s: intake $(ratio intake), get $(ratio get_order)"
mkdir -p bench/results
{
  printf '{"command":"bench/storage/engines.sh %s","date":"%s","machine":"%s cores","runs":[' \
    "$duration" "$(date -u +%FT%TZ)" "$(nproc)"
  cat "$work/intake_sqlite.json"; printf ','; cat "$work/get_order_sqlite.json"; printf ','
  cat "$work/intake_postgresql.json"; printf ','; cat "$work/get_order_postgresql.json"
  printf '],"postgresql_over_sqlite":{"intake":%s,"get_order":%s}}\n' "$(ratio intake)" "$(ratio get_order)"
} > bench/results/storage_engines.json
