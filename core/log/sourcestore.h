#pragma once

#include "base/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// How far the log has read a slice of a live store (a PostgreSQL table, a JetStream stream).
struct SourceRecord
{
    std::string uri;   ///< without a password
    std::string slice; ///< SourceSlice::key()
    int64_t position = 0;
    int64_t events = 0;
    std::optional<int64_t> firstSeq;
    std::optional<int64_t> lastSeq;
    Timestamp::Micros firstReadAt = 0;
    Timestamp::Micros lastReadAt = 0;
};

namespace SourceStore {

std::optional<SourceRecord> find(EventLog &log, const std::string &uri, const std::string &slice);
/// Records that `events` more events were read through `position`, inside the caller's write
/// transaction (so the events and the position commit together). firstSeq and lastSeq are
/// those of this run's events, if any.
void advance(EventLog &log, const SourceRecord &run);
std::vector<SourceRecord> all(EventLog &log);

} // namespace SourceStore

} // namespace Chronoscope
