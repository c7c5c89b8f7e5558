#include "log/sourcestore.h"

#include "log/sqlite.h"

namespace Chronoscope::SourceStore {

namespace {

constexpr const char *kColumns
        = "uri, slice, position, events, first_seq, last_seq, first_read_at, last_read_at";

SourceRecord recordAt(const Sql::Statement &st)
{
    SourceRecord r;
    r.uri = st.columnText(0);
    r.slice = st.columnText(1);
    r.position = st.columnInt(2);
    r.events = st.columnInt(3);
    r.firstSeq = st.columnOptionalInt(4);
    r.lastSeq = st.columnOptionalInt(5);
    r.firstReadAt = st.columnInt(6);
    r.lastReadAt = st.columnInt(7);
    return r;
}

} // namespace

std::optional<SourceRecord> find(EventLog &log, const std::string &uri, const std::string &slice)
{
    const std::string sql
            = std::string("SELECT ") + kColumns + " FROM sources WHERE uri = ? AND slice = ?";
    Sql::Statement st(Sql::databaseOf(log), sql.c_str());
    st.bind(1, std::string_view(uri));
    st.bind(2, std::string_view(slice));
    if (!st.step())
        return std::nullopt;
    return recordAt(st);
}

void advance(EventLog &log, const SourceRecord &run)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "INSERT INTO sources (uri, slice, position, events, first_seq, last_seq, "
                      "first_read_at, last_read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (uri, slice) DO UPDATE SET position = excluded.position, "
                      "events = events + excluded.events, "
                      "first_seq = coalesce(first_seq, excluded.first_seq), "
                      "last_seq = coalesce(excluded.last_seq, last_seq), "
                      "last_read_at = excluded.last_read_at");
    st.bind(1, std::string_view(run.uri));
    st.bind(2, std::string_view(run.slice));
    st.bind(3, run.position);
    st.bind(4, run.events);
    st.bindOptional(5, run.firstSeq);
    st.bindOptional(6, run.lastSeq);
    st.bind(7, run.firstReadAt);
    st.bind(8, run.lastReadAt);
    st.run();
}

std::vector<SourceRecord> all(EventLog &log)
{
    const std::string sql = std::string("SELECT ") + kColumns + " FROM sources ORDER BY id";
    Sql::Statement st(Sql::databaseOf(log), sql.c_str());
    std::vector<SourceRecord> records;
    while (st.step())
        records.push_back(recordAt(st));
    return records;
}

} // namespace Chronoscope::SourceStore
