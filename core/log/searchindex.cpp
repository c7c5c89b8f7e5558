#include "log/searchindex.h"

#include "log/sqlite.h"

#include "base/error.h"
#include "log/eventlog.h"

namespace Chronoscope {

namespace {

constexpr const char *kIndexedUpToKey = "search_indexed_upto";
constexpr int64_t kBatch = 50000;

} // namespace

SearchIndex::SearchIndex(EventLog &log)
    : m_log(log)
{}

int64_t SearchIndex::indexedUpTo()
{
    Sql::Statement st(Sql::databaseOf(m_log), "SELECT value FROM meta WHERE key = ?");
    st.bind(1, std::string_view(kIndexedUpToKey));
    return st.step() ? std::stoll(std::string(st.columnText(0))) : 0;
}

int64_t SearchIndex::update(const std::function<bool(int64_t, int64_t)> &progress)
{
    const int64_t from = indexedUpTo();
    const int64_t head = m_log.eventCount();
    const int64_t total = head - from;
    for (int64_t done = 0; done < total;) {
        if (progress && !progress(done, total))
            return done;
        const int64_t upTo = std::min(head, from + done + kBatch);
        Sql::Transaction tx(Sql::databaseOf(m_log));
        Sql::Statement insert(Sql::databaseOf(m_log),
                              "INSERT INTO event_search (rowid, type, stream, source, id, data, "
                              "metadata) SELECT seq, type, stream, coalesce(source, ''), id, data, "
                              "metadata FROM events WHERE seq > ? AND seq <= ?");
        insert.bind(1, from + done);
        insert.bind(2, upTo);
        insert.run();
        Sql::Statement mark(Sql::databaseOf(m_log),
                            "INSERT INTO meta (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        mark.bind(1, std::string_view(kIndexedUpToKey));
        mark.bind(2, std::string_view(std::to_string(upTo)));
        mark.run();
        tx.commit();
        done = upTo - from;
    }
    if (progress && total > 0)
        progress(total, total);
    return total;
}

std::string SearchIndex::matchQuery(const std::string &text)
{
    std::string query;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        size_t end = i;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])))
            ++end;
        if (end == i)
            break;
        std::string word = text.substr(i, end - i);
        i = end;
        const bool prefix = word.size() > 1 && word.back() == '*';
        if (prefix)
            word.pop_back();
        std::string quoted = "\"";
        for (const char c : word) {
            quoted += c;
            if (c == '"')
                quoted += '"';
        }
        quoted += '"';
        if (!query.empty())
            query += ' ';
        query += quoted + (prefix ? " *" : "");
    }
    if (query.empty())
        throw Error::input("give at least one word to search for");
    return query;
}

} // namespace Chronoscope
