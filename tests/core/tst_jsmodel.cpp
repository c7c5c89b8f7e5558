#include "base/error.h"
#include "log/eventlog.h"
#include "log/modelstore.h"
#include "replay/jsmodel.h"
#include "replay/replayer.h"
#include "samples/shopsample.h"
#include "testlog.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace Chronoscope;
using nlohmann::json;
using Test::failureOf;
using Test::pathIn;

namespace {

Event makeEvent(int64_t seq,
                const std::string &stream,
                const std::string &type,
                const std::string &time,
                const std::string &data,
                const std::string &metadata = "{}",
                int64_t schemaVersion = 1)
{
    Event e;
    e.seq = seq;
    e.id = "e" + std::to_string(seq);
    e.stream = stream;
    e.type = type;
    e.recordedAt = *Timestamp::parse(time);
    e.data = data;
    e.metadata = metadata;
    e.schemaVersion = schemaVersion;
    return e;
}

std::string shopModelSource()
{
    QFile file(QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/models/shop.js"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the shop model is missing");
    return file.readAll().toStdString();
}

const char *const kTaxModel = R"js(
model = {
  name: "tax",
  rules: { tax: [ { from: "2018-02-01", rate: 0.018 }, { from: "2000-01-01", rate: 0.015 } ] },
  reducers: {
    OrderPlaced(state, event, ctx) {
      return { total: Math.round(event.data.amount * (1 + ctx.rule("tax").rate) * 100) / 100 };
    },
  },
};
)js";

} // namespace

class TestJsModel : public QObject
{
    Q_OBJECT

private slots:
    void theTaxRuleInForceIsPickedByRecordedTime()
    {
        JsModel model(kTaxModel, "tax.js");
        QCOMPARE(model.name(), std::string("tax"));
        State state;
        StepTrace before, after;
        model.apply(makeEvent(1,
                              "order-1",
                              "OrderPlaced",
                              "2018-01-31T23:59:59.999Z",
                              R"({"amount":100})"),
                    state,
                    &before);
        model.apply(
                makeEvent(2, "order-2", "OrderPlaced", "2018-02-01T00:00:00Z", R"({"amount":100})"),
                state,
                &after);
        QCOMPARE((*state.stream("order-1"))["total"].get<double>(), 101.5);
        QCOMPARE((*state.stream("order-2"))["total"].get<double>(), 101.8);
        QCOMPARE(before.rules.size(), size_t(1));
        QCOMPARE(before.rules[0].name, std::string("tax"));
        QCOMPARE(before.rules[0].version["rate"].get<double>(), 0.015);
        QCOMPARE(after.rules[0].version["rate"].get<double>(), 0.018);
        // Asked for by a reducer and a projection of the same event: used once, listed once.
        JsModel twice(R"js(
model = {
  name: "twice",
  rules: { tax: [ { from: "2000-01-01", rate: 0.015 } ] },
  reducers: { OrderPlaced(state, event, ctx) { return { rate: ctx.rule("tax").rate }; } },
  projections: { taxed: { OrderPlaced(view = {}, event, ctx) { view.n = ctx.rule("tax").rate; return view; } } },
};
)js",
                      "twice.js");
        State twiceState;
        StepTrace once;
        twice.apply(makeEvent(1, "order-1", "OrderPlaced", "2018-01-31T00:00:00Z", R"({"amount":1})"),
                    twiceState,
                    &once);
        QCOMPARE(once.rules.size(), size_t(1));
        // Before the first version there is none in force: a clear error.
        const std::string message = failureOf([&] {
            model.apply(
                    makeEvent(
                            3, "order-3", "OrderPlaced", "1999-01-01T00:00:00Z", R"({"amount":1})"),
                    state,
                    nullptr);
        });
        QVERIFY2(message.find("no version is in force") != std::string::npos, message.c_str());
        QVERIFY2(message.find("reducers.OrderPlaced threw at event 3") != std::string::npos,
                 message.c_str());
    }

    void upcastersChainOnReadAndLeaveTheStoredEventAlone()
    {
        JsModel model(R"js(
model = {
  upcasters: { Registered: { 1: (d) => ({ email: d.mail }), 2: (d) => Object.assign({}, d, { v3: true }) } },
  reducers: { Registered(state, event) { return { email: event.data.email, v3: event.data.v3,
                                                   schema: event.schema_version }; } },
};)js",
                      "upcast.js");
        State state;
        const Event v1 = makeEvent(1,
                                   "c-1",
                                   "Registered",
                                   "2018-01-01T00:00:00Z",
                                   R"({"mail":"a@example.com"})",
                                   "{}",
                                   1);
        model.apply(v1, state, nullptr);
        QVERIFY(*state.stream("c-1")
                == json::parse(R"({"email":"a@example.com","v3":true,"schema":3})"));
        QCOMPARE(v1.data, std::string(R"({"mail":"a@example.com"})"));
        // A v2 event takes only the second step.
        model.apply(makeEvent(2,
                              "c-2",
                              "Registered",
                              "2018-01-01T00:00:00Z",
                              R"({"email":"b@example.com"})",
                              "{}",
                              2),
                    state,
                    nullptr);
        QVERIFY(*state.stream("c-2")
                == json::parse(R"({"email":"b@example.com","v3":true,"schema":3})"));
    }

    void gatewayCallsAreAnsweredFromRecordingsOnly()
    {
        JsModel model(R"js(
model = { reducers: { Charged(state, event, ctx) {
  return { rate: ctx.gateway("fx", { from: "USD", to: "EUR" }).rate };
} } };)js",
                      "gw.js");
        State state;
        StepTrace trace;
        model.apply(
                makeEvent(
                        7,
                        "p-1",
                        "Charged",
                        "2018-01-01T00:00:00Z",
                        "{}",
                        R"({"gateway":[{"name":"fx","request":{"to":"EUR","from":"USD"},"response":{"rate":0.8}}]})"),
                state,
                &trace);
        QCOMPARE((*state.stream("p-1"))["rate"].get<double>(), 0.8);
        QCOMPARE(trace.gatewayCalls.size(), size_t(1));
        QCOMPARE(trace.gatewayCalls[0].name, std::string("fx"));

        const std::string message = failureOf([&] {
            model.apply(
                    makeEvent(
                            8,
                            "p-2",
                            "Charged",
                            "2018-01-01T00:00:00Z",
                            "{}",
                            R"({"gateway":[{"name":"fx","request":{"from":"USD","to":"GBP"},"response":{"rate":0.7}}]})"),
                    state,
                    nullptr);
        });
        QVERIFY2(message.find("event 8") != std::string::npos, message.c_str());
        QVERIFY2(message.find("ctx.gateway(\"fx\", {\"from\":\"USD\",\"to\":\"EUR\"})")
                         != std::string::npos,
                 message.c_str());
        QVERIFY2(message.find("no recording") != std::string::npos, message.c_str());
        QVERIFY(!state.stream("p-2"));
    }

    void anEndlessLoopIsInterrupted()
    {
        JsModel model(R"js(
model = { reducers: {
  Spin(state, event) { for (;;) {} },
  Fine(state, event) { return { ok: true }; },
} };)js",
                      "loop.js",
                      std::chrono::milliseconds(200));
        State state;
        const std::string message = failureOf([&] {
            model.apply(makeEvent(42, "s", "Spin", "2018-01-01T00:00:00Z", "{}"), state, nullptr);
        });
        QVERIFY2(message.find("reducers.Spin was interrupted at event 42") != std::string::npos,
                 message.c_str());
        // The engine works again afterwards.
        model.apply(makeEvent(43, "s", "Fine", "2018-01-01T00:00:00Z", "{}"), state, nullptr);
        QVERIFY(*state.stream("s") == json::parse(R"({"ok":true})"));
    }

    void anExceptionNamesTheFunctionTheEventAndTheStack()
    {
        JsModel model(R"js(
function helper(data) { return data.missing.field; }
model = { projections: { totals: { Placed(view, event) { return helper(event.data); } } } };
)js",
                      "throws.js");
        State state;
        const std::string message = failureOf([&] {
            model.apply(makeEvent(5, "o", "Placed", "2018-01-01T00:00:00Z", "{}"), state, nullptr);
        });
        QVERIFY2(message.find("projections.totals.Placed threw at event 5") != std::string::npos,
                 message.c_str());
        QVERIFY2(message.find("TypeError") != std::string::npos, message.c_str());
        QVERIFY2(message.find("helper") != std::string::npos, message.c_str()); // the stack
        QVERIFY2(message.find("throws.js") != std::string::npos, message.c_str());
    }

    void mutatingArgumentsChangesNothing()
    {
        JsModel model(R"js(
model = { reducers: { Added(state = { items: [] }, event) {
  state.items.push(event.data.item);
  event.data.item = "tampered";
  return state;
} } };)js",
                      "mutate.js");
        State state;
        model.apply(makeEvent(1, "cart", "Added", "2018-01-01T00:00:00Z", R"({"item":"a"})"),
                    state,
                    nullptr);
        const State snapshot = state;
        const Event second
                = makeEvent(2, "cart", "Added", "2018-01-01T00:00:00Z", R"({"item":"b"})");
        model.apply(second, state, nullptr);
        QVERIFY(*snapshot.stream("cart") == json::parse(R"({"items":["a"]})"));
        QVERIFY(*state.stream("cart") == json::parse(R"({"items":["a","b"]})"));
        QCOMPARE(second.data, std::string(R"({"item":"b"})"));
    }

    void brokenScriptsAreRefusedWithFileAndLine()
    {
        std::string message
                = failureOf([] { JsModel("model = {\n  reducers: {\n    x(: 1\n", "bad.js"); });
        QVERIFY2(message.rfind("bad.js:3: SyntaxError", 0) == 0, message.c_str());
        message = failureOf([] { JsModel("const x = 1;", "empty.js"); });
        QVERIFY2(message.find("must define an object `model") != std::string::npos,
                 message.c_str());
        message = failureOf(
                [] { JsModel("model = { rules: { tax: [ { rate: 1 } ] } };", "rules.js"); });
        QVERIFY2(message.find("needs \"from\"") != std::string::npos, message.c_str());
        // `const model = …` works as well as a global.
        JsModel constant("const model = { name: 'c', reducers: {} };", "const.js");
        QCOMPARE(constant.name(), std::string("c"));
    }

    void theSandboxHasNoWayOut()
    {
        JsModel model(R"js(model = { reducers: { Probe() {
            return {
                xhr: typeof XMLHttpRequest, qt: typeof Qt, require: typeof require,
                console: typeof console, print: typeof print, fetch: typeof fetch,
                setTimeout: typeof setTimeout, include: typeof include, importScripts: typeof importScripts,
            };
        } } };)js",
                      "probe.js");
        State state;
        model.apply(makeEvent(1, "s", "Probe", "2018-01-01T00:00:00Z", "{}"), state, nullptr);
        const json probe = *state.stream("s");
        for (const auto &[name, type] : probe.items())
            QVERIFY2(type == "undefined", name.c_str());
    }

    void stickyIdsAreTheSameInEveryReplay()
    {
        const char *source = R"js(model = { reducers: { R(s, e, ctx) {
            return { id: ctx.stickyId("customer", e.data.email), other: ctx.stickyId("customer", "x") }; } } };)js";
        JsModel a(source, "a.js"), b(source, "b.js");
        State sa, sb;
        const Event e = makeEvent(1, "c", "R", "2018-01-01T00:00:00Z", R"({"email":"a@b.c"})");
        a.apply(e, sa, nullptr);
        b.apply(e, sb, nullptr);
        QVERIFY(*sa.stream("c") == *sb.stream("c"));
        QVERIFY((*sa.stream("c"))["id"] != (*sa.stream("c"))["other"]);
        QCOMPARE(a.hash(), b.hash());
    }

    void theShopModelChargesTheTaxInForce()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "shop.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 3000;
        ShopSample::generate(log, options);
        const auto stored = ModelStore::current(log);
        QVERIFY(stored);
        QCOMPARE(stored->name, std::string("shop"));
        QCOMPARE(stored->source, shopModelSource());
        JsModel model(stored->source, "shop.js");
        QCOMPARE(model.services()["payment"]["listens"][0].get<std::string>(),
                 std::string("OrderPlaced"));
        Replayer replayer(log, model, 256);
        replayer.seek(log.eventCount());
        const State &state = replayer.state();
        const auto taxChange = *Timestamp::parseDateOrTime("2018-02-01");
        int orders = 0;
        double charged = 0, refunded = 0;
        std::vector<Event> events;
        log.forEachEvent({}, [&events](const Event &e) {
            events.push_back(e);
            return true;
        });
        for (const Event &e : events) {
            const json data = json::parse(e.data);
            if (e.type == "OrderPlaced") {
                const double rate = e.recordedAt < taxChange ? 0.015 : 0.018;
                const double expected
                        = std::round(data["amount"].get<double>() * (1 + rate) * 100) / 100;
                const json order = *state.stream(e.stream);
                if (std::abs(order["total"].get<double>() - expected) > 1e-9)
                    qWarning("order %s: total %f, expected %f",
                             e.stream.c_str(),
                             order["total"].get<double>(),
                             expected);
                orders += std::abs(order["total"].get<double>() - expected) < 1e-9;
            } else if (e.type == "PaymentCharged") {
                charged += data["charged"].get<double>();
            } else if (e.type == "PaymentRefunded") {
                refunded += data["amount"].get<double>();
                const json payment = *state.stream(e.stream);
                QCOMPARE(payment["status"].get<std::string>(), std::string("refunded"));
                QCOMPARE(payment["overcharged"].get<double>(), 0.0);
            } else if (e.type == "CustomerRegistered") {
                QVERIFY(state.stream(e.stream)->contains("email")); // v1 events were upcast
            }
        }
        QVERIFY(orders > 800);
        const auto placed
                = static_cast<int>(std::count_if(events.begin(), events.end(), [](const Event &e) {
                      return e.type == "OrderPlaced";
                  }));
        QCOMPARE(orders, placed);
        double revenue = 0;
        const json revenueView = *state.projection("revenue");
        for (const auto &[day, amount] : revenueView.items())
            revenue += amount.get<double>();
        QVERIFY(std::abs(revenue - (charged - refunded)) < 0.05);
        int counted = 0;
        const json ordersView = *state.projection("ordersPerCustomer");
        for (const auto &[customer, n] : ordersView.items())
            counted += n.get<int>();
        QCOMPARE(counted, placed);

        // Seeking with the JS model agrees with a replay from the start.
        Replayer fresh(log, model, 100000);
        for (int64_t target : {1234, 77, 2999}) {
            replayer.seek(target);
            fresh.seek(0);
            fresh.seek(target);
            QVERIFY(replayer.state().toJson() == fresh.state().toJson());
        }
    }
};

QTEST_GUILESS_MAIN(TestJsModel)
#include "tst_jsmodel.moc"
