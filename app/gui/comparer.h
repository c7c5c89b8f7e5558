#pragma once

#include <QObject>

#include <QString>
#include <memory>

#include <cstdint>

namespace Chronoscope {

class ReprocessingCache;

class CompareView;

/// Runs the compare view's comparisons in a thread of their own (two replays and an alignment
/// of the histories) and writes its exports.
class Comparer : public QObject
{
    Q_OBJECT

public:
    Comparer(QObject *parent, CompareView *view);

    /// The open log: revision A's, and B's unless the view names another.
    void setLog(const QString &path);
    /// Where re-processed branches are remembered: the window's.
    void setReprocessingCache(std::shared_ptr<ReprocessingCache> cache)
    {
        m_reprocessing = std::move(cache);
    }
    /// Proposes main against the followed branch at the debugger's position, unless the user
    /// has typed revisions of their own.
    void suggest(const QString &followed, int64_t position);

signals:
    /// A comparison is on screen, or failed (for tests and tools).
    void finished();

private:
    std::shared_ptr<ReprocessingCache> m_reprocessing;
    void run(const QString &a, const QString &b, const QString &otherLog);
    void exportTo(const QString &path, bool json);

    CompareView *m_view;
    QString m_path;
    QString m_suggestedA; // what suggest() last put in the fields
    QString m_suggestedB;
    uint64_t m_generation = 0;
};

} // namespace Chronoscope
