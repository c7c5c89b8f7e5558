#pragma once

#include "event.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Chronoscope {

class EventChainView;

/// The event-chain panel: the graph of who emits and who listens to which events, with zoom,
/// fit and export (PNG, SVG, DOT), and the selected event's causation chain as a tree — its
/// causes up to the first, then its effects and theirs.
class EventChainPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EventChainPanel(QWidget *parent = nullptr);

    EventChainView *view() const { return m_view; }
    QTreeWidget *chainTree() const { return m_tree; }

    /// One event of a causation chain: `depth` < 0 for causes (-1 the direct cause), 0 for the
    /// selected event, > 0 for effects (1 direct); effects follow their cause.
    struct ChainEvent
    {
        Event event;
        int depth = 0;
    };
    /// Shows the chain (causes nearest first, then the event, then effects depth-first).
    void setCausationChain(const std::vector<ChainEvent> &chain);
    void setStatus(const QString &text);

signals:
    /// The user picked a file to export to (its suffix says the format).
    void exportRequested(const QString &path);
    void reloadRequested();
    /// An event of the causation tree was double-clicked.
    void eventActivated(qint64 seq);

private:
    void exportDialog();

    EventChainView *m_view;
    QTreeWidget *m_tree;
    QLabel *m_status;
};

} // namespace Chronoscope
