#include "debug/timelinedata.h"

#include "log/eventcounts.h"
#include "log/eventlog.h"
#include "log/logsummary.h"

#include <algorithm>
#include <map>

namespace Chronoscope {

namespace {

EventCounts::Key countedBy(TimelineData::Lanes lanes)
{
    switch (lanes) {
    case TimelineData::Lanes::Source:
        return EventCounts::Key::Source;
    case TimelineData::Lanes::Family:
        return EventCounts::Key::Family;
    case TimelineData::Lanes::Type:
        return EventCounts::Key::Type;
    }
    return EventCounts::Key::Type;
}

} // namespace

TimelineData TimelineData::load(EventLog &log, Lanes lanes)
{
    TimelineData data;
    data.m_laneKind = lanes;
    const auto range = EventCounts::timeRange(log);
    if (!range)
        return data;
    data.m_start = range->first;
    data.m_end = range->last;
    data.m_events = range->events;
    const double width = data.bucketWidth();

    std::map<std::string, std::vector<uint32_t>> byLane;
    EventCounts::byBucket(log,
                          countedBy(lanes),
                          data.m_start,
                          static_cast<int64_t>(width), // whole µs: the last bucket is clamped below
                          [&byLane](std::string_view lane, int64_t bucket, int64_t count) {
                              auto &buckets = byLane[std::string(lane)];
                              if (buckets.empty())
                                  buckets.assign(kBuckets, 0);
                              const auto b = std::clamp<int64_t>(bucket, 0, kBuckets - 1);
                              buckets[static_cast<size_t>(b)] += static_cast<uint32_t>(count);
                          });
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
    for (EventHeader &h : log.headersBetween(from, to, static_cast<int>(limit))) {
        Mark m;
        m.seq = h.seq;
        m.recordedAt = h.recordedAt;
        m.processedAt = h.processedAt;
        m.lane = laneOf(h.source, h.stream, h.type);
        m.id = std::move(h.id);
        m.causationId = std::move(h.causationId);
        marks.push_back(std::move(m));
    }
    return marks;
}

} // namespace Chronoscope
