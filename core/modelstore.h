#pragma once

#include <memory>
#include <optional>
#include <string>

namespace Chronoscope {

class EventLog;
class Model;

/// The model source stored in a log: what the log replays with when no other model is given.
struct StoredModel
{
    std::string name;
    std::string hash;
    std::string source;
    int64_t setAt = 0;
};

namespace ModelStore {

/// Stores a model as the log's current one; the source is checked by loading it first, so a
/// broken model is refused (Error, kind Input) and nothing is written.
StoredModel set(EventLog &log, const std::string &source, const std::string &sourceName);
std::optional<StoredModel> current(EventLog &log);
/// The model the log replays with: its stored model, else the generic merge-patch model.
std::unique_ptr<Model> load(EventLog &log);

} // namespace ModelStore

} // namespace Chronoscope
