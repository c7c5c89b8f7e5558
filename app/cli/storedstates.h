#pragma once

#include <cstdint>

namespace Chronoscope {
class EventLog;
class Model;
} // namespace Chronoscope

namespace Chronoscope::Cli {

/// Checks every state stored in the log for `model` against a replay from scratch; throws
/// Error (Failed) naming the first that differs. Returns how many were checked.
int64_t checkStoredStates(EventLog &log, Model &model, int64_t replayInterval);

} // namespace Chronoscope::Cli
