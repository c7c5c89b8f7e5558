#pragma once

#include "base/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>

namespace Chronoscope {

class EventLog;
class History;

/// A point in a history, git-style: "main" (the head), "main@120" (after event 120)
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
/// Throws Error (NotFound) for a revision of another branch, or a seq past the end.
int64_t resolveRevision(EventLog &log, const Revision &revision);
/// The position in `history` (main or a branch, see BranchHistory::open()) the revision ends
/// at; its branch name is not checked against the history's.
int64_t resolveRevision(History &history, const Revision &revision);

} // namespace Chronoscope
