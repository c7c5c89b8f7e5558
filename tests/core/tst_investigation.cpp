#include "base/error.h"
#include "base/timestamp.h"
#include "debug/bisect.h"
#include "debug/blame.h"
#include "debug/eventrates.h"
#include "debug/expressionengine.h"
#include "debug/statesearch.h"
#include "log/eventlog.h"
#include "log/searchindex.h"
#include "replay/replayer.h"
#include "shoplog.h"
#include "testlog.h"

#include <QTest>

#include <cmath>

using namespace Chronoscope;
using nlohmann::json;

namespace {

std::vector<int64_t> seqsOf(const std::vector<Blame::Change> &changes)
{
    std::vector<int64_t> seqs;
    for (const auto &c : changes)
        seqs.push_back(c.event.seq);
    return seqs;
}

std::vector<int64_t> search(EventLog &log, const std::string &text, EventFilter filter = {})
{
    filter.search = text;
    std::vector<int64_t> seqs;
    log.forEachEvent(filter, [&seqs](const Event &e) {
        seqs.push_back(e.seq);
        return true;
    });
    return seqs;
}

} // namespace

/// Blame, bisect and search on the bundled shop history: order-104 was placed at event 349
/// (tax 1.8%) and shipped at 351; payment-104 charged ×100 at 350 and refunded at 358.
class TestInvestigation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<JsModel> m_model;

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<EventLog>(Test::copyOfBundledShop(m_dir),
                                           EventLog::OpenMode::Existing);
        m_model = Test::storedModel(*m_log);
    }

    void blameNamesTheEventAndTheRuleItUsed()
    {
        const auto changes = Blame::history(*m_log, *m_model, "/streams/order-104/total", 500);
        QCOMPARE(seqsOf(changes), std::vector<int64_t>{349});
        const Blame::Change &last = changes.back();
        QCOMPARE(last.event.type, std::string("OrderPlaced"));
        QCOMPARE(last.event.source, std::optional<std::string>("order"));
        QVERIFY(!last.before);
        const double amount = json::parse(last.event.data)["amount"].get<double>();
        QCOMPARE(last.after->get<double>(), std::round(amount * 1.018 * 100) / 100);
        QCOMPARE(last.rules.size(), size_t(1));
        QCOMPARE(last.rules[0].name, std::string("tax"));
        QVERIFY(last.rules[0].version["rate"] == json(0.018));
    }

    void blameHistoryListsEveryChangeInOrder()
    {
        const auto changes
                = Blame::history(*m_log, *m_model, "/streams/payment-104/overcharged", 500);
        QCOMPARE(seqsOf(changes), (std::vector<int64_t>{350, 358}));
        QVERIFY(!changes[0].before);
        QVERIFY(*changes[0].after == json(33693.66));
        QCOMPARE(changes[0].gatewayCalls.size(), size_t(1));
        QCOMPARE(changes[0].gatewayCalls[0].name, std::string("fx"));
        QVERIFY(*changes[1].before == json(33693.66));
        QVERIFY(*changes[1].after == json(0));
        // At an earlier revision, only what had happened by then.
        QCOMPARE(seqsOf(Blame::history(*m_log, *m_model, "/streams/payment-104/status", 355)),
                 std::vector<int64_t>{350});
        // Ignoring the refund, the over-charge stands.
        QCOMPARE(seqsOf(Blame::history(
                         *m_log, *m_model, "/streams/payment-104/overcharged", 500, {358})),
                 std::vector<int64_t>{350});
        // A path nothing ever set.
        QVERIFY(Blame::history(*m_log, *m_model, "/streams/payment-104/nothing", 500).empty());
    }

    void blameInAProjectionReplaysTheHistory()
    {
        // Revenue of 2018-02-07 changes at every charge and refund recorded that day.
        std::vector<int64_t> expected;
        m_log->forEachEvent({}, [&expected](const Event &e) {
            if ((e.type == "PaymentCharged" || e.type == "PaymentRefunded")
                && Timestamp::format(e.recordedAt).rfind("2018-02-07", 0) == 0)
                expected.push_back(e.seq);
            return true;
        });
        QVERIFY(expected.size() >= 2);
        const auto changes
                = Blame::history(*m_log, *m_model, "/projections/revenue/2018-02-07", 500);
        QCOMPARE(seqsOf(changes), expected);
        Replayer replayer(*m_log, *m_model);
        replayer.seek(500);
        QVERIFY(*changes.back().after == *replayer.state().at("/projections/revenue/2018-02-07"));
    }

    void blameRefusesPathsOutsideStreamsAndProjections()
    {
        QVERIFY_THROWS_EXCEPTION(Error, Blame::history(*m_log, *m_model, "/streams", 500));
        QVERIFY_THROWS_EXCEPTION(Error, Blame::history(*m_log, *m_model, "/other/x", 500));
        QVERIFY_THROWS_EXCEPTION(Error, Blame::history(*m_log, *m_model, "streams/a", 500));
    }

    void bisectFindsWhatALinearScanFinds_data()
    {
        QTest::addColumn<QString>("predicate");
        QTest::addColumn<qint64>("first");
        QTest::newRow("refunded") << R"((state.streams["payment-104"]?.refunded ?? 0) > 0)"
                                  << qint64(358);
        QTest::newRow("revenue over 20k") << "Object.values(state.projections.revenue ?? "
                                             "{}).reduce((a, b) => a + b, 0) > 20000"
                                          << qint64(-1);
        QTest::newRow("100 streams") << "Object.keys(state.streams).length >= 100" << qint64(-1);
        QTest::newRow("from the start") << "true" << qint64(0);
    }

    void bisectFindsWhatALinearScanFinds()
    {
        QFETCH(QString, predicate);
        QFETCH(qint64, first);
        ExpressionEngine engine;
        const auto id = engine.compile(predicate.toStdString());
        Replayer linearReplayer(*m_log, *m_model);
        const Bisect::LinearResult linear = Bisect::linear(linearReplayer, engine, id, 500);
        QVERIFY(linear.first);
        QVERIFY(!linear.stopsHolding);
        if (first >= 0)
            QCOMPARE(*linear.first, first);
        Replayer replayer(*m_log, *m_model);
        const Bisect::Result result = Bisect::run(replayer, engine, id, 500);
        QCOMPARE(result.first, linear.first);
        // log2(500) ≈ 9 probes, plus the two ends.
        QVERIFY2(result.probes <= 11, std::to_string(result.probes).c_str());
    }

    void bisectSaysWhenThePredicateNeverHoldsOrStopsHolding()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        const auto never = engine.compile(R"(state.streams["order-104"]?.status === "cancelled")");
        const Bisect::Result result = Bisect::run(replayer, engine, never, 500);
        QVERIFY(!result.first);
        QCOMPARE(result.probes, 1);
        // Placed at 349, shipped at 351: it holds, then stops holding.
        const auto placed = engine.compile(R"(state.streams["order-104"]?.status === "placed")");
        const Bisect::LinearResult linear = Bisect::linear(replayer, engine, placed, 500);
        QCOMPARE(linear.first, std::optional<int64_t>(349));
        QCOMPARE(linear.stopsHolding, std::optional<int64_t>(351));
    }

    void searchFindsWordsInPayloadsAndMetadata()
    {
        SearchIndex index(*m_log);
        QCOMPARE(index.update(), 500);
        QCOMPARE(index.indexedUpTo(), 500);
        QCOMPARE(index.update(), 0);
        QCOMPARE(search(*m_log, "over-charge"), std::vector<int64_t>{358});
        QCOMPARE(search(*m_log, "order-104"), (std::vector<int64_t>{349, 350, 351, 358}));
        EventFilter charges;
        charges.type = "PaymentCharged";
        QCOMPARE(search(*m_log, "order-104", charges), std::vector<int64_t>{350});
        // Metadata: the gateway recordings of 2018-02-07.
        const auto fx = search(*m_log, "fx 2018-02-07");
        QVERIFY(std::find(fx.begin(), fx.end(), 350) != fx.end());
        for (const int64_t seq : fx)
            QCOMPARE(m_log->event(seq)->type, std::string("PaymentCharged"));
        // A prefix, and words that are in no event.
        QCOMPARE(search(*m_log, "PaymentRef*"), std::vector<int64_t>{358});
        QVERIFY(search(*m_log, "nowhere-to-be-found").empty());
        QVERIFY_THROWS_EXCEPTION(Error, search(*m_log, "   "));
        // Quotes and FTS5 syntax are taken as text.
        QVERIFY(search(*m_log, "\" OR NEAR( *").empty());
    }

    void searchIndexesWhatIsAppendedLater()
    {
        QTemporaryDir dir;
        EventLog log(Test::copyOfBundledShop(dir), EventLog::OpenMode::Existing);
        SearchIndex index(log);
        index.update();
        Event e;
        e.id = "note-1-1";
        e.stream = "note-1";
        e.type = "NoteWritten";
        e.recordedAt = Timestamp::now();
        e.data = R"({"text":"another over-charge, found by audit"})";
        log.append(e, 0);
        QCOMPARE(index.update(), 1);
        QCOMPARE(search(log, "over-charge"), (std::vector<int64_t>{358, 501}));
        QCOMPARE(search(log, "audit"), std::vector<int64_t>{501});
    }

    void searchInsideTheState()
    {
        Replayer replayer(*m_log, *m_model);
        replayer.seek(500);
        const State &state = replayer.state();
        auto matches = StateSearch::find(state, "CUSTOMER-25");
        std::set<std::string> pointers;
        for (const auto &m : matches) {
            pointers.insert(m.pointer);
            QVERIFY2(m.value.dump().find("customer-25") != std::string::npos
                             || m.pointer.find("customer-25") != std::string::npos,
                     m.pointer.c_str());
        }
        QVERIFY(pointers.count("/streams/customer-25"));
        QVERIFY(pointers.count("/streams/order-104/customer"));
        QVERIFY(pointers.count("/streams/payment-104/customer"));
        QVERIFY(pointers.count("/projections/ordersPerCustomer/customer-25"));
        // A JSON Pointer prefix: payment-10 and payment-100 … payment-109.
        matches = StateSearch::find(state, "/streams/payment-10");
        QCOMPARE(matches.size(), size_t(11));
        QCOMPARE(matches[0].pointer, std::string("/streams/payment-10"));
        QVERIFY(matches[0].value == *state.stream("payment-10"));
        QCOMPARE(matches[10].pointer, std::string("/streams/payment-109"));
        matches = StateSearch::find(state, "/streams/payment-104/");
        QCOMPARE(matches.size(), state.stream("payment-104")->size());
        matches = StateSearch::find(state, "/streams/payment-104/total");
        QCOMPARE(matches.size(), size_t(1));
        QVERIFY(matches[0].value == json(340.34));
        matches = StateSearch::find(state, "/streams/payment-10X");
        QVERIFY(matches.empty());
        matches = StateSearch::find(state, "/streams/payment-1");
        for (const auto &m : matches)
            QVERIFY(m.pointer.rfind("/streams/payment-1", 0) == 0);
        QCOMPARE(matches.size(), size_t(1 + 10 + 51)); // payment-1, -10…-19, -100…-150
        matches = StateSearch::find(state, "/streams/payment-104/ch");
        QCOMPARE(matches.size(), size_t(2)); // charged, charged_eur
        QCOMPARE(StateSearch::find(state, "order", 5).size(), size_t(5));
        QVERIFY_THROWS_EXCEPTION(Error, StateSearch::find(state, ""));
    }

    void eventRatesCountPerBucketAndFitATrend()
    {
        // Day i holds i + 1 events: a trend of one more event per day.
        QTemporaryDir dir;
        EventLog log(Test::pathIn(dir, "rates.chronolog"), EventLog::OpenMode::CreateIfMissing);
        const int64_t day = 86'400'000'000LL;
        const int64_t start = 1514764800LL * 1'000'000; // 2018-01-01
        int n = 0;
        for (int i = 0; i < 10; ++i) {
            for (int k = 0; k <= i; ++k) {
                Event e;
                e.id = "tick-" + std::to_string(n);
                e.stream = "tick-1";
                e.type = "Tick";
                e.recordedAt = start + i * day + k * 1000;
                e.data = "{}";
                log.append(e, std::nullopt);
                ++n;
            }
        }
        Event last;
        last.id = "tock";
        last.stream = "tock-1";
        last.type = "Tock";
        last.recordedAt = start + 10 * day - 1; // the 10th day is complete
        last.data = "{}";
        log.append(last, std::nullopt);
        const EventRates::Result rates
                = EventRates::compute(log, EventRates::Grouping::Type, day, 3);
        QCOMPARE(rates.start, start);
        QCOMPARE(rates.buckets, 10);
        QCOMPARE(rates.series.size(), size_t(2));
        const EventRates::Series &ticks = rates.series[0];
        QCOMPARE(ticks.key, std::string("Tick"));
        QCOMPARE(ticks.total, n);
        QCOMPARE(ticks.counts, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        QVERIFY(std::abs(ticks.slope - 1.0) < 1e-9);
        QVERIFY(std::abs(ticks.intercept - 1.0) < 1e-9);
        QCOMPARE(ticks.forecast.size(), size_t(3));
        QVERIFY(std::abs(ticks.forecast[0] - 11.0) < 1e-9);
        QVERIFY(std::abs(ticks.forecast[2] - 13.0) < 1e-9);

        // The shop, per stream family: every event counted once.
        const auto shop = EventRates::compute(*m_log, EventRates::Grouping::Family);
        int64_t total = 0;
        for (const auto &s : shop.series) {
            QVERIFY(s.key == "order" || s.key == "payment" || s.key == "customer");
            QCOMPARE(std::accumulate(s.counts.begin(), s.counts.end(), int64_t(0)), s.total);
            total += s.total;
        }
        QCOMPARE(total, 500);
        QVERIFY(shop.buckets >= 8 && shop.buckets <= 60);
    }
};

QTEST_GUILESS_MAIN(TestInvestigation)
#include "tst_investigation.moc"
