#include "projectiontablemodel.h"
#include "palette.h"

#include <QColor>

#include <algorithm>

namespace Chronoscope {

namespace {

QString duration(Timestamp::Micros micros)
{
    const double ms = static_cast<double>(micros) / 1000.0;
    if (ms < 1000.0)
        return ProjectionTableModel::tr("%1 ms").arg(ms, 0, 'f', 0);
    if (ms < 120000.0)
        return ProjectionTableModel::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    return ProjectionTableModel::tr("%1 min").arg(ms / 60000.0, 0, 'f', 1);
}

} // namespace

ProjectionTableModel::ProjectionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProjectionTableModel::setStatuses(std::vector<ReadSide::Status> statuses)
{
    const bool sameRows = statuses.size() == m_statuses.size()
                          && std::equal(statuses.begin(),
                                        statuses.end(),
                                        m_statuses.begin(),
                                        [](const auto &a, const auto &b) {
                                            return a.projection == b.projection;
                                        });
    if (!sameRows)
        beginResetModel();
    m_statuses = std::move(statuses);
    if (!sameRows)
        endResetModel();
    else if (!m_statuses.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ProjectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_statuses.size());
}

int ProjectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReadSide::Status &s = m_statuses[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(s.projection);
        case Checkpoint:
            return s.checkpoint > 0 ? tr("event %1").arg(s.checkpoint) : tr("(none yet)");
        case Pending:
            return s.pending == 0 ? tr("up to date")
                                  : tr("%n event(s) behind", nullptr, static_cast<int>(s.pending));
        case Lag:
            return s.pending == 0 ? QString() : tr("caught up %1 later").arg(duration(s.catchUp));
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Pending)
        return tr("Events recorded by this moment that the read side had not processed yet "
                  "(their processed_at is later)");
    if (role == Qt::ForegroundRole && index.column() == Pending && s.pending > 0)
        return Palette::current().warning;
    return {};
}

QVariant ProjectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Projection");
    case Checkpoint:
        return tr("Checkpoint");
    case Pending:
        return tr("Read side");
    case Lag:
        return tr("Lag");
    }
    return {};
}

} // namespace Chronoscope
