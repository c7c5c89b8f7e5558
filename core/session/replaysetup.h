#pragma once

#include "log/history.h"
#include "log/snapshotstore.h"
#include "replay/model.h"
#include "replay/replayer.h"

#include <cstdint>
#include <memory>
#include <set>
#include <string>

namespace Chronoscope {

class EventLog;
class ReprocessingCache;

/// One replay, wired — the one place that is done, for the window's replay worker, the command
/// line and comparisons: the history of a revision (main or a branch, see BranchHistory::open),
/// the model it replays with (the one given, else the nearest branch's own, else the log's),
/// a replayer over both, and the log's stored states where they apply (main, nothing ignored).
/// The log must outlive the setup.
struct ReplaySetup
{
    struct Options
    {
        std::unique_ptr<Model> model;              ///< none: the history's own
        std::set<int64_t> ignored;                 ///< replayed as if they had not happened
        ReprocessingCache *reprocessing = nullptr; ///< where re-processed branches are remembered
        bool storedStates = true;                  ///< read and write the log's stored states
    };

    /// Throws Error for a revision the log does not have, or a model that does not load.
    ReplaySetup(EventLog &log, const std::string &revision, Options options);
    ReplaySetup(EventLog &log, const std::string &revision);
    ReplaySetup(ReplaySetup &&) = default;
    ~ReplaySetup();

    std::unique_ptr<History> history;
    int64_t position = 0; ///< where the revision ends in the history
    std::unique_ptr<Model> model;
    std::unique_ptr<SnapshotStore> store; ///< null on a branch, or without stored states
    std::unique_ptr<Replayer> replayer;
    std::set<int64_t> ignored;
};

} // namespace Chronoscope
