#include "graphlayout.h"

#include "debug/eventchain.h"

#include <gvc.h>

#include <QFont>
#include <QFontMetricsF>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

namespace Chronoscope {

namespace {

// One Graphviz context for the whole process, never freed: Graphviz's text measuring keeps
// pointers into the context's font table between layouts, so a context freed after one layout
// leaves the next one reading freed memory.
GVC_t *context()
{
    static GVC_t *const gvc = gvContext();
    return gvc;
}

struct Graph
{
    Agraph_t *g;
    GVC_t *gvc;
    bool laidOut = false;
    ~Graph()
    {
        if (laidOut)
            gvFreeLayout(gvc, g);
        agclose(g);
    }
};

// The chain for the layout alone: nodes of the size the view draws them, measured here, and no
// text for Graphviz to measure (it would load fonts through fontconfig and Pango, whose caches
// outlive a layout); the view writes the names and the counts itself.
std::string layoutDot(const EventChain &chain)
{
    const QFontMetricsF metrics{QFont()};
    std::string dot = "digraph events {\n  rankdir=LR; ranksep=0.9; nodesep=0.35;\n"
                      "  node [label=\"\", fixedsize=true];\n  edge [label=\"\"];\n";
    for (const EventChain::Node &node : chain.nodes) {
        const QString name = QString::fromStdString(node.name);
        const double width = std::max(metrics.horizontalAdvance(name),
                                      metrics.horizontalAdvance(QString::number(node.events)))
                             + (node.kind == EventChain::Node::Kind::Service ? 24.0 : 40.0);
        const double height = 2 * metrics.height() + 14.0;
        char size[96];
        std::snprintf(size, sizeof size, "width=%.3f, height=%.3f", width / 72.0, height / 72.0);
        dot += "  \"" + node.key() + "\" [" + size
               + (node.kind == EventChain::Node::Kind::Service ? ", shape=box" : ", shape=ellipse")
               + "];\n";
    }
    for (const EventChain::Edge &e : chain.edges)
        dot += "  \"" + chain.nodes[e.from].key() + "\" -> \"" + chain.nodes[e.to].key() + "\";\n";
    return dot + "}\n";
}

} // namespace

GraphLayout GraphLayout::of(const EventChain &chain)
{
    // Graphviz keeps global state: one layout at a time in the whole process, whichever thread
    // asks.
    static std::mutex graphviz;
    const std::lock_guard lock(graphviz);
    GraphLayout layout;
    const std::string dot = layoutDot(chain);
    Agraph_t *g = agmemread(dot.c_str());
    if (!g) {
        layout.error = QStringLiteral("Graphviz could not read the graph");
        return layout;
    }
    Graph graph{g, context()};
    if (gvLayout(context(), g, "dot") != 0) {
        layout.error = QStringLiteral("Graphviz's dot layout failed");
        return layout;
    }
    graph.laidOut = true;
    const boxf bb = GD_bb(g);
    // Graphviz's y grows upwards; the scene's downwards.
    auto point = [&bb](pointf p) {
        return QPointF(p.x - bb.LL.x, bb.UR.y - p.y);
    };
    layout.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);

    std::map<std::string, size_t> nodeIndex;
    for (size_t i = 0; i < chain.nodes.size(); ++i) {
        const std::string key = chain.nodes[i].key();
        nodeIndex[key] = i;
        Agnode_t *n = agnode(g, const_cast<char *>(key.c_str()), 0);
        Node node;
        if (n)
            node = {point(ND_coord(n)), QSizeF(ND_width(n) * 72.0, ND_height(n) * 72.0)};
        layout.nodes.push_back(node);
    }
    std::map<std::pair<size_t, size_t>, size_t> edgeIndex;
    for (size_t i = 0; i < chain.edges.size(); ++i)
        edgeIndex[{chain.edges[i].from, chain.edges[i].to}] = i;
    layout.edges.resize(chain.edges.size());
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const auto tail = nodeIndex.find(agnameof(agtail(e)));
            const auto head = nodeIndex.find(agnameof(aghead(e)));
            if (tail == nodeIndex.end() || head == nodeIndex.end())
                continue;
            const auto found = edgeIndex.find({tail->second, head->second});
            if (found == edgeIndex.end() || !ED_spl(e) || ED_spl(e)->size < 1)
                continue;
            Edge &edge = layout.edges[found->second];
            const bezier &b = ED_spl(e)->list[0];
            if (b.size < 1)
                continue;
            edge.path.moveTo(point(b.list[0]));
            for (int k = 1; k + 2 < b.size; k += 3)
                edge.path.cubicTo(point(b.list[k]), point(b.list[k + 1]), point(b.list[k + 2]));
            edge.arrowBase = point(b.list[b.size - 1]);
            edge.arrowTip = b.eflag ? point(b.ep) : edge.arrowBase;
            if (ED_label(e))
                edge.label = point(ED_label(e)->pos);
            else
                edge.label = edge.path.pointAtPercent(0.5);
        }
    }
    return layout;
}

} // namespace Chronoscope
