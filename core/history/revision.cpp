#include "history/revision.h"

#include "base/error.h"
#include "log/eventlog.h"
#include "log/mainhistory.h"

#include <charconv>

namespace Chronoscope {

Revision Revision::parse(const std::string &text)
{
    Revision r;
    const size_t at = text.find('@');
    r.branch = text.substr(0, at);
    if (r.branch.empty())
        throw Error::input("revision \"" + text + "\": missing the branch name (e.g. main@120)");
    if (at == std::string::npos)
        return r;
    const std::string point = text.substr(at + 1);
    int64_t seq = 0;
    const auto [end, ec] = std::from_chars(point.data(), point.data() + point.size(), seq);
    if (ec == std::errc() && end == point.data() + point.size() && seq >= 0) {
        r.seq = seq;
        return r;
    }
    r.time = Timestamp::parseDateOrTime(point);
    if (!r.time)
        throw Error::input("revision \"" + text
                           + "\": after '@' comes an event number or an RFC 3339 time");
    return r;
}

std::string Revision::text() const
{
    if (seq)
        return branch + "@" + std::to_string(*seq);
    if (time)
        return branch + "@" + Timestamp::format(*time);
    return branch;
}

int64_t resolveRevision(EventLog &log, const Revision &revision)
{
    if (revision.branch != "main")
        throw Error::notFound("revision " + revision.text() + " is on branch \"" + revision.branch
                              + "\", not main");
    MainHistory main(log);
    return resolveRevision(main, revision);
}

int64_t resolveRevision(History &history, const Revision &revision)
{
    const int64_t head = history.length();
    if (revision.seq) {
        if (*revision.seq > head)
            throw Error::notFound("revision " + revision.text() + ": " + history.name()
                                  + " has only " + std::to_string(head) + " events");
        return *revision.seq;
    }
    if (revision.time)
        return history.lastPositionBefore(*revision.time); // in the history's own order
    return head;
}

} // namespace Chronoscope
