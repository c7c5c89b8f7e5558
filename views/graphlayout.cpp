#include "graphlayout.h"

#include "eventchain.h"

#include <gvc.h>

#include <map>
#include <memory>

namespace Chronoscope {

namespace {

struct Context
{
    GVC_t *gvc = gvContext();
    ~Context() { gvFreeContext(gvc); }
};

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

} // namespace

GraphLayout GraphLayout::of(const EventChain &chain)
{
    GraphLayout layout;
    Context context;
    const std::string dot = chain.toDot();
    Agraph_t *g = agmemread(dot.c_str());
    if (!g) {
        layout.error = QStringLiteral("Graphviz could not read the graph");
        return layout;
    }
    Graph graph{g, context.gvc};
    if (gvLayout(context.gvc, g, "dot") != 0) {
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
