#pragma once

#include "log/snapshotstore.h"
#include "replay/model.h"

#include <memory>
#include <optional>
#include <string>

namespace Chronoscope {
class EventLog;
}

namespace Chronoscope::Cli {

/// How often commands store replayed states in the log.
constexpr int64_t kStoredInterval = SnapshotStore::kInterval;

/// The source of a model file; throws Error (Input) when it cannot be read.
std::string readModelSource(const std::string &file);

/// The model a command replays with: the file given with --model, else the model stored in the
/// log, else the generic model.
std::unique_ptr<Model> loadModel(EventLog &log, const std::optional<std::string> &file);

} // namespace Chronoscope::Cli
