#pragma once

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <memory>
#include <utility>

namespace Chronoscope {

/// Runs `work` in a thread of its own, then `done` with its result in the GUI thread — unless
/// `receiver` is gone by then. For the window's work that reads the whole log (the event chain,
/// comparisons, re-processing a branch): the window stays responsive meanwhile. `work` must not
/// touch the receiver; it opens what it reads itself. The thread deletes itself when it ends.
template<typename Work, typename Done>
void runInBackground(QObject *receiver, Work work, Done done)
{
    QPointer<QObject> guard(receiver);
    QThread *thread = QThread::create([guard, work = std::move(work), done = std::move(done)] {
        auto result = std::make_shared<decltype(work())>(work());
        QMetaObject::invokeMethod(
                qApp,
                [guard, result, done] {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace Chronoscope
