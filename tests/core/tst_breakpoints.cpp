#include "base/error.h"
#include "debug/breakpointrunner.h"
#include "debug/expressionengine.h"
#include "debug/watchlist.h"
#include "log/bookmarkstore.h"
#include "log/breakpointstore.h"
#include "log/eventlog.h"
#include "replay/replayer.h"
#include "samples/shopsample.h"
#include "shoplog.h"
#include "testlog.h"

#include <QTest>

using namespace Chronoscope;
using nlohmann::json;

namespace {

Breakpoint breakpoint(int64_t id, Breakpoint::Kind kind, const std::string &pattern)
{
    Breakpoint b;
    b.id = id;
    b.kind = kind;
    b.pattern = pattern;
    return b;
}

std::string failureOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const Error &e) {
        return e.what();
    }
    return {};
}

} // namespace

/// Breakpoints, watch expressions and bookmarks on the bundled shop history: payment-104 was
/// charged ×100 at event 350 and refunded at 358; its order-104 was placed at 349 and shipped
/// at 351.
class TestBreakpoints : public QObject
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
        QCOMPARE(m_log->eventCount(), 500);
    }

    void expressionsReadEventAndStateLazily()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        replayer.seek(350);
        const Event event = *m_log->event(350);
        const auto total = engine.compile(R"(state.streams["payment-104"].charged)");
        QVERIFY(engine.value(total, &event, replayer.state()) == json(34034));
        const auto type = engine.compile("event.type + ' on ' + event.stream");
        QVERIFY(engine.value(type, &event, replayer.state())
                == json("PaymentCharged on payment-104"));
        const auto keys = engine.compile("Object.keys(state.streams).length");
        QVERIFY(engine.value(keys, &event, replayer.state())
                == json(replayer.state().streamCount()));
        const auto has = engine.compile(
                R"(("order-104" in state.streams) && !("order-999" in state.streams))");
        QVERIFY(engine.holds(has, &event, replayer.state()));
        const auto view = engine.compile("state.projections.ordersPerCustomer['customer-25']");
        QVERIFY(engine.value(view, &event, replayer.state())
                == *replayer.state().at("/projections/ordersPerCustomer/customer-25"));
        // Before the first event there is no event and no state.
        replayer.seek(0);
        const auto nothing
                = engine.compile("event === undefined && Object.keys(state.streams).length === 0");
        QVERIFY(engine.holds(nothing, nullptr, replayer.state()));
        // undefined has no JSON: it is told apart from null, and the same as itself only.
        const json undefined = engine.value(engine.compile("state.streams.x"), nullptr, replayer.state());
        QVERIFY(undefined.is_discarded());
        QVERIFY(ExpressionEngine::same(undefined, engine.value(engine.compile("undefined"), nullptr, replayer.state())));
        QVERIFY(!ExpressionEngine::same(undefined, json()));
        QVERIFY(engine.value(engine.compile("null"), nullptr, replayer.state()) == json());
    }

    void expressionsCannotChangeTheStateOrLeaveTheSandbox()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        replayer.seek(350);
        const json before = replayer.state().toJson();
        const auto mutate = engine.compile(
                R"((state.streams["payment-104"].charged = 1, state.streams["x"] = 2, state.streams["payment-104"].charged))");
        engine.value(mutate, nullptr, replayer.state());
        QVERIFY(replayer.state().toJson() == before);
        const auto escape = engine.compile(
                "[typeof require, typeof XMLHttpRequest, typeof Qt, typeof process].join()");
        QVERIFY(engine.value(escape, nullptr, replayer.state())
                == json("undefined,undefined,undefined,undefined"));
    }

    void badExpressionsSayWhatAndWhere()
    {
        ExpressionEngine engine(std::chrono::milliseconds(200));
        Replayer replayer(*m_log, *m_model);
        replayer.seek(3);
        const Event event = *m_log->event(3);
        std::string message = failureOf([&] { engine.compile("state.streams[ ("); });
        QVERIFY2(message.find("state.streams[ (") != std::string::npos, message.c_str());
        QVERIFY_THROWS_EXCEPTION(Error, engine.compile("  "));
        const auto throws = engine.compile("state.streams['nope'].status");
        message = failureOf([&] { engine.value(throws, &event, replayer.state()); });
        QVERIFY2(message.find("state.streams['nope'].status") != std::string::npos,
                 message.c_str());
        QVERIFY2(message.find("at event 3") != std::string::npos, message.c_str());
        QVERIFY2(message.find("TypeError") != std::string::npos, message.c_str());
        const auto endless = engine.compile("(() => { for (;;) {} })()");
        message = failureOf([&] { engine.holds(endless, &event, replayer.state()); });
        QVERIFY2(message.find("interrupted at event 3") != std::string::npos, message.c_str());
        // The engine is usable after an interruption.
        QVERIFY(engine.value(engine.compile("1 + 1"), &event, replayer.state()) == json(2));
    }

    void watchesSayWhatChangedSinceThePreviousPosition()
    {
        ExpressionEngine engine;
        WatchList watches(engine);
        watches.add(R"(state.streams["order-104"]?.status)");
        watches.add(R"(state.streams["order-104"].total)");
        QVERIFY_THROWS_EXCEPTION(Error, watches.add("]"));
        QCOMPARE(watches.watches().size(), size_t(2));
        Replayer replayer(*m_log, *m_model);
        auto at = [&](int64_t seq) {
            replayer.seek(seq);
            const std::optional<Event> event = m_log->event(seq);
            watches.update(&*event, replayer.state());
        };
        at(347);
        at(348);
        // Not there yet: undefined (not null), and undefined stays the same from one event to
        // the next.
        QVERIFY(watches.watches()[0].value->is_discarded());
        QCOMPARE(ExpressionEngine::display(*watches.watches()[0].value), std::string("undefined"));
        QVERIFY(!watches.watches()[0].changed);
        QVERIFY(!watches.watches()[1].value);
        QVERIFY(watches.watches()[1].error.find("TypeError") != std::string::npos);
        at(349);
        QVERIFY(*watches.watches()[0].value == json("placed"));
        QVERIFY(watches.watches()[0].changed);
        QVERIFY(*watches.watches()[1].value == json(340.34));
        QVERIFY(watches.watches()[1].changed);
        at(350);
        QVERIFY(!watches.watches()[0].changed);
        QVERIFY(!watches.watches()[1].changed);
        at(351);
        QVERIFY(*watches.watches()[0].value == json("shipped"));
        QVERIFY(watches.watches()[0].changed);
        QVERIFY(!watches.watches()[1].changed);
        watches.remove(0);
        QCOMPARE(watches.watches().size(), size_t(1));
        QCOMPARE(watches.watches()[0].expression,
                 std::string(R"(state.streams["order-104"].total)"));
    }

    void aTypeBreakpointStopsAtTheRefund()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        BreakpointRunner runner(*m_log, replayer, engine);
        runner.setBreakpoints({breakpoint(1, Breakpoint::Kind::Type, "PaymentRefunded")});
        auto hit = runner.runForward();
        QVERIFY(hit);
        QCOMPARE(hit->seq, 358);
        QCOMPARE(hit->breakpoints, std::vector<int64_t>{1});
        QCOMPARE(replayer.position(), 358);
        QVERIFY(*replayer.state().at("/streams/payment-104/status") == json("refunded"));
        // Nothing after it: the run ends at the head.
        QVERIFY(!runner.runForward());
        QCOMPARE(replayer.position(), 500);
        // Backward from the end finds it again.
        hit = runner.runBackward();
        QVERIFY(hit);
        QCOMPARE(hit->seq, 358);
        QVERIFY(!runner.runBackward());
        QCOMPARE(replayer.position(), 0);
        QCOMPARE(runner.breakpoints().front().hits, 2);
    }

    void globsStreamsAndSourcesAndDisabledBreakpoints()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        BreakpointRunner runner(*m_log, replayer, engine);
        Breakpoint disabled = breakpoint(3, Breakpoint::Kind::Type, "Order*");
        disabled.enabled = false;
        runner.setBreakpoints({breakpoint(1, Breakpoint::Kind::Stream, "payment-10?"),
                               breakpoint(2, Breakpoint::Kind::Source, "customer"),
                               disabled});
        std::vector<int64_t> stops;
        while (const auto hit = runner.runForward()) {
            const Event e = *m_log->event(hit->seq);
            QVERIFY(e.source == std::optional<std::string>("customer")
                    || (e.stream.size() == 11 && e.stream.rfind("payment-10", 0) == 0));
            stops.push_back(hit->seq);
        }
        // Every payment-100..109 event and every customer event, each once, in order.
        int64_t expected = 0;
        m_log->forEachEvent({}, [&expected](const Event &e) {
            if (e.source == std::optional<std::string>("customer")
                || (e.stream.size() == 11 && e.stream.rfind("payment-10", 0) == 0))
                ++expected;
            return true;
        });
        QCOMPARE(int64_t(stops.size()), expected);
        QVERIFY(std::is_sorted(stops.begin(), stops.end()));
        QVERIFY(std::find(stops.begin(), stops.end(), 350) != stops.end());
    }

    void aConditionBreakpointStopsWhereItHolds()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        BreakpointRunner runner(*m_log, replayer, engine);
        runner.setBreakpoints(
                {breakpoint(7,
                            Breakpoint::Kind::Condition,
                            R"(state.streams["payment-104"]?.status === "refunded")")});
        auto hit = runner.runForward();
        QVERIFY(hit);
        QCOMPARE(hit->seq, 358);
        // A condition stops at every event after which it holds.
        hit = runner.runForward();
        QVERIFY(hit);
        QCOMPARE(hit->seq, 359);
        // An event condition.
        runner.setBreakpoints(
                {breakpoint(8,
                            Breakpoint::Kind::Condition,
                            "event.type === 'PaymentCharged' && event.data.charged > 10000")});
        replayer.seek(0);
        hit = runner.runForward();
        QVERIFY(hit);
        QCOMPARE(hit->seq, 350);
        QVERIFY(!runner.runForward());
        QCOMPARE(replayer.position(), 500);
    }

    void aChangeBreakpointStopsWhereTheValueChanges()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        BreakpointRunner runner(*m_log, replayer, engine);
        runner.setBreakpoints(
                {breakpoint(4, Breakpoint::Kind::Change, R"(state.streams["order-104"]?.status)")});
        std::vector<int64_t> forward;
        while (const auto hit = runner.runForward())
            forward.push_back(hit->seq);
        QCOMPARE(forward, (std::vector<int64_t>{349, 351}));
        std::vector<int64_t> backward;
        while (const auto hit = runner.runBackward())
            backward.push_back(hit->seq);
        QCOMPARE(backward, (std::vector<int64_t>{351, 349}));
        QCOMPARE(replayer.position(), 0);
        QCOMPARE(runner.breakpoints().front().hits, 4);
    }

    void runningBackwardCrossesReplayBlocks()
    {
        // 6,000 events: running backward from the end to an early order replays several blocks.
        QTemporaryDir dir;
        EventLog log(Test::pathIn(dir, "big.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 6000;
        ShopSample::generate(log, options);
        auto model = Test::storedModel(log);
        ExpressionEngine engine;
        Replayer replayer(log, *model);
        BreakpointRunner runner(log, replayer, engine);
        runner.setBreakpoints(
                {breakpoint(1, Breakpoint::Kind::Change, R"(state.streams["order-2"]?.status)"),
                 breakpoint(2, Breakpoint::Kind::Stream, "order-2")});
        std::vector<int64_t> expected;
        log.forEachEvent({}, [&expected](const Event &e) {
            if (e.stream == "order-2")
                expected.push_back(e.seq);
            return true;
        });
        QVERIFY(expected.size() >= 2);
        replayer.seek(6000);
        std::vector<int64_t> backward;
        while (const auto hit = runner.runBackward()) {
            // Both breakpoints stop at each of the order's events.
            QCOMPARE(hit->breakpoints, (std::vector<int64_t>{1, 2}));
            backward.insert(backward.begin(), hit->seq);
        }
        QCOMPARE(backward, expected);
    }

    void ignoredEventsDoNotStop()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        replayer.setIgnored({358});
        BreakpointRunner runner(*m_log, replayer, engine);
        runner.setBreakpoints({breakpoint(1, Breakpoint::Kind::Type, "PaymentRefunded")});
        QVERIFY(!runner.runForward());
        runner.setBreakpoints({breakpoint(
                2, Breakpoint::Kind::Change, R"(state.streams["payment-104"]?.status)")});
        replayer.seek(0);
        auto hit = runner.runForward();
        QCOMPARE(hit->seq, 350);
        QVERIFY(!runner.runForward()); // never refunded
    }

    void badConditionsNameTheBreakpointAndTheEvent()
    {
        ExpressionEngine engine(std::chrono::milliseconds(200));
        Replayer replayer(*m_log, *m_model);
        BreakpointRunner runner(*m_log, replayer, engine);
        std::string message = failureOf([&] {
            runner.setBreakpoints({breakpoint(5, Breakpoint::Kind::Condition, "event.(")});
        });
        QVERIFY2(message.find("breakpoint 5") != std::string::npos, message.c_str());
        QVERIFY2(message.find("event.(") != std::string::npos, message.c_str());
        runner.setBreakpoints(
                {breakpoint(6, Breakpoint::Kind::Condition, "event.data.order.length > 3")});
        message = failureOf([&] { runner.runForward(); });
        // The first event is a CustomerRegistered: its data has no order.
        QVERIFY2(message.find("breakpoint 6") != std::string::npos, message.c_str());
        QVERIFY2(message.find("at event 1") != std::string::npos, message.c_str());
        runner.setBreakpoints(
                {breakpoint(7, Breakpoint::Kind::Condition, "(() => { while (true) {} })()")});
        replayer.seek(0);
        message = failureOf([&] { runner.runForward(); });
        QVERIFY2(message.find("interrupted at event 1") != std::string::npos, message.c_str());
    }

    void aRunCanBeCancelled()
    {
        ExpressionEngine engine;
        Replayer replayer(*m_log, *m_model);
        BreakpointRunner runner(*m_log, replayer, engine);
        runner.setBreakpoints({breakpoint(1, Breakpoint::Kind::Condition, "false")});
        std::atomic<bool> cancel{true};
        QVERIFY(!runner.runForward(&cancel));
        QVERIFY(replayer.position() < 500);
    }

    void breakpointsAndBookmarksAreSavedInTheLog()
    {
        QTemporaryDir dir;
        const std::string path = Test::copyOfBundledShop(dir);
        {
            EventLog log(path, EventLog::OpenMode::Existing);
            BreakpointStore store(log);
            const Breakpoint a = store.add(Breakpoint::Kind::Type, "PaymentRefunded");
            const Breakpoint b = store.add(Breakpoint::Kind::Condition, "state.streams.x?.y > 1");
            QVERIFY(b.id > a.id);
            store.setEnabled(a.id, false);
            store.recordHit(b.id);
            store.recordHit(b.id);
            QVERIFY_THROWS_EXCEPTION(Error, store.add(Breakpoint::Kind::Stream, " "));
            QVERIFY_THROWS_EXCEPTION(Error, store.setEnabled(999, true));
            BookmarkStore bookmarks(log);
            bookmarks.set(350, "the over-charge");
            bookmarks.set(358, "refund");
            bookmarks.set(358, "the refund");
            QVERIFY_THROWS_EXCEPTION(Error, bookmarks.set(501, "beyond"));
        }
        EventLog log(path, EventLog::OpenMode::Existing);
        BreakpointStore store(log);
        const auto list = store.list();
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(list[0].kind, Breakpoint::Kind::Type);
        QCOMPARE(list[0].pattern, std::string("PaymentRefunded"));
        QVERIFY(!list[0].enabled);
        QCOMPARE(list[1].kind, Breakpoint::Kind::Condition);
        QCOMPARE(list[1].hits, 2);
        QVERIFY(list[1].enabled);
        store.remove(list[0].id);
        QCOMPARE(store.list().size(), size_t(1));
        QVERIFY_THROWS_EXCEPTION(Error, store.remove(list[0].id));
        BookmarkStore bookmarks(log);
        const auto marks = bookmarks.list();
        QCOMPARE(marks.size(), size_t(2));
        QCOMPARE(marks[1].seq, 358);
        QCOMPARE(marks[1].name, std::string("the refund"));
        bookmarks.remove(350);
        QVERIFY_THROWS_EXCEPTION(Error, bookmarks.remove(350));
        QCOMPARE(bookmarks.list().size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestBreakpoints)
#include "tst_breakpoints.moc"
