#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace Chronoscope {

/// Which events of the log a query returns. Empty members do not filter. `stream` and `type`
/// match exactly, or as a glob when they contain '*', '?' or '['.
struct EventFilter
{
    std::optional<std::string> stream;
    std::optional<std::string> type;
    std::optional<std::string> source;
    int64_t fromSeq = 1;
    std::optional<int64_t> toSeq;
    std::optional<int64_t> limit;
    /// Whether to read each event's mutable result (replay does not need it).
    bool withResults = true;
};

} // namespace Chronoscope
