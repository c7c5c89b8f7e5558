#pragma once

#include "base/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>

namespace Chronoscope {

/// Which part of a store an import reads. Every member is pushed down to the server where the
/// store can answer it (SQL for PostgreSQL, the subject filter for JetStream). `stream` and `type`
/// are globs with SQLite's GLOB syntax (`*`, `?`, `[…]`), the same as the other commands'
/// `--stream` and `--type`.
struct SourceSlice
{
    std::optional<std::string> stream;
    std::optional<std::string> type;
    std::optional<std::string> correlation;
    std::optional<Timestamp::Micros> since; ///< recorded at or after
    std::optional<Timestamp::Micros> until; ///< recorded before

    /// The slice as compact JSON with its members in a fixed order: with the source, the key
    /// under which the log remembers how far it has read.
    std::string key() const;
    bool empty() const;
};

} // namespace Chronoscope
