#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

class History;
class State;

/// Comparing two histories — two revisions of one log, or of two logs (production and test):
/// their states, and their events.
class HistoryDiff
{
public:
    /// RFC 6902 operations turning state `a` into state `b`. Streams that both states share
    /// (the same text) are not parsed, so comparing a branch with its parent costs what the
    /// branch changed.
    static nlohmann::json states(const State &a, const State &b);

    struct EventRef
    {
        int64_t positionA = 0; ///< 0: not in A
        int64_t positionB = 0; ///< 0: not in B
        std::string id;
        std::string type;
    };
    struct Events
    {
        /// The first position where the histories differ (an event missing, extra or
        /// changed); nullopt when they are the same.
        std::optional<int64_t> firstDivergence;
        std::vector<EventRef> onlyInA;
        std::vector<EventRef> onlyInB;
        std::vector<EventRef> changed; ///< the same id (or the same place), different content
        int64_t lengthA = 0;
        int64_t lengthB = 0;
    };
    /// Aligns two histories event by event, by id, then by place: an event of A that B does not
    /// have, at a position where B has an event A does not have, is that event changed. Holds
    /// ids and content hashes, not events, in memory.
    static Events events(History &a, int64_t upToA, History &b, int64_t upToB);
};

} // namespace Chronoscope
