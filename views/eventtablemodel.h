#pragma once

#include "base/eventfilter.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <map>
#include <vector>

namespace Chronoscope {

class EventLog;
class History;
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
    /// Shows a branch's events instead of the log's (null: the log's again); rows are then
    /// positions of the branch. `edited` marks the positions the branch inserted, replaced or
    /// regenerated, with how. The history must outlive the model or be replaced first.
    void setHistory(History *history, std::map<int64_t, QString> edited = {});
    History *history() const { return m_history; }

    /// Shows only the events the filter selects (its seq range, limit and columns are not
    /// used); an empty filter shows every event. The filter's search needs an up-to-date
    /// full-text index (SearchIndex::update()) on main; on a branch it looks for the text in the
    /// payloads as they are read.
    void setFilter(const EventFilter &filter);
    bool isFiltered() const { return m_filtered; }
    /// The row of an event, or -1 when the filter hides it.
    int rowOf(int64_t seq) const;
    int64_t seqAt(int row) const;

    /// Events reversed by merged branches (seq → why): struck through, the reason as tooltip.
    void setReversed(std::map<int64_t, QString> reversed);

    /// Marks the replay's position: that row gets an arrow and a tint.
    void setCurrentSeq(int64_t seq);
    int64_t currentSeq() const { return m_current; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const EventHeader *header(int row) const;

    void reset(EventLog *log, History *history, std::map<int64_t, QString> edited);
    std::vector<int64_t> matchingPositions(const EventFilter &filter) const;
    int totalRows() const;

    EventLog *m_log = nullptr;
    History *m_history = nullptr;
    std::map<int64_t, QString> m_edited;
    int m_rows = 0;
    bool m_filtered = false;
    std::vector<int64_t> m_seqs; // the rows' seqs when filtered
    int64_t m_current = 0;
    std::map<int64_t, QString> m_reversed;
    mutable QIcon m_currentIcon; // drawn on first use
    // Pages of headers by first row; a bounded cache, so scrolling through millions of rows
    // keeps memory flat.
    mutable std::map<int, std::vector<EventHeader>> m_pages;
};

} // namespace Chronoscope
