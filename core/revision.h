#pragma once

#include "timestamp.h"

#include <cstdint>
#include <optional>
#include <string>

namespace Chronoscope {

class EventLog;

/// A point in a history, git-style (DESIGN.md): "main" (the head), "main@120" (after event 120)
/// or "main@2018-02-01T00:00:00Z" (after the last event recorded before that time).
struct Revision
{
    std::string branch = "main";
    std::optional<int64_t> seq;
    std::optional<Timestamp::Micros> time;

    /// Throws Error (Input) for text that is not a revision.
    static Revision parse(const std::string &text);
    std::string text() const;
};

/// The seq of main the revision ends at (0 for the empty history before the first event).
/// Throws Error (NotFound) for a branch the log does not have or a seq past its end.
int64_t resolveRevision(EventLog &log, const Revision &revision);

} // namespace Chronoscope
