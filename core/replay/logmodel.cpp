#include "replay/logmodel.h"

#include "base/timestamp.h"
#include "log/eventlog.h"
#include "replay/jsmodel.h"

namespace Chronoscope::LogModel {

StoredModel set(EventLog &log, const std::string &source, const std::string &sourceName)
{
    const JsModel model(source, sourceName);
    StoredModel stored{model.name(), model.hash(), source, Timestamp::now()};
    ModelStore::store(log, stored);
    return stored;
}

std::unique_ptr<Model> load(EventLog &log)
{
    if (const auto stored = ModelStore::current(log))
        return std::make_unique<JsModel>(stored->source,
                                         log.path() + " (model " + stored->name + ")");
    return std::make_unique<GenericModel>();
}

} // namespace Chronoscope::LogModel
