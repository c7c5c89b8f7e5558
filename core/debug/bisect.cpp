#include "debug/bisect.h"

#include "log/eventlog.h"
#include "log/history.h"
#include "replay/replayer.h"

namespace Chronoscope {

namespace {

bool holdsAt(Replayer &replayer,
             ExpressionEngine &engine,
             ExpressionEngine::Id predicate,
             int64_t seq)
{
    replayer.seek(seq);
    const std::optional<Event> event = seq > 0 ? replayer.history().at(seq) : std::nullopt;
    return engine.holds(predicate, event ? &*event : nullptr, replayer.state());
}

} // namespace

Bisect::Result Bisect::run(Replayer &replayer,
                           ExpressionEngine &engine,
                           ExpressionEngine::Id predicate,
                           int64_t upTo)
{
    Result result;
    auto probe = [&](int64_t seq) {
        ++result.probes;
        return holdsAt(replayer, engine, predicate, seq);
    };
    if (!probe(upTo))
        return result;
    if (upTo == 0 || probe(0)) {
        result.first = 0;
        return result;
    }
    // Invariant: the predicate does not hold after `low` and holds after `high`.
    int64_t low = 0;
    int64_t high = upTo;
    while (high - low > 1) {
        const int64_t middle = low + (high - low) / 2;
        if (probe(middle))
            high = middle;
        else
            low = middle;
    }
    result.first = high;
    return result;
}

Bisect::LinearResult Bisect::linear(Replayer &replayer,
                                    ExpressionEngine &engine,
                                    ExpressionEngine::Id predicate,
                                    int64_t upTo)
{
    LinearResult result;
    replayer.seek(0);
    if (engine.holds(predicate, nullptr, replayer.state()))
        result.first = 0;
    replayer.forward(upTo, [&](const Event &event, const State &state) {
        const bool holds = engine.holds(predicate, &event, state);
        if (holds && !result.first)
            result.first = event.seq;
        else if (!holds && result.first) {
            result.stopsHolding = event.seq;
            return false;
        }
        return true;
    });
    return result;
}

} // namespace Chronoscope
