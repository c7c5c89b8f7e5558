#pragma once

#include "base/breakpoint.h"
#include "session/replayworker.h"
#include "session/sessionupdate.h"

#include <QObject>

#include <QStringList>
#include <QThread>
#include <memory>

namespace Chronoscope {

class ReprocessingCache;

/// The debugger's replay, as the window sees it: requests go to a ReplayWorker in its own
/// thread and answers come back as signals, so the GUI thread never waits for a replay.
///
/// Steps are relative to the newest requested position, so pressing F10 five times quickly
/// asks for five events further even if no answer has come back yet. Answers to requests that
/// a newer one has replaced are dropped.
class DebugSession : public QObject
{
    Q_OBJECT

public:
    explicit DebugSession(QObject *parent = nullptr);

    /// What re-processing branches derived, remembered for every opening the window does (its
    /// replay, its reader, its panels and comparisons share it).
    const std::shared_ptr<ReprocessingCache> &reprocessingCache() const { return m_reprocessing; }
    ~DebugSession() override;

    /// Opens the log in the worker, following `history` ("main" or a branch, which then
    /// replays with its own model if it has one); opened() says how it went.
    void open(const QString &path, const QString &history = QStringLiteral("main"));
    /// The history the debugger follows: "main" or a branch's name.
    QString history() const { return m_history; }
    bool isOpen() const { return m_head >= 0; }
    int64_t head() const { return m_head; }
    /// The followed history now has `length` events (a live source appended them): the
    /// debugger may go there. The position stays where it is.
    void historyGrew(int64_t length)
    {
        if (m_head >= 0 && length > m_head)
            m_head = length;
    }
    QString modelName() const { return m_modelName; }
    /// What opening the log found wrong without refusing it (missing triggers), or empty.
    QString openWarning() const { return m_openWarning; }

    /// The newest position asked for, and the last one answered.
    int64_t requestedPosition() const { return m_requested; }
    const SessionUpdate &current() const { return m_current; }
    bool isRunning() const { return m_running; }
    /// How far the replay toward the requested position is, 0–100; -1 when it has not said
    /// (short replays do not).
    int replayPercent() const { return m_replayPercent; }

    void seek(int64_t seq);
    void stepForward() { seek(m_requested + 1); }
    void stepBack() { seek(m_requested - 1); }
    void runForward();
    void runBackward();

    /// Loads the timeline's data in the worker; timelineLoaded() brings it.
    void loadTimeline(TimelineData::Lanes lanes);
    /// Looks for the event that last changed a path, up to the current position; blamed()
    /// answers.
    void blame(const QString &pointer);

    void setBreakpoints(std::vector<Breakpoint> breakpoints)
    {
        m_breakpoints = std::move(breakpoints);
    }
    const std::vector<Breakpoint> &breakpoints() const { return m_breakpoints; }
    /// The watch expressions; evaluated at every position from the next answer on.
    void setWatches(const QStringList &expressions);
    QStringList watches() const { return m_watches; }

signals:
    void opened(const QString &error);
    void updated();
    void failed(const QString &message);
    void runningChanged(bool running);
    void replayProgressed(int percent);
    void timelineLoaded(std::shared_ptr<const Chronoscope::TimelineData> data);
    void blamed(const QString &pointer, qint64 seq, const QString &message);

private:
    std::shared_ptr<ReprocessingCache> m_reprocessing; // before m_worker, which shares it
    void post(ReplayWorker::Request::Kind kind, int64_t target);
    void receive(const SessionUpdate &update);

    QThread m_thread;
    ReplayWorker *m_worker;
    uint64_t m_generation = 0;
    int64_t m_requested = 0;
    int64_t m_head = -1;
    QString m_modelName;
    QString m_openWarning;
    QString m_history = QStringLiteral("main");
    int m_opening = 0; // open() calls the worker has not answered yet
    bool m_running = false;
    int m_replayPercent = -1;
    SessionUpdate m_current;
    std::vector<Breakpoint> m_breakpoints;
    QStringList m_watches;
};

} // namespace Chronoscope
