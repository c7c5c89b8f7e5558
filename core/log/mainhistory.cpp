#include "log/mainhistory.h"

#include "log/eventlog.h"

namespace Chronoscope {

MainHistory::MainHistory(EventLog &log)
    : m_log(log)
{}

int64_t MainHistory::length()
{
    return m_log.eventCount();
}

void MainHistory::forEach(int64_t from,
                          int64_t to,
                          EventFilter::Columns columns,
                          const std::function<bool(const Event &)> &visit)
{
    if (to < from)
        return;
    EventFilter filter;
    filter.fromSeq = from;
    filter.toSeq = to;
    filter.columns = columns;
    m_log.forEachEvent(filter, visit);
}

std::optional<Event> MainHistory::at(int64_t position)
{
    return m_log.event(position);
}

std::optional<int64_t> MainHistory::positionOf(const std::string &id)
{
    const auto event = m_log.eventById(id);
    return event ? std::optional<int64_t>(event->seq) : std::nullopt;
}

int64_t MainHistory::lastPositionBefore(Timestamp::Micros time)
{
    return m_log.lastSeqBefore(time);
}

void MainHistory::forEachOfStream(const std::string &stream,
                                  int64_t upTo,
                                  const std::function<bool(const Event &)> &visit)
{
    EventFilter filter;
    filter.stream = EventFilter::exactGlob(stream);
    filter.toSeq = upTo;
    m_log.forEachEvent(filter, visit);
}

Corrections MainHistory::corrections()
{
    return Corrections::load(m_log);
}

} // namespace Chronoscope
