#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Chronoscope {

/// Where a JSON text is not valid JSON, and what is wrong there, in words a user can act on:
/// the line and column (1-based, counted in bytes), and a message such as "invalid JSON:
/// unexpected '}'", "the text ends inside a JSON value (truncated?)" or "the number 1e400 is out
/// of range". Numbers too large for a double are refused like any other bad place.
struct JsonProblem
{
    int64_t line = 1;
    int64_t column = 1;
    size_t offset = 0; ///< bytes into the text
    std::string message;

    /// The first problem of `text`; nullopt when it is one valid JSON value.
    static std::optional<JsonProblem> of(std::string_view text);
    /// "LINE:COLUMN: message".
    std::string where() const;
};

} // namespace Chronoscope
