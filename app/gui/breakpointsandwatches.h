#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

class QWidget;

namespace Chronoscope {

class BreakpointsPanel;
class DebugSession;
class EventLog;
class WatchesPanel;

/// Keeps the breakpoints (saved in the log) and the watch expressions (saved in the settings)
/// the same in their panels, in the replay and where they are saved; expressions are checked
/// before they are kept.
class BreakpointsAndWatches : public QObject
{
    Q_OBJECT

public:
    BreakpointsAndWatches(QWidget *window,
                          DebugSession *session,
                          BreakpointsPanel *breakpoints,
                          WatchesPanel *watches);

    /// The log whose breakpoints these are (null: none).
    void setLog(EventLog *log);
    /// Adds a breakpoint on an event type, or removes the ones there are; says which it did.
    QString toggleTypeBreakpoint(const std::string &type);
    /// Counts a stop at these breakpoints.
    void recordHits(const std::vector<int64_t> &ids);

private:
    void reloadBreakpoints();
    void setWatches(const QStringList &expressions);

    QWidget *m_window;
    DebugSession *m_session;
    BreakpointsPanel *m_breakpoints;
    WatchesPanel *m_watches;
    EventLog *m_log = nullptr;
};

} // namespace Chronoscope
