#pragma once

#include "debug/expressionengine.h"

#include <optional>

namespace Chronoscope {

class Replayer;

/// Finds the first event after which a predicate over the state holds, like `git bisect`:
/// assuming that once it holds it keeps holding, it probes O(log n) positions, each a seek from
/// the nearest snapshot.
class Bisect
{
public:
    struct Result
    {
        /// The first event after which the predicate holds; 0 when it holds before any event;
        /// nullopt when it does not hold at the end of the range.
        std::optional<int64_t> first;
        int probes = 0;
    };

    /// Bisects positions 0..upTo. Errors in the predicate are thrown as Error (Failed) naming
    /// the event.
    static Result
    run(Replayer &replayer, ExpressionEngine &engine, ExpressionEngine::Id predicate, int64_t upTo);

    /// The same question answered by replaying every event, and where the assumption breaks:
    /// the first event after `first` after which the predicate no longer holds.
    struct LinearResult
    {
        std::optional<int64_t> first;
        std::optional<int64_t> stopsHolding;
    };
    static LinearResult linear(Replayer &replayer,
                               ExpressionEngine &engine,
                               ExpressionEngine::Id predicate,
                               int64_t upTo);
};

} // namespace Chronoscope
