#pragma once

#include <QObject>

#include <cstdint>

class QMenu;
class QWidget;

namespace Chronoscope {

class EventLog;
class TimelineView;

/// Named positions of main, saved in the log: the Bookmarks menu (choose one to go there) and
/// their flags on the timeline.
class Bookmarks : public QObject
{
    Q_OBJECT

public:
    Bookmarks(QWidget *window, QMenu *menu, TimelineView *timeline);

    void setLog(EventLog *log);
    /// Asks for a name and bookmarks the event.
    void add(int64_t seq);

signals:
    void jumpRequested(qint64 seq);

private:
    void reload();

    QWidget *m_window;
    QMenu *m_menu;
    TimelineView *m_timeline;
    EventLog *m_log = nullptr;
};

} // namespace Chronoscope
