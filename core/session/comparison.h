#pragma once

#include "history/historydiff.h"
#include "replay/state.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace Chronoscope {

class ReprocessingCache;

/// Two revisions compared — two branches, two positions, or a revision of a second log (the
/// "production and test databases"): each replayed with the model its history replays
/// with, the difference of the states (RFC 6902), and the events aligned (HistoryDiff).
struct Comparison
{
    struct Side
    {
        std::string logPath;
        std::string revision; ///< "main@357", "fixed", "fixed@2018-02-09T00:00:00Z", …
        /// Where re-processed branches are remembered (none: re-processed for this comparison).
        std::shared_ptr<ReprocessingCache> reprocessing = {};
    };

    Side a;
    Side b;
    int64_t positionA = 0;
    int64_t positionB = 0;
    State stateA;
    State stateB;
    nlohmann::json operations = nlohmann::json::array(); ///< turning stateA into stateB
    HistoryDiff::Events events;

    /// Opens the logs (each on its own connection) and compares. Throws Error for a log that
    /// cannot be opened, a revision that does not resolve, or a failing model.
    static Comparison run(const Side &a, const Side &b);

    /// The revision as resolved, "fixed@357".
    std::string nameA() const;
    std::string nameB() const;
    /// One line per operation: "path: before -> after".
    static std::string readable(const nlohmann::json &operations, const State &a);
    /// The events' difference as text: the first divergence, then the events only in A, only
    /// in B and changed — at most `limit` of each, then how many more and `whereAll` finds them.
    static std::string readable(const HistoryDiff::Events &events,
                                size_t limit = SIZE_MAX,
                                const std::string &whereAll = {});
    /// The whole comparison as text: the two sides, the state difference, the events.
    std::string report() const;
};

} // namespace Chronoscope
