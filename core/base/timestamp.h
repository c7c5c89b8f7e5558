#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Chronoscope::Timestamp {

/// Microseconds since 1970-01-01T00:00:00Z. Every time in the log is stored in this unit,
/// normalised to UTC; the text a source wrote is kept beside it where it differs.
using Micros = int64_t;

/// Parses an RFC 3339 date-time ("2018-02-03T10:15:00.123+02:00"; 'T', 't' or a space between
/// date and time; 'Z', 'z' or a numeric offset). Digits beyond microseconds are truncated.
/// Returns nullopt for anything else.
std::optional<Micros> parse(std::string_view text);

/// Parses a plain date "2018-02-01" as midnight UTC, or a full RFC 3339 date-time.
std::optional<Micros> parseDateOrTime(std::string_view text);

/// Formats as UTC "YYYY-MM-DDTHH:MM:SS.mmmZ", with six fractional digits when the value is not
/// a whole millisecond.
std::string format(Micros micros);
void appendFormatted(std::string &out, Micros micros);

Micros now();

} // namespace Chronoscope::Timestamp
