#pragma once

#include "base/timestamp.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace Chronoscope {

class EventLog;

/// Aggregates over main's recorded events, counted by the log's indexes without reading a
/// payload: for the timeline, the rates and the event chain.
namespace EventCounts {

struct TimeRange
{
    Timestamp::Micros first = 0;
    Timestamp::Micros last = 0;
    int64_t events = 0;
};
/// The first and last recording time; nullopt for a log without events.
std::optional<TimeRange> timeRange(EventLog &log);

/// What events are counted by: type, source ("" for none), stream, or the stream's family (its
/// name up to the first '-', as streamFamily() in log/logsummary.h: "order-17" → "order").
enum class Key { Type, Source, Stream, Family };
/// Counts the events per key and per time bucket of `width` µs from `start` (the bucket of an
/// event is (recorded_at - start) / width, truncated), in no particular order.
void byBucket(
        EventLog &log,
        Key key,
        Timestamp::Micros start,
        int64_t width,
        const std::function<void(std::string_view key, int64_t bucket, int64_t count)> &visit);

/// How many events each type has.
void byType(EventLog &log, const std::function<void(std::string_view type, int64_t count)> &visit);
/// How many events of each type each source recorded (events without a source left out).
void bySourceAndType(
        EventLog &log,
        const std::function<void(std::string_view source, std::string_view type, int64_t count)>
                &visit);
/// How many events of each source were caused by an event of each type: who listens to what.
void bySourceAndCauseType(
        EventLog &log,
        const std::function<
                void(std::string_view source, std::string_view causeType, int64_t count)> &visit);

} // namespace EventCounts

} // namespace Chronoscope
