#include "chaingraph.h"

#include "background.h"
#include "base/error.h"
#include "base/outputfile.h"
#include "debug/causality.h"
#include "debug/eventchain.h"
#include "eventchainpanel.h"
#include "eventchainview.h"
#include "graphlayout.h"
#include "log/eventlog.h"
#include "log/modelstore.h"
#include "replay/jsmodel.h"

#include <QFileInfo>

#include <functional>
#include <set>

namespace Chronoscope {

namespace {

struct Loaded
{
    EventChain chain;
    GraphLayout layout;
    QString error;
};

// Reads and lays out the chain of the log at `path`, on its own connection.
Loaded load(const QString &path)
{
    Loaded result;
    try {
        EventLog log(path.toStdString(), EventLog::OpenMode::Existing);
        nlohmann::json services;
        std::set<std::string> handled;
        if (const auto stored = ModelStore::current(log)) {
            const JsModel model(stored->source, stored->name);
            services = model.services();
            handled = model.handlerTypes();
        }
        result.chain = EventChain::of(log, services, handled);
        result.layout = GraphLayout::of(result.chain);
    } catch (const Error &e) {
        result.error = QString::fromUtf8(e.what());
    }
    return result;
}

QString summary(const EventChain &chain)
{
    int services = 0;
    for (const EventChain::Node &n : chain.nodes)
        services += n.kind == EventChain::Node::Kind::Service ? 1 : 0;
    int undeclared = 0;
    int unseen = 0;
    for (const EventChain::Edge &e : chain.edges) {
        undeclared += e.undeclared(chain.hasDeclarations) ? 1 : 0;
        unseen += e.neverSeen() ? 1 : 0;
    }
    return ChainGraph::tr("%1 services, %2 event types · edges seen but not declared: %3, "
                          "declared but never seen: %4")
            .arg(services)
            .arg(static_cast<int>(chain.nodes.size()) - services)
            .arg(undeclared)
            .arg(unseen);
}

} // namespace

ChainGraph::ChainGraph(QObject *parent, EventChainPanel *panel)
    : QObject(parent)
    , m_panel(panel)
{
    connect(panel, &EventChainPanel::reloadRequested, this, &ChainGraph::reload);
    connect(panel, &EventChainPanel::exportRequested, this, &ChainGraph::exportTo);
    connect(panel, &EventChainPanel::eventActivated, this, &ChainGraph::eventActivated);
    connect(panel->view(), &EventChainView::nodeClicked, this, [this](int index) {
        const auto &nodes = m_panel->view()->chain().nodes;
        if (index < 0 || static_cast<size_t>(index) >= nodes.size())
            return;
        const auto &node = nodes[static_cast<size_t>(index)];
        const QString name = QString::fromStdString(node.name);
        if (node.kind == EventChain::Node::Kind::Type)
            emit filterRequested(name, {});
        else
            emit filterRequested({}, name);
    });
}

ChainGraph::~ChainGraph() = default;

void ChainGraph::setLog(EventLog *log, const QString &path)
{
    m_log = log;
    m_path = path;
    reload();
}

void ChainGraph::reload()
{
    const uint64_t generation = ++m_generation;
    if (!m_log) {
        m_panel->view()->setChain({}, {});
        m_panel->setCausationChain({});
        return;
    }
    m_panel->setStatus(tr("Reading who emits and who listens…"));
    const QString path = m_path;
    runInBackground(
            this,
            [path] { return load(path); },
            [this, generation](Loaded result) {
                if (generation != m_generation)
                    return;
                if (!result.error.isEmpty()) {
                    m_panel->setStatus(result.error);
                    return;
                }
                m_panel->setStatus(result.layout.error.isEmpty() ? summary(result.chain)
                                                                 : result.layout.error);
                m_panel->view()->setChain(std::move(result.chain), std::move(result.layout));
                emit loaded();
            });
}

void ChainGraph::showEvent(const Event *event, const Causality *causality)
{
    std::vector<CausationTreeModel::Link> chain;
    std::set<size_t> lit;
    const EventChain &graph = m_panel->view()->chain();
    auto light = [&graph, &lit](const Event &e) {
        const int type = graph.indexOf(EventChain::Node::Kind::Type, e.type);
        if (type >= 0)
            lit.insert(static_cast<size_t>(type));
        if (e.source) {
            const int source = graph.indexOf(EventChain::Node::Kind::Service, *e.source);
            if (source >= 0)
                lit.insert(static_cast<size_t>(source));
        }
    };
    if (m_log && event && causality) {
        int depth = -1;
        for (const Event &cause : causality->causes) {
            chain.push_back({cause, depth--});
            light(cause);
        }
        chain.push_back({*event, 0});
        light(*event);
        for (const auto &[effect, level] : causality->descendants) {
            chain.push_back({effect, level});
            light(effect);
        }
    }
    m_panel->setCausationChain(chain);
    m_panel->view()->setHighlighted(lit);
}

void ChainGraph::exportTo(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool dot = suffix == QLatin1String("dot") || suffix == QLatin1String("gv");
    const QByteArray bytes = dot ? QByteArray::fromStdString(m_panel->view()->chain().toDot())
                                 : m_panel->view()->exportImage(suffix);
    QString failure = bytes.isEmpty() ? tr("the picture could not be drawn") : QString();
    if (failure.isEmpty()) {
        try {
            OutputFile::write(
                    path.toStdString(),
                    std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())),
                    {m_path.toStdString()});
        } catch (const Error &e) {
            failure = QString::fromStdString(e.what());
        }
    }
    m_panel->setStatus(failure.isEmpty() ? tr("Exported to %1").arg(path)
                                         : tr("Could not write %1: %2").arg(path, failure));
}

} // namespace Chronoscope
