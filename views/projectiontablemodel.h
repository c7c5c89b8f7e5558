#pragma once

#include "debug/readside.h"

#include <QAbstractTableModel>

#include <vector>

namespace Chronoscope {

/// The projections of the model at the debugger's position: one row each, with its checkpoint
/// and how far it lagged behind the write side at that moment.
class ProjectionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Checkpoint, Pending, Lag, ColumnCount };

    explicit ProjectionTableModel(QObject *parent = nullptr);

    void setStatuses(std::vector<ReadSide::Status> statuses);
    const std::vector<ReadSide::Status> &statuses() const { return m_statuses; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ReadSide::Status> m_statuses;
};

} // namespace Chronoscope
