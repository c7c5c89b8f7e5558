#include "session/replayworker.h"

#include "session/replaysetup.h"

#include "base/eventjson.h"
#include "debug/causality.h"

#include "base/error.h"
#include "debug/blame.h"
#include "debug/breakpointrunner.h"
#include "debug/expressionengine.h"
#include "history/branchhistory.h"
#include "history/reprocessingcache.h"
#include "log/eventlog.h"
#include "log/modelstore.h"
#include "log/snapshotstore.h"
#include "replay/jsmodel.h"

namespace Chronoscope {

ReplayWorker::ReplayWorker(std::shared_ptr<ReprocessingCache> reprocessing)
    : m_reprocessing(std::move(reprocessing))
{}

ReplayWorker::~ReplayWorker()
{
    // The replay and the read side use the log: they go first.
    m_readSide.reset();
    m_replay.reset();
    m_watchList.reset();
    m_engine.reset();
    m_log.reset();
}

void ReplayWorker::post(Request request)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(request);
    }
    m_cancel = true;
    if (!m_scheduled.exchange(true))
        QMetaObject::invokeMethod(this, &ReplayWorker::process, Qt::QueuedConnection);
}

void ReplayWorker::open(const QString &path, const QString &history)
{
    m_readSide.reset();
    m_replay.reset();
    m_watchList.reset();
    m_log.reset();
    m_watchExpressions.clear();
    try {
        m_log = std::make_unique<EventLog>(path.toStdString(), EventLog::OpenMode::Existing);
        ReplaySetup::Options options;
        options.reprocessing = m_reprocessing.get();
        m_replay = std::make_unique<ReplaySetup>(*m_log, history.toStdString(), std::move(options));
        m_replay->replayer->setProgress(
                [this](int64_t done, int64_t total) { return reportProgress(done, total); });
        if (auto types = m_replay->model->projectionTypes(); !types.empty())
            m_readSide = std::make_unique<ReadSide>(*m_log, std::move(types));
        m_engine = std::make_unique<ExpressionEngine>();
        m_watchList = std::make_unique<WatchList>(*m_engine);
        QStringList warnings;
        for (const std::string &warning : m_log->openWarnings())
            warnings << QString::fromStdString(warning);
        emit opened(m_replay->history->length(),
                    QString::fromStdString(m_replay->model->name()),
                    {},
                    warnings.join(QStringLiteral("; ")));
    } catch (const Error &e) {
        m_readSide.reset();
        m_replay.reset();
        m_log.reset();
        emit opened(0, {}, QString::fromUtf8(e.what()), {});
    }
}

void ReplayWorker::process()
{
    m_scheduled = false;
    std::optional<Request> request;
    {
        std::lock_guard lock(m_mutex);
        request.swap(m_pending);
    }
    if (!request || !m_replay)
        return;
    m_cancel = false;
    try {
        handle(*request);
    } catch (const Error &e) {
        emit failed(request->generation, QString::fromUtf8(e.what()));
    }
}

bool ReplayWorker::reportProgress(int64_t done, int64_t total)
{
    if (m_cancel)
        return false;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_progressReported >= std::chrono::milliseconds(100)) {
        m_progressReported = now;
        emit progress(done, total);
    }
    return true;
}

void ReplayWorker::loadTimeline(int lanes)
{
    if (!m_log)
        return;
    try {
        auto data = std::make_shared<TimelineData>(
                TimelineData::load(*m_log, static_cast<TimelineData::Lanes>(lanes)));
        emit timelineLoaded(std::move(data));
    } catch (const Error &e) {
        emit failed(0, QString::fromUtf8(e.what()));
    }
}

void ReplayWorker::blame(const QString &pointer, qint64 upTo)
{
    if (!m_log)
        return;
    try {
        const auto changes
                = m_replay->history->isMain()
                          ? Blame::history(*m_log, *m_replay->model, pointer.toStdString(), upTo)
                          : Blame::history(*m_replay->history,
                                           *m_replay->model,
                                           pointer.toStdString(),
                                           upTo);
        m_replay->model
                ->stateReplaced(); // Blame replayed with the model: the replayer's views are gone
        if (changes.empty()) {
            emit blamed(
                    pointer, 0, tr("No event up to %1 set anything at %2.").arg(upTo).arg(pointer));
            return;
        }
        const Event &e = changes.back().event;
        emit blamed(pointer,
                    e.seq,
                    tr("%1 was last changed by event %2 (%3 on %4).")
                            .arg(pointer)
                            .arg(e.seq)
                            .arg(QString::fromStdString(e.type), QString::fromStdString(e.stream)));
    } catch (const Error &e) {
        m_replay->model->stateReplaced();
        emit blamed(pointer, 0, QString::fromUtf8(e.what()));
    }
}

void ReplayWorker::updateWatches(const QStringList &expressions, SessionUpdate &update)
{
    if (expressions != m_watchExpressions) {
        m_watchList = std::make_unique<WatchList>(*m_engine);
        m_watchExpressions.clear();
        for (const QString &expression : expressions) {
            try {
                m_watchList->add(expression.toStdString());
                m_watchExpressions.append(expression);
            } catch (const Error &) {
                // Not JavaScript: the watches panel refuses it before it gets here.
            }
        }
    }
    const Event *event = update.step ? &update.step->event : nullptr;
    m_watchList->update(event, update.state);
    update.watches = m_watchList->watches();
}

void ReplayWorker::handle(const Request &request)
{
    SessionUpdate update;
    update.generation = request.generation;
    using Kind = Request::Kind;
    int64_t target = request.target;
    if (request.kind != Kind::Seek) {
        emit busy(true);
        BreakpointRunner runner(*m_log, *m_replay->replayer, *m_engine);
        try {
            runner.setBreakpoints(request.breakpoints);
            m_replay->replayer->seek(std::clamp<int64_t>(target, 0, m_replay->history->length()));
            const auto hit = request.kind == Kind::RunForward ? runner.runForward(&m_cancel)
                                                              : runner.runBackward(&m_cancel);
            if (hit) {
                update.ranToBreakpoint = true;
                update.breakpointsHit = hit->breakpoints;
            } else if (!m_cancel) {
                update.runEnded = request.kind == Kind::RunForward
                                          ? SessionUpdate::RunEnd::NoHitToEnd
                                          : SessionUpdate::RunEnd::NoHitToBeginning;
            }
        } catch (...) {
            emit busy(false);
            throw;
        }
        emit busy(false);
        if (m_cancel)
            return; // a newer request replaced this one
        target = m_replay->replayer->position();
    }
    update.head = m_replay->history->length();
    target = std::clamp<int64_t>(target, 0, update.head);
    if (target > 0) {
        // The way there may be long (a first replay of a large log): it reports its progress
        // and gives way to a newer request, which goes on from wherever this one stopped.
        m_replay->replayer->seek(target - 1);
        if (m_replay->replayer->position() != target - 1)
            return;
        update.step = m_replay->replayer->explain(target);
        Event stored = update.step->event;
        stored.result.reset();
        std::string canonical;
        EventJson::append(canonical, stored);
        if (std::string upcast = m_replay->model->upcastEvent(stored); upcast != canonical)
            update.upcastEvent = std::move(upcast);
        update.causality = Causality::of(*m_log, update.step->event);
    } else
        m_replay->replayer->seek(0);
    update.position = m_replay->replayer->position();
    update.state = m_replay->replayer->state();
    if (m_readSide)
        update.readSide = m_readSide->at(*m_replay->history, update.position);
    updateWatches(request.watches, update);
    emit updated(update);
}

} // namespace Chronoscope
