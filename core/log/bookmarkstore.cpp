#include "log/bookmarkstore.h"

#include "log/sqlite.h"

#include "base/error.h"
#include "base/timestamp.h"
#include "log/eventlog.h"

#include <sqlite3.h>

namespace Chronoscope {

BookmarkStore::BookmarkStore(EventLog &log)
    : m_log(log)
{}

std::vector<BookmarkStore::Bookmark> BookmarkStore::list()
{
    std::vector<Bookmark> result;
    Sql::Statement st(Sql::databaseOf(m_log), "SELECT seq, name FROM bookmarks ORDER BY seq");
    while (st.step())
        result.push_back({st.columnInt(0), std::string(st.columnText(1))});
    return result;
}

void BookmarkStore::set(int64_t seq, const std::string &name)
{
    if (seq < 1 || seq > m_log.eventCount())
        throw Error::notFound("event " + std::to_string(seq) + " is not in the log");
    Sql::Statement st(Sql::databaseOf(m_log),
                      "INSERT INTO bookmarks (seq, name, created_at) VALUES (?, ?, ?) "
                      "ON CONFLICT (seq) DO UPDATE SET name = excluded.name");
    st.bind(1, seq);
    st.bind(2, std::string_view(name));
    st.bind(3, Timestamp::now());
    st.run();
}

void BookmarkStore::remove(int64_t seq)
{
    Sql::Statement st(Sql::databaseOf(m_log), "DELETE FROM bookmarks WHERE seq = ?");
    st.bind(1, seq);
    st.run();
    if (sqlite3_changes(Sql::databaseOf(m_log).handle()) == 0)
        throw Error::notFound("event " + std::to_string(seq) + " has no bookmark");
}

} // namespace Chronoscope
