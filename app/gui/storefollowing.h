#pragma once

#include <QObject>

class QAction;
class QTimer;

namespace Chronoscope {

class DebugSession;
class EventList;
class LogFiles;
class TimelinePanel;

/// What the window does while it follows a live store (LogFiles follows it): the new events
/// join the event list and the debugger's reach, the position and the selection stay, the
/// timeline's density is read again at most every ten seconds, and the stop action is enabled
/// while it lasts.
class StoreFollowing : public QObject
{
    Q_OBJECT

public:
    StoreFollowing(LogFiles *files,
                   EventList *events,
                   DebugSession *session,
                   TimelinePanel *timeline,
                   QObject *parent);

    /// The action that ends following: enabled while a store is followed.
    void setStopAction(QAction *stop) { m_stop = stop; }

signals:
    /// Something the status bar says changed: the log grew, following began or ended.
    void statusChanged();

private:
    QTimer *m_timelineRefresh;
    QAction *m_stop = nullptr;
};

} // namespace Chronoscope
