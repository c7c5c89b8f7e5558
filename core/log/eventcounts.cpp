#include "log/eventcounts.h"

#include "log/sqlite.h"

#include <string>

namespace Chronoscope::EventCounts {

std::optional<TimeRange> timeRange(EventLog &log)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT min(recorded_at), max(recorded_at), count(*) FROM events");
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return TimeRange{st.columnInt(0), st.columnInt(1), st.columnInt(2)};
}

void byBucket(EventLog &log,
              Key key,
              Timestamp::Micros start,
              int64_t width,
              const std::function<void(std::string_view key, int64_t bucket, int64_t count)> &visit)
{
    const char *column = key == Key::Type     ? "type"
                         : key == Key::Source ? "coalesce(source, '')"
                         : key == Key::Stream
                                 ? "stream"
                                 : "CASE WHEN instr(stream, '-') > 1 "
                                   "THEN substr(stream, 1, instr(stream, '-') - 1) ELSE stream END";
    const std::string sql = std::string("SELECT ") + column
                            + ", CAST((recorded_at - ?1) / ?2 AS INTEGER), count(*) FROM events "
                              "GROUP BY 1, 2";
    Sql::Statement st(Sql::databaseOf(log), sql.c_str());
    st.bind(1, start);
    st.bind(2, width);
    while (st.step())
        visit(st.columnText(0), st.columnInt(1), st.columnInt(2));
}

void byType(EventLog &log, const std::function<void(std::string_view type, int64_t count)> &visit)
{
    Sql::Statement st(Sql::databaseOf(log), "SELECT type, count(*) FROM events GROUP BY type");
    while (st.step())
        visit(st.columnText(0), st.columnInt(1));
}

void bySourceAndType(
        EventLog &log,
        const std::function<void(std::string_view source, std::string_view type, int64_t count)>
                &visit)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT source, type, count(*) FROM events WHERE source IS NOT NULL "
                      "GROUP BY source, type");
    while (st.step())
        visit(st.columnText(0), st.columnText(1), st.columnInt(2));
}

void bySourceAndCauseType(
        EventLog &log,
        const std::function<
                void(std::string_view source, std::string_view causeType, int64_t count)> &visit)
{
    Sql::Statement st(Sql::databaseOf(log),
                      "SELECT effect.source, cause.type, count(*) FROM events effect "
                      "JOIN events cause ON cause.id = effect.causation_id "
                      "WHERE effect.source IS NOT NULL GROUP BY effect.source, cause.type");
    while (st.step())
        visit(st.columnText(0), st.columnText(1), st.columnInt(2));
}

} // namespace Chronoscope::EventCounts
