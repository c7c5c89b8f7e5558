#include "debug/eventchain.h"
#include "log/eventlog.h"
#include "log/logsummary.h"
#include "shoplog.h"
#include "testlog.h"

#include <QTest>

using namespace Chronoscope;
using Kind = EventChain::Edge::Kind;

namespace {

const EventChain::Edge *
edge(const EventChain &chain, Kind kind, const std::string &service, const std::string &type)
{
    const int s = chain.indexOf(EventChain::Node::Kind::Service, service);
    const int t = chain.indexOf(EventChain::Node::Kind::Type, type);
    for (const auto &e : chain.edges) {
        const bool emits = e.kind == Kind::Emits && static_cast<int>(e.from) == s
                           && static_cast<int>(e.to) == t;
        const bool listens = e.kind == Kind::Listens && static_cast<int>(e.from) == t
                             && static_cast<int>(e.to) == s;
        if ((kind == Kind::Emits && emits) || (kind == Kind::Listens && listens))
            return &e;
    }
    return nullptr;
}

} // namespace

/// The event chain of the bundled shop sample, with the shop model's declarations.
class TestEventChain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventLog> m_log;
    EventChain m_chain;

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<EventLog>(Test::copyOfBundledShop(m_dir),
                                           EventLog::OpenMode::Existing);
        const auto model = Test::storedModel(*m_log);
        m_chain = EventChain::of(*m_log, model->services(), model->handlerTypes());
    }

    void nodesCountWhatInfoCounts()
    {
        const LogSummary summary = LogSummary::of(*m_log);
        for (const auto &[type, count] : summary.types) {
            const int i = m_chain.indexOf(EventChain::Node::Kind::Type, type);
            QVERIFY(i >= 0);
            QCOMPARE(m_chain.nodes[static_cast<size_t>(i)].events, count);
        }
        for (const auto &[source, count] : summary.sources) {
            const int i = m_chain.indexOf(EventChain::Node::Kind::Service, source);
            QVERIFY(i >= 0);
            QCOMPARE(m_chain.nodes[static_cast<size_t>(i)].events, count);
        }
        QCOMPARE(m_chain.nodes.size(), summary.types.size() + summary.sources.size());
        QCOMPARE(m_chain.nodes.front().kind, EventChain::Node::Kind::Service);
    }

    void theOrderPaymentLoop()
    {
        // order → OrderPlaced → payment → PaymentCharged → order, declared and seen.
        const auto *placed = edge(m_chain, Kind::Emits, "order", "OrderPlaced");
        QVERIFY(placed && placed->declared);
        QCOMPARE(placed->seen, 150);
        const auto *heard = edge(m_chain, Kind::Listens, "payment", "OrderPlaced");
        QVERIFY(heard && heard->declared);
        QCOMPARE(heard->seen, 150);
        const auto *charged = edge(m_chain, Kind::Emits, "payment", "PaymentCharged");
        QVERIFY(charged && charged->declared);
        QCOMPARE(charged->seen, 150);
        const auto *shipped = edge(m_chain, Kind::Listens, "order", "PaymentCharged");
        QVERIFY(shipped && shipped->declared);
        QCOMPARE(shipped->seen, 149);
        // The refund reacts to a charge: the log shows it, the model does not declare it.
        const auto *refund = edge(m_chain, Kind::Listens, "payment", "PaymentCharged");
        QVERIFY(refund && !refund->declared && refund->undeclared(m_chain.hasDeclarations));
        QCOMPARE(refund->seen, 1);
        QVERIFY(!edge(m_chain, Kind::Listens, "customer", "OrderPlaced"));
    }

    void declaredButNeverSeen()
    {
        const auto services = nlohmann::json::parse(
                R"({"shipping": {"listens": ["OrderPlaced"], "emits": ["ParcelLost"]}})");
        const EventChain chain = EventChain::of(*m_log, services);
        const auto *lost = edge(chain, Kind::Emits, "shipping", "ParcelLost");
        QVERIFY(lost && lost->neverSeen());
        QCOMPARE(chain.nodes[static_cast<size_t>(
                                     chain.indexOf(EventChain::Node::Kind::Type, "ParcelLost"))]
                         .events,
                 0);
        // Without declarations, nothing is "undeclared".
        const EventChain inferred = EventChain::of(*m_log, nullptr);
        QVERIFY(!inferred.hasDeclarations);
        const auto *refund = edge(inferred, Kind::Listens, "payment", "PaymentCharged");
        QVERIFY(refund && !refund->undeclared(inferred.hasDeclarations));
        const std::string dot = m_chain.toDot();
        QVERIFY(dot.find("\"type:OrderPlaced\" -> \"service:payment\" [label=\"150\"")
                != std::string::npos);
        QCOMPARE(m_chain.toJson()["edges"].size(), m_chain.edges.size());
        // shop.js's payment handler reacts to OrderPlaced, and to nothing else.
        for (const auto &node : m_chain.nodes)
            QCOMPARE(node.handled, node.name == "OrderPlaced");
        QVERIFY(dot.find("peripheries=2") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestEventChain)
#include "tst_eventchain.moc"
