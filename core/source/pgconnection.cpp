#include "source/pgconnection.h"

#include "base/error.h"

#include <libpq-fe.h>

#include <charconv>

namespace Chronoscope {

namespace {

std::string trimmed(const char *message)
{
    std::string text = message ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace

PgResult::PgResult(pg_result *result)
    : m_result(result)
{}

PgResult::~PgResult()
{
    PQclear(m_result);
}

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(other.m_result)
{
    other.m_result = nullptr;
}

int PgResult::rows() const
{
    return PQntuples(m_result);
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

std::string_view PgResult::text(int row, int column) const
{
    return {PQgetvalue(m_result, row, column),
            static_cast<size_t>(PQgetlength(m_result, row, column))};
}

std::optional<std::string> PgResult::optionalText(int row, int column) const
{
    if (isNull(row, column))
        return std::nullopt;
    return std::string(text(row, column));
}

int64_t PgResult::integer(int row, int column) const
{
    const std::string_view value = text(row, column);
    int64_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size())
        throw Error::input("the server sent \"" + std::string(value)
                           + "\" where an integer was "
                             "expected (column "
                           + PQfname(m_result, column) + ")");
    return n;
}

std::optional<int64_t> PgResult::optionalInteger(int row, int column) const
{
    if (isNull(row, column))
        return std::nullopt;
    return integer(row, column);
}

PgConnection::PgConnection(const std::string &connection, std::string name)
    : m_name(std::move(name))
{
    // The URI first, then what Chronoscope adds: a name the server's activity view shows, text
    // in UTF-8 whatever the database's encoding, and a session that cannot write. Later keywords
    // win over the URI's, so the URI cannot undo it.
    const char *keywords[] = {"dbname", "application_name", "client_encoding", "options", nullptr};
    const char *values[] = {connection.c_str(),
                            "chronoscope",
                            "UTF8",
                            "-c default_transaction_read_only=on",
                            nullptr};
    m_conn = PQconnectdbParams(keywords, values, /*expand_dbname*/ 1);
    if (!m_conn)
        throw Error::failed(m_name + ": out of memory connecting to the server");
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string why = trimmed(PQerrorMessage(m_conn));
        PQfinish(m_conn);
        m_conn = nullptr;
        throw Error::input(m_name + ": cannot connect: " + why);
    }
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

PgResult PgConnection::query(const std::string &sql,
                             const std::vector<std::optional<std::string>> &parameters)
{
    std::vector<const char *> values;
    values.reserve(parameters.size());
    for (const auto &p : parameters)
        values.push_back(p ? p->c_str() : nullptr);
    PGresult *raw = PQexecParams(m_conn,
                                 sql.c_str(),
                                 static_cast<int>(values.size()),
                                 nullptr,
                                 values.data(),
                                 nullptr,
                                 nullptr,
                                 0);
    const ExecStatusType status = PQresultStatus(raw);
    PgResult result(raw);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        return result;
    const std::string why = trimmed(PQerrorMessage(m_conn));
    if (PQstatus(m_conn) != CONNECTION_OK)
        throw Error::failed(m_name + ": lost the connection to the server: " + why);
    throw Error::input(m_name + ": " + why);
}

int PgConnection::serverVersion() const
{
    return PQserverVersion(m_conn) / 10000;
}

} // namespace Chronoscope
