// Enums named by text where the text comes in or goes out (command line, files, JSON): each enum
// keeps one table of {value, name} pairs, and these two lookups read it, so a name is parsed and
// printed in one place and the layers compare enums, not strings.
#pragma once

#include <optional>
#include <string_view>
#include <type_traits>

namespace atlas {

// The name of `value` in `names`, or `fallback` when the table lacks it.
template <typename Table, typename Enum>
const char *nameIn(const Table &names, Enum value, const char *fallback) {
  for (const auto &[v, name] : names)
    if (v == value)
      return name;
  return fallback;
}

// The value named `text` in `names` (exact, case-sensitive), or none.
template <typename Table>
auto valueNamed(const Table &names, std::string_view text)
    -> std::optional<std::decay_t<decltype(names.begin()->first)>> {
  for (const auto &[value, name] : names)
    if (text == name)
      return value;
  return std::nullopt;
}

} // namespace atlas
