#include "base/contenthash.h"
#include "base/error.h"
#include "base/jsontext.h"
#include "history/brancheditor.h"
#include "history/branchhistory.h"
#include "history/revision.h"
#include "log/eventlog.h"
#include "log/history.h"
#include "log/mainhistory.h"
#include "log/modelstore.h"
#include "log/snapshotstore.h"
#include "replay/jsmodel.h"
#include "replay/logmodel.h"
#include "replay/readahead.h"
#include "replay/replayer.h"
#include "samples/shopsample.h"
#include "testlog.h"

#include <QTest>

#include <random>

using namespace Chronoscope;
using nlohmann::json;
using Test::pathIn;

namespace {

Event changed(const std::string &id, const std::string &stream, const std::string &data)
{
    Event e;
    e.id = id;
    e.stream = stream;
    e.type = "Changed";
    e.recordedAt = 1514764800LL * 1000000;
    e.data = data;
    return e;
}

// A history whose reading fails after 2,499 events.
struct FailingHistory : History
{
    std::string name() const override { return "failing"; }
    int64_t length() override { return 5000; }
    void forEach(int64_t from,
                 int64_t,
                 EventFilter::Columns,
                 const std::function<bool(const Event &)> &visit) override
    {
        Event e;
        for (e.seq = from; e.seq < 2500; ++e.seq) {
            if (!visit(e))
                return;
        }
        throw Error::failed("the disk is gone");
    }
    std::optional<Event> at(int64_t) override { return std::nullopt; }
    std::optional<int64_t> positionOf(const std::string &) override { return {}; }
};

// A fresh replay from the start to `seq`, as the reference.
json replayedFromScratch(EventLog &log, int64_t seq, const std::set<int64_t> &ignored = {})
{
    GenericModel model;
    Replayer replayer(log, model, 1000000);
    replayer.setIgnored(ignored);
    replayer.seek(seq);
    return replayer.state().toJson();
}

} // namespace

class TestReplayer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventLog> m_shop;

private slots:
    void initTestCase()
    {
        m_shop = std::make_unique<EventLog>(pathIn(m_dir, "shop.chronolog"),
                                            EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 3000;
        ShopSample::generate(*m_shop, options);
    }

    void theGenericModelMergesDataByMergePatch()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        log.append(changed("1", "cart-1", R"({"items":["a"],"total":5,"note":"x"})"), 0);
        log.append(changed("2", "cart-2", R"({"total":1})"), 0);
        log.append(changed("3", "cart-1", R"({"items":["a","b"],"total":7,"note":null})"), 1);
        log.append(changed("4", "cart-1", "null"), 2);
        log.append(changed("5", "cart-2", R"({"address":{"city":"Berlin","zip":"10115"}})"), 1);
        log.append(changed("6", "cart-2", R"({"address":{"zip":"10117"}})"), 2);
        GenericModel model;
        Replayer replayer(log, model, 2);
        replayer.seek(1);
        QVERIFY(*replayer.state().stream("cart-1")
                == json::parse(R"({"items":["a"],"total":5,"note":"x"})"));
        QVERIFY(!replayer.state().stream("cart-2"));
        replayer.seek(3);
        // Arrays are replaced, null removes a member (RFC 7386).
        QVERIFY(*replayer.state().stream("cart-1")
                == json::parse(R"({"items":["a","b"],"total":7})"));
        replayer.seek(4); // null data changes nothing
        QVERIFY(*replayer.state().stream("cart-1")
                == json::parse(R"({"items":["a","b"],"total":7})"));
        replayer.seek(6);
        QVERIFY(*replayer.state().stream("cart-2")
                == json::parse(R"({"total":1,"address":{"city":"Berlin","zip":"10117"}})"));
        QVERIFY(replayer.state().toJson()
                == json::parse(R"({"streams":{"cart-1":{"items":["a","b"],"total":7},)"
                               R"("cart-2":{"total":1,"address":{"city":"Berlin","zip":"10117"}}},)"
                               R"("projections":{}})"));
        QVERIFY(*replayer.state().at("/streams/cart-2/address/zip") == json("10117"));
        QVERIFY(!replayer.state().at("/streams/cart-3"));
        QVERIFY(!replayer.state().at("/streams/cart-2/nothing"));
        QVERIFY_THROWS_EXCEPTION(Error, replayer.seek(7));
        // Appended later: the replayer sees it.
        log.append(changed("7", "cart-3", R"({"total":2})"), 0);
        replayer.seek(7);
        QCOMPARE(replayer.head(), 7);
        QVERIFY(*replayer.state().stream("cart-3") == json::parse(R"({"total":2})"));
    }

    void seekingAnywhereAgreesWithAFullReplay()
    {
        GenericModel model;
        Replayer replayer(*m_shop, model, 64);
        replayer.seek(3000); // one pass leaves a snapshot every 64 events
        QCOMPARE(replayer.snapshotCount(), size_t(3000 / 64 + 1));
        std::mt19937 random(7);
        for (int i = 0; i < 25; ++i) {
            const int64_t target = random() % 3001;
            const int64_t appliedBefore = replayer.eventsApplied();
            replayer.seek(target);
            QCOMPARE(replayer.position(), target);
            QVERIFY2(replayer.eventsApplied() - appliedBefore < 64, "a seek starts at a snapshot");
            QVERIFY(replayer.state().toJson() == replayedFromScratch(*m_shop, target));
        }
    }

    void steppingBackRestoresInsteadOfReplaying()
    {
        GenericModel model;
        Replayer replayer(*m_shop, model, 1000);
        replayer.seek(1500);
        const json at1500 = replayer.state().toJson();
        for (int i = 0; i < 10; ++i)
            QVERIFY(replayer.stepForward());
        QCOMPARE(replayer.position(), 1510);
        const int64_t applied = replayer.eventsApplied();
        for (int i = 0; i < 10; ++i)
            QVERIFY(replayer.stepBack());
        QCOMPARE(replayer.position(), 1500);
        QCOMPARE(replayer.eventsApplied(), applied);
        QVERIFY(replayer.state().toJson() == at1500);
        replayer.seek(0);
        QVERIFY(!replayer.stepBack());
        QCOMPARE(replayer.state().streamCount(), size_t(0));
    }

    void ignoringAnEventReplaysTheRest()
    {
        // The over-charge's refund, ignored: the payment keeps its charge, loses the refund.
        int64_t refund = 0;
        m_shop->forEachEvent({}, [&refund](const Event &e) {
            if (e.type == "PaymentRefunded")
                refund = e.seq;
            return refund == 0;
        });
        QVERIFY(refund > 0);
        const std::string payment = m_shop->event(refund)->stream;
        GenericModel model;
        Replayer replayer(*m_shop, model, 128);
        replayer.seek(3000);
        QVERIFY(replayer.state().stream(payment)->contains("reason"));
        replayer.setIgnored({refund});
        QCOMPARE(replayer.position(), 3000);
        QVERIFY(!replayer.state().stream(payment)->contains("reason"));
        QVERIFY(replayer.state().toJson() == replayedFromScratch(*m_shop, 3000, {refund}));
        // Snapshots before the ignored event are still used; after it they were dropped.
        replayer.seek(refund - 1);
        QVERIFY(replayer.state().stream(payment)->contains("charged"));
        replayer.setIgnored({});
        replayer.seek(3000);
        QVERIFY(replayer.state().stream(payment)->contains("reason"));
    }

    void explainingAStep()
    {
        GenericModel model;
        Replayer replayer(*m_shop, model);
        // Event 4 of the shop ships order-1: its stream existed; event 1 registers customer-1.
        Replayer::Step first = replayer.explain(1);
        QCOMPARE(first.event.type, std::string("CustomerRegistered"));
        QVERIFY(!first.before);
        QVERIFY(first.after);
        QCOMPARE(first.changes.size(), size_t(1));
        QCOMPARE(first.changes[0]["op"].get<std::string>(), std::string("replace"));

        const Event shipped = *m_shop->event(4);
        QCOMPARE(shipped.type, std::string("OrderShipped"));
        const Replayer::Step step = replayer.explain(4);
        QCOMPARE(replayer.position(), 4);
        QVERIFY(step.before && step.after);
        QVERIFY(!step.before->contains("carrier"));
        QVERIFY((*step.after)["carrier"] == json::parse(shipped.data)["carrier"]);
        std::set<std::string> paths;
        for (const auto &op : step.changes) {
            QCOMPARE(op["op"].get<std::string>(), std::string("add"));
            paths.insert(op["path"].get<std::string>());
        }
        QCOMPARE(paths, (std::set<std::string>{"/carrier", "/tracking"}));
    }

    void storedStatesSpareTheNextReplay()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "stored.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 3000;
        ShopSample::generate(log, options);
        const auto source = ModelStore::current(log)->source;
        for (const bool javascript : {false, true}) {
            std::unique_ptr<Model> model
                    = javascript
                              ? std::unique_ptr<Model>(std::make_unique<JsModel>(source, "shop.js"))
                              : std::unique_ptr<Model>(std::make_unique<GenericModel>());
            SnapshotStore store(log, model->hash());
            {
                Replayer first(log, *model, 64);
                first.useStore(&store, 512);
                first.seek(3000);
            }
            QCOMPARE(store.lastSeq(), 2560);
            QVERIFY(store.storedBytes() > 0);

            Replayer second(log, *model, 64);
            second.useStore(&store, 512);
            second.seek(2600);
            QVERIFY2(second.eventsApplied() <= 40, "the replay starts at the stored state");
            Replayer scratch(log, *model, 100000);
            scratch.seek(2600);
            QVERIFY(second.state().toJson() == scratch.state().toJson());
            second.seek(1000); // back, between two stored states
            scratch.seek(0);
            scratch.seek(1000);
            QVERIFY(second.state().toJson() == scratch.state().toJson());
            // Ignoring an event replays without the stored states.
            second.setIgnored({7});
            second.seek(3000);
            Replayer ignoring(log, *model, 100000);
            ignoring.setIgnored({7});
            ignoring.seek(3000);
            QVERIFY(second.state().toJson() == ignoring.state().toJson());
            scratch.seek(3000);
            QVERIFY(second.state().toJson() != scratch.state().toJson()); // event 7 mattered
        }
        // Storing another model drops the states replayed with the old code.
        LogModel::set(log, "model = { name: 'other', reducers: {} };", "other.js");
        QCOMPARE(SnapshotStore(log, GenericModel().hash()).lastSeq(), 0);
        QCOMPARE(SnapshotStore(log, contentHash(source)).lastSeq(), 0);
    }

    void revisionsByTimeResolveToTheLastEventBefore()
    {
        const int64_t seq = resolveRevision(*m_shop, Revision::parse("main@2018-02-01"));
        QVERIFY(seq > 0);
        QVERIFY(m_shop->event(seq)->recordedAt < *Timestamp::parseDateOrTime("2018-02-01"));
        QVERIFY(m_shop->event(seq + 1)->recordedAt >= *Timestamp::parseDateOrTime("2018-02-01"));
    }

    void aStreamsFirstDataIsKeptAsIsOnlyWhenThatIsItsMerge()
    {
        using JsonText::isMinifiedWithoutNull;
        for (const char *text :
             {"{\"a\":1,\"b\":[true,false,\"x y\",{}],\"c\":{\"d\":-1.5e+3,\"e\":0}}",
              "\"caf\\u00e9 \\\"quoted\\\"\\n\"",
              "[]",
              "-0.25",
              "true"})
            QVERIFY2(isMinifiedWithoutNull(text), text);
        for (const char *text : {"{\"a\":null}", // the merge drops it
                                 "{\"a\": 1}",   // the merge minifies it
                                 "null",
                                 "{\"a\":}",
                                 "{\"a\":1,}",
                                 "{a:1}",
                                 "01",
                                 "1.",
                                 "1e",
                                 "-",
                                 "\"\x01\"",
                                 "\"\\q\"",
                                 "\"\\u12g4\"",
                                 "\"open",
                                 "{}x",
                                 "\"\xff\"",
                                 "nul",
                                 ""})
            QVERIFY2(!isMinifiedWithoutNull(text), text);
        QVERIFY(!isMinifiedWithoutNull(std::string(5000, '[') + std::string(5000, ']')));

        // Either way the replayed state is the merge patch onto nothing.
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "first.chronolog"), EventLog::OpenMode::CreateIfMissing);
        log.append(changed("1", "a", R"({"x":{"y":null,"z":1},"w":[null]})"), 0);
        log.append(changed("2", "b", R"({"x":"kept as is","n":1.50})"), 0);
        GenericModel model;
        Replayer replayer(log, model);
        replayer.seek(2);
        QVERIFY(*replayer.state().stream("a") == json::parse(R"({"x":{"z":1},"w":[null]})"));
        QCOMPARE(*replayer.state().streamText("b"), std::string(R"({"x":"kept as is","n":1.50})"));
    }

    void aLongReplayReadsAheadAndAgrees()
    {
        // A replay of more than 16,384 events reads the log in a thread of its own; one that
        // visits every step does not.
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "long.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 20000;
        ShopSample::generate(log, options);
        GenericModel model;
        Replayer ahead(log, model);
        ahead.seek(20000);
        QCOMPARE(ahead.eventsApplied(), 20000);
        GenericModel other;
        Replayer stepwise(log, other);
        int64_t visited = 0;
        stepwise.forward(20000, [&visited](const Event &, const State &) {
            ++visited;
            return true;
        });
        QCOMPARE(visited, 20000);
        QVERIFY(ahead.state().toJson() == stepwise.state().toJson());
        ahead.seek(12345); // from its snapshots
        stepwise.seek(12345);
        QVERIFY(ahead.state().toJson() == stepwise.state().toJson());

        // A branch's events are read ahead too: its parent's, with its edits in their places.
        BranchEditor editor(log);
        editor.create("long", "main", 100, false, std::nullopt);
        editor.skip("long", "5000").redo(log);
        editor.insert("long", "15000", R"({"type":"Note","stream":"note-1","data":{"n":1}})")
                .redo(log);
        const auto branch = BranchHistory::open(log, "long");
        QCOMPARE(branch->length(), 20000);
        GenericModel onBranch;
        Replayer branchAhead(*branch, onBranch);
        branchAhead.seek(20000);
        GenericModel onBranchStepwise;
        Replayer branchStepwise(*branch, onBranchStepwise);
        branchStepwise.forward(20000, [](const Event &, const State &) { return true; });
        QCOMPARE(branchStepwise.position(), 20000);
        QVERIFY(branchAhead.state().toJson() == branchStepwise.state().toJson());
        QVERIFY(*branchAhead.state().stream("note-1") == json::parse(R"({"n":1})"));
        ahead.seek(20000);
        QVERIFY(branchAhead.state().toJson() != ahead.state().toJson());
    }

    void aLongReplayReportsProgressAndStopsWhenAsked()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "progress.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 20000;
        ShopSample::generate(log, options);
        GenericModel model;
        Replayer replayer(log, model);
        std::vector<std::pair<int64_t, int64_t>> reports;
        replayer.setProgress([&reports](int64_t done, int64_t total) {
            reports.emplace_back(done, total);
            return done < 8192;
        });
        replayer.seek(20000);
        QCOMPARE(replayer.position(), 8192); // stopped after the event it was at
        QCOMPARE(reports.size(), size_t(2));
        QCOMPARE(reports[0], std::make_pair(int64_t(4096), int64_t(20000)));
        QCOMPARE(reports[1], std::make_pair(int64_t(8192), int64_t(20000)));
        QVERIFY(replayer.state().toJson() == replayedFromScratch(log, 8192));

        // The next replay goes on from there, and reports against its own way.
        reports.clear();
        replayer.setProgress([&reports](int64_t done, int64_t total) {
            reports.emplace_back(done, total);
            return true;
        });
        replayer.seek(20000);
        QCOMPARE(replayer.position(), 20000);
        QCOMPARE(replayer.eventsApplied(), 20000);
        QCOMPARE(reports.size(), size_t(2));
        QCOMPARE(reports[0], std::make_pair(int64_t(4096), int64_t(11808)));

        // Explaining a step never stops short of it, however long the way.
        GenericModel other;
        Replayer fresh(log, other);
        fresh.setProgress([](int64_t, int64_t) { return false; });
        const Replayer::Step step = fresh.explain(12000);
        QCOMPARE(step.event.seq, 12000);
        QCOMPARE(fresh.position(), 12000);
        QVERIFY(fresh.state().toJson() == replayedFromScratch(log, 12000));
    }

    void readingAheadStopsAndFailsCleanly()
    {
        MainHistory main(*m_shop);
        std::vector<int64_t> seqs;
        forEachReadAhead(main, 1, 3000, EventFilter::Columns::StreamAndData, [&](const Event &e) {
            seqs.push_back(e.seq);
            return true;
        });
        QCOMPARE(seqs.size(), size_t(3000));
        QVERIFY(std::is_sorted(seqs.begin(), seqs.end()) && seqs.front() == 1);

        seqs.clear(); // the visitor stops it: the reader stops too
        forEachReadAhead(main, 1, 3000, EventFilter::Columns::StreamAndData, [&](const Event &e) {
            seqs.push_back(e.seq);
            return e.seq < 100;
        });
        QCOMPARE(seqs.size(), size_t(100));

        QVERIFY_THROWS_EXCEPTION( // the visitor throws: the reader stops, the error goes on
                Error,
                forEachReadAhead(main, 1, 3000, EventFilter::Columns::All, [](const Event &e) {
                    if (e.seq == 1500)
                        throw Error::failed("model failed");
                    return true;
                }));

        // Reading fails: what was read before is visited, then the error is thrown.
        FailingHistory failing;
        int64_t visited = 0;
        try {
            forEachReadAhead(failing, 1, 5000, EventFilter::Columns::All, [&](const Event &) {
                ++visited;
                return true;
            });
            QFAIL("the reading error was not thrown");
        } catch (const Error &e) {
            QCOMPARE(std::string(e.what()), std::string("the disk is gone"));
        }
        QCOMPARE(visited, 2499);
    }
};

QTEST_GUILESS_MAIN(TestReplayer)
#include "tst_replayer.moc"
