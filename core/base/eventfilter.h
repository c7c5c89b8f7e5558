#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace Chronoscope {

struct Event;

/// Which events of the log a query returns. Empty members do not filter. `stream` and `type`
/// match exactly, or as a glob when they contain '*', '?' or '['.
struct EventFilter
{
    std::optional<std::string> stream;
    std::optional<std::string> type;
    std::optional<std::string> source;
    /// Words the event must contain, as a user types them (see SearchIndex). Searches the
    /// full-text index, so bring it up to date first (SearchIndex::update()).
    std::optional<std::string> search;
    int64_t fromSeq = 1;
    std::optional<int64_t> toSeq;
    std::optional<int64_t> limit;
    /// Which columns to read: everything, everything but the mutable result (replay with a user
    /// model), or only seq, stream and data (replay with the generic model); the others are left
    /// empty.
    enum class Columns { All, WithoutResult, StreamAndData };
    Columns columns = Columns::All;

    /// Whether an event read elsewhere than from the log's query (a branch's) passes the
    /// stream, type and source members, with the query's glob: SQLite's GLOB. An event with no
    /// source passes no source pattern.
    bool matches(const Event &event) const;
    /// The glob that matches exactly `text` (its *, ? and [ in brackets).
    static std::string exactGlob(const std::string &text);
    /// SQLite's GLOB: `*`, `?`, `[…]`, case-sensitive; a text without them matches only itself.
    static bool globMatches(const std::string &pattern, const std::string &text);
};

} // namespace Chronoscope
