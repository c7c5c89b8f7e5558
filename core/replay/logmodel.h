#pragma once

#include "log/modelstore.h"

#include <memory>
#include <string>

namespace Chronoscope {

class EventLog;
class Model;

/// The model a log replays with, loaded from the source the log stores (log/modelstore.h).
namespace LogModel {

/// Stores a model as the log's current one; the source is checked by loading it first, so a
/// broken model is refused (Error, kind Input) and nothing is written.
StoredModel set(EventLog &log, const std::string &source, const std::string &sourceName);
/// The log's stored model, else the generic merge-patch model.
std::unique_ptr<Model> load(EventLog &log);

} // namespace LogModel

} // namespace Chronoscope
