#pragma once

#include "base/event.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

class QUndoStack;
class QWidget;

namespace Chronoscope {

struct Causality;
class BranchPanel;
class Branches;
class ChainGraph;
class CompareView;
class Comparer;
class EventChainPanel;
class EventLog;
class ProjectionsPanel;
struct SessionUpdate;

/// The panels about whole histories rather than one step — branches, the comparison of two
/// revisions, the event chain and the projections (the read side) — with what feeds them.
class HistoryPanels : public QObject
{
    Q_OBJECT

public:
    /// `position` and `selected`: the debugger's position and the event the list selects.
    HistoryPanels(QWidget *window,
                  QUndoStack *undo,
                  std::function<int64_t()> position,
                  std::function<int64_t()> selected);

    BranchPanel *branchPanel() const { return m_branchPanel; }
    EventChainPanel *chainPanel() const { return m_chainPanel; }
    CompareView *compareView() const { return m_compareView; }
    ProjectionsPanel *projectionsPanel() const { return m_projectionsPanel; }
    Branches *branches() const { return m_branches; }
    ChainGraph *chain() const { return m_chain; }
    Comparer *comparer() const { return m_comparer; }

    void setLog(EventLog *log, const QString &path);
    void setFollowed(const QString &name, int64_t position);
    /// The replay moved: the projections' views and read side there.
    void showUpdate(const SessionUpdate &update);
    /// The list selected an event (none: nothing selected): its causation chain, from its
    /// causes and direct effects.
    void showEvent(const Event *event, const Causality *causality);

private:
    BranchPanel *m_branchPanel;
    EventChainPanel *m_chainPanel;
    CompareView *m_compareView;
    ProjectionsPanel *m_projectionsPanel;
    Branches *m_branches;
    ChainGraph *m_chain;
    Comparer *m_comparer;
};

} // namespace Chronoscope
