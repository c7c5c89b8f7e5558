#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace Chronoscope {
class EventLog;
}

namespace Chronoscope::Sql {

/// The SQLite layer of the log library: nothing outside core/log speaks SQL.
///
/// Owns one sqlite3 connection. Not thread-safe: use a connection from one thread at a time.
/// Every failing call throws Chronoscope::Error with SQLite's own message.
class Database
{
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    Database(const std::string &path, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    void exec(const char *sql);
    int64_t queryInt(const char *sql);
    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }

private:
    sqlite3 *m_db = nullptr;
    std::string m_path;
};

/// A prepared statement. bind*() take 1-based indexes like SQLite; step() returns true while a
/// row is available.
class Statement
{
public:
    Statement(Database &db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    void bind(int index, int64_t value);
    void bind(int index, std::string_view text);
    void bindBlob(int index, std::string_view bytes);
    void bindNull(int index);
    void bindOptional(int index, const std::optional<std::string> &text);
    void bindOptional(int index, const std::optional<int64_t> &value);

    bool step();
    /// Runs a statement that returns no rows and resets it; throws on failure.
    void run();
    /// Like run() but reports a constraint violation as false instead of throwing.
    bool tryRun(int *errorCode = nullptr);
    void reset();

    bool isNull(int column) const;
    int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string_view columnText(int column) const;
    std::optional<std::string> columnOptionalText(int column) const;
    std::optional<int64_t> columnOptionalInt(int column) const;

private:
    [[noreturn]] void fail(int rc) const;

    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back when destroyed without commit() — including when an
/// exception unwinds, so a failed write leaves the file as it was.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    bool m_open = true;
};

/// A check for tests: counts the statements prepared on one thread from now on (the window's
/// GUI thread, which must never wait for SQL). A default id watches no thread.
void watchThread(std::thread::id thread);
int64_t statementsPreparedOnWatchedThread();

/// Bytes SQLite holds in this process (all connections): for the benchmarks' memory figures.
int64_t memoryUsed();

/// The connection of a log, for the stores of the log layer: this header is theirs alone
/// (tests/core/check_layering.cmake keeps it inside core/log, the tests and the benchmarks).
Database &databaseOf(EventLog &log);

} // namespace Chronoscope::Sql
