#!/usr/bin/env bash
# The intake service levels of a month (GET /api/v1/hotline/intake-levels) at the scale of a
# 20-million city: ORDERS demo orders of October 2026 through the real engine (with the demo's
# telephone log of the city hotline, region 1101), and CALLS_PER_DAY more calls a day to the
# province-level hotline (region 11) for the whole month, written straight into the table (a
# large 12345 takes 50,000 to 70,000 calls a day): 96 % answered after 1 to 30 s, the rest
# abandoned. Measured over HTTP on loopback with wrk, one connection, three rounds of 5 s each, for
# the city (every call and every order of the month) and for one district (its orders and the calls
# of the hotlines that serve it).
# Usage: ORDERS=100000 CALLS_PER_DAY=50000 bench/hotline/intake_levels.sh   (after make build)
set -euo pipefail
cd "$(dirname "$0")/../.."
orders=${ORDERS:-100000}
per_day=${CALLS_PER_DAY:-50000}
bin=build/shegong
work=$(mktemp -d /tmp/shegong-bench-XXXXXX)
server_pid=
trap 'kill $server_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
source bench/wrk_rounds.sh

db=$work/intake-levels.db
$bin import regions --db "$db" > /dev/null
echo "bench-password-1" | $bin user add --db "$db" --username bench --role admin --region 100000000000 > /dev/null
$bin demo orders --db "$db" --count "$orders" --month 2026-10
# 2026-10-01 00:00 in Beijing is 2026-09-30T16:00:00Z.
sqlite3 "$db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $per_day * 31 - 1)
INSERT INTO hotline_calls(region_code, call_ref, offered_at_ms, answered_at_ms, recorded_at_ms)
SELECT '11', 'BENCH-' || i, 1790784000000 + i * (86400000 / $per_day),
       CASE WHEN (i * 7919) % 100 < 96
            THEN 1790784000000 + i * (86400000 / $per_day) + 1000 + (i * 104729) % 29000 END,
       1790784000000
FROM n;
SQL
echo "calls: $(sqlite3 "$db" "SELECT count(*) FROM hotline_calls WHERE offered_at_ms >= 1790784000000 AND offered_at_ms < 1793462400000"), orders: $(sqlite3 "$db" "SELECT count(*) FROM cases")"
token=$($bin token create --db "$db" --username bench | tail -n 1)
$bin serve --db "$db" --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 300); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
base=http://127.0.0.1:$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.out")

for place in 1101 110101; do
  url="$base/api/v1/hotline/intake-levels?region=$place&from=2026-10-01&to=2026-10-31"
  curl -s -H "Authorization: Bearer $token" "$url" | head -c 600; echo
  run_wrk "intake_levels_$place" -t1 -c1 -d5s -H "Authorization: Bearer $token" "$url"
done
