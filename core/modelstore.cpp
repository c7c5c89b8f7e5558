#include "modelstore.h"

#include "eventlog.h"
#include "jsmodel.h"
#include "snapshotstore.h"

namespace Chronoscope::ModelStore {

StoredModel set(EventLog &log, const std::string &source, const std::string &sourceName)
{
    const JsModel model(source, sourceName);
    StoredModel stored{model.name(), model.hash(), source, Timestamp::now()};
    Sql::Statement st(log.database(),
                      "INSERT INTO models (name, hash, source, set_at) VALUES (?, ?, ?, ?)");
    st.bind(1, std::string_view(stored.name));
    st.bind(2, std::string_view(stored.hash));
    st.bind(3, std::string_view(stored.source));
    st.bind(4, stored.setAt);
    st.run();
    SnapshotStore::removeOtherModels(log, stored.hash); // states replayed with older code
    return stored;
}

std::optional<StoredModel> current(EventLog &log)
{
    Sql::Statement st(log.database(),
                      "SELECT name, hash, source, set_at FROM models ORDER BY id DESC LIMIT 1");
    if (!st.step())
        return std::nullopt;
    return StoredModel{std::string(st.columnText(0)),
                       std::string(st.columnText(1)),
                       std::string(st.columnText(2)),
                       st.columnInt(3)};
}

std::unique_ptr<Model> load(EventLog &log)
{
    if (const auto stored = current(log))
        return std::make_unique<JsModel>(stored->source,
                                         log.path() + " (model " + stored->name + ")");
    return std::make_unique<GenericModel>();
}

} // namespace Chronoscope::ModelStore
