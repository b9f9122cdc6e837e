#!/usr/bin/env bash
# HTTP throughput and latency of the real server on loopback, measured with wrk on the same machine.
# Usage: bench/http/run.sh [DURATION_S]  (from the project root, after `make build`)
# Writes bench/results/http.json and prints a table.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
work=$(mktemp -d /tmp/shegong-bench-XXXXXX)
trap 'kill $server_pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
bin=build/shegong
db=$work/shegong.db

$bin import regions --db "$db" >/dev/null
echo "bench-password-1" | $bin user add --db "$db" --username bench --role admin --region 100000000000 >/dev/null
token=$($bin token create --db "$db" --username bench | tail -n 1)
# 2,000 street and community codes of Beijing, Shanghai and Guangdong.
sqlite3 "$db" "SELECT code FROM regions WHERE level >= 4 AND (code LIKE '11%' OR code LIKE '31%' OR code LIKE '44%') ORDER BY code LIMIT 2000 OFFSET 100" > "$work/codes"

$bin serve --db "$db" --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.out")
base=http://127.0.0.1:$port
curl -sf -H "Authorization: Bearer $token" "$base/api/v1/regions/110101001" >/dev/null

# Three rounds per target; the median of each figure is reported (wrk's latency percentiles are
# converted to milliseconds first).
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.3f", v}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run_wrk() {  # name, wrk args...
  local name=$1; shift
  : > "$work/$name.rps"; : > "$work/$name.p50"; : > "$work/$name.p99"
  for round in 1 2 3; do
    wrk -t2 -c64 -d"${duration}s" --latency "$@" > "$work/$name.$round.txt"
    awk '/^Requests\/sec/ {print $2}' "$work/$name.$round.txt" >> "$work/$name.rps"
    awk '$1 == "50%" {print $2}' "$work/$name.$round.txt" | to_ms >> "$work/$name.p50"; echo >> "$work/$name.p50"
    awk '$1 == "99%" {print $2}' "$work/$name.$round.txt" | to_ms >> "$work/$name.p99"; echo >> "$work/$name.p99"
  done
  local rps p50 p99 all
  rps=$(median < "$work/$name.rps"); p50=$(median < "$work/$name.p50"); p99=$(median < "$work/$name.p99")
  all=$(paste -sd' ' "$work/$name.rps")
  printf '%-16s median %10s req/s   p50 %s ms   p99 %s ms   (rounds: %s)\n' "$name" "$rps" "$p50" "$p99" "$all"
  printf '{"name":"%s","requests_per_s_median":%s,"p50_ms_median":%s,"p99_ms_median":%s,"requests_per_s_rounds":[%s]}' \
    "$name" "$rps" "$p50" "$p99" "$(paste -sd, "$work/$name.rps")" > "$work/$name.json"
}

echo "wrk -t2 -c64 -d${duration}s --latency, 3 rounds each, against $base (server: 2 I/O threads, same 2-core machine)"
run_wrk healthz "$base/healthz"
SHEGONG_BENCH_TOKEN=$token SHEGONG_BENCH_CODES=$work/codes run_wrk region_lookup -s bench/http/regions.lua "$base"
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$server_pid/status)
echo "server RSS after the runs: $((rss_kb / 1024)) MiB"

mkdir -p bench/results
{
  printf '{"command":"bench/http/run.sh %s","date":"%s","machine":"%s cores","server_rss_kib":%s,"runs":[' \
    "$duration" "$(date -u +%FT%TZ)" "$(nproc)" "$rss_kb"
  cat "$work/healthz.json"; printf ','; cat "$work/region_lookup.json"; printf ']}\n'
} > bench/results/http.json
