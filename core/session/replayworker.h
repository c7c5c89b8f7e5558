#pragma once

#include "base/breakpoint.h"
#include "debug/timelinedata.h"
#include "session/sessionupdate.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

namespace Chronoscope {

class ReplaySetup;
class ReprocessingCache;

class BreakpointRunner;
class EventLog;
class ExpressionEngine;
class History;
class Model;
class SnapshotStore;

/// Replays a log in a thread of its own for the debugger window. Requests are left in a
/// mailbox and the worker takes only the newest one when it gets to it, so scrubbing through a
/// history never queues hundreds of replays; a new request also cancels a run to a breakpoint
/// that is still going. The worker opens its own connection to the log and makes the model and
/// the expression engine in its own thread (a QJSEngine belongs to the thread that made it).
class ReplayWorker : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        enum class Kind { Seek, RunForward, RunBackward };
        Kind kind = Kind::Seek;
        int64_t target = 0; ///< Seek: the position; runs: where they start
        uint64_t generation = 0;
        std::vector<Breakpoint> breakpoints;
        QStringList watches;
    };

    explicit ReplayWorker(std::shared_ptr<ReprocessingCache> reprocessing);
    ~ReplayWorker() override;

    /// Called from any thread: leaves the request for the worker, replacing any request it has
    /// not started yet, and cancels a run in progress.
    void post(Request request);

public slots:
    /// Opens the log and follows `history` ("main" or a branch) with the model it replays
    /// with (the branch's, the log's stored one, or the generic one). Emits opened().
    void open(const QString &path, const QString &history);
    /// Handles the newest request, if any.
    void process();
    /// Reads the timeline's lanes and density (one pass over the log). Emits timelineLoaded().
    void loadTimeline(int lanes);
    /// Finds the event that last changed `pointer` up to `upTo`. Emits blamed().
    void blame(const QString &pointer, qint64 upTo);

signals:
    /// `warning`: what is wrong with the log that does not stop it from opening, or empty.
    void
    opened(qint64 head, const QString &modelName, const QString &error, const QString &warning);
    void updated(const Chronoscope::SessionUpdate &update);
    void failed(quint64 generation, const QString &message);
    void busy(bool running);
    /// How far a long replay is: `done` of `total` events (at most every 100 ms).
    void progress(qint64 done, qint64 total);
    void timelineLoaded(std::shared_ptr<const Chronoscope::TimelineData> data);
    /// `seq` 0: nothing changed it; `message` says what was found or what went wrong.
    void blamed(const QString &pointer, qint64 seq, const QString &message);

private:
    void handle(const Request &request);
    // The replayer's progress: reported now and then, and false once a newer request waits.
    bool reportProgress(int64_t done, int64_t total);
    void updateWatches(const QStringList &expressions, SessionUpdate &update);

    std::mutex m_mutex;
    std::optional<Request> m_pending;
    std::atomic<bool> m_scheduled{false};
    std::atomic<bool> m_cancel{false};
    std::chrono::steady_clock::time_point m_progressReported;

    std::shared_ptr<ReprocessingCache> m_reprocessing;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<ReplaySetup> m_replay; // the history, its model, the replayer
    std::unique_ptr<ReadSide> m_readSide;
    std::unique_ptr<ExpressionEngine> m_engine;
    std::unique_ptr<WatchList> m_watchList;
    QStringList m_watchExpressions;
};

} // namespace Chronoscope
