#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace Chronoscope {

class EventLog;

/// The full-text index of the log's events (SQLite FTS5, kept in the log): type, stream,
/// source, id, data and metadata, split into words. It is built lazily — the first search
/// indexes the events recorded since the last one — so importing stays as fast as it is.
///
/// Queries are words that must all occur (`refund order-31`: "order-31" is the phrase
/// "order 31"); a word ending in `*` matches as a prefix.
class SearchIndex
{
public:
    explicit SearchIndex(EventLog &log);

    /// The last seq the index covers.
    int64_t indexedUpTo();
    /// Indexes the events recorded since; returns how many. `progress` gets (done, total) and
    /// may return false to stop (what was indexed so far is kept).
    int64_t update(const std::function<bool(int64_t done, int64_t total)> &progress = {});

    /// The FTS5 query for what a user typed; throws Error (Input) when it has no word.
    static std::string matchQuery(const std::string &text);

private:
    EventLog &m_log;
};

} // namespace Chronoscope
