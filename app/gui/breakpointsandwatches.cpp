#include "breakpointsandwatches.h"

#include "base/error.h"
#include "breakpointspanel.h"
#include "breakpointtablemodel.h"
#include "debug/expressionengine.h"
#include "log/breakpointstore.h"
#include "log/eventlog.h"
#include "session/debugsession.h"
#include "watchespanel.h"
#include "watchtablemodel.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>

namespace Chronoscope {

BreakpointsAndWatches::BreakpointsAndWatches(QWidget *window,
                                             DebugSession *session,
                                             BreakpointsPanel *breakpoints,
                                             WatchesPanel *watches)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_breakpoints(breakpoints)
    , m_watches(watches)
{
    connect(m_breakpoints,
            &BreakpointsPanel::addRequested,
            this,
            [this](Breakpoint::Kind kind, const QString &pattern) {
                if (!m_log)
                    return;
                try {
                    if (kind == Breakpoint::Kind::Condition || kind == Breakpoint::Kind::Change)
                        ExpressionEngine().compile(pattern.toStdString());
                    BreakpointStore(*m_log).add(kind, pattern.toStdString());
                    m_breakpoints->patternEdit()->clear();
                } catch (const Error &e) {
                    QMessageBox::warning(
                            m_window, tr("Cannot Add Breakpoint"), QString::fromUtf8(e.what()));
                }
                reloadBreakpoints();
            });
    connect(m_breakpoints, &BreakpointsPanel::removeRequested, this, [this](qint64 id) {
        if (m_log)
            BreakpointStore(*m_log).remove(id);
        reloadBreakpoints();
    });
    connect(m_breakpoints,
            &BreakpointsPanel::enabledChanged,
            this,
            [this](qint64 id, bool enabled) {
                if (m_log)
                    BreakpointStore(*m_log).setEnabled(id, enabled);
                reloadBreakpoints();
            });
    connect(m_watches, &WatchesPanel::addRequested, this, [this](const QString &expression) {
        try {
            ExpressionEngine().compile(expression.toStdString());
        } catch (const Error &e) {
            m_watches->setError(QString::fromUtf8(e.what()));
            return;
        }
        setWatches(m_session->watches() << expression);
        m_watches->expressionEdit()->clear();
    });
    connect(m_watches, &WatchesPanel::removeRequested, this, [this](int row) {
        QStringList expressions = m_session->watches();
        if (row < 0 || row >= expressions.size())
            return;
        expressions.removeAt(row);
        setWatches(expressions);
    });
    setWatches(QSettings().value(QStringLiteral("debug/watches")).toStringList());
}

void BreakpointsAndWatches::setLog(EventLog *log)
{
    m_log = log;
    reloadBreakpoints();
}

QString BreakpointsAndWatches::toggleTypeBreakpoint(const std::string &type)
{
    if (!m_log)
        return {};
    BreakpointStore store(*m_log);
    bool removed = false;
    for (const Breakpoint &b : store.list()) {
        if (b.kind == Breakpoint::Kind::Type && b.pattern == type) {
            store.remove(b.id);
            removed = true;
        }
    }
    if (!removed)
        store.add(Breakpoint::Kind::Type, type);
    reloadBreakpoints();
    return removed ? tr("Removed the breakpoint on %1").arg(QString::fromStdString(type))
                   : tr("Breakpoint on %1").arg(QString::fromStdString(type));
}

void BreakpointsAndWatches::recordHits(const std::vector<int64_t> &ids)
{
    if (m_log) {
        BreakpointStore store(*m_log);
        for (const int64_t id : ids)
            store.recordHit(id);
    }
    reloadBreakpoints(); // the hit counts
}

void BreakpointsAndWatches::reloadBreakpoints()
{
    std::vector<Breakpoint> list
            = m_log ? BreakpointStore(*m_log).list() : std::vector<Breakpoint>();
    m_breakpoints->model()->setBreakpoints(list);
    m_session->setBreakpoints(std::move(list));
}

void BreakpointsAndWatches::setWatches(const QStringList &expressions)
{
    m_watches->model()->setExpressions(expressions);
    m_session->setWatches(expressions);
    QSettings().setValue(QStringLiteral("debug/watches"), expressions);
}

} // namespace Chronoscope
