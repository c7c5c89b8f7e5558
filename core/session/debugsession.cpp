#include "session/debugsession.h"
#include "history/reprocessingcache.h"

#include <algorithm>

namespace Chronoscope {

DebugSession::DebugSession(QObject *parent)
    : QObject(parent)
    , m_reprocessing(std::make_shared<ReprocessingCache>())
    , m_worker(new ReplayWorker(m_reprocessing))
{
    qRegisterMetaType<Chronoscope::SessionUpdate>();
    qRegisterMetaType<std::shared_ptr<const Chronoscope::TimelineData>>();
    m_thread.setObjectName(QStringLiteral("replay"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker,
            &ReplayWorker::opened,
            this,
            [this](qint64 head,
                   const QString &model,
                   const QString &error,
                   const QString &warning) {
                if (--m_opening > 0)
                    return; // a newer open() follows: only its answer counts
                m_head = error.isEmpty() ? head : -1;
                m_modelName = model;
                m_openWarning = warning;
                emit opened(error);
            });
    connect(m_worker, &ReplayWorker::updated, this, &DebugSession::receive);
    connect(m_worker, &ReplayWorker::timelineLoaded, this, &DebugSession::timelineLoaded);
    connect(m_worker, &ReplayWorker::blamed, this, &DebugSession::blamed);
    connect(m_worker,
            &ReplayWorker::failed,
            this,
            [this](quint64 generation, const QString &message) {
                if (generation != m_generation)
                    return;
                m_replayPercent = -1;
                emit failed(message);
            });
    connect(m_worker, &ReplayWorker::progress, this, [this](qint64 done, qint64 total) {
        m_replayPercent = static_cast<int>(done * 100 / std::max<qint64>(1, total));
        emit replayProgressed(m_replayPercent);
    });
    connect(m_worker, &ReplayWorker::busy, this, [this](bool running) {
        m_running = running;
        emit runningChanged(running);
    });
    m_thread.start();
}

DebugSession::~DebugSession()
{
    m_worker->post({}); // cancels a run in progress
    m_thread.quit();
    m_thread.wait();
}

void DebugSession::open(const QString &path, const QString &history)
{
    m_head = -1;
    m_requested = 0;
    m_current = SessionUpdate();
    m_history = history;
    ++m_opening;
    ++m_generation; // answers about the history before are stale
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, path, history] { worker->open(path, history); });
}

void DebugSession::seek(int64_t seq)
{
    if (m_head >= 0)
        seq = std::clamp<int64_t>(seq, 0, m_head);
    post(ReplayWorker::Request::Kind::Seek, seq);
}

void DebugSession::runForward()
{
    post(ReplayWorker::Request::Kind::RunForward, m_requested);
}

void DebugSession::runBackward()
{
    post(ReplayWorker::Request::Kind::RunBackward, m_requested);
}

void DebugSession::loadTimeline(TimelineData::Lanes lanes)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, lanes] {
        worker->loadTimeline(static_cast<int>(lanes));
    });
}

void DebugSession::blame(const QString &pointer)
{
    const qint64 upTo = m_current.position;
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, pointer, upTo] { worker->blame(pointer, upTo); });
}

void DebugSession::setWatches(const QStringList &expressions)
{
    m_watches = expressions;
    post(ReplayWorker::Request::Kind::Seek, m_requested); // re-evaluate here
}

void DebugSession::post(ReplayWorker::Request::Kind kind, int64_t target)
{
    ReplayWorker::Request request;
    request.kind = kind;
    request.target = target;
    request.generation = ++m_generation;
    request.breakpoints = m_breakpoints;
    request.watches = m_watches;
    if (kind == ReplayWorker::Request::Kind::Seek)
        m_requested = target;
    m_replayPercent = -1;
    m_worker->post(std::move(request));
}

void DebugSession::receive(const SessionUpdate &update)
{
    if (update.generation != m_generation)
        return; // a newer request replaced the one this answers
    m_current = update;
    m_requested = update.position;
    m_replayPercent = -1;
    m_head = update.head;
    emit updated();
}

} // namespace Chronoscope
