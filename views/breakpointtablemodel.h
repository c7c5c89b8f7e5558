#pragma once

#include "base/breakpoint.h"

#include <QAbstractTableModel>

#include <vector>

namespace Chronoscope {

/// The breakpoints as a table: enabled (checkable), kind, pattern, hits. Toggling the check box
/// asks for the change (enabledChanged()); the owner saves it and sets the list again.
class BreakpointTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Enabled, Kind, Pattern, Hits, ColumnCount };

    explicit BreakpointTableModel(QObject *parent = nullptr);

    void setBreakpoints(std::vector<Breakpoint> breakpoints);
    const std::vector<Breakpoint> &breakpoints() const { return m_breakpoints; }
    /// Marks the breakpoints of the last stop.
    void setHit(std::vector<int64_t> ids);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString kindLabel(Breakpoint::Kind kind);

signals:
    void enabledChanged(qint64 id, bool enabled);

private:
    std::vector<Breakpoint> m_breakpoints;
    std::vector<int64_t> m_hit;
};

} // namespace Chronoscope
