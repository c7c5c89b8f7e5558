#include "log/sqlite.h"

#include "base/error.h"

#include <atomic>
#include <cstdlib>
#include <thread>
#include <unistd.h>

namespace Chronoscope::Sql {

namespace {

std::string messageOf(sqlite3 *db, int rc)
{
    const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return msg ? std::string(msg) : std::string(sqlite3_errstr(rc));
}

// The crash-consistency tests end the process (as a power loss or a kill would) just before the
// Nth statement that writes, for every N, and check that the log is whole afterwards.
void crashPoint(bool writes)
{
    static const int64_t crashBefore = [] {
        const char *text = std::getenv("CHRONOSCOPE_TEST_CRASH_BEFORE_WRITE");
        return text ? std::atoll(text) : 0;
    }();
    static std::atomic<int64_t> written{0};
    if (crashBefore > 0 && writes && ++written >= crashBefore)
        ::_exit(86);
}

} // namespace

Database::Database(const std::string &path, Mode mode)
    : m_path(path)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = messageOf(m_db, rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error::input(path + ": cannot open: " + msg);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Concurrent writers (another process appending) wait for each other instead of failing.
    sqlite3_busy_timeout(m_db, 30000);
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

void Database::exec(const char *sql)
{
    crashPoint(true);
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw Error::failed(m_path + ": " + msg);
    }
}

int64_t Database::queryInt(const char *sql)
{
    Statement st(*this, sql);
    return st.step() ? st.columnInt(0) : 0;
}

namespace {

std::atomic<std::thread::id> g_watchedThread{};
std::atomic<int64_t> g_preparedOnWatched{0};

} // namespace

void watchThread(std::thread::id thread)
{
    g_watchedThread = thread;
    g_preparedOnWatched = 0;
}

int64_t statementsPreparedOnWatchedThread()
{
    return g_preparedOnWatched;
}

Statement::Statement(Database &db, const char *sql)
    : m_db(db)
{
    if (g_watchedThread.load(std::memory_order_relaxed) == std::this_thread::get_id())
        ++g_preparedOnWatched;
    const int rc
            = sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(rc);
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::bindBlob(int index, std::string_view bytes)
{
    sqlite3_bind_blob(
            m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void Statement::bindOptional(int index, const std::optional<std::string> &text)
{
    if (text)
        bind(index, std::string_view(*text));
    else
        bindNull(index);
}

void Statement::bindOptional(int index, const std::optional<int64_t> &value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

bool Statement::step()
{
    crashPoint(!sqlite3_stmt_readonly(m_stmt));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    fail(rc);
}

void Statement::run()
{
    step();
    reset();
}

bool Statement::tryRun(int *errorCode)
{
    crashPoint(!sqlite3_stmt_readonly(m_stmt));
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    if (errorCode)
        *errorCode = rc;
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return true;
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return false;
    fail(rc);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int64_t Statement::columnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return {};
    return std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<std::string> Statement::columnOptionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return std::string(columnText(column));
}

std::optional<int64_t> Statement::columnOptionalInt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return columnInt(column);
}

void Statement::fail(int rc) const
{
    const std::string msg = messageOf(m_db.handle(), rc);
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        throw Error::conflict(m_db.path() + ": " + msg);
    throw Error::failed(m_db.path() + ": " + msg);
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_open)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

int64_t memoryUsed()
{
    return sqlite3_memory_used();
}

} // namespace Chronoscope::Sql
