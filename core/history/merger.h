#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// Brings a branch's fix onto main the way an audit log must: nothing is deleted. Each skipped
/// or replaced event is marked as reversed by a correction record naming the branch and the
/// reason; replacing and inserted events are appended to main, `causation_id` pointing at what
/// they correct, and main's replay applies them in place (see Corrections), so replaying main
/// gives the branch's state. A branch with its own model makes that model main's.
class Merger
{
public:
    struct Step
    {
        std::string kind;        ///< "reverse" or "insert"
        int64_t targetSeq = 0;   ///< the reversed event, or the anchor
        std::string description; ///< for a confirmation dialog and the CLI
    };

    /// What merging would do, checked; writes nothing. Throws Error (Conflict) for a branch
    /// that is not a branch of main, is truncated, was merged already, or edits an event main
    /// has already corrected or does not have; (NotFound) no such branch.
    static std::vector<Step> plan(EventLog &log, const std::string &branch);

    struct Report
    {
        std::vector<Step> steps;
        int64_t appended = 0;
        bool modelChanged = false;
    };
    /// Merges in one transaction: all of it, or nothing.
    static Report merge(EventLog &log, const std::string &branch, const std::string &reason);
};

} // namespace Chronoscope
