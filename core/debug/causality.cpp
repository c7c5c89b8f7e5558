#include "debug/causality.h"

#include "log/eventlog.h"

#include <set>

namespace Chronoscope {

Causality Causality::of(EventLog &log, const Event &event, size_t maxDepth)
{
    Causality result;
    std::set<std::string> seen{event.id};
    std::optional<std::string> cause = event.causationId;
    while (cause && result.causes.size() < maxDepth && seen.insert(*cause).second) {
        std::optional<Event> found = log.eventById(*cause);
        if (!found)
            break;
        cause = found->causationId;
        result.causes.push_back(std::move(*found));
    }
    result.effects = log.effectsOf(event.id);
    return result;
}

} // namespace Chronoscope
