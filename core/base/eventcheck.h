#pragma once

#include "base/event.h"

#include <optional>
#include <string>

namespace Chronoscope::EventCheck {

/// The one rule for every path by which an event enters a log or a branch (import, append, a
/// branch's insert and replace, a merge, a re-processing handler): id, stream and type are
/// non-empty strings without NUL characters (source, causation and correlation ids too, when
/// present), and metadata is a JSON object. Returns what is wrong, or nullopt.
std::optional<std::string> problem(const Event &event);

/// Throws Error (Input) with `what` + ": " + the problem when the event breaks the rule.
void require(const Event &event, const std::string &what);

} // namespace Chronoscope::EventCheck
