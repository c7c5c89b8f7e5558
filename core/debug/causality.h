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
    /// The effects and their effects, depth-first, each with its level (1: a direct effect):
    /// eight levels and 256 events at most.
    struct Descendant
    {
        Event event;
        int level = 1;
    };
    std::vector<Descendant> descendants;

    /// At most `maxDepth` causes; a cycle of ids ends the chain.
    static Causality of(EventLog &log, const Event &event, size_t maxDepth = 64);
};

} // namespace Chronoscope
