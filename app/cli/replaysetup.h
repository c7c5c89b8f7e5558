#pragma once

#include "log/history.h"
#include "log/snapshotstore.h"
#include "replay/model.h"
#include "replay/replayer.h"

#include <memory>
#include <set>

#include <QString>

namespace Chronoscope {
class EventLog;
}

namespace Chronoscope::Cli {

class CommandLine;

/// What the commands that replay share: --model FILE.js and --ignore SEQ,….
void addReplayOptions(CommandLine &cl);

/// A replayer over the history of a revision (main or a branch) with the model the options ask
/// for — --model, else the branch's model, else the log's (see loadModel()) — the events of
/// --ignore ignored, and the log's stored states used (main, nothing ignored).
struct ReplaySetup
{
    ReplaySetup(EventLog &log, const CommandLine &cl, const std::string &revision = "main");

    std::unique_ptr<History> history;
    int64_t position = 0; ///< where the revision ends in the history
    std::unique_ptr<Model> model;
    std::unique_ptr<SnapshotStore> store;
    std::unique_ptr<Replayer> replayer;
    std::set<int64_t> ignored;
};

/// "3,17,42" → {3, 17, 42}; throws Error (Input) naming the option for anything else.
std::set<int64_t> parseSeqList(const std::string &option, const QString &text);

} // namespace Chronoscope::Cli
