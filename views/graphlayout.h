#pragma once

#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace Chronoscope {

class EventChain;

/// Where Graphviz's layered layout ("dot", left to right) puts an event chain's nodes and
/// edges, in scene coordinates (points, y down). Only the coordinates come from Graphviz; the
/// chain view draws them itself.
struct GraphLayout
{
    struct Node
    {
        QPointF center;
        QSizeF size;
    };
    struct Edge
    {
        QPainterPath path; ///< the spline, from the tail to where the arrow head starts
        QPointF arrowBase; ///< where the arrow head starts…
        QPointF arrowTip;  ///< …and its tip, at the head node
        QPointF label;     ///< the centre of the count label
    };

    QRectF bounds;
    std::vector<Node> nodes; ///< as in the chain
    std::vector<Edge> edges; ///< as in the chain
    QString error;           ///< why there is no layout, if there is none

    /// Lays the chain out (milliseconds for the tens of nodes a system has). Safe to call from
    /// any thread: calls are serialised, Graphviz is not thread-safe.
    static GraphLayout of(const EventChain &chain);
};

} // namespace Chronoscope
