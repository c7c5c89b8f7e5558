#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <thread>

namespace Chronoscope {

/// Imports JSON files into a new log in a thread of its own, reporting progress and taking a
/// cancel; the log is written in one transaction, so a cancelled or failed import leaves no
/// events, and a log it created is removed again.
class ImportRunner : public QObject
{
    Q_OBJECT

public:
    explicit ImportRunner(QObject *parent = nullptr);
    ~ImportRunner() override;

    void start(const QStringList &files, const QString &target);
    void cancel() { m_cancel = true; }

signals:
    /// `done` and `total` in bytes.
    void progress(qint64 done, qint64 total, qint64 events);
    /// `error` empty: imported `events` events into the target.
    void finished(const QString &error, qint64 events);

private:
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
};

} // namespace Chronoscope
