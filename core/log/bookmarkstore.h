#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// Named positions in a history, saved in the log.
class BookmarkStore
{
public:
    struct Bookmark
    {
        int64_t seq = 0;
        std::string name;
    };

    explicit BookmarkStore(EventLog &log);

    std::vector<Bookmark> list();
    /// Names event `seq` (replacing its previous name). Throws Error (NotFound) for an event that
    /// is not in the log.
    void set(int64_t seq, const std::string &name);
    /// Throws Error (NotFound) when the event has no bookmark.
    void remove(int64_t seq);

private:
    EventLog &m_log;
};

} // namespace Chronoscope
