#include "http/metrics.h"

#include <fmt/core.h>

namespace shegong::http {

Metrics::Metrics(std::vector<std::string> labels)
    : labels_(std::move(labels)), series_(new Series[labels_.size()]) {}

void Metrics::observe(size_t label, int status, int64_t micros) {
  if (label >= labels_.size()) return;
  Series& s = series_[label];
  int cls = status / 100 - 1;
  if (cls >= 0 && cls < 5) s.by_class[cls].fetch_add(1, std::memory_order_relaxed);
  double seconds = static_cast<double>(micros) / 1e6;
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.sum_micros.fetch_add(static_cast<uint64_t>(micros < 0 ? 0 : micros), std::memory_order_relaxed);
  s.count.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::render() const {
  std::string out;
  out += "# HELP shegong_http_requests_total HTTP requests by route and status class.\n";
  out += "# TYPE shegong_http_requests_total counter\n";
  for (size_t i = 0; i < labels_.size(); ++i) {
    for (int c = 0; c < 5; ++c) {
      uint64_t n = series_[i].by_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format("shegong_http_requests_total{{route=\"{}\",code=\"{}xx\"}} {}\n",
                         labels_[i], c + 1, n);
    }
  }
  out += "# HELP shegong_http_request_duration_seconds Time from parsed request to response.\n";
  out += "# TYPE shegong_http_request_duration_seconds histogram\n";
  for (size_t i = 0; i < labels_.size(); ++i) {
    const Series& s = series_[i];
    uint64_t count = s.count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    uint64_t cumulative = 0;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += s.buckets[b].load(std::memory_order_relaxed);
      std::string le = b < kBuckets.size() ? fmt::format("{}", kBuckets[b]) : "+Inf";
      out +=
          fmt::format("shegong_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      labels_[i], le, cumulative);
    }
    out += fmt::format("shegong_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n",
                       labels_[i], static_cast<double>(s.sum_micros.load()) / 1e6);
    out += fmt::format("shegong_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                       labels_[i], count);
  }
  return out;
}

}  // namespace shegong::http
