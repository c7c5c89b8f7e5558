#include "log/importstore.h"

#include "log/sqlite.h"

#include <nlohmann/json.hpp>

namespace Chronoscope::ImportStore {

void record(EventLog &log, const ImportRecord &import)
{
    const nlohmann::json files = import.files;
    Sql::Statement st(Sql::databaseOf(log),
                      "INSERT INTO imports (files, format, first_seq, last_seq, skipped, "
                      "imported_at) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, std::string_view(files.dump()));
    st.bind(2, std::string_view(import.format));
    st.bindOptional(3, import.firstSeq);
    st.bindOptional(4, import.lastSeq);
    st.bind(5, import.skipped);
    st.bind(6, import.importedAt);
    st.run();
}

} // namespace Chronoscope::ImportStore
