#pragma once

#include "base/error.h"
#include "log/branch.h"

#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Chronoscope {

/// What re-processing branches with their models' handlers derived, remembered for as long as
/// what it depends on (main's length, the branches on the way, the model) stays as it is: the
/// last few, shared by every opening that is handed the same cache (the window's replay, its
/// reader and its panels each open the followed branch on a thread of their own). Owned by
/// whoever opens histories repeatedly — the window owns one; a command opens without.
/// Thread-safe.
class ReprocessingCache
{
public:
    /// One re-processing: whether the model has handlers, and the edits they derived — or the
    /// error it failed with (a model's failures are as deterministic as its results).
    struct Result
    {
        bool handlers = false;
        std::vector<BranchEdit> edits;
        std::optional<Error> error;
    };

    std::optional<Result> find(const std::string &key);
    void store(const std::string &key, Result result);

private:
    static constexpr size_t kEntries = 16;

    std::mutex m_mutex;
    std::deque<std::pair<std::string, Result>> m_entries; // newest first
};

} // namespace Chronoscope
