#pragma once

#include "base/event.h"
#include "base/eventfilter.h"
#include "debug/causality.h"
#include "debug/timelinedata.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

class ReprocessingCache;

/// Reads what the views show of a history off the GUI thread, so that nothing that grows with
/// the log waits there: the event list's rows and pages, the selected event with its causality,
/// the timeline's marks. It has its own connection to the log and its own opening of the
/// followed history, on a thread of its own; every answer comes back on the thread that asked,
/// as a typed snapshot, with the generation (history and filter) it was read for. Work for an
/// older generation is skipped and its answers are dropped, so the newest question wins.
class LogReader : public QObject
{
    Q_OBJECT

public:
    /// The rows of one generation.
    struct Rows
    {
        int64_t count = 0;
        /// The history's length, whatever the filter shows (set by grow()).
        int64_t length = 0;
        bool filtered = false;
        std::vector<int64_t> positions; ///< the rows' positions when filtered
        /// Positions the followed branch inserted, replaced or regenerated, with how.
        std::map<int64_t, std::string> edited;
        /// Events reversed by merged branches (main only): seq → why.
        std::map<int64_t, std::string> reversed;
        std::string error; ///< why the rows are empty (a bad filter, a history that failed)
    };
    /// One event, for the inspector.
    struct EventRead
    {
        int64_t position = 0;
        std::optional<Event> event;
        Causality causality;
    };

    explicit LogReader(QObject *parent = nullptr);
    ~LogReader() override;

    /// Reads main or a branch of the log at `path` from now on (an empty path: nothing), every
    /// row shown. Starts a new generation.
    void open(const QString &path, const QString &history);
    /// Shows only the events the filter selects (its stream, type, source and search; an empty
    /// filter shows every event). Starts a new generation.
    void setFilter(const EventFilter &filter);
    /// The log has grown (a live source appended events): reads the history's new length —
    /// filtered, the new rows that match — in the same generation, so the rows already read,
    /// the pages on their way and the selection stay. Answered by rowsGrown().
    void grow();
    quint64 generation() const { return m_generation; }
    /// Remembers re-processed branches there (set it before the first open()).
    void setReprocessingCache(std::shared_ptr<ReprocessingCache> cache)
    {
        m_reprocessing = std::move(cache);
    }

    /// Asks for the headers of rows firstRow… (up to `count`); answered by pageRead().
    void readPage(int firstRow, int count);
    /// Asks for the event at a position and its causality; answered by eventRead().
    void readEvent(int64_t position);
    /// Asks for up to `limit` events recorded between two times, as the timeline's marks of
    /// `timeline` (its lanes); answered by marksRead().
    void
    readMarks(std::shared_ptr<const TimelineData> timeline, int64_t from, int64_t to, size_t limit);

signals:
    void rowsRead(quint64 generation, std::shared_ptr<const LogReader::Rows> rows);
    /// The rows after grow(): the same as before, and more at the end.
    void rowsGrown(quint64 generation, std::shared_ptr<const LogReader::Rows> rows);
    void pageRead(quint64 generation,
                  int firstRow,
                  std::shared_ptr<const std::vector<EventHeader>> page);
    void eventRead(quint64 generation, std::shared_ptr<const LogReader::EventRead> event);
    void marksRead(quint64 generation,
                   int64_t from,
                   int64_t to,
                   std::shared_ptr<const std::vector<TimelineData::Mark>> marks);

private:
    struct Reading;
    /// Runs `work` on the reader's thread; when gated, not if a newer generation has begun by
    /// then (a page of an old generation). Opening and filtering always run: later questions
    /// are asked of what they set up. The selected event and the marks are read whatever the
    /// list shows: their askers drop answers to questions they no longer ask.
    void run(quint64 generation, std::function<void(Reading &)> work, bool gated = true);
    /// Hands an answer to the asking thread; when gated, dropped there if its generation is old.
    void answer(quint64 generation, std::function<void()> deliver, bool gated = true);

    std::shared_ptr<ReprocessingCache> m_reprocessing;
    QThread m_thread;
    std::unique_ptr<QObject> m_worker;  // lives on m_thread
    std::unique_ptr<Reading> m_reading; // used on m_thread only
    quint64 m_generation = 0;
    std::atomic<quint64> m_latest{0};
};

} // namespace Chronoscope
