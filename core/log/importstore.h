#pragma once

#include "base/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// Where a log's events came from: one row per import (files, format, the seqs it wrote).
struct ImportRecord
{
    std::vector<std::string> files;
    std::string format;
    std::optional<int64_t> firstSeq; ///< nullopt when the import wrote no event
    std::optional<int64_t> lastSeq;
    int64_t skipped = 0;
    Timestamp::Micros importedAt = 0;
};

namespace ImportStore {

/// Records an import, inside the import's own transaction.
void record(EventLog &log, const ImportRecord &import);

} // namespace ImportStore

} // namespace Chronoscope
