// Result<T>: a value or a human-readable error message for bad *data* (files, user input).
// Result<void>: success (`return {};`) or the error, for steps that give nothing back.
// Programmer misuse is an ATLAS_CHECK instead (core/check.h: on in every build, tests included).
#pragma once

#include "core/check.h"

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
    ATLAS_CHECK(ok(), "Result::value(): no value");
    return *value_;
  }
  const T &value() const {
    ATLAS_CHECK(ok(), "Result::value(): no value");
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

template <> class Result<void> {
public:
  Result() = default;
  Result(Error error) : error_(std::move(error.message)), failed_(true) {}

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const std::string &error() const { return error_; }

private:
  std::string error_;
  bool failed_ = false;
};

} // namespace atlas
