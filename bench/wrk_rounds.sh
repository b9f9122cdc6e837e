# Helpers for the wrk benchmarks, sourced by their scripts (which set $work, a scratch folder).
#   run_wrk NAME WRK-ARGS...  three rounds; prints the medians of req/s, p50 and p99, and writes
#                             $work/NAME.json; stops the script on any non-2xx answer.
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.3f\n", v}'; }

run_wrk() {
  local name=$1; shift
  : > "$work/$name.rps"; : > "$work/$name.p50"; : > "$work/$name.p99"
  for round in 1 2 3; do
    wrk --latency "$@" > "$work/$name.$round.txt"
    awk '/^Requests\/sec/ {print $2}' "$work/$name.$round.txt" >> "$work/$name.rps"
    awk '$1 == "50%" {print $2}' "$work/$name.$round.txt" | to_ms >> "$work/$name.p50"
    awk '$1 == "99%" {print $2}' "$work/$name.$round.txt" | to_ms >> "$work/$name.p99"
    if grep -q "Non-2xx\|non-2xx responses: [1-9]" "$work/$name.$round.txt"; then
      echo "$name: errors"; cat "$work/$name.$round.txt"; exit 1
    fi
  done
  printf '%-22s median %9s req/s   p50 %s ms   p99 %s ms   (rounds: %s)\n' "$name" \
    "$(median < "$work/$name.rps")" "$(median < "$work/$name.p50")" "$(median < "$work/$name.p99")" \
    "$(paste -sd' ' "$work/$name.rps")"
  printf '{"name":"%s","requests_per_s_median":%s,"p50_ms_median":%s,"p99_ms_median":%s,"requests_per_s_rounds":[%s]}' \
    "$name" "$(median < "$work/$name.rps")" "$(median < "$work/$name.p50")" "$(median < "$work/$name.p99")" \
    "$(paste -sd, "$work/$name.rps")" > "$work/$name.json"
}
