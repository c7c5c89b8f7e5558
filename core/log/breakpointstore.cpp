#include "log/breakpointstore.h"

#include "log/sqlite.h"

#include "base/error.h"
#include "base/timestamp.h"
#include "log/eventlog.h"

#include <sqlite3.h>

namespace Chronoscope {

BreakpointStore::BreakpointStore(EventLog &log)
    : m_log(log)
{}

std::vector<Breakpoint> BreakpointStore::list()
{
    std::vector<Breakpoint> result;
    Sql::Statement st(Sql::databaseOf(m_log),
                      "SELECT id, kind, pattern, enabled, hits FROM breakpoints ORDER BY id");
    while (st.step()) {
        Breakpoint b;
        b.id = st.columnInt(0);
        b.kind = Breakpoint::kindNamed(std::string(st.columnText(1)))
                         .value_or(Breakpoint::Kind::Type);
        b.pattern = st.columnText(2);
        b.enabled = st.columnInt(3) != 0;
        b.hits = st.columnInt(4);
        result.push_back(std::move(b));
    }
    return result;
}

Breakpoint BreakpointStore::add(Breakpoint::Kind kind, const std::string &pattern)
{
    if (pattern.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error::input(std::string("a ") + Breakpoint::kindName(kind)
                           + " breakpoint needs a pattern");
    Sql::Statement st(Sql::databaseOf(m_log),
                      "INSERT INTO breakpoints (kind, pattern, created_at) VALUES (?, ?, ?)");
    st.bind(1, std::string_view(Breakpoint::kindName(kind)));
    st.bind(2, std::string_view(pattern));
    st.bind(3, Timestamp::now());
    st.run();
    Breakpoint b;
    b.id = sqlite3_last_insert_rowid(Sql::databaseOf(m_log).handle());
    b.kind = kind;
    b.pattern = pattern;
    return b;
}

void BreakpointStore::setEnabled(int64_t id, bool enabled)
{
    Sql::Statement st(Sql::databaseOf(m_log), "UPDATE breakpoints SET enabled = ? WHERE id = ?");
    st.bind(1, int64_t(enabled ? 1 : 0));
    st.bind(2, id);
    st.run();
    requireChanged(id);
}

void BreakpointStore::remove(int64_t id)
{
    Sql::Statement st(Sql::databaseOf(m_log), "DELETE FROM breakpoints WHERE id = ?");
    st.bind(1, id);
    st.run();
    requireChanged(id);
}

void BreakpointStore::recordHit(int64_t id)
{
    Sql::Statement st(Sql::databaseOf(m_log),
                      "UPDATE breakpoints SET hits = hits + 1 WHERE id = ?");
    st.bind(1, id);
    st.run();
}

void BreakpointStore::requireChanged(int64_t id)
{
    if (sqlite3_changes(Sql::databaseOf(m_log).handle()) == 0)
        throw Error::notFound("there is no breakpoint " + std::to_string(id));
}

} // namespace Chronoscope
