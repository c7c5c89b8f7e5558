#include "session/logreader.h"

#include "base/error.h"
#include "history/branchhistory.h"
#include "log/eventlog.h"
#include "log/history.h"

#include <QMetaObject>

namespace Chronoscope {

// What the reader's thread holds: the connection, the history and the rows of the generation.
struct LogReader::Reading
{
    std::string path;
    std::string historyName;
    std::unique_ptr<EventLog> log;
    std::unique_ptr<History> history;
    bool filtered = false;
    EventFilter filter;
    std::vector<int64_t> positions;
};

namespace {

std::vector<int64_t> matchingPositions(History &history, const EventFilter &filter)
{
    // A branch's events are not all in the log: they are matched as they are read (the search
    // as plain text in the payload: the full-text index covers the log's events).
    const QString text = filter.search ? QString::fromStdString(*filter.search) : QString();
    std::vector<int64_t> positions;
    history.forEach(1, history.length(), EventFilter::Columns::WithoutResult, [&](const Event &e) {
        if (filter.matches(e)
            && (!filter.search
                || QString::fromStdString(e.data).contains(text, Qt::CaseInsensitive)))
            positions.push_back(e.seq);
        return true;
    });
    return positions;
}

// What the rows show besides the events: a branch's edited positions, main's reversed events.
void markEdits(History &history, LogReader::Rows &rows)
{
    for (const auto &[id, how] : history.editedEvents())
        if (const auto at = history.positionOf(id))
            rows.edited.emplace(*at, how);
    if (history.isMain())
        rows.reversed = history.corrections().reversed;
}

} // namespace

LogReader::LogReader(QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<QObject>())
    , m_reading(std::make_unique<Reading>())
{
    m_thread.setObjectName(QStringLiteral("log reader"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

LogReader::~LogReader()
{
    m_latest = ~quint64(0); // no queued work starts now
    m_thread.quit();
    m_thread.wait();
}

void LogReader::run(quint64 generation, std::function<void(Reading &)> work, bool gated)
{
    QMetaObject::invokeMethod(
            m_worker.get(),
            [this, generation, gated, work = std::move(work)] {
                if (gated && m_latest.load() != generation)
                    return;
                work(*m_reading);
            },
            Qt::QueuedConnection);
}

void LogReader::answer(quint64 generation, std::function<void()> deliver, bool gated)
{
    QMetaObject::invokeMethod(
            this,
            [this, generation, gated, deliver = std::move(deliver)] {
                if (!gated || generation == m_generation)
                    deliver();
            },
            Qt::QueuedConnection);
}

void LogReader::open(const QString &path, const QString &history)
{
    const quint64 generation = m_latest = ++m_generation;
    run(
            generation,
            [this, generation, path = path.toStdString(), name = history.toStdString()](
                    Reading &r) {
                auto rows = std::make_shared<Rows>();
                try {
                    if (r.path != path || !r.log) {
                        r.history.reset();
                        r.log.reset();
                        if (!path.empty())
                            r.log = std::make_unique<EventLog>(path, EventLog::OpenMode::Existing);
                        r.path = path;
                    }
                    r.history.reset();
                    r.historyName = name;
                    r.filtered = false;
                    r.positions.clear();
                    if (r.log) {
                        r.history = BranchHistory::open(*r.log, name, m_reprocessing.get());
                        rows->count = r.history->length();
                        markEdits(*r.history, *rows);
                    }
                } catch (const Error &e) {
                    r.history.reset();
                    rows->error = e.what();
                }
                answer(generation, [this, generation, rows] { emit rowsRead(generation, rows); });
            },
            false); // what the next questions are asked of: never skipped
}

void LogReader::setFilter(const EventFilter &filter)
{
    const quint64 generation = m_latest = ++m_generation;
    run(
            generation,
            [this, generation, filter](Reading &r) {
                auto rows = std::make_shared<Rows>();
                try {
                    r.filtered = filter.stream || filter.type || filter.source || filter.search;
                    r.filter = filter;
                    r.positions.clear();
                    if (r.history && r.filtered && r.history->isMain()) {
                        EventFilter which = filter;
                        which.fromSeq = 1;
                        which.toSeq.reset();
                        which.limit.reset();
                        r.positions = r.log->seqs(which);
                    } else if (r.history && r.filtered) {
                        r.positions = matchingPositions(*r.history, filter);
                    }
                    rows->count = !r.history   ? 0
                                  : r.filtered ? static_cast<int64_t>(r.positions.size())
                                               : r.history->length();
                    rows->filtered = r.filtered;
                    rows->positions = r.positions;
                    if (r.history)
                        markEdits(*r.history, *rows);
                } catch (const Error &e) {
                    r.filtered = false;
                    r.positions.clear();
                    rows->count = r.history ? r.history->length() : 0;
                    rows->error = e.what();
                }
                answer(generation, [this, generation, rows] { emit rowsRead(generation, rows); });
            },
            false); // what the next questions are asked of: never skipped
}

void LogReader::grow()
{
    const quint64 generation = m_latest;
    run(generation, [this, generation](Reading &r) {
        if (!r.history)
            return;
        auto rows = std::make_shared<Rows>();
        try {
            if (r.filtered && r.history->isMain()) {
                EventFilter which = r.filter;
                which.fromSeq = r.positions.empty() ? 1 : r.positions.back() + 1;
                which.toSeq.reset();
                which.limit.reset();
                const std::vector<int64_t> added = r.log->seqs(which);
                r.positions.insert(r.positions.end(), added.begin(), added.end());
            } else if (r.filtered) {
                r.positions = matchingPositions(*r.history, r.filter);
            }
            rows->length = r.history->length();
            rows->count = r.filtered ? static_cast<int64_t>(r.positions.size()) : rows->length;
            rows->filtered = r.filtered;
            rows->positions = r.positions;
            markEdits(*r.history, *rows);
        } catch (const Error &e) {
            rows->error = e.what();
            return;
        }
        answer(generation, [this, generation, rows] { emit rowsGrown(generation, rows); });
    });
}

void LogReader::readPage(int firstRow, int count)
{
    const quint64 generation = m_generation;
    run(generation, [this, generation, firstRow, count](Reading &r) {
        auto page = std::make_shared<std::vector<EventHeader>>();
        try {
            if (!r.history)
                return;
            auto read = [&](int64_t from, int64_t to) {
                r.history->forEach(
                        from, to, EventFilter::Columns::WithoutResult, [&](const Event &e) {
                            page->push_back(EventHeader::of(e));
                            return true;
                        });
            };
            if (r.filtered) {
                const size_t last = std::min(r.positions.size(), size_t(firstRow) + size_t(count));
                for (size_t row = size_t(firstRow); row < last; ++row) {
                    if (r.history->isMain()) {
                        auto one = r.log->headers(r.positions[row], 1);
                        if (!one.empty())
                            page->push_back(std::move(one.front()));
                    } else {
                        read(r.positions[row], r.positions[row]);
                    }
                }
            } else if (r.history->isMain()) {
                *page = r.log->headers(firstRow + 1, count); // seq is dense from 1
            } else {
                read(firstRow + 1, firstRow + count);
            }
        } catch (const Error &) {
            page->clear(); // a history that changed under the reader: the next generation says
        }
        answer(generation,
               [this, generation, firstRow, page] { emit pageRead(generation, firstRow, page); });
    });
}

void LogReader::readEvent(int64_t position)
{
    const quint64 generation = m_generation;
    run(
            generation,
            [this, generation, position](Reading &r) {
                auto read = std::make_shared<EventRead>();
                read->position = position;
                try {
                    if (r.history && position > 0)
                        read->event = r.history->at(position);
                    if (read->event)
                        read->causality = Causality::of(*r.log, *read->event);
                } catch (const Error &) {
                    read->event.reset();
                }
                answer(
                        generation,
                        [this, generation, read] { emit eventRead(generation, read); },
                        false);
            },
            false);
}

void LogReader::readMarks(std::shared_ptr<const TimelineData> timeline,
                          int64_t from,
                          int64_t to,
                          size_t limit)
{
    const quint64 generation = m_generation;
    run(
            generation,
            [this, generation, timeline, from, to, limit](Reading &r) {
                auto marks = std::make_shared<std::vector<TimelineData::Mark>>();
                try {
                    if (r.log && timeline)
                        *marks = timeline->eventsBetween(*r.log, from, to, limit);
                } catch (const Error &) {
                    marks->clear();
                }
                answer(
                        generation,
                        [this, generation, from, to, marks] {
                            emit marksRead(generation, from, to, marks);
                        },
                        false);
            },
            false);
}

} // namespace Chronoscope
