#include "historypanels.h"

#include "branches.h"
#include "branchpanel.h"
#include "chaingraph.h"
#include "comparer.h"
#include "compareview.h"
#include "eventchainpanel.h"
#include "projectionspanel.h"
#include "session/sessionupdate.h"

namespace Chronoscope {

HistoryPanels::HistoryPanels(QWidget *window,
                             QUndoStack *undo,
                             std::function<int64_t()> position,
                             std::function<int64_t()> selected)
    : QObject(window)
    , m_branchPanel(new BranchPanel(window))
    , m_chainPanel(new EventChainPanel(window))
    , m_compareView(new CompareView(window))
    , m_projectionsPanel(new ProjectionsPanel(window))
    , m_branches(
              new Branches(window, m_branchPanel, undo, std::move(position), std::move(selected)))
    , m_chain(new ChainGraph(this, m_chainPanel))
    , m_comparer(new Comparer(this, m_compareView))
{}

void HistoryPanels::setLog(EventLog *log, const QString &path)
{
    m_branches->setLog(log);
    m_chain->setLog(log, path);
    m_comparer->setLog(path);
}

void HistoryPanels::setFollowed(const QString &name, int64_t position)
{
    m_branches->setFollowed(name);
    m_comparer->suggest(name, position);
}

void HistoryPanels::showUpdate(const SessionUpdate &update)
{
    m_projectionsPanel->setState(update.state, update.readSide);
    m_comparer->suggest(m_branches->followed(), update.position);
}

void HistoryPanels::showEvent(const Event *event, const Causality *causality)
{
    m_chain->showEvent(event, causality);
}

} // namespace Chronoscope
