#include "storefollowing.h"

#include "eventlist.h"
#include "logfiles.h"
#include "session/debugsession.h"
#include "session/logreader.h"
#include "timelinepanel.h"

#include <QAction>
#include <QTimer>

namespace Chronoscope {

StoreFollowing::StoreFollowing(LogFiles *files,
                               EventList *events,
                               DebugSession *session,
                               TimelinePanel *timeline,
                               QObject *parent)
    : QObject(parent)
    , m_timelineRefresh(new QTimer(this))
{
    m_timelineRefresh->setSingleShot(true);
    m_timelineRefresh->setInterval(10000);
    connect(m_timelineRefresh, &QTimer::timeout, this, [session, timeline] {
        session->loadTimeline(timeline->lanes());
    });
    connect(files, &LogFiles::logGrew, this, [this, events] {
        events->grow();
        if (!m_timelineRefresh->isActive())
            m_timelineRefresh->start();
    });
    connect(events->reader(),
            &LogReader::rowsGrown,
            this,
            [this, session](quint64, const std::shared_ptr<const LogReader::Rows> &rows) {
                if (session->history() == QLatin1String("main"))
                    session->historyGrew(rows->length);
                emit statusChanged();
            });
    connect(files, &LogFiles::followingChanged, this, [this, files] {
        if (m_stop)
            m_stop->setEnabled(!files->followedStore().isEmpty());
        emit statusChanged();
    });
}

} // namespace Chronoscope
