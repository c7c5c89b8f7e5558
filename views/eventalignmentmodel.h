#pragma once

#include "history/historydiff.h"

#include <QAbstractTableModel>

#include <vector>

namespace Chronoscope {

/// Where two histories differ, event by event, in history order: events only in A, only in B,
/// and changed (the same id or place, different content), with their positions on each side.
/// The first divergence is marked.
class EventAlignmentModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { PositionA, PositionB, Difference, Type, Id, ColumnCount };
    enum class Kind { OnlyInA, OnlyInB, Changed };
    enum Role { PositionARole = Qt::UserRole + 1, PositionBRole, KindRole };

    explicit EventAlignmentModel(QObject *parent = nullptr);

    void setEvents(const HistoryDiff::Events &events);
    /// The row of the first divergence, -1 when the histories are the same.
    int firstDivergenceRow() const { return m_firstRow; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        HistoryDiff::EventRef ref;
        Kind kind;
    };
    std::vector<Row> m_rows;
    int m_firstRow = -1;
};

} // namespace Chronoscope
