#pragma once

#include "base/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Chronoscope {

class EventLog;

/// What `info` shows: counts, time range, and how events spread over streams, types and sources.
struct LogSummary
{
    int64_t events = 0;
    int64_t streams = 0;
    int64_t results = 0;
    int schemaVersion = 0;
    std::optional<Timestamp::Micros> firstRecordedAt;
    std::optional<Timestamp::Micros> lastRecordedAt;
    /// Mean and maximum of processed_at - recorded_at, over events that have both.
    std::optional<Timestamp::Micros> meanLag;
    std::optional<Timestamp::Micros> maxLag;
    std::vector<std::pair<std::string, int64_t>> types;   ///< by count, descending
    std::vector<std::pair<std::string, int64_t>> sources; ///< by count, descending
    /// Stream families ("order" for "order-31"), by count, descending.
    std::vector<std::pair<std::string, int64_t>> streamFamilies;
    std::vector<std::string> branches;

    static LogSummary of(EventLog &log);
};

/// "order" for "order-31", "payment" for "payment-7f3a"; the whole name when it has no '-'.
std::string streamFamily(const std::string &stream);

} // namespace Chronoscope
