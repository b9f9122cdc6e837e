#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer (clang), each target for a bounded time.
# Usage: bench/fuzz/run.sh [SECONDS [TARGET...]]   (default 30 s a target, every target).
# Exits non-zero on a crash or a broken invariant; the crashing input is left in build-fuzz/.
#
# Targets (each src/<module>/<name>_fuzz.cc says what it checks):
#   normalize   text normalisation and PII masking
#   csv         the CSV reader, by round trip
#   json_text   the hand-written JSON string writer and member scanner, against nlohmann/json
#   request     request targets and cookies
#   json_body   request bodies as the API reads them
#   model_file  classifier model files (payloads behind a valid header and checksum)
#   training    labelled CSVs, then training and classifying on them
#   analysis    places, matters, near-duplicates, hot issues, reply scores, features
#   calendar    holiday calendar files and the deadline arithmetic over them
#   region_code region codes as users type them
#   categories  category taxonomy CSVs imported into a real SQLite database
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
shift || true
out=build-fuzz
mkdir -p "$out"
opencc=$(pkg-config --cflags --libs opencc)
text_base="src/text/normalize.cc src/text/pii.cc src/base/utf8.cc src/base/status.cc"
classifier="src/text/classifier.cc src/text/classifier_file.cc src/text/classifier_train.cc
  src/text/features.cc src/text/segmenter.cc src/text/label.cc src/base/one_line.cc src/base/csv.cc
  $text_base"

sources() {
  case $1 in
    normalize) echo "src/text/normalize_fuzz.cc $text_base" ;;
    csv) echo "src/base/csv_fuzz.cc src/base/csv.cc src/base/status.cc" ;;
    json_text) echo "src/base/json_text_fuzz.cc src/base/json_text.cc src/base/utf8.cc" ;;
    request) echo "src/http/request_fuzz.cc src/http/request.cc src/base/utf8.cc" ;;
    json_body) echo "src/api/json_body_fuzz.cc src/api/json_io.cc src/http/request.cc
      src/http/error_response.cc src/base/json_text.cc src/base/utf8.cc src/base/status.cc
      src/base/calendar.cc src/base/csv.cc" ;;
    model_file) echo "src/text/model_file_fuzz.cc $classifier" ;;
    training) echo "src/text/training_fuzz.cc src/text/classifier_data.cc $classifier" ;;
    analysis) echo "src/text/analysis_fuzz.cc src/text/features.cc src/text/segmenter.cc
      src/text/places.cc src/text/hot_matters.cc src/text/hot_issues.cc src/text/near_duplicates.cc
      src/text/minhash.cc src/text/shingles.cc src/text/reply_quality.cc $text_base" ;;
    calendar) echo "src/base/calendar_fuzz.cc src/base/calendar.cc src/base/csv.cc src/base/status.cc" ;;
    region_code) echo "src/regions/region_code_fuzz.cc src/regions/region_code.cc src/base/status.cc" ;;
    categories) echo "src/hotline/categories_fuzz.cc src/hotline/categories.cc src/audit/audit_log.cc
      src/db/sqlite_db.cc src/db/group_commit.cc src/db/reader_pool.cc src/db/value.cc
      src/db/migrations.cc src/db/migrations_sqlite.cc src/db/migrations_postgres.cc
      src/base/crypto.cc src/base/clock.cc src/base/csv.cc src/base/one_line.cc src/base/utf8.cc
      src/base/status.cc $(pkg-config --libs sqlite3 libsodium)" ;;
    *) echo "unknown fuzz target: $1" >&2; return 1 ;;
  esac
}

# A few inputs of the kind each target reads, so that the fuzzer starts inside the format.
seed() {
  local dir=$out/corpus-$1
  mkdir -p "$dir"
  case $1 in
    normalize | analysis)
      printf '小区夜间施工噪音扰民，电话13812341234' > "$dir/seed1"
      printf '社會工作 黨建引領　ＡＢＣ１２３' > "$dir/seed2"
      printf '身份证11010519491231002X 卡号4111111111111111 座机010-62341234 🏠' > "$dir/seed3"
      printf '魅力之城小区施工噪音\nA市A5区魅力之城小区三期6栋旁工地夜间施工。\x81\x1e您好，经调查，施工单位已按《噪声污染防治法》整改，如有问题请拨打12345。\x05' \
        > "$dir/seed4" ;;
    csv | training)
      printf 'subject,body,label\n小区噪音,"夜间施工,噪音扰民",环境保护\r\n公交线路,"说""撤站""了",交通运输\n学校,,甲\n' \
        > "$dir/seed1" ;;
    json_text | json_body)
      printf '{"subject":"噪音\\u0041","unit_id":3,"anonymous":false,"co_unit_ids":[1,2],"x":{"y":[null,1.5e3]}}' \
        > "$dir/seed1" ;;
    calendar)
      printf '# 2025\ndate,kind,name\n2025-01-01,holiday,元旦\n2025-01-26,workday,春节\n2025-01-28,holiday,春节\n2025-12-31,holiday,x\n' \
        > "$dir/seed1" ;;
    categories)
      printf 'level1,level2,level3\n城乡建设,住房保障,物业管理\n城乡建设,"市政,设施",\n交通运输,,\n' > "$dir/seed1" ;;
    region_code)
      printf '110101001000' > "$dir/seed1"
      printf '441900' > "$dir/seed2" ;;
    request)
      printf '\x00/api/v1/orders?status=open&q=%%E5%%99%%AA+a&page=2' > "$dir/seed1"
      printf '\x01sid=abc; theme=dark; sid=2' > "$dir/seed2" ;;
    model_file)
      # A small trained model: its payload behind version byte 2 (format version 3), and the
      # whole file behind 0x80.
      local csv=$out/tiny.csv
      printf 'text,label\n小区夜间施工噪音扰民,环境保护\n工地噪音影响休息,环境保护\n公交线路调整不合理,交通运输\n公交车站撤销出行不便,交通运输\n' \
        > "$csv"
      build/shegong text train --data "$csv" --text-column text --label-column label \
        --min-count 1 --out "$out/tiny.model" > /dev/null
      { printf '\x02'; tail -c +21 "$out/tiny.model" | head -c -8; } > "$dir/seed1"
      { printf '\x80'; cat "$out/tiny.model"; } > "$dir/seed2" ;;
  esac
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalize csv json_text request json_body model_file training analysis calendar region_code
  categories)
for target in "${targets[@]}"; do
  src=$(sources "$target")
  # shellcheck disable=SC2086
  clang++ -std=c++20 -Wall -Wextra -Werror -O1 -g -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=all -Isrc $src $opencc -o "$out/${target}_fuzz"
  seed "$target"
  echo "-- $target"
  status=0
  max_len=4096
  [ "$target" != model_file ] || max_len=16384  # its seed, a small trained model, is 8 KiB
  (cd "$out" && "./${target}_fuzz" -max_total_time="$seconds" -max_len="$max_len" \
    -print_final_stats=1 "corpus-$target") > "$out/$target.log" 2>&1 || status=$?
  grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|ERROR|SUMMARY|runtime error" \
    "$out/$target.log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzzing $target: crash or broken invariant (exit $status); $out/$target.log tells" >&2
    exit 1
  fi
done
echo "fuzzing: no crash in ${seconds} s for each of ${#targets[@]} targets"
