#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace Chronoscope {

/// The rows of one query. Owns the libpq result.
class PgResult
{
public:
    explicit PgResult(pg_result *result);
    ~PgResult();
    PgResult(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    int rows() const;
    bool isNull(int row, int column) const;
    std::string_view text(int row, int column) const;
    std::optional<std::string> optionalText(int row, int column) const;
    int64_t integer(int row, int column) const;
    std::optional<int64_t> optionalInteger(int row, int column) const;

private:
    pg_result *m_result;
};

/// A read-only connection to a PostgreSQL server, through libpq. Every statement runs in its own
/// transaction, read-only by the session's default (default_transaction_read_only), so nothing
/// Chronoscope sends can write, whatever the role may do. Failures are Error (Input for a
/// refused connection or a query the store cannot answer, Failed for a lost connection), named
/// by the source's URI.
class PgConnection
{
public:
    PgConnection(const std::string &connection, std::string name);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    /// Runs a query with text parameters ($1, $2…; nullopt is NULL) and returns its rows.
    PgResult query(const std::string &sql,
                   const std::vector<std::optional<std::string>> &parameters = {});
    /// The server's major version (15 for 15.4).
    int serverVersion() const;
    const std::string &name() const { return m_name; }

private:
    pg_conn *m_conn = nullptr;
    std::string m_name;
};

} // namespace Chronoscope
