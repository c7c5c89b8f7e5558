#include "debug/timelinedata.h"

#include "log/eventlog.h"
#include "log/logsummary.h"

#include <algorithm>
#include <map>

namespace Chronoscope {

namespace {

// The lane key as SQL, so that the density is grouped by SQLite: the family is the stream's
// name up to its first '-' (see streamFamily()).
const char *laneColumn(TimelineData::Lanes lanes)
{
    switch (lanes) {
    case TimelineData::Lanes::Source:
        return "coalesce(source, '')";
    case TimelineData::Lanes::Family:
        return "CASE WHEN instr(stream, '-') > 1 THEN substr(stream, 1, instr(stream, '-') - 1) "
               "ELSE stream END";
    case TimelineData::Lanes::Type:
        return "type";
    }
    return "type";
}

} // namespace

TimelineData TimelineData::load(EventLog &log, Lanes lanes)
{
    TimelineData data;
    data.m_laneKind = lanes;
    Sql::Statement range(log.database(),
                         "SELECT min(recorded_at), max(recorded_at), count(*) FROM events");
    if (!range.step() || range.isNull(0))
        return data;
    data.m_start = range.columnInt(0);
    data.m_end = range.columnInt(1);
    data.m_events = range.columnInt(2);
    const double width = data.bucketWidth();

    const std::string sql = std::string("SELECT ") + laneColumn(lanes)
                            + ", CAST((recorded_at - ?1) / ?2 AS INTEGER), count(*) FROM events "
                              "GROUP BY 1, 2";
    Sql::Statement st(log.database(), sql.c_str());
    st.bind(1, data.m_start);
    st.bind(2, static_cast<int64_t>(width)); // whole µs: the last bucket is clamped below
    std::map<std::string, std::vector<uint32_t>> byLane;
    while (st.step()) {
        auto &buckets = byLane[std::string(st.columnText(0))];
        if (buckets.empty())
            buckets.assign(kBuckets, 0);
        const auto bucket = std::clamp<int64_t>(st.columnInt(1), 0, kBuckets - 1);
        buckets[static_cast<size_t>(bucket)] += static_cast<uint32_t>(st.columnInt(2));
    }
    // Lanes by how many events they have, busiest first.
    std::vector<std::pair<int64_t, std::string>> order;
    for (const auto &[lane, buckets] : byLane) {
        int64_t total = 0;
        for (const uint32_t n : buckets)
            total += n;
        order.emplace_back(-total, lane);
    }
    std::sort(order.begin(), order.end());
    for (const auto &[negativeTotal, lane] : order) {
        data.m_lanes.push_back(lane);
        data.m_density.push_back(std::move(byLane[lane]));
    }
    return data;
}

double TimelineData::bucketWidth() const
{
    // Whole microseconds, so that SQL's integer division and ours agree.
    return static_cast<double>(std::max<int64_t>(1, (m_end - m_start) / kBuckets + 1));
}

int64_t TimelineData::estimateBetween(int64_t from, int64_t to) const
{
    if (m_density.empty() || to <= from)
        return 0;
    const double width = bucketWidth();
    const auto first = std::clamp<int64_t>(
            static_cast<int64_t>((static_cast<double>(from - m_start)) / width), 0, kBuckets - 1);
    const auto last = std::clamp<int64_t>(
            static_cast<int64_t>((static_cast<double>(to - m_start)) / width), 0, kBuckets - 1);
    int64_t total = 0;
    for (const auto &lane : m_density)
        for (int64_t b = first; b <= last; ++b)
            total += lane[static_cast<size_t>(b)];
    return total;
}

std::string TimelineData::laneKey(const std::optional<std::string> &source,
                                  const std::string &stream,
                                  const std::string &type) const
{
    switch (m_laneKind) {
    case Lanes::Source:
        return source.value_or("");
    case Lanes::Family:
        return streamFamily(stream);
    case Lanes::Type:
        return type;
    }
    return type;
}

int TimelineData::laneOf(const std::optional<std::string> &source,
                         const std::string &stream,
                         const std::string &type) const
{
    const std::string key = laneKey(source, stream, type);
    const auto it = std::find(m_lanes.begin(), m_lanes.end(), key);
    return it == m_lanes.end() ? -1 : static_cast<int>(it - m_lanes.begin());
}

std::vector<TimelineData::Mark>
TimelineData::eventsBetween(EventLog &log, int64_t from, int64_t to, size_t limit) const
{
    std::vector<Mark> marks;
    Sql::Statement st(log.database(),
                      "SELECT seq, recorded_at, processed_at, source, stream, type, id, "
                      "causation_id FROM events WHERE recorded_at BETWEEN ? AND ? "
                      "ORDER BY recorded_at, seq LIMIT ?");
    st.bind(1, from);
    st.bind(2, to);
    st.bind(3, static_cast<int64_t>(limit));
    while (st.step()) {
        Mark m;
        m.seq = st.columnInt(0);
        m.recordedAt = st.columnInt(1);
        m.processedAt = st.columnOptionalInt(2);
        m.lane = laneOf(st.columnOptionalText(3),
                        std::string(st.columnText(4)),
                        std::string(st.columnText(5)));
        m.id = st.columnText(6);
        m.causationId = st.columnOptionalText(7);
        marks.push_back(std::move(m));
    }
    return marks;
}

} // namespace Chronoscope
