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
            {"sample", "LOG           write a generated shop history into a new log", runSample},
            {"state",
             "LOG           the replayed state at a revision, or one step explained",
             runState},
            {"model",
             "LOG           store the JavaScript model the log replays with, or show it",
             runModel},
            {"verify", "LOG           check the log is whole and its replays agree", runVerify},
            {"snapshots",
             "LOG           list, verify or drop the replayed states stored in the log",
             runSnapshots},
            {"break",
             "LOG           add, list, enable, disable or delete breakpoints saved in the log",
             runBreak},
            {"run", "LOG           run to the next (or previous) breakpoint hit", runRun},
            {"bookmark", "LOG           name positions of the history", runBookmark},
            {"watch",
             "LOG EXPR...   evaluate expressions over the state, and what changed",
             runWatch},
            {"projections",
             "LOG           the read side at a revision: checkpoints and lag",
             runProjections},
            {"blame", "LOG           the event that last changed a path in the state", runBlame},
            {"bisect", "LOG           the first event after which a predicate holds", runBisect},
            {"rate", "LOG           event rates over time and their trend", runRate},
            {"branch", "LOG           fork, skip, insert, replace: parallel histories", runBranch},
            {"diff", "LOG A B       compare two revisions' states or events", runDiff},
            {"merge", "LOG NAME      a branch's fix onto main, nothing deleted", runMerge},
            {"revert", "LOG           main back to a revision, reversing what came after", runRevert},
            {"graph", "LOG           who emits and who listens to which events", runGraph},
    };
    return list;
}

} // namespace Chronoscope::Cli
