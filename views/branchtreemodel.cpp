#include "branchtreemodel.h"

#include <QFont>

#include <algorithm>

namespace Chronoscope {

BranchTreeModel::BranchTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void BranchTreeModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_parentOf.assign(m_rows.size(), -1);
    m_children.assign(m_rows.size(), {});
    m_roots.clear();
    auto find = [this](const QString &name) {
        for (size_t i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].name == name)
                return static_cast<int>(i);
        return -1;
    };
    const int main = find(QStringLiteral("main"));
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const int row = static_cast<int>(i);
        if (row == main || (m_rows[i].parent.isEmpty() && main < 0)) {
            m_roots.push_back(row);
            continue;
        }
        int parent = find(m_rows[i].parent);
        // A parent that is the row itself or one of its descendants cannot be (no cycles).
        for (int up = parent; up >= 0; up = m_parentOf[static_cast<size_t>(up)])
            if (up == row)
                parent = -1;
        if (parent < 0)
            parent = main;
        if (parent < 0) {
            m_roots.push_back(row);
            continue;
        }
        m_parentOf[i] = parent;
        m_children[static_cast<size_t>(parent)].push_back(row);
    }
    endResetModel();
}

void BranchTreeModel::setCurrent(const QString &name)
{
    const QModelIndex before = indexOf(m_current);
    m_current = name;
    for (const QModelIndex &i : {before, indexOf(name)})
        if (i.isValid())
            emit dataChanged(index(i.row(), 0, i.parent()),
                             index(i.row(), ColumnCount - 1, i.parent()),
                             {Qt::FontRole});
}

QModelIndex BranchTreeModel::indexOf(const QString &name) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].name != name)
            continue;
        const int parent = m_parentOf[i];
        const auto &siblings = parent < 0 ? m_roots : m_children[static_cast<size_t>(parent)];
        const auto at = std::find(siblings.begin(), siblings.end(), static_cast<int>(i));
        return createIndex(static_cast<int>(at - siblings.begin()), 0, static_cast<quintptr>(i));
    }
    return {};
}

QString BranchTreeModel::nameAt(const QModelIndex &index) const
{
    return index.isValid() ? m_rows[index.internalId()].name : QString();
}

QModelIndex BranchTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount
        || (parent.isValid() && parent.column() != 0))
        return {};
    const auto &siblings = parent.isValid() ? m_children[parent.internalId()] : m_roots;
    if (row >= static_cast<int>(siblings.size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(siblings[static_cast<size_t>(row)]));
}

QModelIndex BranchTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_parentOf[child.internalId()];
    if (parent < 0)
        return {};
    const int grand = m_parentOf[static_cast<size_t>(parent)];
    const auto &siblings = grand < 0 ? m_roots : m_children[static_cast<size_t>(grand)];
    const auto at = std::find(siblings.begin(), siblings.end(), parent);
    return createIndex(static_cast<int>(at - siblings.begin()), 0, static_cast<quintptr>(parent));
}

int BranchTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_children[parent.internalId()].size());
}

int BranchTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant BranchTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows[index.internalId()];
    const bool main = r.parent.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return r.merged ? tr("%1 (merged)").arg(r.name) : r.name;
        case ForkPoint:
            if (main)
                return QString();
            return r.truncated ? tr("%1@%2, truncated").arg(r.parent).arg(r.forkPosition)
                               : QStringLiteral("%1@%2").arg(r.parent).arg(r.forkPosition);
        case Events:
            return r.events < 0 ? QVariant(QStringLiteral("…")) : QVariant(r.events);
        case Edits:
            if (main)
                return QString();
            return r.regenerated > 0 ? tr("%1 + %2 re-processed").arg(r.edits).arg(r.regenerated)
                                     : QString::number(r.edits);
        case Model:
            return r.model.isEmpty() ? (main ? tr("the log's") : tr("inherited")) : r.model;
        }
        break;
    case Qt::FontRole:
        if (r.name == m_current) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return r.name == m_current ? tr("The debugger follows this history")
                                       : tr("Double-click to follow this history");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Events)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case NameRole:
        return r.name;
    }
    return {};
}

QVariant BranchTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("History");
    case ForkPoint:
        return tr("Fork point");
    case Events:
        return tr("Events");
    case Edits:
        return tr("Edits");
    case Model:
        return tr("Model");
    }
    return {};
}

} // namespace Chronoscope
