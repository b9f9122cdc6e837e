// Errors as values. A Status is ok or carries a code, a message and, for bad input, the name of the
// offending field. Result<T> is a value or a Status. Neither throws across module lines; the HTTP
// layer maps codes to statuses (see http/error_response.h) and the CLI to exit codes.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace shegong {

enum class Code {
  kOk,
  kInvalidArgument,   // 400: the caller sent something malformed
  kUnauthenticated,   // 401: no or bad credentials
  kPermissionDenied,  // 403: known caller, not allowed
  kNotFound,          // 404
  kConflict,          // 409: state does not allow it, or it already exists
  kTooManyRequests,   // 429: back-off after failed logins
  kUnavailable,       // 503: shutting down, storage closed
  kInternal,          // 500: a bug or an I/O failure
};

const char* code_name(Code code);  // "invalid_argument", ...

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }
  std::string to_string() const;

  // For a refusal that passes (TooManyRequests, Unavailable): the seconds after which the same
  // request may succeed, sent as HTTP's Retry-After; 0 when nobody can tell.
  int64_t retry_after_s() const { return retry_after_s_; }
  Status&& with_retry_after(int64_t seconds) && {
    retry_after_s_ = seconds;
    return std::move(*this);
  }

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string field_;
  int64_t retry_after_s_ = 0;
};

inline Status Invalid(std::string field, std::string message) {
  return {Code::kInvalidArgument, std::move(message), std::move(field)};
}
inline Status NotFound(std::string message) { return {Code::kNotFound, std::move(message)}; }
inline Status Internal(std::string message) { return {Code::kInternal, std::move(message)}; }
inline Status Denied(std::string message) { return {Code::kPermissionDenied, std::move(message)}; }
inline Status Conflict(std::string message, std::string field = {}) {
  return {Code::kConflict, std::move(message), std::move(field)};
}

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  Status status() const { return ok() ? Status::Ok() : std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace shegong

#define SHEGONG_RETURN_IF_ERROR(expr)   \
  do {                                  \
    ::shegong::Status status_ = (expr); \
    if (!status_.ok()) return status_;  \
  } while (0)
