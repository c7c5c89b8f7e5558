#pragma once

#include "debug/watchlist.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace Chronoscope {

/// The watch expressions and their values at the replay's position; values that changed since
/// the previous position are highlighted, failures show their error.
class WatchTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Expression, Value, ColumnCount };

    explicit WatchTableModel(QObject *parent = nullptr);

    void setExpressions(const QStringList &expressions);
    QStringList expressions() const { return m_expressions; }
    /// The values at the position, in the order of the expressions.
    void setValues(const std::vector<WatchList::Watch> &watches);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList m_expressions;
    std::vector<WatchList::Watch> m_watches;
};

} // namespace Chronoscope
