#include "watchtablemodel.h"
#include "palette.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace Chronoscope {

WatchTableModel::WatchTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void WatchTableModel::setExpressions(const QStringList &expressions)
{
    beginResetModel();
    m_expressions = expressions;
    m_watches.clear();
    endResetModel();
}

void WatchTableModel::setValues(const std::vector<WatchList::Watch> &watches)
{
    m_watches = watches;
    if (!m_expressions.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int WatchTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_expressions.size());
}

int WatchTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WatchTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<size_t>(index.row());
    const WatchList::Watch *watch = nullptr;
    // The values belong to the expressions only when the worker has evaluated these.
    if (row < m_watches.size()
        && m_watches[row].expression == m_expressions[index.row()].toStdString())
        watch = &m_watches[row];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == Expression)
            return m_expressions[index.row()];
        if (!watch)
            return role == Qt::DisplayRole ? tr("…") : QVariant();
        if (!watch->error.empty())
            return QString::fromStdString(watch->error);
        return watch->value ? QString::fromStdString(ExpressionEngine::display(*watch->value))
                            : QString();
    case Qt::ForegroundRole:
        if (index.column() == Value && watch && !watch->error.empty())
            return QBrush(Palette::current().error);
        break;
    case Qt::FontRole:
        if (index.column() == Value && watch && watch->changed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::BackgroundRole:
        if (watch && watch->changed && watch->error.empty())
            return QBrush(Palette::current().matchTint);
        break;
    }
    return {};
}

QVariant WatchTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Expression ? tr("Expression") : tr("Value");
}

} // namespace Chronoscope
