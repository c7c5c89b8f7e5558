#pragma once

#include <optional>
#include <string>

namespace Chronoscope {

class EventLog;

/// The model source stored in a log: what the log replays with when no other model is given.
struct StoredModel
{
    std::string name;
    std::string hash;
    std::string source;
    int64_t setAt = 0;
};

namespace ModelStore {

/// Stores a model as the log's current one and removes the states stored for older ones. The
/// source is not checked here: LogModel::set() loads it first.
void store(EventLog &log, const StoredModel &model);
std::optional<StoredModel> current(EventLog &log);

} // namespace ModelStore

} // namespace Chronoscope
