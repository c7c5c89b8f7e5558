#pragma once

#include "base/event.h"

#include <optional>
#include <string>

namespace Chronoscope {

/// The one writer of the canonical event record (docs/architecture.md): every member present, null
/// where unset, plus "result" when the event has a mutable result.
namespace EventJson {

void append(std::string &out, const Event &event);

/// The pieces the record and the other event formats are written with: `,"key":`, a time as an
/// RFC 3339 string in UTC with microseconds, and a string or null.
void appendKey(std::string &out, const char *key);
void appendTime(std::string &out, Timestamp::Micros micros);
void appendOptionalString(std::string &out, const std::optional<std::string> &value);

} // namespace EventJson

} // namespace Chronoscope
