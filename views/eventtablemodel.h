#pragma once

#include "session/logreader.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <map>
#include <set>
#include <vector>

namespace Chronoscope {

/// The events of a history as a table, one row per event. Rows are read by a LogReader, off the
/// GUI thread, a page at a time as views ask for them (a row shows empty until its page
/// arrives), and payloads are never read, so a log of millions of events opens at once. The
/// reader decides what is shown (its history and filter); the model follows its answers.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Seq, RecordedAt, ProcessedAt, Lag, Stream, Type, Source, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, RecordedAtRole, LagRole };

    explicit EventTableModel(QObject *parent = nullptr);
    ~EventTableModel() override;

    /// Shows what `reader` reads (null: nothing). The reader must outlive the model or be
    /// replaced first.
    void setReader(LogReader *reader);
    LogReader *reader() const { return m_reader; }

    bool isFiltered() const { return m_filtered; }
    /// The row of an event, or -1 when the filter hides it (or the rows are not read yet).
    int rowOf(int64_t seq) const;
    int64_t seqAt(int row) const;
    /// Why the rows shown are not the ones asked for (a bad filter); empty when they are.
    QString rowsError() const { return m_rowsError; }

    /// Marks the replay's position: that row gets an arrow and a tint.
    void setCurrentSeq(int64_t seq);
    int64_t currentSeq() const { return m_current; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// The rows of a new history or filter are in (after the model reset).
    void rowsChanged();

private:
    void takeRows(quint64 generation, const std::shared_ptr<const LogReader::Rows> &rows);
    /// More rows at the end: inserted, the rows before them and the views' selection kept.
    void takeGrownRows(quint64 generation, const std::shared_ptr<const LogReader::Rows> &rows);
    void takeMarks(const LogReader::Rows &rows);
    void takePage(quint64 generation,
                  int firstRow,
                  const std::shared_ptr<const std::vector<EventHeader>> &page);
    const EventHeader *header(int row) const;

    LogReader *m_reader = nullptr;
    QMetaObject::Connection m_rowsConnection;
    QMetaObject::Connection m_pageConnection;
    QMetaObject::Connection m_grownConnection;
    int m_rows = 0;
    bool m_filtered = false;
    QString m_rowsError;
    std::vector<int64_t> m_seqs; // the rows' seqs when filtered
    std::map<int64_t, QString> m_edited;
    std::map<int64_t, QString> m_reversed;
    int64_t m_current = 0;
    mutable QIcon m_currentIcon; // drawn on first use
    // Pages of headers by first row; a bounded cache, so scrolling through millions of rows
    // keeps memory flat. Pages asked for and not in yet are pending.
    mutable std::map<int, std::shared_ptr<const std::vector<EventHeader>>> m_pages;
    mutable std::set<int> m_pending;
};

} // namespace Chronoscope
