// Result<T>: a value or a human-readable error message for bad *data* (files, user input).
// Programmer misuse is an assert instead; see README "Errors".
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace atlas {

struct Error {
  std::string message; // one line: "<file>: <where>: <what was expected>"
};

template <typename T> class Result {
public:
  Result(T value) : value_(std::move(value)) {}
  Result(Error error) : error_(std::move(error.message)) {}

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const std::string &error() const { return error_; }

  T &value() {
    assert(ok() && "Result::value(): no value");
    return *value_;
  }
  const T &value() const {
    assert(ok() && "Result::value(): no value");
    return *value_;
  }
  T &operator*() { return value(); }
  const T &operator*() const { return value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }

private:
  std::optional<T> value_;
  std::string error_;
};

} // namespace atlas
