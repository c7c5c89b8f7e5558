#pragma once

#include "source/sourceslice.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <thread>

namespace Chronoscope {

/// Reads a live store in a thread of its own for the window: counts what a slice holds, or
/// imports it into a new log, reporting progress and taking a cancel. The import is one
/// transaction, so a cancelled or failed import leaves no events, and a log it created is
/// removed again. One job at a time: a new one waits for the last to end.
class SourceImportRunner : public QObject
{
    Q_OBJECT

public:
    explicit SourceImportRunner(QObject *parent = nullptr);
    ~SourceImportRunner() override;

    /// `uri` may hold a password: it is used to connect and never recorded.
    void count(const QString &uri, const SourceSlice &slice);
    void start(const QString &uri, const SourceSlice &slice, const QString &target);
    /// Keeps appending what the store commits to the log at `target` (which the window has
    /// open), one transaction a batch, from where the last import of the slice ended, until
    /// cancel(). Each batch written is announced by appended().
    void follow(const QString &uri, const SourceSlice &slice, const QString &target);
    void cancel() { m_cancel = true; }
    bool following() const { return m_following; }

signals:
    /// `error` empty: the slice holds `events` events after `from` through `head`.
    void counted(const QString &error, qint64 events, qint64 from, qint64 head);
    void progress(qint64 events, qint64 position, qint64 head);
    /// `error` empty: imported `events` events into the target.
    void finished(const QString &error, qint64 events);
    /// While following: `events` appended since the follow began, the store read through
    /// `position`.
    void appended(qint64 events, qint64 position);
    /// The follow ended: cancelled (`error` empty) or the store failed.
    void followEnded(const QString &error);

private:
    void run(std::function<void()> job);

    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_following{false};
};

} // namespace Chronoscope
