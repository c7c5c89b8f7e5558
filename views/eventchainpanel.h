#pragma once

#include "causationtreemodel.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTreeView;

namespace Chronoscope {

class CausationTreeModel;
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
    QTreeView *chainTree() const { return m_tree; }
    CausationTreeModel *chainModel() const { return m_chain; }

    /// Shows an event's causation chain (causes nearest first, then the event, then effects
    /// depth-first).
    void setCausationChain(const std::vector<CausationTreeModel::Link> &chain);
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
    CausationTreeModel *m_chain;
    QTreeView *m_tree;
    QLabel *m_status;
};

} // namespace Chronoscope
