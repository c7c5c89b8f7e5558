#include "base/error.h"
#include "debug/bisect.h"
#include "debug/blame.h"
#include "history/brancheditor.h"
#include "history/branchhistory.h"
#include "history/historydiff.h"
#include "history/merger.h"
#include "history/revision.h"
#include "log/branchstore.h"
#include "log/corrections.h"
#include "log/eventlog.h"
#include "log/mainhistory.h"
#include "replay/replayer.h"
#include "shoplog.h"
#include "testlog.h"

#include <QTest>

#include <cmath>

using namespace Chronoscope;
using nlohmann::json;

namespace {

std::vector<std::string> idsOf(History &history)
{
    std::vector<std::string> ids;
    history.forEach(1, history.length(), EventFilter::Columns::All, [&ids](const Event &e) {
        ids.push_back(e.id);
        return true;
    });
    return ids;
}

json stateAt(History &history, Model &model, int64_t position)
{
    Replayer replayer(history, model);
    replayer.seek(position);
    return replayer.state().toJson();
}

// The charge of payment-104 as it should have been: the total in dollars.
const char *const kCorrectCharge = R"({"data":{"order":"order-104","customer":"customer-25",)"
                                   R"("amount":334.32,"tax_rate":0.018,"total":340.34,)"
                                   R"("charged":340.34,"currency":"USD","fx_rate":0.7952,)"
                                   R"("charged_eur":270.64}})";

} // namespace

/// Parallel histories on the bundled shop sample: payment-104 is charged ×100 at event 350
/// (34034 instead of 340.34) and refunded 33693.66 at 358.
class TestBranches : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<JsModel> m_model;
    std::vector<std::string> m_mainIds;

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<EventLog>(Test::copyOfBundledShop(m_dir),
                                           EventLog::OpenMode::Existing);
        m_model = Test::storedModel(*m_log);
        MainHistory main(*m_log);
        m_mainIds = idsOf(main);
    }

    void branchesAreNamedSavedAndDeleted()
    {
        BranchEditor editor(*m_log);
        BranchStore store(*m_log);
        editor.create("a", "main", 100, false, std::nullopt);
        QVERIFY_THROWS_EXCEPTION(Error, editor.create("a", "main", 10, false, std::nullopt));
        QVERIFY_THROWS_EXCEPTION(Error, editor.create("main", "main", 10, false, std::nullopt));
        QVERIFY_THROWS_EXCEPTION(Error, editor.create("bad name", "main", 10, false, std::nullopt));
        QVERIFY_THROWS_EXCEPTION(Error, editor.create("b", "nowhere", 10, false, std::nullopt));
        QVERIFY_THROWS_EXCEPTION(Error, editor.create("b", "main", 501, false, std::nullopt));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 editor.create("b", "main", 1, false, std::string("model = {")));
        editor.create("a-child", "a", 120, true, std::nullopt);
        QCOMPARE(store.list().size(), size_t(2));
        QVERIFY_THROWS_EXCEPTION(Error, store.remove("a")); // a-child forks from it
        QVERIFY_THROWS_EXCEPTION(Error, store.remove("main"));
        store.remove("a-child");
        store.remove("a");
        QVERIFY(store.list().empty());
        QVERIFY_THROWS_EXCEPTION(Error, store.get("a"));
    }

    void aBranchSharesItsParentsEventsAndAppliesItsEdits()
    {
        BranchEditor editor(*m_log);
        editor.create("edits", "main", 349, false, std::nullopt);
        auto history = BranchHistory::open(*m_log, "edits");
        QCOMPARE(idsOf(*history), m_mainIds); // no edits: main's events, main's order

        editor.skip("edits", "350").redo(*m_log);
        history = BranchHistory::open(*m_log, "edits");
        QCOMPARE(history->length(), 499);
        QCOMPARE(history->at(350)->id, m_mainIds[350]); // main's 351
        QCOMPARE(history->at(350)->seq, 350);
        QVERIFY(!history->positionOf(m_mainIds[349]));
        QCOMPARE(*history->positionOf(m_mainIds[499]), 499);

        editor.insert("edits",
                      "349",
                      R"({"type":"Note","stream":"note-1","data":{"text":"checked"}})")
                .redo(*m_log);
        editor.replace("edits", m_mainIds[357], R"({"type":"PaymentRefundCancelled"})")
                .redo(*m_log);
        history = BranchHistory::open(*m_log, "edits");
        QCOMPARE(history->length(), 500);
        const Event note = *history->at(350);
        QCOMPARE(note.type, std::string("Note"));
        QCOMPARE(note.causationId, std::optional<std::string>(m_mainIds[348]));
        QCOMPARE(note.recordedAt, m_log->event(349)->recordedAt);
        const Event replaced = *history->at(*history->positionOf(m_mainIds[357]));
        QCOMPARE(replaced.type, std::string("PaymentRefundCancelled"));
        QCOMPARE(replaced.stream, std::string("payment-104")); // kept from the original
        // The recorded events are untouched.
        QCOMPARE(m_log->event(358)->type, std::string("PaymentRefunded"));
        QCOMPARE(m_log->eventCount(), 500);

        // Refused: the shared part, an event already skipped, an unknown id.
        QVERIFY_THROWS_EXCEPTION(Error, editor.skip("edits", "349"));
        QVERIFY_THROWS_EXCEPTION(Error, editor.skip("edits", m_mainIds[349]));
        QVERIFY_THROWS_EXCEPTION(Error, editor.skip("edits", "no-such-id"));
        QVERIFY_THROWS_EXCEPTION(Error, editor.insert("edits", "400", R"({"type":"X"})"));
        QVERIFY_THROWS_EXCEPTION(Error, editor.skip("main", "400"));
    }

    void truncatedAndBranchesOfBranches()
    {
        BranchEditor editor(*m_log);
        editor.create("short", "main", 120, true, std::nullopt);
        auto history = BranchHistory::open(*m_log, "short");
        QCOMPARE(history->length(), 120);
        QVERIFY(!history->at(121));
        editor.create("base", "main", 300, false, std::nullopt);
        editor.skip("base", "310").redo(*m_log);
        editor.create("onbase", "base", 400, false, std::nullopt);
        editor.skip("onbase", "401").redo(*m_log);
        history = BranchHistory::open(*m_log, "onbase");
        QCOMPARE(history->length(), 498);
        std::vector<std::string> expected = m_mainIds;
        expected.erase(expected.begin() + 401); // base's 401 is main's 402
        expected.erase(expected.begin() + 309);
        QCOMPARE(idsOf(*history), expected);
        QCOMPARE(resolveRevision(*history, Revision::parse("onbase@17")), 17);
        QVERIFY_THROWS_EXCEPTION(Error, resolveRevision(*history, Revision::parse("onbase@499")));
        QCOMPARE(resolveRevision(*history, Revision::parse("onbase")), 498);
    }

    void fixingTheOverChargeDiffersByExactlyTheOverChargedAmount()
    {
        BranchEditor editor(*m_log);
        editor.create("fixed", "main", 349, false, std::nullopt);
        editor.replace("fixed", "350", kCorrectCharge).redo(*m_log);
        auto fixed = BranchHistory::open(*m_log, "fixed");
        MainHistory main(*m_log);
        // Just before the refund (357 in both): the day's revenue differs by the over-charge.
        Replayer mainReplayer(main, *m_model);
        Replayer fixedReplayer(*fixed, *m_model);
        mainReplayer.seek(357);
        fixedReplayer.seek(357);
        const json before = HistoryDiff::states(mainReplayer.state(), fixedReplayer.state());
        std::map<std::string, json> changed;
        for (const auto &op : before)
            changed[op["path"].get<std::string>()] = op.value("value", json());
        std::set<std::string> paths;
        for (const auto &[path, value] : changed)
            paths.insert(path);
        QCOMPARE(paths,
                 (std::set<std::string>{"/projections/revenue/2018-02-07",
                                        "/streams/payment-104/charged",
                                        "/streams/payment-104/charged_eur",
                                        "/streams/payment-104/overcharged"}));
        QVERIFY(changed["/streams/payment-104/overcharged"] == json(0));
        const double mainRevenue
                = mainReplayer.state().at("/projections/revenue/2018-02-07")->get<double>();
        const double fixedRevenue = changed["/projections/revenue/2018-02-07"].get<double>();
        QCOMPARE(std::round((mainRevenue - fixedRevenue) * 100) / 100, 33693.66);
        // After the refund, the branch still refunds: the refund is now what is wrong.
        mainReplayer.seek(500);
        fixedReplayer.seek(500);
        QVERIFY(*fixedReplayer.state().at("/streams/payment-104/overcharged") == json(-33693.66));
        QVERIFY(*mainReplayer.state().at("/streams/payment-104/overcharged") == json(0));

        // The events: the same ids, one changed, at 350.
        const HistoryDiff::Events events = HistoryDiff::events(main, 500, *fixed, 500);
        QCOMPARE(events.firstDivergence, std::optional<int64_t>(350));
        QCOMPARE(events.changed.size(), size_t(1));
        QCOMPARE(events.changed[0].positionA, 350);
        QVERIFY(events.onlyInA.empty() && events.onlyInB.empty());
        QVERIFY(!HistoryDiff::events(main, 500, main, 500).firstDivergence);
        QVERIFY(HistoryDiff::states(mainReplayer.state(), mainReplayer.state()).empty());

        // Blame and bisect work on the branch too.
        const auto blamed = Blame::history(*fixed, *m_model, "/streams/payment-104/charged", 500);
        QCOMPARE(blamed.size(), size_t(1));
        QCOMPARE(blamed[0].event.seq, 350);
        QVERIFY(*blamed[0].after == json(340.34));
        ExpressionEngine engine;
        const auto negative
                = engine.compile(R"((state.streams["payment-104"]?.overcharged ?? 0) < 0)");
        Replayer bisecting(*fixed, *m_model);
        QCOMPARE(Bisect::run(bisecting, engine, negative, 500).first, std::optional<int64_t>(358));
    }

    void editsUndoAndRedoToTheSameStates()
    {
        BranchEditor editor(*m_log);
        editor.create("undo", "main", 300, false, std::nullopt);
        auto state = [this] {
            auto history = BranchHistory::open(*m_log, "undo");
            return stateAt(*history, *m_model, history->length());
        };
        const json original = state();
        BranchEditCommand skip = editor.skip("undo", "350");
        skip.redo(*m_log);
        BranchEditCommand insert = editor.insert(
                "undo",
                "340",
                R"({"type":"OrderPlaced","stream":"order-999","data":{"order":"order-999","customer":"customer-1","amount":10,"currency":"USD","items":1}})");
        insert.redo(*m_log);
        const json edited = state();
        QVERIFY(edited != original);
        insert.undo(*m_log);
        skip.undo(*m_log);
        QVERIFY(state() == original);
        skip.redo(*m_log);
        insert.redo(*m_log);
        QVERIFY(state() == edited);
        QCOMPARE(BranchStore(*m_log).get("undo").edits.size(), size_t(2));
    }

    void mergingBackAppendsCorrectionsAndMainReplaysToTheBranchsState()
    {
        QTemporaryDir dir;
        EventLog log(Test::copyOfBundledShop(dir), EventLog::OpenMode::Existing);
        auto model = Test::storedModel(log);
        const std::string before = Test::exportText(log);
        BranchEditor editor(log);
        editor.create("fixed", "main", 349, false, std::nullopt);
        editor.replace("fixed", "350", kCorrectCharge).redo(log);
        editor.insert("fixed",
                      "358",
                      R"({"type":"Note","stream":"note-1","data":{"text":"refund was wrong"}})")
                .redo(log);
        editor.skip("fixed", "400").redo(log);
        auto fixed = BranchHistory::open(log, "fixed");
        const json branchState = stateAt(*fixed, *model, fixed->length());

        const auto plan = Merger::plan(log, "fixed");
        QCOMPARE(plan.size(), size_t(3));
        QCOMPARE(plan[0].kind, std::string("reverse"));
        QCOMPARE(plan[0].targetSeq, 350);
        QCOMPARE(log.eventCount(), 500); // planning writes nothing

        const Merger::Report report = Merger::merge(log, "fixed", "cents charged as dollars");
        QCOMPARE(report.appended, 2);
        QCOMPARE(log.eventCount(), 502);
        // Main replays to the branch's state; every recorded event is still there.
        MainHistory main(log);
        QVERIFY(stateAt(main, *model, 502) == branchState);
        const std::string after = Test::exportText(log);
        std::string unmarked;
        for (size_t at = 0, line = 0; at < after.size() && line < 500; ++line) {
            const size_t end = after.find('\n', at);
            std::string text = after.substr(at, end - at + 1);
            const size_t mark = text.find(",\"reversed\":");
            if (mark != std::string::npos) {
                QVERIFY(text.find("cents charged as dollars") != std::string::npos);
                text = text.substr(0, mark) + "}\n";
            }
            unmarked += text;
            at = end + 1;
        }
        QCOMPARE(unmarked, before);
        const Corrections corrections = Corrections::load(log);
        QCOMPARE(corrections.reversed.size(), size_t(2)); // the over-charge and the skipped 400
        QCOMPARE(corrections.reversed.at(350),
                 std::string("branch fixed: cents charged as dollars"));
        // The correction points at what it corrects.
        const Event correction = *log.event(501);
        QCOMPARE(correction.causationId, std::optional<std::string>(m_mainIds[349]));
        QVERIFY(json::parse(correction.metadata)["correction"]["reverses"] == json(m_mainIds[349]));
        // Blame on main sees the correction in place.
        const auto blamed = Blame::history(log, *model, "/streams/payment-104/charged", 502);
        QCOMPARE(blamed.size(), size_t(1));
        QVERIFY(*blamed[0].after == json(340.34));

        // Once only; and a branch touching what main corrected is refused, writing nothing.
        QVERIFY_THROWS_EXCEPTION(Error, Merger::merge(log, "fixed", ""));
        editor.create("again", "main", 349, false, std::nullopt);
        editor.skip("again", "350").redo(log);
        QVERIFY_THROWS_EXCEPTION(Error, Merger::merge(log, "again", ""));
        QCOMPARE(log.eventCount(), 502);
        editor.create("truncated", "main", 100, true, std::nullopt);
        QVERIFY_THROWS_EXCEPTION(Error, Merger::plan(log, "truncated"));
    }
};

QTEST_GUILESS_MAIN(TestBranches)
#include "tst_branches.moc"
