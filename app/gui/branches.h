#pragma once

#include "timelineview.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>

class QUndoStack;
class QWidget;

namespace Chronoscope {

class Error;

class ReprocessingCache;

class BranchPanel;
class EventLog;
class History;

/// What the branches panel does to the log: forks and re-processing, skip / insert / replace
/// edits through the window's undo stack, merges (after a confirmation listing the corrections
/// they append) and deletions; keeps the tree of histories up to date.
class Branches : public QObject
{
    Q_OBJECT

public:
    /// `position` and `selected` say where the debugger is and which event the list selects,
    /// as positions of the followed history.
    Branches(QWidget *window,
             BranchPanel *panel,
             QUndoStack *undo,
             std::function<int64_t()> position,
             std::function<int64_t()> selected);

    void setLog(EventLog *log);
    /// Where re-processed branches are remembered: the window's, shared with its replay.
    void setReprocessingCache(std::shared_ptr<ReprocessingCache> cache)
    {
        m_reprocessing = std::move(cache);
    }
    /// The history the debugger follows: edits apply to it, forks start from it.
    void setFollowed(const QString &name);
    QString followed() const { return m_followed; }
    void reload();
    /// Opens a history in a thread of its own, so that re-processing it with its model's
    /// handlers (remembered for the next open) does not hold up the window; then calls `then`
    /// in this thread with the error, if any.
    void prepare(const QString &name, std::function<void(const QString &error)> then);
    /// What the timeline marks: on main, where each branch of main forks; on a branch, its fork
    /// point and the events it edited.
    std::vector<TimelineView::BranchMark> timelineMarks() const;

    // The panel's actions, also for the window's menus and tests. Dialogs ask what they need;
    // the ones given a name or JSON do not.
    void fork(const QString &name = {});
    void reprocess(const QString &modelFile = {}, const QString &name = {});
    void skipSelected();
    void insertAfterSelected(const QString &json = {});
    void replaceSelected(const QString &json = {});
    void merge(const QString &branch, bool confirm = true);
    /// Takes main back to `seq` (the debugger's position when 0 or less), every later event
    /// reversed, nothing deleted (Reverter).
    void revertTo(int64_t seq = 0, bool confirm = true);
    void remove(const QString &branch, bool confirm = true);

signals:
    /// The debugger should follow this history now.
    void followRequested(const QString &name);
    /// A branch's events changed (an edit, its undo or redo).
    void branchChanged(const QString &name);
    /// Main changed: a merge appended corrections.
    void mainChanged();

private:
    std::shared_ptr<ReprocessingCache> m_reprocessing; // set by the window before use
    bool requireBranch();
    QString askName(const QString &suggestion);
    void create(const QString &name, const std::optional<std::string> &model);
    void push(const std::function<class BranchEditCommand()> &make);
    void report(const QString &text);
    /// A merge or revert was refused: said in the panel, and in a message box when asked.
    void refused(const QString &title, const Error &e, bool confirm);
    /// Main's replay changed (a merge or revert): undo history cleared, the window told.
    void mainRewritten();

    QWidget *m_window;
    BranchPanel *m_panel;
    QUndoStack *m_undo;
    std::function<int64_t()> m_position;
    std::function<int64_t()> m_selected;
    EventLog *m_log = nullptr;
    QString m_followed = QStringLiteral("main");
    std::set<QString> m_preparing; // branches being re-processed in a thread
};

} // namespace Chronoscope
