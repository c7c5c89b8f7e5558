#pragma once

#include "debug/eventchain.h"
#include "graphlayout.h"

#include <QGraphicsView>

#include <set>

class QGraphicsItem;

namespace Chronoscope {

/// The event-chain graph: services (rounded boxes) and event types (ellipses, doubled when a
/// handler of the model reacts to them), "emits" edges
/// with filled arrows, "listens" edges with open ones, each with its count. Edges the model
/// declares but no event shows are dashed; edges the log shows but the model does not declare
/// are red. Wheel zooms (around the pointer), dragging pans, clicking a node selects it.
class EventChainView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit EventChainView(QWidget *parent = nullptr);

    /// Shows a chain laid out by GraphLayout::of(chain).
    void setChain(EventChain chain, GraphLayout layout);
    const EventChain &chain() const { return m_chain; }

    /// Emphasises these nodes and the edges between them (a causation chain); empty: none.
    void setHighlighted(const std::set<size_t> &nodes);
    const std::set<size_t> &highlighted() const { return m_highlighted; }
    /// The scene position of a node's centre (for tests and tools).
    QPointF nodeCenter(size_t node) const;

    void zoomBy(double factor);
    void fitAll();

    /// The picture as PNG (at twice the scene's size) or as SVG ("svg"); empty when it cannot be
    /// drawn.
    QByteArray exportImage(const QString &format) const;

signals:
    /// A node was clicked: its index in chain().nodes.
    void nodeClicked(int node);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void rebuild();

    EventChain m_chain;
    GraphLayout m_layout;
    std::set<size_t> m_highlighted;
    std::vector<QGraphicsItem *> m_nodeItems;
    bool m_zoomed = false; // by the user: resizing no longer fits the graph to the view
};

} // namespace Chronoscope
