#pragma once

#include "base/event.h"
#include "replay/state.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace Chronoscope {

/// What applying one event used besides the state: shown when a step is explained.
struct StepTrace
{
    struct RuleUse
    {
        std::string name;
        nlohmann::json version; ///< the rule version in force at the event's recorded_at
    };
    struct GatewayCall
    {
        std::string name;
        nlohmann::json request;
        nlohmann::json response;
    };
    std::vector<RuleUse> rules;
    std::vector<GatewayCall> gatewayCalls;
};

/// A domain model: how each event changes the state (README.md, "Replay and domain models").
///
/// apply() must be deterministic: the same state and event give the same result in every
/// replay. Errors in the model are thrown as Error (kind Failed) with a message naming the
/// event seq and the model function. A model is used from one thread at a time.
class Model
{
public:
    virtual ~Model() = default;

    virtual std::string name() const = 0;
    /// Identifies the model's code: replayed states are only comparable for equal hashes.
    virtual std::string hash() const = 0;
    /// Applies the event to its stream's state and to every projection. Records the rules and
    /// gateway calls it used in `trace` when one is given.
    ///
    /// A model may keep part of the state it works on between calls (JsModel keeps projection
    /// views as live JavaScript objects): call sync() before reading or copying the state, and
    /// stateReplaced() before applying to a state other than the one the last call left.
    virtual void apply(const Event &event, State &state, StepTrace *trace) = 0;
    virtual void sync(State &) {}
    /// Whether apply() reads more of the event than its seq, stream and data.
    virtual bool needsWholeEvent() const { return true; }
    virtual void stateReplaced() {}

    /// The event as the model's reducers see it (upcast to the newest schema), as canonical
    /// JSON text without its result. The default sees the event as recorded.
    virtual std::string upcastEvent(const Event &event);
    /// Each projection's name and the event types it has functions for ("*": every type); none
    /// by default.
    virtual std::map<std::string, std::set<std::string>> projectionTypes() const { return {}; }
};

/// The model a log opens with when it has no code: each event's `data` is merged into its
/// stream's state with JSON Merge Patch (RFC 7386). An event whose data is null changes nothing
/// (a merge patch of null would erase the stream). No projections.
class GenericModel : public Model
{
public:
    GenericModel();
    ~GenericModel() override;

    std::string name() const override { return "generic"; }
    std::string hash() const override { return "generic-merge-patch-2"; }
    void apply(const Event &event, State &state, StepTrace *trace) override;
    bool needsWholeEvent() const override { return false; }

private:
    struct Parser;
    std::unique_ptr<Parser> m_parser;
};

} // namespace Chronoscope
