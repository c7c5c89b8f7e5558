#include "debug/causality.h"

#include "log/eventlog.h"

#include <functional>
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
    size_t budget = 256;
    std::function<void(const std::vector<Event> &, int)> descend
            = [&](const std::vector<Event> &caused, int level) {
                  for (const Event &effect : caused) {
                      if (budget == 0)
                          return;
                      --budget;
                      result.descendants.push_back({effect, level});
                      if (level < 8)
                          descend(log.effectsOf(effect.id), level + 1);
                  }
              };
    descend(result.effects, 1);
    return result;
}

} // namespace Chronoscope
