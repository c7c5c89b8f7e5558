#pragma once

#include "base/event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

/// One ordered edit of a branch: the classic "remove, add or modify some events". Edits
/// name the parent's events by id, so they keep meaning what they meant however the positions
/// around them move. Recorded events are never touched.
struct BranchEdit
{
    enum class Kind { Skip, Insert, Replace };

    int64_t id = 0;
    Kind kind = Kind::Skip;
    std::string target;         ///< the id of the event it skips, replaces, or inserts after
    std::optional<Event> event; ///< Insert and Replace: the new event

    static const char *kindName(Kind kind)
    {
        switch (kind) {
        case Kind::Skip:
            return "skip";
        case Kind::Insert:
            return "insert";
        case Kind::Replace:
            return "replace";
        }
        return "skip";
    }
};

/// A parallel history: its parent's events up to `forkPosition`, then — unless truncated — the
/// parent's later events too, with the branch's edits applied in order. A branch may replay
/// with its own model.
struct Branch
{
    std::string name;
    std::string parent = "main";
    int64_t forkPosition = 0;
    bool truncate = false;
    std::optional<std::string> modelSource;
    std::optional<std::string> modelHash;
    std::vector<BranchEdit> edits;
    std::optional<int64_t> mergedAt; ///< when it was merged into main, if it was
    /// The edits are not stored ones but what re-processing the branch with its model's
    /// handlers derives (see Reprocessor): a layer over the branch, under the same name.
    bool regenerated = false;
};

} // namespace Chronoscope
