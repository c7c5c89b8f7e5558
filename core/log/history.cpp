#include "log/history.h"

#include "base/error.h"

namespace Chronoscope {

int64_t History::lastPositionBefore(Timestamp::Micros time)
{
    int64_t last = 0;
    forEach(1, length(), EventFilter::Columns::WithoutResult, [&](const Event &e) {
        if (e.recordedAt < time)
            last = e.seq;
        return true;
    });
    return last;
}

void History::forEachOfStream(const std::string &stream,
                              int64_t upTo,
                              const std::function<bool(const Event &)> &visit)
{
    forEach(1, upTo, EventFilter::Columns::All, [&](const Event &e) {
        return e.stream != stream || visit(e);
    });
}

void History::check(const BranchEdit &)
{
    throw Error::input("main cannot be edited: it is the recorded history (fork a branch)");
}

} // namespace Chronoscope
