#include "breakpointtablemodel.h"
#include "palette.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace Chronoscope {

BreakpointTableModel::BreakpointTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString BreakpointTableModel::kindLabel(Breakpoint::Kind kind)
{
    switch (kind) {
    case Breakpoint::Kind::Type:
        return tr("Event type");
    case Breakpoint::Kind::Stream:
        return tr("Stream");
    case Breakpoint::Kind::Source:
        return tr("Source");
    case Breakpoint::Kind::Condition:
        return tr("Condition");
    case Breakpoint::Kind::Change:
        return tr("Value changes");
    }
    return {};
}

void BreakpointTableModel::setBreakpoints(std::vector<Breakpoint> breakpoints)
{
    beginResetModel();
    m_breakpoints = std::move(breakpoints);
    endResetModel();
}

void BreakpointTableModel::setHit(std::vector<int64_t> ids)
{
    m_hit = std::move(ids);
    if (!m_breakpoints.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int BreakpointTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_breakpoints.size());
}

int BreakpointTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakpointTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Breakpoint &b = m_breakpoints[static_cast<size_t>(index.row())];
    const bool hit = std::find(m_hit.begin(), m_hit.end(), b.id) != m_hit.end();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Kind:
            return kindLabel(b.kind);
        case Pattern:
            return QString::fromStdString(b.pattern);
        case Hits:
            return QVariant::fromValue<qlonglong>(b.hits);
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == Enabled)
            return b.enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (index.column() == Pattern)
            return QString::fromStdString(b.pattern);
        break;
    case Qt::FontRole:
        if (hit) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::BackgroundRole:
        if (hit)
            return QBrush(Palette::current().breakpointTint);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Hits)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::UserRole:
        return QVariant::fromValue<qlonglong>(b.id);
    }
    return {};
}

bool BreakpointTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != Enabled || role != Qt::CheckStateRole)
        return false;
    Breakpoint &b = m_breakpoints[static_cast<size_t>(index.row())];
    b.enabled = value.toInt() == Qt::Checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit enabledChanged(b.id, b.enabled);
    return true;
}

Qt::ItemFlags BreakpointTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Enabled)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant BreakpointTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Enabled:
        return tr("On");
    case Kind:
        return tr("Kind");
    case Pattern:
        return tr("Pattern or expression");
    case Hits:
        return tr("Hits");
    }
    return {};
}

} // namespace Chronoscope
