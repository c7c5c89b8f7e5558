#pragma once

#include "base/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>

namespace Chronoscope {

/// The canonical event record (docs/architecture.md, "The contracts the code relies on"). `data`,
/// `metadata` and `result` hold minified JSON text exactly as stored in the log; parse them only
/// where you need the values.
struct Event
{
    int64_t seq = 0;
    std::string id;
    std::string stream;
    int64_t streamVersion = 0;
    std::string type;
    int64_t schemaVersion = 1;
    std::optional<std::string> source;
    Timestamp::Micros recordedAt = 0;
    std::optional<Timestamp::Micros> processedAt;
    std::optional<std::string> causationId;
    std::optional<std::string> correlationId;
    std::string data = "null";
    std::string metadata = "{}";
    /// The mutable processing result stored beside the event, if any (not part of the event).
    std::optional<std::string> result;
};

/// The columns of an event that lists show, without its payload.
struct EventHeader
{
    int64_t seq = 0;
    std::string id;
    std::string stream;
    int64_t streamVersion = 0;
    std::string type;
    std::optional<std::string> source;
    Timestamp::Micros recordedAt = 0;
    std::optional<Timestamp::Micros> processedAt;
    std::optional<std::string> causationId;

    static EventHeader of(const Event &e)
    {
        return {e.seq,
                e.id,
                e.stream,
                e.streamVersion,
                e.type,
                e.source,
                e.recordedAt,
                e.processedAt,
                e.causationId};
    }
};

} // namespace Chronoscope
