#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// Who listens to which events: services and event types as nodes, with "emits" edges
/// (service → type) and "listens" edges (type → service) — the classic "visualization tool
/// that uses the configurations and builds the event chain".
///
/// Edges come from two places and say which: the model's `services` declarations, and the log
/// itself — a service emits the types of the events whose `source` it is, and listens to the
/// type of an event that caused (`causation_id`) one of its events. Each edge counts the events
/// seen.
class EventChain
{
public:
    struct Node
    {
        enum class Kind { Service, Type };
        Kind kind = Kind::Type;
        std::string name;
        int64_t events = 0;   ///< a type's events, or the events a service emitted
        bool handled = false; ///< a type the model has a handler (code that reacts) for
        /// The DOT / JSON id: "service:NAME" or "type:NAME".
        std::string key() const { return (kind == Kind::Service ? "service:" : "type:") + name; }
    };
    struct Edge
    {
        enum class Kind { Emits, Listens };
        Kind kind = Kind::Emits;
        size_t from = 0; ///< node indexes
        size_t to = 0;
        int64_t seen = 0;      ///< events that show it (emitted, or emitted in reaction)
        bool declared = false; ///< in the model's `services`
        /// Declared but not one event shows it — or seen, but the model does not declare it.
        bool neverSeen() const { return declared && seen == 0; }
        bool undeclared(bool modelDeclaresServices) const
        {
            return modelDeclaresServices && !declared && seen > 0;
        }
    };

    std::vector<Node> nodes; ///< services first, then types, each sorted by name
    std::vector<Edge> edges;
    bool hasDeclarations = false; ///< whether a model declared any services

    /// The chain of `log`, with `services` the model's declarations (a JSON object of
    /// {emits: [...], listens: [...]}, or null) and `handled` the types its handlers react to.
    static EventChain
    of(EventLog &log, const nlohmann::json &services, const std::set<std::string> &handled = {});

    /// The node index of a service or type; -1 if absent.
    int indexOf(Node::Kind kind, const std::string &name) const;

    /// Graphviz DOT: services as boxes, types as ellipses (doubled when a handler reacts to
    /// them), counts on edges, declared-but-never-seen edges dashed, seen-but-undeclared ones
    /// red.
    std::string toDot() const;
    nlohmann::ordered_json toJson() const;
};

} // namespace Chronoscope
