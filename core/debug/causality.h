#pragma once

#include "base/event.h"

#include <vector>

namespace Chronoscope {

class EventLog;

/// Who caused an event and what it caused, by `causation_id`: the chain of causes up to the
/// first event (nearest first), and the events whose `causation_id` is this event's id.
struct Causality
{
    std::vector<Event> causes;
    std::vector<Event> effects;

    /// At most `maxDepth` causes; a cycle of ids ends the chain.
    static Causality of(EventLog &log, const Event &event, size_t maxDepth = 64);
};

} // namespace Chronoscope
