#include "log/logsummary.h"

#include "log/sqlite.h"

#include "log/branchstore.h"
#include "log/eventlog.h"
#include "log/schema.h"

#include <algorithm>
#include <map>

namespace Chronoscope {

namespace {

std::vector<std::pair<std::string, int64_t>> counts(EventLog &log, const char *sql)
{
    std::vector<std::pair<std::string, int64_t>> result;
    Sql::Statement st(Sql::databaseOf(log), sql);
    while (st.step())
        result.emplace_back(st.isNull(0) ? std::string() : std::string(st.columnText(0)),
                            st.columnInt(1));
    return result;
}

} // namespace

std::string streamFamily(const std::string &stream)
{
    const size_t dash = stream.find('-');
    return dash == std::string::npos || dash == 0 ? stream : stream.substr(0, dash);
}

LogSummary LogSummary::of(EventLog &log)
{
    LogSummary s;
    s.schemaVersion = log.schemaVersion();
    s.events = log.eventCount();
    s.results = Sql::databaseOf(log).queryInt("SELECT count(*) FROM results");
    {
        Sql::Statement st(Sql::databaseOf(log),
                          "SELECT min(recorded_at), max(recorded_at), "
                          "avg(lag), max(lag) FROM (SELECT recorded_at, CASE WHEN seq NOT "
                          "IN " CHRONOSCOPE_APPENDED_BY_MERGES
                          " THEN processed_at - recorded_at END AS lag FROM events)");
        if (st.step()) {
            s.firstRecordedAt = st.columnOptionalInt(0);
            s.lastRecordedAt = st.columnOptionalInt(1);
            if (!st.isNull(2))
                s.meanLag = static_cast<Timestamp::Micros>(st.columnDouble(2));
            s.maxLag = st.columnOptionalInt(3);
        }
    }
    s.types = counts(log,
                     "SELECT type, count(*) AS n FROM events GROUP BY type "
                     "ORDER BY n DESC, type");
    s.sources = counts(log,
                       "SELECT source, count(*) AS n FROM events GROUP BY source "
                       "ORDER BY n DESC, source");
    // The (stream, stream_version) index makes this a walk over distinct streams.
    std::map<std::string, int64_t> families;
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT stream, max(stream_version) FROM events GROUP BY stream");
    while (st.step()) {
        ++s.streams;
        families[streamFamily(std::string(st.columnText(0)))] += st.columnInt(1);
    }
    s.streamFamilies.assign(families.begin(), families.end());
    std::stable_sort(s.streamFamilies.begin(),
                     s.streamFamilies.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    s.branches = {"main"};
    for (const Branch &b : BranchStore(log).list())
        s.branches.push_back(b.name);
    return s;
}

} // namespace Chronoscope
