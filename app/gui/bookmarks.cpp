#include "bookmarks.h"

#include "log/bookmarkstore.h"
#include "log/eventlog.h"
#include "timelineview.h"

#include <QInputDialog>
#include <QMenu>

namespace Chronoscope {

Bookmarks::Bookmarks(QWidget *window, QMenu *menu, TimelineView *timeline)
    : QObject(window)
    , m_window(window)
    , m_menu(menu)
    , m_timeline(timeline)
{}

void Bookmarks::setLog(EventLog *log)
{
    m_log = log;
    reload();
}

void Bookmarks::add(int64_t seq)
{
    if (!m_log || seq <= 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(m_window,
                                               tr("Add Bookmark"),
                                               tr("Name of event %1:").arg(seq),
                                               QLineEdit::Normal,
                                               QString(),
                                               &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    BookmarkStore(*m_log).set(seq, name.trimmed().toStdString());
    reload();
}

void Bookmarks::reload()
{
    m_menu->clear();
    std::map<int64_t, int64_t> marks;
    if (m_log) {
        for (const auto &b : BookmarkStore(*m_log).list()) {
            const auto event = m_log->event(b.seq);
            if (!event)
                continue;
            marks[b.seq] = event->recordedAt;
            const int64_t seq = b.seq;
            m_menu->addAction(
                    QStringLiteral("%1  —  %2").arg(seq).arg(QString::fromStdString(b.name)),
                    this,
                    [this, seq] { emit jumpRequested(seq); });
        }
    }
    if (marks.empty())
        m_menu->addAction(tr("No bookmarks (Ctrl+D adds one)"))->setEnabled(false);
    m_timeline->setBookmarks(std::move(marks));
}

} // namespace Chronoscope
