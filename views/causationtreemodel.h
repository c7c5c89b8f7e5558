#pragma once

#include "base/event.h"

#include <QAbstractItemModel>

#include <vector>

namespace Chronoscope {

/// An event's causation chain as a tree: the first cause at the root, each cause under the one
/// before it down to the event, then its effects and theirs under it.
class CausationTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Seq, Type, Source, Stream, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1 };

    /// One event of the chain: `depth` < 0 for causes (-1 the direct cause), 0 for the event,
    /// > 0 for effects (1 direct); effects follow their cause.
    struct Link
    {
        Event event;
        int depth = 0;
    };

    explicit CausationTreeModel(QObject *parent = nullptr);

    /// Causes nearest first, then the event, then effects depth-first.
    void setChain(const std::vector<Link> &chain);
    /// The index of the event itself (depth 0).
    QModelIndex eventIndex() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Link link;
        int parent = -1; // index into m_nodes
        int row = 0;     // among its siblings
        std::vector<int> children;
    };
    QModelIndex indexOfNode(int node, int column = 0) const;

    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
};

} // namespace Chronoscope
