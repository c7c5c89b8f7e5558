#include "log/modelstore.h"

#include "log/sqlite.h"

#include "log/eventlog.h"
#include "log/snapshotstore.h"

namespace Chronoscope::ModelStore {

void store(EventLog &log, const StoredModel &stored)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "INSERT INTO models (name, hash, source, set_at) VALUES (?, ?, ?, ?)");
    st.bind(1, std::string_view(stored.name));
    st.bind(2, std::string_view(stored.hash));
    st.bind(3, std::string_view(stored.source));
    st.bind(4, stored.setAt);
    st.run();
    SnapshotStore::removeOtherModels(log, stored.hash); // states replayed with older code
}

std::optional<StoredModel> current(EventLog &log)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT name, hash, source, set_at FROM models ORDER BY id DESC LIMIT 1");
    if (!st.step())
        return std::nullopt;
    return StoredModel{std::string(st.columnText(0)),
                       std::string(st.columnText(1)),
                       std::string(st.columnText(2)),
                       st.columnInt(3)};
}

} // namespace Chronoscope::ModelStore
