#include "eventchainview.h"
#include "palette.h"

#include <QBuffer>
#include <QFileInfo>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <cmath>

namespace Chronoscope {

namespace {

constexpr int kNodeRole = 0; // QGraphicsItem::data key: the node index

QPolygonF arrowHead(QPointF base, QPointF tip)
{
    const QPointF along = tip - base;
    const double length = std::hypot(along.x(), along.y());
    if (length < 0.01)
        return {};
    const QPointF normal(-along.y() / length * 4.0, along.x() / length * 4.0);
    return QPolygonF({tip, base + normal, base - normal});
}

} // namespace

EventChainView::EventChainView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("eventChainView"));
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
}

void EventChainView::setChain(EventChain chain, GraphLayout layout)
{
    m_chain = std::move(chain);
    m_layout = std::move(layout);
    m_highlighted.clear();
    rebuild();
    fitAll();
}

void EventChainView::setHighlighted(const std::set<size_t> &nodes)
{
    m_highlighted = nodes;
    rebuild();
}

QPointF EventChainView::nodeCenter(size_t node) const
{
    return node < m_layout.nodes.size() ? m_layout.nodes[node].center : QPointF();
}

void EventChainView::rebuild()
{
    QGraphicsScene *s = scene();
    s->clear();
    m_nodeItems.clear();
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor faint = pal.color(QPalette::PlaceholderText);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor undeclared = Palette::current().error;
    const QColor serviceFill = Palette::current().serviceFill;
    const QColor typeFill = pal.color(QPalette::Base);
    s->setBackgroundBrush(pal.color(QPalette::Base));
    if (!m_layout.error.isEmpty()) {
        s->addSimpleText(m_layout.error)->setBrush(text);
        return;
    }
    const bool emphasis = !m_highlighted.empty();

    for (size_t i = 0; i < m_chain.edges.size() && i < m_layout.edges.size(); ++i) {
        const EventChain::Edge &edge = m_chain.edges[i];
        const GraphLayout::Edge &geometry = m_layout.edges[i];
        const bool lit = m_highlighted.count(edge.from) && m_highlighted.count(edge.to);
        QColor color = edge.undeclared(m_chain.hasDeclarations) ? undeclared : text;
        if (edge.neverSeen())
            color = faint;
        if (emphasis && !lit)
            color.setAlphaF(0.25);
        if (lit)
            color = highlight;
        QPen pen(color, lit ? 2.4 : 1.2);
        if (edge.neverSeen())
            pen.setStyle(Qt::DashLine);
        s->addPath(geometry.path, pen);
        const QPolygonF head = arrowHead(geometry.arrowBase, geometry.arrowTip);
        QPainterPath arrow;
        arrow.addPolygon(head);
        arrow.closeSubpath();
        s->addPath(arrow,
                   QPen(color, 1.2),
                   edge.kind == EventChain::Edge::Kind::Emits ? QBrush(color) : QBrush(typeFill));
        auto *label = s->addSimpleText(QString::number(edge.seen));
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        label->setFont(small);
        label->setBrush(color);
        label->setPos(geometry.label - label->boundingRect().center());
        label->setToolTip(edge.neverSeen() ? tr("Declared by the model, never seen in the log")
                          : edge.undeclared(m_chain.hasDeclarations)
                                  ? tr("Seen in the log, not declared by the model")
                                  : tr("%n event(s)", nullptr, static_cast<int>(edge.seen)));
    }

    for (size_t i = 0; i < m_chain.nodes.size() && i < m_layout.nodes.size(); ++i) {
        const EventChain::Node &node = m_chain.nodes[i];
        const GraphLayout::Node &geometry = m_layout.nodes[i];
        const QRectF rect(geometry.center
                                  - QPointF(geometry.size.width() / 2, geometry.size.height() / 2),
                          geometry.size);
        const bool service = node.kind == EventChain::Node::Kind::Service;
        const bool lit = m_highlighted.count(i) > 0;
        QColor border = lit ? highlight : text;
        QColor fill = service ? serviceFill : typeFill;
        if (emphasis && !lit) {
            border.setAlphaF(0.3);
            fill.setAlphaF(0.5);
        }
        QPainterPath shape;
        if (service)
            shape.addRoundedRect(rect, 6, 6);
        else
            shape.addEllipse(rect);
        if (node.handled) // a handler of the model reacts to it: a second outline
            shape.addEllipse(rect.adjusted(3, 3, -3, -3));
        auto *item = s->addPath(shape, QPen(border, lit ? 2.4 : 1.0), QBrush(fill));
        item->setData(kNodeRole, static_cast<qulonglong>(i));
        item->setToolTip(
                service ? tr("Service %1: emitted %n event(s)",
                             nullptr,
                             static_cast<int>(node.events))
                                  .arg(QString::fromStdString(node.name))
                        : tr("Event type %1: %n event(s)", nullptr, static_cast<int>(node.events))
                                          .arg(QString::fromStdString(node.name))
                                  + (node.handled ? tr("; a handler of the model reacts to it")
                                                  : QString()));
        item->setCursor(Qt::PointingHandCursor);
        m_nodeItems.push_back(item);
        auto *name = new QGraphicsSimpleTextItem(QString::fromStdString(node.name), item);
        QFont bold = font();
        bold.setBold(service);
        name->setFont(bold);
        QColor textColor = text;
        if (emphasis && !lit)
            textColor.setAlphaF(0.4);
        name->setBrush(textColor);
        auto *count = new QGraphicsSimpleTextItem(QString::number(node.events), item);
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        count->setFont(small);
        count->setBrush(emphasis && !lit ? textColor : faint);
        const double height = name->boundingRect().height() + count->boundingRect().height();
        name->setPos(geometry.center.x() - name->boundingRect().width() / 2,
                     geometry.center.y() - height / 2);
        count->setPos(geometry.center.x() - count->boundingRect().width() / 2,
                      name->pos().y() + name->boundingRect().height());
    }
    s->setSceneRect(m_layout.bounds.adjusted(-12, -12, 12, 12));
}

void EventChainView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_zoomed)
        fitAll();
}

void EventChainView::zoomBy(double factor)
{
    m_zoomed = true;
    const double current = transform().m11();
    const double next = std::clamp(current * factor, 0.1, 8.0);
    scale(next / current, next / current);
}

void EventChainView::fitAll()
{
    m_zoomed = false;
    if (!scene()->sceneRect().isEmpty())
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() > 1.5)
        setTransform(QTransform::fromScale(1.5, 1.5));
}

void EventChainView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0.0)
        zoomBy(std::pow(1.15, steps));
    event->accept();
}

void EventChainView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem *item = itemAt(event->position().toPoint()); item;
             item = item->parentItem()) {
            const QVariant node = item->data(kNodeRole);
            if (node.isValid()) {
                emit nodeClicked(static_cast<int>(node.toULongLong()));
                event->accept();
                return;
            }
        }
    }
    QGraphicsView::mousePressEvent(event);
}

QByteArray EventChainView::exportImage(const QString &format) const
{
    const QRectF source = scene()->sceneRect();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format.compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(tr("Event chain"));
        QPainter painter;
        if (!painter.begin(&svg))
            return {};
        scene()->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        return painter.end() ? bytes : QByteArray();
    }
    QImage image((source.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(scene()->backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene()->render(&painter, QRectF(QPointF(0, 0), source.size() * 2), source);
    painter.end();
    return image.save(&buffer, "PNG") ? bytes : QByteArray();
}

} // namespace Chronoscope
