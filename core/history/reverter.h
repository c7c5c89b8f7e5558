#pragma once

#include <cstdint>
#include <string>

namespace Chronoscope {

class EventLog;

/// "Revert to event X" the audit way: every event of main after X is marked as reversed by a
/// correction record — nothing is deleted — so main's replay ends in the state after X while
/// `export` still lists every recorded event. The revert is recorded as a merged branch of its
/// own (`revert-to-X`, truncated at X), so the corrections name a branch like a merge's do, and
/// the window and `export` mark the reversed events the same way.
class Reverter
{
public:
    struct Plan
    {
        int64_t to = 0;     ///< the last event kept
        int64_t first = 0;  ///< the first event reversed
        int64_t last = 0;   ///< the last event reversed
        int64_t events = 0; ///< how many
        std::string branch; ///< the branch the corrections will name
    };

    /// What reverting to `to` would do, checked; writes nothing. Throws Error (Conflict) when
    /// nothing follows `to`, or an event after it was already reversed or is a merge's
    /// correction (revert to a point after it instead).
    static Plan plan(EventLog &log, int64_t to);
    /// Reverts in one transaction: all of it, or nothing. Stored states are dropped (main's
    /// replay changed).
    static Plan revert(EventLog &log, int64_t to, const std::string &reason);
};

} // namespace Chronoscope
