#include "base/error.h"
#include "history/brancheditor.h"
#include "history/branchhistory.h"
#include "history/historydiff.h"
#include "history/merger.h"
#include "history/reprocessingcache.h"
#include "log/corrections.h"
#include "log/eventlog.h"
#include "log/mainhistory.h"
#include "replay/replayer.h"
#include "shoplog.h"
#include "testlog.h"

#include <QFile>
#include <QTest>

using namespace Chronoscope;
using nlohmann::json;

namespace {

std::string modelFile(const char *name)
{
    QFile file(QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/models/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the model");
    return file.readAll().toStdString();
}

json finalState(History &history, Model &model)
{
    Replayer replayer(history, model);
    replayer.seek(history.length());
    return replayer.state().toJson();
}

// The edits a re-processed branch derived from its model's handlers.
const std::vector<BranchEdit> &regenerated(History &history)
{
    auto *layer = dynamic_cast<BranchHistory *>(&history);
    if (!layer || !layer->branch().regenerated)
        qFatal("the branch was not re-processed");
    return layer->branch().edits;
}

} // namespace

/// Re-processing branches with new code (model handlers) on the bundled shop sample, whose
/// payment service over-charged payment-104 (event 350, for OrderPlaced 349) under release 2.4.0.
class TestReprocessing : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventLog> m_log;

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<EventLog>(Test::copyOfBundledShop(m_dir),
                                           EventLog::OpenMode::Existing);
    }

    void theRecordedCodeRegeneratesTheRecordedEvents()
    {
        // shop.js's handler is the code as it ran: over the whole history it emits exactly the
        // 150 recorded charges, over-charge included.
        BranchEditor(*m_log).create("same", "main", 0, false, modelFile("shop.js"));
        auto same = BranchHistory::open(*m_log, "same");
        QVERIFY(regenerated(*same).empty());
        MainHistory main(*m_log);
        const HistoryDiff::Events events = HistoryDiff::events(main, 500, *same, 500);
        QVERIFY(!events.firstDivergence);
    }

    void theFixedCodeDivergesAtTheBuggyCharge()
    {
        BranchEditor(*m_log).create("fixed", "main", 349, false, modelFile("shop-fixed.js"));
        auto fixed = BranchHistory::open(*m_log, "fixed");
        // OrderPlaced 349 is shared with main, but its charge comes after the fork.
        const auto &edits = regenerated(*fixed);
        QCOMPARE(edits.size(), size_t(1));
        QCOMPARE(edits[0].kind, BranchEdit::Kind::Replace);
        const Event charge = *fixed->at(350);
        QCOMPARE(charge.id, m_log->event(350)->id); // the same place, the recorded id
        QCOMPARE(charge.type, std::string("PaymentCharged"));
        const json data = json::parse(charge.data);
        QVERIFY(data["charged"] == json(340.34));
        QVERIFY(data["charged_eur"] == json(270.64));
        QCOMPARE(charge.metadata, m_log->event(350)->metadata); // the fx recording

        MainHistory main(*m_log);
        const HistoryDiff::Events events = HistoryDiff::events(main, 500, *fixed, 500);
        QCOMPARE(events.firstDivergence, std::optional<int64_t>(350));
        QCOMPARE(events.changed.size(), size_t(1));
        QVERIFY(events.onlyInA.empty() && events.onlyInB.empty());

        // The branch replays with the fixed model: just before the refund it is not over-charged.
        JsModel model(modelFile("shop-fixed.js"), "shop-fixed.js");
        Replayer replayer(*fixed, model);
        replayer.seek(357);
        QVERIFY(*replayer.state().at("/streams/payment-104/overcharged") == json(0));

        // Re-processing is remembered, but never past a change: an edit of the branch (the
        // shipment after the charge skipped) gives a history re-processed again.
        auto again = BranchHistory::open(*m_log, "fixed");
        QCOMPARE(regenerated(*again).size(), size_t(1));
        QCOMPARE(again->length(), 500);
        BranchEditCommand skip = BranchEditor(*m_log).skip("fixed", "351");
        skip.redo(*m_log);
        auto edited = BranchHistory::open(*m_log, "fixed");
        QCOMPARE(edited->length(), 499);
        QCOMPARE(regenerated(*edited).size(), size_t(1));
        QVERIFY(json::parse(edited->at(350)->data)["charged"] == json(340.34));
        skip.undo(*m_log);
        QCOMPARE(BranchHistory::open(*m_log, "fixed")->length(), 500);
    }

    void onlyRememberedReprocessingOpensWithoutWaiting()
    {
        BranchEditor editor(*m_log);
        editor.create("plain", "main", 100, false, std::nullopt);
        editor.create("later", "main", 300, false, modelFile("shop-fixed.js"));
        // A branch no model re-processes opens; one that would run handlers does not until an
        // open() with the same cache has re-processed it.
        ReprocessingCache cache;
        QVERIFY(BranchHistory::openIfReady(*m_log, "plain", cache));
        QVERIFY(!BranchHistory::openIfReady(*m_log, "later", cache));
        QVERIFY(BranchHistory::open(*m_log, "later", &cache));
        editor.create("later-child", "later", 400, false, std::nullopt);
        const auto later = BranchHistory::openIfReady(*m_log, "later", cache);
        QVERIFY(later);
        QCOMPARE(regenerated(*later).size(), size_t(1));
        QVERIFY(BranchHistory::openIfReady(*m_log, "later-child", cache));
        // Another cache remembers nothing of this one's.
        ReprocessingCache other;
        QVERIFY(!BranchHistory::openIfReady(*m_log, "later", other));
        // An edit of the parent is a new history to re-process, for its forks too.
        editor.skip("later", "311").redo(*m_log); // a shipment
        QVERIFY(!BranchHistory::openIfReady(*m_log, "later-child", cache));
        QCOMPARE(BranchHistory::open(*m_log, "later-child", &cache)->length(), 499);
        QVERIFY(BranchHistory::openIfReady(*m_log, "later", cache));
    }

    void handlersEmitInsertAndDropEvents()
    {
        // A handler that emits a second event for every order, and none at all for order-2.
        const std::string source = R"js(
            model = {
                services: { payment: { listens: ["OrderPlaced"], emits: ["PaymentCharged", "Audit"] } },
                handlers: {
                    OrderPlaced(event, ctx) {
                        if (event.data.order === "order-2") return [];
                        return [ { type: "Audit", stream: "audit-" + event.data.order,
                                   data: { fx: ctx.gateway("fx", { from: "USD", to: "EUR",
                                           date: event.recorded_at.slice(0, 10) }).rate } } ];
                    },
                },
            };)js";
        BranchEditor(*m_log).create("audited", "main", 3, false, source);
        auto audited = BranchHistory::open(*m_log, "audited");
        MainHistory main(*m_log);
        // Orders after the fork: each charge is dropped (the handler no longer emits it) and an
        // Audit is inserted after where it was; order-2's charge (6) is dropped too.
        QCOMPARE(m_log->event(5)->stream, std::string("order-2"));
        QVERIFY(!audited->positionOf(m_log->event(6)->id));
        // 149 orders after the fork: 149 charges dropped, 148 audits inserted.
        QCOMPARE(audited->length(), 499);
        const auto audits = HistoryDiff::events(main, 500, *audited, audited->length());
        QCOMPARE(audits.onlyInA.size(), size_t(149));
        QCOMPARE(audits.onlyInB.size(), size_t(148));
        const auto events = HistoryDiff::events(main, 500, *audited, audited->length());
        QVERIFY(events.firstDivergence.has_value());
        QVERIFY(!events.onlyInB.empty());
        const Event audit = *audited->at(*audited->positionOf(events.onlyInB.front().id));
        QCOMPARE(audit.type, std::string("Audit"));
        QCOMPARE(audit.source, std::optional<std::string>("payment"));
        QVERIFY(audit.causationId.has_value());
        // The fx rate came from the charge's recording, and the call is kept with the event.
        QVERIFY(json::parse(audit.metadata)["gateway"][0]["name"] == json("fx"));
        QVERIFY(json::parse(audit.data)["fx"].is_number());
    }

    void aFailingHandlerNamesItselfAndTheEvent()
    {
        const std::string source = R"js(
            model = { handlers: { OrderPlaced(event) { throw new Error("boom"); } } };)js";
        BranchEditor(*m_log).create("broken", "main", 480, false, source);
        ReprocessingCache cache;
        try {
            BranchHistory::open(*m_log, "broken", &cache);
            QFAIL("a throwing handler must fail the re-processing");
        } catch (const Error &e) {
            const std::string message = e.what();
            QVERIFY2(message.find("handlers.OrderPlaced") != std::string::npos, e.what());
            QVERIFY2(message.find("boom") != std::string::npos, e.what());
        }
        // The failure is remembered like a result: the same error, without running it again.
        try {
            BranchHistory::openIfReady(*m_log, "broken", cache);
            QFAIL("a remembered failure must fail again");
        } catch (const Error &e) {
            QVERIFY2(std::string(e.what()).find("boom") != std::string::npos, e.what());
        }
        const std::string noRecording = R"js(
            model = { handlers: { OrderPlaced(event, ctx) {
                ctx.gateway("fx", { to: "JPY" }); return []; } } };)js";
        BranchEditor(*m_log).create("unrecorded", "main", 480, false, noRecording);
        QVERIFY_THROWS_EXCEPTION(Error, BranchHistory::open(*m_log, "unrecorded"));
    }

    void mergingTheFixBringsMainToTheBranchsState()
    {
        QTemporaryDir dir;
        EventLog log(Test::copyOfBundledShop(dir), EventLog::OpenMode::Existing);
        const std::string before = Test::exportText(log);
        BranchEditor(log).create("fixed", "main", 349, false, modelFile("shop-fixed.js"));
        JsModel fixedModel(modelFile("shop-fixed.js"), "shop-fixed.js");
        json branchState;
        {
            auto fixed = BranchHistory::open(log, "fixed");
            branchState = finalState(*fixed, fixedModel);
        }
        const auto plan = Merger::plan(log, "fixed");
        QCOMPARE(plan.size(), size_t(1));
        QCOMPARE(plan[0].targetSeq, 350);
        const Merger::Report report = Merger::merge(log, "fixed", "");
        QCOMPARE(report.appended, 1);
        QVERIFY(report.modelChanged);
        QCOMPARE(log.eventCount(), 501);
        MainHistory main(log);
        QVERIFY(finalState(main, fixedModel) == branchState);
        QVERIFY(Corrections::load(log).reversed.count(350));
        // Every recorded event is still exported, in order; only 350 gained its mark.
        const std::string after = Test::exportText(log);
        QCOMPARE(after.substr(0, after.find("\n", after.find("\"seq\":349")) + 1),
                 before.substr(0, before.find("\n", before.find("\"seq\":349")) + 1));
        // The merged branch stays what it was: main's appended correction is its own edit.
        auto fixed = BranchHistory::open(log, "fixed");
        QCOMPARE(fixed->length(), 500);
        QVERIFY(finalState(*fixed, fixedModel) == branchState);
    }
};

QTEST_GUILESS_MAIN(TestReprocessing)
#include "tst_reprocessing.moc"
