#pragma once

#include <QWidget>

#include <cstdint>
#include <map>

class QLineEdit;
class QTableView;

namespace Chronoscope {

class EventLog;
class EventTableModel;
class LogReader;

/// The event list in the middle of the window, with its filter bar (type, stream and source
/// globs, payload search): the events of the history the debugger follows — main, or a branch,
/// whose inserted, replaced and regenerated events are marked.
class EventList : public QWidget
{
    Q_OBJECT

public:
    explicit EventList(QWidget *parent = nullptr);

    EventTableModel *model() const { return m_model; }
    /// What reads the list's rows off the GUI thread (and, for the window, the selected event
    /// and the timeline's marks).
    LogReader *reader() const { return m_reader; }
    QTableView *view() const { return m_view; }

    /// Shows main's events of `log` (null: none); clears the filters. The first row is selected
    /// when the rows are in.
    void setLog(EventLog *log);
    /// Shows the events of main or a branch of the log, its inserted, replaced and regenerated
    /// events marked; keeps the filters and the selected position.
    void setHistory(const QString &name);

    /// The log has more events at the end (a live source appended them): shows them, keeping
    /// the rows, the filters, the scroll position and the selection.
    void grow();

    /// The event (position) selected, 0 when none.
    int64_t selectedSeq() const;
    /// Selects an event, keeping it away from the edges of the list like a debugger's line.
    void selectSeq(int64_t seq);
    /// Shows only events of this type and this source (empty: any).
    void filterBy(const QString &type, const QString &source);
    void applyFilter();

signals:
    void selectionChanged();
    /// Double-clicked: replay to it.
    void activated(qint64 seq);
    /// The filter changed: the type and source patterns it has now (empty: any).
    void filtered(const QString &type, const QString &source);
    /// A filter could not be applied: why.
    void message(const QString &text);

private:
    EventLog *m_log = nullptr;
    LogReader *m_reader;
    EventTableModel *m_model;
    QString m_history = QStringLiteral("main");
    int64_t m_wanted = 0;
    bool m_sizeColumns = false; // the position to select when the rows come in
    QTableView *m_view;
    QLineEdit *m_typeFilter;
    QLineEdit *m_streamFilter;
    QLineEdit *m_sourceFilter;
    QLineEdit *m_textFilter;
};

} // namespace Chronoscope
