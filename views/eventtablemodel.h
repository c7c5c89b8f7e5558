#pragma once

#include <QAbstractTableModel>

#include <map>
#include <vector>

namespace Chronoscope {

class EventLog;
struct EventHeader;

/// The events of a log as a table, one row per seq. Rows are read from the log a page at a time
/// as views ask for them, and payloads are never read, so a log of millions of events opens at
/// once. The log must outlive the model (or be replaced with setLog before it goes away).
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Seq, RecordedAt, ProcessedAt, Lag, Stream, Type, Source, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, RecordedAtRole, LagRole };

    explicit EventTableModel(QObject *parent = nullptr);
    ~EventTableModel() override;

    void setLog(EventLog *log);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const EventHeader *header(int row) const;

    EventLog *m_log = nullptr;
    int m_rows = 0;
    // Pages of headers by first row; a bounded cache, so scrolling through millions of rows
    // keeps memory flat.
    mutable std::map<int, std::vector<EventHeader>> m_pages;
};

} // namespace Chronoscope
