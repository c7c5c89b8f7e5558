#include "commands.h"

namespace Chronoscope::Cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> list = {
            {"import",
             "LOG FILE...   import JSON Lines or CloudEvents files, atomically",
             runImport},
            {"export", "LOG           write the events as JSON Lines or CloudEvents", runExport},
            {"info", "LOG           counts, streams, types, time range, branches", runInfo},
            {"events",
             "LOG           list events, filtered by stream, type, source, seq",
             runEvents},
            {"append", "LOG           append one event with an expected stream version", runAppend},
            {"sample",
             "LOG           write the shop history of the article into a new log",
             runSample},
            {"state",
             "LOG           the replayed state at a revision, or one step explained",
             runState},
            {"model",
             "LOG           store the JavaScript model the log replays with, or show it",
             runModel},
            {"verify", "LOG           replay twice and check that the states agree", runVerify},
    };
    return list;
}

} // namespace Chronoscope::Cli
