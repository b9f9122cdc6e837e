// Request counts and latency histograms per route, exported in the Prometheus text format.
// observe() is lock-free (relaxed atomics), so it can sit on every request.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace shegong::http {

class Metrics {
 public:
  // One series per label ("GET /api/v1/regions/{code}"); observe() takes the label's index.
  explicit Metrics(std::vector<std::string> labels);
  void observe(size_t label, int status, int64_t micros);
  std::string render() const;

 private:
  static constexpr std::array<double, 13> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  struct Series {
    std::array<std::atomic<uint64_t>, 5> by_class{};  // 1xx..5xx
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};
    std::atomic<uint64_t> sum_micros{0};
    std::atomic<uint64_t> count{0};
  };
  std::vector<std::string> labels_;
  std::unique_ptr<Series[]> series_;
};

}  // namespace shegong::http
