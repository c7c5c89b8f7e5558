#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// How merged branches change main's replay without deleting anything: a reversed event is
/// replaced by its correction (or by nothing), an inserted event is applied right after its
/// anchor, and the appended corrections are passed over where they were recorded.
struct Corrections
{
    /// Appended corrections and insertions: applied at another place, not at their own seq.
    std::set<int64_t> appliedElsewhere;
    /// seq → the seqs to apply instead of it, in order (empty: the event is only reversed).
    std::map<int64_t, std::vector<int64_t>> applyInstead;
    /// Reversed events: seq → "branch NAME: REASON", for showing.
    std::map<int64_t, std::string> reversed;

    bool empty() const { return appliedElsewhere.empty() && applyInstead.empty(); }
    /// What to apply at `seq`, in order.
    std::vector<int64_t> at(int64_t seq) const;

    static Corrections load(EventLog &log);
};

} // namespace Chronoscope
