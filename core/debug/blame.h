#pragma once

#include "base/event.h"
#include "replay/model.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;
class History;

/// "Which event changed this?": a git blame for a JSON path in the replayed state.
///
/// A path inside a stream (`/streams/order-31/total`) only depends on that stream's events, so
/// only they are replayed, from the stream's first event: blame costs as much as the stream is
/// long, not the history. A path inside a projection depends on every event; it is replayed
/// through the whole history.
class Blame
{
public:
    struct Change
    {
        Event event;
        std::optional<nlohmann::json> before; ///< nullopt: nothing was there
        std::optional<nlohmann::json> after;  ///< nullopt: removed
        std::vector<StepTrace::RuleUse> rules;
        std::vector<StepTrace::GatewayCall> gatewayCalls;
    };

    /// Every event up to `upTo` that changed the value at `pointer`, oldest first. Events in
    /// `ignored` are passed over. Throws Error (Input) for a pointer outside /streams/NAME and
    /// /projections/NAME.
    static std::vector<Change> history(EventLog &log,
                                       Model &model,
                                       const std::string &pointer,
                                       int64_t upTo,
                                       const std::set<int64_t> &ignored = {});
    /// The same over any history (main or a branch).
    static std::vector<Change> history(History &events,
                                       Model &model,
                                       const std::string &pointer,
                                       int64_t upTo,
                                       const std::set<int64_t> &ignored = {});
};

} // namespace Chronoscope
