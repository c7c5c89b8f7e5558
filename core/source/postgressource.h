#pragma once

#include "source/eventsource.h"
#include "source/postgreslayout.h"
#include "source/sourceslice.h"

#include <chrono>
#include <memory>
#include <optional>

namespace simdjson::dom {
class parser;
}

namespace Chronoscope {

class PgConnection;

/// A PostgreSQL events table read page by page on its global order (keyset paging: memory stays
/// flat at any size), with the slice in each page's WHERE clause.
///
/// A sequence hands out positions when a writer inserts, not when it commits, so a reader can
/// see position 11 before 10 is committed — or 10 may never be, when its writer rolls back.
/// head() therefore moves past a hole only when every transaction that was open when the hole
/// was seen has ended (txid_snapshot_xmin), or after the gap wait, with a warning naming the
/// positions.
class PostgresSource final : public EventSource
{
public:
    PostgresSource(const SourceSpec &spec, const SourceSlice &slice, const SourceOptions &options);
    ~PostgresSource() override;

    const std::string &uri() const override { return m_uri; }
    int64_t head(std::vector<std::string> &warnings) override;
    bool settling() const override { return m_pending.has_value(); }
    SourceRead read(int64_t after, int64_t through, size_t max) override;
    int64_t count(int64_t after, int64_t through) override;

private:
    using Clock = std::chrono::steady_clock;
    struct Pending
    {
        int64_t top = 0;
        Clock::time_point seen;
        std::optional<int64_t> xmax; ///< the next transaction id, taken a moment after `seen`
    };

    void buildQuery();
    SourceEvent map(const class PgResult &rows, int row);
    std::string json(std::string_view text, const char *column, int64_t position, bool object);
    std::string missingPositions(int64_t after, int64_t through);

    std::string m_uri;
    SourceSlice m_slice;
    SourceOptions m_options;
    std::unique_ptr<PgConnection> m_connection;
    PostgresLayout m_layout;
    std::string m_query;
    std::string m_countQuery;
    std::vector<std::optional<std::string>> m_filterParameters; // $4…
    int64_t m_settled = 0;
    std::optional<Pending> m_pending;
    /// Behind a pointer: the parser's layout depends on how simdjson was configured, which
    /// only this library's sources know.
    std::unique_ptr<simdjson::dom::parser> m_parser;
};

} // namespace Chronoscope
