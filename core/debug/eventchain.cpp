#include "debug/eventchain.h"

#include "log/eventcounts.h"
#include "log/eventlog.h"

#include <algorithm>
#include <map>

namespace Chronoscope {

namespace {

std::string quoted(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace

EventChain
EventChain::of(EventLog &log, const nlohmann::json &services, const std::set<std::string> &handled)
{
    using Key = std::pair<Node::Kind, std::string>;
    std::map<Key, int64_t> nodeEvents;
    struct EdgeData
    {
        int64_t seen = 0;
        bool declared = false;
    };
    std::map<std::tuple<Edge::Kind, std::string, std::string>, EdgeData> edges; // service, type

    EventCounts::byType(log, [&](std::string_view type, int64_t count) {
        nodeEvents[{Node::Kind::Type, std::string(type)}] = count;
    });
    EventCounts::bySourceAndType(
            log, [&](std::string_view source, std::string_view type, int64_t count) {
                nodeEvents[{Node::Kind::Service, std::string(source)}] += count;
                edges[{Edge::Kind::Emits, std::string(source), std::string(type)}].seen = count;
            });
    // A service listens to the type of an event that caused one of its events.
    EventCounts::bySourceAndCauseType(
            log, [&](std::string_view source, std::string_view causeType, int64_t count) {
                edges[{Edge::Kind::Listens, std::string(source), std::string(causeType)}].seen
                        = count;
            });

    EventChain chain;
    if (services.is_object()) {
        for (const auto &[service, declaration] : services.items()) {
            chain.hasDeclarations = true;
            nodeEvents.try_emplace({Node::Kind::Service, service}, 0);
            for (const auto &[key, kind] : {std::pair{"emits", Edge::Kind::Emits},
                                            std::pair{"listens", Edge::Kind::Listens}}) {
                if (!declaration.is_object() || !declaration.contains(key)
                    || !declaration[key].is_array())
                    continue;
                for (const auto &type : declaration[key]) {
                    if (!type.is_string())
                        continue;
                    nodeEvents.try_emplace({Node::Kind::Type, type.get<std::string>()}, 0);
                    edges[{kind, service, type.get<std::string>()}].declared = true;
                }
            }
        }
    }

    for (const std::string &type : handled)
        nodeEvents.try_emplace({Node::Kind::Type, type}, 0);
    // std::map orders Service before Type, then by name.
    std::map<Key, size_t> index;
    for (const auto &[key, events] : nodeEvents) {
        index[key] = chain.nodes.size();
        chain.nodes.push_back({key.first,
                               key.second,
                               events,
                               key.first == Node::Kind::Type && handled.count(key.second) > 0});
    }
    for (const auto &[key, data] : edges) {
        const auto &[kind, service, type] = key;
        const size_t s = index.at({Node::Kind::Service, service});
        const size_t t = index.at({Node::Kind::Type, type});
        Edge edge;
        edge.kind = kind;
        edge.from = kind == Edge::Kind::Emits ? s : t;
        edge.to = kind == Edge::Kind::Emits ? t : s;
        edge.seen = data.seen;
        edge.declared = data.declared;
        chain.edges.push_back(edge);
    }
    return chain;
}

int EventChain::indexOf(Node::Kind kind, const std::string &name) const
{
    const auto it = std::find_if(nodes.begin(), nodes.end(), [&](const Node &n) {
        return n.kind == kind && n.name == name;
    });
    return it == nodes.end() ? -1 : static_cast<int>(it - nodes.begin());
}

std::string EventChain::toDot() const
{
    std::string dot = "digraph events {\n"
                      "  rankdir=LR;\n"
                      "  node [fontname=\"DejaVu Sans\", fontsize=11];\n"
                      "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n";
    for (const Node &n : nodes) {
        dot += "  " + quoted(n.key())
               + " [label=" + quoted(n.name + "\n" + std::to_string(n.events))
               + (n.kind == Node::Kind::Service ? ", shape=box, style=\"rounded,filled\", "
                                                  "fillcolor=\"#dbe8f7\""
                                                : ", shape=ellipse")
               + (n.handled ? ", peripheries=2, tooltip=\"a handler reacts to it\"" : "") + "];\n";
    }
    for (const Edge &e : edges) {
        std::string attributes = "label=" + quoted(std::to_string(e.seen));
        if (e.neverSeen())
            attributes += ", style=dashed, tooltip=\"declared, never seen\"";
        else if (e.undeclared(hasDeclarations))
            attributes
                    += ", color=\"#c0392b\", fontcolor=\"#c0392b\", tooltip=\"seen, not declared\"";
        if (e.kind == Edge::Kind::Listens)
            attributes += ", arrowhead=empty";
        dot += "  " + quoted(nodes[e.from].key()) + " -> " + quoted(nodes[e.to].key()) + " ["
               + attributes + "];\n";
    }
    return dot + "}\n";
}

nlohmann::ordered_json EventChain::toJson() const
{
    nlohmann::ordered_json out;
    out["nodes"] = nlohmann::ordered_json::array();
    for (const Node &n : nodes)
        out["nodes"].push_back({{"id", n.key()},
                                {"kind", n.kind == Node::Kind::Service ? "service" : "type"},
                                {"name", n.name},
                                {"events", n.events},
                                {"handled", n.handled}});
    out["edges"] = nlohmann::ordered_json::array();
    for (const Edge &e : edges)
        out["edges"].push_back({{"from", nodes[e.from].key()},
                                {"to", nodes[e.to].key()},
                                {"kind", e.kind == Edge::Kind::Emits ? "emits" : "listens"},
                                {"seen", e.seen},
                                {"declared", e.declared},
                                {"status",
                                 e.neverSeen()                   ? "declared, never seen"
                                 : e.undeclared(hasDeclarations) ? "seen, undeclared"
                                                                 : "ok"}});
    return out;
}

} // namespace Chronoscope
