#include "causationtreemodel.h"

#include <QFont>

namespace Chronoscope {

CausationTreeModel::CausationTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void CausationTreeModel::setChain(const std::vector<Link> &chain)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    auto add = [this](const Link &link, int parent) {
        const int node = static_cast<int>(m_nodes.size());
        auto &siblings = parent < 0 ? m_roots : m_nodes[static_cast<size_t>(parent)].children;
        m_nodes.push_back({link, parent, static_cast<int>(siblings.size()), {}});
        // `siblings` may refer into m_nodes, which push_back can move: look it up again.
        (parent < 0 ? m_roots : m_nodes[static_cast<size_t>(parent)].children).push_back(node);
        return node;
    };
    // Causes come nearest first: the first cause is the last of them, and the root.
    int parent = -1;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (it->depth < 0)
            parent = add(*it, parent);
    }
    std::vector<int> levels; // the newest node at each depth from the event down
    for (const Link &link : chain) {
        if (link.depth < 0)
            continue;
        const auto depth = static_cast<size_t>(link.depth);
        if (depth > levels.size())
            continue; // an effect without its cause in the list
        const int under = depth == 0 ? parent : levels[depth - 1];
        const int node = add(link, under);
        levels.resize(depth + 1);
        levels[depth] = node;
    }
    endResetModel();
}

QModelIndex CausationTreeModel::eventIndex() const
{
    for (size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].link.depth == 0)
            return indexOfNode(static_cast<int>(i));
    return {};
}

QModelIndex CausationTreeModel::indexOfNode(int node, int column) const
{
    return createIndex(m_nodes[static_cast<size_t>(node)].row, column, static_cast<quintptr>(node));
}

QModelIndex CausationTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount
        || (parent.isValid() && parent.column() != 0))
        return {};
    const auto &siblings = parent.isValid() ? m_nodes[parent.internalId()].children : m_roots;
    if (row >= static_cast<int>(siblings.size()))
        return {};
    return indexOfNode(siblings[static_cast<size_t>(row)], column);
}

QModelIndex CausationTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes[child.internalId()].parent;
    return parent < 0 ? QModelIndex() : indexOfNode(parent);
}

int CausationTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_nodes[parent.internalId()].children.size());
}

int CausationTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CausationTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Link &link = m_nodes[index.internalId()].link;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Seq:
            return QVariant::fromValue<qlonglong>(link.event.seq);
        case Type:
            return QString::fromStdString(link.event.type);
        case Source:
            return QString::fromStdString(link.event.source.value_or(""));
        case Stream:
            return QString::fromStdString(link.event.stream);
        }
        break;
    case Qt::ToolTipRole:
        return link.depth < 0   ? tr("Cause")
               : link.depth > 0 ? tr("Effect")
                                : tr("The selected event");
    case Qt::FontRole:
        if (link.depth == 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case SeqRole:
        return QVariant::fromValue<qlonglong>(link.event.seq);
    }
    return {};
}

QVariant CausationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Seq:
        return tr("Event");
    case Type:
        return tr("Type");
    case Source:
        return tr("Source");
    case Stream:
        return tr("Stream");
    }
    return {};
}

} // namespace Chronoscope
