#pragma once

#include "base/event.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace Chronoscope {

struct Causality;
class EventChainPanel;
class EventLog;

/// Feeds the event-chain panel: lays out the log's chain in a thread of its own (the grouped
/// queries read every event of the log), shows the selected event's causation chain and
/// highlights it on the graph, exports the picture, and turns a click on a node into a filter.
class ChainGraph : public QObject
{
    Q_OBJECT

public:
    ChainGraph(QObject *parent, EventChainPanel *panel);
    ~ChainGraph() override;

    /// The log to draw (null: none); the chain is read again from `path` in the worker.
    void setLog(EventLog *log, const QString &path);
    /// Shows the causation chain of an event, from its causes and direct effects (none:
    /// clears it).
    void showEvent(const Event *event, const Causality *causality);

signals:
    /// A node was clicked: show only the events of this type, or of this source.
    void filterRequested(const QString &type, const QString &source);
    void eventActivated(qint64 seq);
    /// The chain is on screen (for tests and tools).
    void loaded();

private:
    void reload();
    void exportTo(const QString &path);

    EventChainPanel *m_panel;
    EventLog *m_log = nullptr;
    QString m_path;
    uint64_t m_generation = 0;
};

} // namespace Chronoscope
