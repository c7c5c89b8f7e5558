#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// What the timeline draws from. The lanes (services, stream families or event types) and, per
/// lane, how many events fall in each of kBuckets equal slices of the log's time range —
/// computed once by one grouped query, so a zoomed-out timeline is drawn from a few thousand
/// numbers whatever the size of the log. Zoomed in, the events of the visible range are read by
/// the recorded_at index (eventsBetween()).
class TimelineData
{
public:
    enum class Lanes { Source, Family, Type };
    static constexpr int kBuckets = 8192;

    struct Mark
    {
        int64_t seq = 0;
        int64_t recordedAt = 0;
        std::optional<int64_t> processedAt;
        int lane = 0;
        std::string id;
        std::optional<std::string> causationId;
    };

    /// Reads the lanes and the density of `log`. An empty log gives no lanes.
    static TimelineData load(EventLog &log, Lanes lanes);

    Lanes laneKind() const { return m_laneKind; }
    const std::vector<std::string> &lanes() const { return m_lanes; }
    int64_t start() const { return m_start; } ///< the first recorded_at, µs
    int64_t end() const { return m_end; }     ///< the last recorded_at, µs
    int64_t eventCount() const { return m_events; }
    /// The time covered by one bucket, µs (at least 1).
    double bucketWidth() const;
    /// density()[lane][bucket]: events of the lane recorded in that bucket.
    const std::vector<std::vector<uint32_t>> &density() const { return m_density; }
    /// How many events were recorded in [from, to), estimated from the buckets.
    int64_t estimateBetween(int64_t from, int64_t to) const;

    /// The events recorded in [from, to], in time order, at most `limit`.
    std::vector<Mark> eventsBetween(EventLog &log, int64_t from, int64_t to, size_t limit) const;
    /// The lane of an event's source, stream or type; -1 when it is not one of the lanes.
    int laneOf(const std::optional<std::string> &source,
               const std::string &stream,
               const std::string &type) const;

private:
    std::string laneKey(const std::optional<std::string> &source,
                        const std::string &stream,
                        const std::string &type) const;

    Lanes m_laneKind = Lanes::Source;
    std::vector<std::string> m_lanes;
    int64_t m_start = 0;
    int64_t m_end = 0;
    int64_t m_events = 0;
    std::vector<std::vector<uint32_t>> m_density;
};

} // namespace Chronoscope

#include <QMetaType>
#include <memory>
Q_DECLARE_METATYPE(std::shared_ptr<const Chronoscope::TimelineData>)
