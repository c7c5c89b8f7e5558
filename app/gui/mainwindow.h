#pragma once

#include "base/breakpoint.h"
#include "base/event.h"
#include "debug/timelinedata.h"
#include "eventinspector.h"
#include "session/logreader.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;
class QUndoStack;

namespace Chronoscope {

class Bookmarks;
class BranchPanel;
class Branches;
class BreakpointsAndWatches;
class ChainGraph;
class CompareView;
class EventChainPanel;
class HistoryPanels;
class BreakpointsPanel;
class DebugSession;
class EventInspector;
class EventList;
class EventLog;
class EventTableModel;
class History;
class LogFiles;
class StateInspector;
class TimelinePanel;
class TimelineView;
class WatchesPanel;

/// The Chronoscope window: the event list in the middle; the state and event inspectors, the
/// timeline, breakpoints and watches in docks; the debugger's actions in the Debug menu, the
/// toolbar and the command palette. Replays run in the DebugSession's worker thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a Chronoscope log; on failure keeps the current one and returns the reason.
    QString openLog(const QString &path);
    /// Opens a log, or imports a JSON file into a new log next to it and opens that.
    void openFile(const QString &path);
    QString logPath() const;

    EventTableModel *eventModel() const { return m_eventModel; }
    DebugSession *session() const { return m_session; }
    StateInspector *stateInspector() const { return m_stateInspector; }
    EventInspector *eventInspector() const { return m_eventInspector; }
    TimelineView *timeline() const { return m_timeline; }
    BreakpointsPanel *breakpointsPanel() const { return m_breakpointsPanel; }
    WatchesPanel *watchesPanel() const { return m_watchesPanel; }
    HistoryPanels *panels() const { return m_panels; }
    QAction *action(const QString &name) const;
    /// The event selected in the list, 0 when none.
    int64_t selectedSeq() const;

public slots:
    void showOpenDialog();
    void showImportDialog();
    void showGoToDialog();
    void showCommandPalette();
    void toggleBreakpointOnSelectedType();
    void addBookmark();
    /// Debugs another history ("main" or a branch) at the same position.
    void follow(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void createToolBar();
    void updateStatus();
    void onUpdated();
    void onSelectionChanged();
    void onEventRead(const std::shared_ptr<const LogReader::EventRead> &read);
    void showDetails(const EventInspector::Details &details);
    void selectSeq(int64_t seq);
    void setPlaying(bool playing);
    // The event at a position of the followed history.
    void updateTimelineMarks();
    void followPrepared(const QString &name, const QString &error);

    std::unique_ptr<EventLog> m_log;
    DebugSession *m_session;
    EventList *m_events;
    EventTableModel *m_eventModel;
    StateInspector *m_stateInspector;
    EventInspector *m_eventInspector;
    TimelinePanel *m_timelinePanel;
    TimelineView *m_timeline;
    BreakpointsPanel *m_breakpointsPanel;
    WatchesPanel *m_watchesPanel;
    BreakpointsAndWatches *m_marks = nullptr;
    QUndoStack *m_undo;
    HistoryPanels *m_panels = nullptr;
    int64_t m_followPosition = -1; // where to go once the followed history is open
    std::vector<QDockWidget *> m_docks;
    Bookmarks *m_bookmarks = nullptr;
    QMenu *m_viewMenu = nullptr;
    QTimer *m_playTimer;
    QComboBox *m_speedBox = nullptr;
    LogFiles *m_files;

    QLabel *m_positionLabel;
    QLabel *m_revisionLabel;
    QLabel *m_modelLabel;
    QLabel *m_replayLabel;
    QLabel *m_countLabel;
    QString m_lastMessage;
};

} // namespace Chronoscope
