#pragma once

#include "session/replaysetup.h"

#include <set>
#include <string>

#include <QString>

namespace Chronoscope {
class EventLog;
}

namespace Chronoscope::Cli {

class CommandLine;

/// What the commands that replay share: --model FILE.js and --ignore SEQ,….
void addReplayOptions(CommandLine &cl);

/// The replay a command asks for: the revision's history with the model the options ask for —
/// --model, else the branch's model, else the log's (see loadModel()) — the events of --ignore
/// ignored, and the log's stored states used (main, nothing ignored).
ReplaySetup replayFor(EventLog &log, const CommandLine &cl, const std::string &revision = "main");

/// "3,17,42" → {3, 17, 42}; throws Error (Input) naming the option for anything else.
std::set<int64_t> parseSeqList(const std::string &option, const QString &text);

} // namespace Chronoscope::Cli
