#pragma once

#include <cstdint>
#include <map>
#include <optional>
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

    /// One recorded correction, as a merge writes it.
    struct Record
    {
        std::string branch;
        std::string kind; ///< "reverse" or "insert"
        int64_t targetSeq = 0;
        std::optional<int64_t> appendedSeq;
        std::string reason;
        int64_t mergedAt = 0;
    };
    static void record(EventLog &log, const Record &record);
    /// The reversed events, seq → the correction that reversed it (its appended event, if any).
    static std::map<int64_t, Record> reversals(EventLog &log);
    /// The branch that reversed an event; nullopt when none did.
    static std::optional<std::string> reversedBy(EventLog &log, int64_t seq);
    /// The seqs a branch's merge appended to main, in order.
    static std::vector<int64_t> appendedBy(EventLog &log, const std::string &branch);
};

} // namespace Chronoscope
