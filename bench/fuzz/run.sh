#!/usr/bin/env bash
# Fuzzes text normalisation and PII masking with libFuzzer (clang) for a bounded time.
# Usage: bench/fuzz/run.sh [SECONDS]   (default 60). Exits non-zero on a crash or a broken invariant;
# the crashing input is left in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
out=build-fuzz
mkdir -p "$out/corpus"
# Seeds: a few messages a citizen might write.
printf '小区夜间施工噪音扰民，电话13812341234' > "$out/corpus/seed1"
printf '社會工作 黨建引領　ＡＢＣ１２３' > "$out/corpus/seed2"
printf '身份证11010519491231002X 卡号4111111111111111 座机010-62341234 🏠' > "$out/corpus/seed3"
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc \
  src/text/normalize_fuzz.cc src/text/normalize.cc src/text/pii.cc src/base/utf8.cc src/base/status.cc \
  $(pkg-config --cflags --libs opencc) -o "$out/normalize_fuzz"
cd "$out"
./normalize_fuzz -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 corpus 2>&1 |
  grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY" || true
test "${PIPESTATUS[0]}" -eq 0
echo "fuzzing: no crash in ${seconds} s"
