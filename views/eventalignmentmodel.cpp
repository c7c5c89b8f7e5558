#include "eventalignmentmodel.h"
#include "palette.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace Chronoscope {

EventAlignmentModel::EventAlignmentModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void EventAlignmentModel::setEvents(const HistoryDiff::Events &events)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &r : events.onlyInA)
        m_rows.push_back({r, Kind::OnlyInA});
    for (const auto &r : events.onlyInB)
        m_rows.push_back({r, Kind::OnlyInB});
    for (const auto &r : events.changed)
        m_rows.push_back({r, Kind::Changed});
    // In history order: by the position on whichever side has the event (A's first).
    auto place = [](const Row &row) {
        return row.ref.positionA > 0 ? row.ref.positionA : row.ref.positionB;
    };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&place](const Row &x, const Row &y) {
        return place(x) < place(y);
    });
    m_firstRow = -1;
    if (events.firstDivergence) {
        for (size_t i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].ref.positionA == *events.firstDivergence
                || m_rows[i].ref.positionB == *events.firstDivergence) {
                m_firstRow = static_cast<int>(i);
                break;
            }
        }
    }
    endResetModel();
}

int EventAlignmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventAlignmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventAlignmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    const bool first = index.row() == m_firstRow;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PositionA:
            return row.ref.positionA > 0 ? QVariant::fromValue<qlonglong>(row.ref.positionA)
                                         : QVariant(QString());
        case PositionB:
            return row.ref.positionB > 0 ? QVariant::fromValue<qlonglong>(row.ref.positionB)
                                         : QVariant(QString());
        case Difference: {
            const QString kind = row.kind == Kind::OnlyInA   ? tr("only in A")
                                 : row.kind == Kind::OnlyInB ? tr("only in B")
                                                             : tr("changed");
            return first ? tr("%1 — first divergence").arg(kind) : kind;
        }
        case Type:
            return QString::fromStdString(row.ref.type);
        case Id:
            return QString::fromStdString(row.ref.id);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == Difference)
            return QBrush(row.kind == Kind::OnlyInA   ? Palette::current().error
                          : row.kind == Kind::OnlyInB ? Palette::current().onlyInB
                                                      : Palette::current().differs);
        break;
    case Qt::BackgroundRole:
        if (first)
            return QBrush(Palette::current().matchTint);
        break;
    case Qt::FontRole:
        if (first) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PositionA || index.column() == PositionB)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PositionARole:
        return QVariant::fromValue<qlonglong>(row.ref.positionA);
    case PositionBRole:
        return QVariant::fromValue<qlonglong>(row.ref.positionB);
    case KindRole:
        return static_cast<int>(row.kind);
    }
    return {};
}

QVariant EventAlignmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PositionA:
        return tr("A");
    case PositionB:
        return tr("B");
    case Difference:
        return tr("Difference");
    case Type:
        return tr("Type");
    case Id:
        return tr("Id");
    }
    return {};
}

} // namespace Chronoscope
