#include "clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Chronoscope::Test;

/// The debugger tools end to end on a copy of the bundled shop history: order-104 placed at
/// event 349 and shipped at 351, payment-104 charged ×100 at 350 and refunded at 358.
class TestCliDebugger : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_log;

private slots:
    void init() { m_log = copyOfBundledShop(m_dir); }

    void breakpointsAreSavedAndRunStopsAtThem()
    {
        Result r = cli({QStringLiteral("break"),
                        m_log,
                        QStringLiteral("add"),
                        QStringLiteral("--type"),
                        QStringLiteral("PaymentRefunded")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("breakpoint 1  type PaymentRefunded  hits 0"));
        r = cli({QStringLiteral("run"), m_log});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("358  2018-02-09T01:02:01.943Z  payment-104@2")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("breakpoint 1: type PaymentRefunded")));
        // Nothing after the refund: exit 1 at the end.
        r = cli({QStringLiteral("run"),
                 m_log,
                 QStringLiteral("--from"),
                 QStringLiteral("main@358")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QStringLiteral("reached the end (event 500)")));
        // Backward from the end.
        QJsonObject hit
                = jsonOf({QStringLiteral("run"), m_log, QStringLiteral("--backward")}).object();
        QCOMPARE(hit[QStringLiteral("hit")].toObject()[QStringLiteral("seq")].toInt(), 358);
        QCOMPARE(hit[QStringLiteral("breakpoints")].toArray(), QJsonArray{1});

        // A change breakpoint on the order's status, the type breakpoint disabled.
        QCOMPARE(cli({QStringLiteral("break"),
                      m_log,
                      QStringLiteral("disable"),
                      QStringLiteral("1")})
                         .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("break"),
                      m_log,
                      QStringLiteral("add"),
                      QStringLiteral("--change"),
                      QStringLiteral("state.streams[\"order-104\"]?.status")})
                         .exitCode,
                 0);
        QList<int> stops;
        QString from = QStringLiteral("main@0");
        for (;;) {
            const Result step = cli({QStringLiteral("run"),
                                     m_log,
                                     QStringLiteral("--from"),
                                     from,
                                     QStringLiteral("--json")});
            if (step.exitCode != 0)
                break;
            const int seq = QJsonDocument::fromJson(step.out.toUtf8())
                                    .object()[QStringLiteral("hit")]
                                    .toObject()[QStringLiteral("seq")]
                                    .toInt();
            stops.append(seq);
            from = QStringLiteral("main@%1").arg(seq);
        }
        QCOMPARE(stops, (QList<int>{349, 351}));

        const QJsonArray list
                = jsonOf({QStringLiteral("break"), m_log, QStringLiteral("list")}).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject()[QStringLiteral("enabled")].toBool(), false);
        QCOMPARE(list[0].toObject()[QStringLiteral("hits")].toInt(), 2);
        QCOMPARE(list[1].toObject()[QStringLiteral("kind")].toString(), QStringLiteral("change"));
        QCOMPARE(list[1].toObject()[QStringLiteral("hits")].toInt(), 2);
        QCOMPARE(
                cli({QStringLiteral("break"), m_log, QStringLiteral("delete"), QStringLiteral("1")})
                        .exitCode,
                0);
        QCOMPARE(
                cli({QStringLiteral("break"), m_log, QStringLiteral("delete"), QStringLiteral("1")})
                        .exitCode,
                1);
    }

    void badBreakpointsAreRefusedAndSaveNothing()
    {
        Result r = cli({QStringLiteral("break"),
                        m_log,
                        QStringLiteral("add"),
                        QStringLiteral("--condition"),
                        QStringLiteral("event.(")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("event.(")), qPrintable(r.err));
        r = cli({QStringLiteral("break"), m_log, QStringLiteral("add")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(jsonOf({QStringLiteral("break"), m_log, QStringLiteral("list")}).array().size(),
                 0);
        // A condition that throws names the breakpoint and the event.
        cli({QStringLiteral("break"),
             m_log,
             QStringLiteral("add"),
             QStringLiteral("--condition"),
             QStringLiteral("event.data.order.length > 3")});
        r = cli({QStringLiteral("run"), m_log});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("breakpoint 1"))
                         && r.err.contains(QStringLiteral("at event 1")),
                 qPrintable(r.err));
    }

    void blameNamesTheChargeAndTheTaxRule()
    {
        QJsonObject last = jsonOf({QStringLiteral("blame"),
                                   m_log,
                                   QStringLiteral("--path"),
                                   QStringLiteral("/streams/order-104/total")})
                                   .object();
        QCOMPARE(last[QStringLiteral("seq")].toInt(), 349);
        QCOMPARE(last[QStringLiteral("type")].toString(), QStringLiteral("OrderPlaced"));
        QCOMPARE(last[QStringLiteral("source")].toString(), QStringLiteral("order"));
        QCOMPARE(last[QStringLiteral("after")].toDouble(), 340.34);
        const QJsonObject rule = last[QStringLiteral("rules")].toArray()[0].toObject();
        QCOMPARE(rule[QStringLiteral("name")].toString(), QStringLiteral("tax"));
        QCOMPARE(rule[QStringLiteral("version")].toObject()[QStringLiteral("rate")].toDouble(),
                 0.018);

        const QJsonArray history = jsonOf({QStringLiteral("blame"),
                                           m_log,
                                           QStringLiteral("--path"),
                                           QStringLiteral("/streams/payment-104/overcharged"),
                                           QStringLiteral("--history")})
                                           .array();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].toObject()[QStringLiteral("seq")].toInt(), 350);
        QCOMPARE(history[0].toObject()[QStringLiteral("after")].toDouble(), 33693.66);
        QCOMPARE(history[1].toObject()[QStringLiteral("seq")].toInt(), 358);
        QCOMPARE(history[1].toObject()[QStringLiteral("before")].toDouble(), 33693.66);

        const Result r = cli({QStringLiteral("blame"),
                              m_log,
                              QStringLiteral("--path"),
                              QStringLiteral("/streams/order-104/total"),
                              QStringLiteral("--rev"),
                              QStringLiteral("main@300")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(cli({QStringLiteral("blame"),
                      m_log,
                      QStringLiteral("--path"),
                      QStringLiteral("/nowhere")})
                         .exitCode,
                 2);
    }

    void bisectFindsTheRefundInLogNProbes()
    {
        const QJsonObject result
                = jsonOf({QStringLiteral("bisect"),
                          m_log,
                          QStringLiteral("--predicate"),
                          QStringLiteral("(state.streams[\"payment-104\"]?.refunded ?? 0) > 0"),
                          QStringLiteral("--check")})
                          .object();
        QCOMPARE(result[QStringLiteral("first")].toObject()[QStringLiteral("seq")].toInt(), 358);
        QCOMPARE(result[QStringLiteral("linear_first")].toInt(), 358);
        QVERIFY(result[QStringLiteral("stops_holding")].isNull());
        QVERIFY(result[QStringLiteral("probes")].toInt() <= 11);
        // Never holds: exit 1.
        Result r = cli({QStringLiteral("bisect"),
                        m_log,
                        QStringLiteral("--predicate"),
                        QStringLiteral("state.streams[\"order-104\"]?.status === \"cancelled\"")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("does not hold")));
        // Holds, then stops holding: --check says so, exit 1.
        r = cli({QStringLiteral("bisect"),
                 m_log,
                 QStringLiteral("--predicate"),
                 QStringLiteral("state.streams[\"order-104\"]?.status === \"placed\""),
                 QStringLiteral("--rev"),
                 QStringLiteral("main@350"),
                 QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("349  2018-02-07T23:20:59.263Z")));
        // Held only in the middle (placed at 349, shipped at 351): the check says where.
        r = cli({QStringLiteral("bisect"),
                 m_log,
                 QStringLiteral("--predicate"),
                 QStringLiteral("state.streams[\"order-104\"]?.status === \"placed\""),
                 QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("does not hold at main (event 500)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("holding after event 349 until event 351, where it stops holding")),
                 qPrintable(r.err));
        r = cli({QStringLiteral("bisect"),
                 m_log,
                 QStringLiteral("--predicate"),
                 QStringLiteral("state.streams[\"order-104\"]?.status === \"cancelled\""),
                 QStringLiteral("--check")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("holding after no event")), qPrintable(r.err));
    }

    void searchEventsAndInsideTheState()
    {
        Result r = cli({QStringLiteral("events"),
                        m_log,
                        QStringLiteral("--search"),
                        QStringLiteral("order-104")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 4);
        QVERIFY(r.err.contains(QStringLiteral("indexing 500 events")));
        // The index is kept: the next search does not index again.
        r = cli({QStringLiteral("events"),
                 m_log,
                 QStringLiteral("--search"),
                 QStringLiteral("over-charge"),
                 QStringLiteral("--type"),
                 QStringLiteral("Payment*")});
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.startsWith(QStringLiteral("     358  ")));
        QCOMPARE(cli({QStringLiteral("events"),
                      m_log,
                      QStringLiteral("--search"),
                      QStringLiteral(" ")})
                         .exitCode,
                 2);

        const QJsonArray found = jsonOf({QStringLiteral("state"),
                                         m_log,
                                         QStringLiteral("--rev"),
                                         QStringLiteral("main@400"),
                                         QStringLiteral("--find"),
                                         QStringLiteral("/streams/payment-104/ch")})
                                         .array();
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[0].toObject()[QStringLiteral("path")].toString(),
                 QStringLiteral("/streams/payment-104/charged"));
        QCOMPARE(found[0].toObject()[QStringLiteral("value")].toInt(), 34034);
        r = cli({QStringLiteral("state"),
                 m_log,
                 QStringLiteral("--find"),
                 QStringLiteral("Edsger Turing")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("/streams/customer-25/name  \"Edsger Turing\"")));
        QCOMPARE(cli({QStringLiteral("state"),
                      m_log,
                      QStringLiteral("--find"),
                      QStringLiteral("no such text")})
                         .exitCode,
                 1);
    }

    void watchSaysWhatChanged()
    {
        const QJsonArray watches = jsonOf({QStringLiteral("watch"),
                                           m_log,
                                           QStringLiteral("state.streams[\"order-104\"]?.status"),
                                           QStringLiteral("state.streams[\"order-104\"].total"),
                                           QStringLiteral("--rev"),
                                           QStringLiteral("main@351")})
                                           .array();
        QCOMPARE(watches.size(), 2);
        QCOMPARE(watches[0].toObject()[QStringLiteral("value")].toString(),
                 QStringLiteral("shipped"));
        QCOMPARE(watches[0].toObject()[QStringLiteral("changed")].toBool(), true);
        QCOMPARE(watches[0].toObject()[QStringLiteral("previous")].toString(),
                 QStringLiteral("placed"));
        QCOMPARE(watches[1].toObject()[QStringLiteral("value")].toDouble(), 340.34);
        QCOMPARE(watches[1].toObject()[QStringLiteral("changed")].toBool(), false);
        // Where the order is placed, its status was not there before: undefined, not null.
        const Result placed = cli({QStringLiteral("watch"),
                                   m_log,
                                   QStringLiteral("state.streams[\"order-104\"]?.status"),
                                   QStringLiteral("state.streams[\"order-104\"]?.refund"),
                                   QStringLiteral("--rev"),
                                   QStringLiteral("main@349")});
        QCOMPARE(placed.out,
                 QStringLiteral("state.streams[\"order-104\"]?.status = \"placed\"   (changed at "
                                "event 349; was undefined)\nstate.streams[\"order-104\"]?.refund = "
                                "undefined\n"));
        const QJsonArray placedJson = jsonOf({QStringLiteral("watch"),
                                              m_log,
                                              QStringLiteral("state.streams[\"order-104\"]?.status"),
                                              QStringLiteral("--rev"),
                                              QStringLiteral("main@349"),
                                              QStringLiteral("--json")})
                                              .array();
        QVERIFY(placedJson[0].toObject()[QStringLiteral("previous")].isNull());
        QCOMPARE(placedJson[0].toObject()[QStringLiteral("previous_undefined")].toBool(), true);
        QVERIFY(!placedJson[0].toObject().contains(QStringLiteral("value_undefined")));
        const Result r
                = cli({QStringLiteral("watch"), m_log, QStringLiteral("state.streams.nope.x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QStringLiteral("TypeError")));
    }

    void projectionsShowTheReadSideAtARevision()
    {
        const QJsonObject at = jsonOf({QStringLiteral("projections"), m_log, QStringLiteral("--rev"), QStringLiteral("main@350")}).object();
        QCOMPARE(at[QStringLiteral("position")].toInt(), 350);
        QCOMPARE(at[QStringLiteral("model")].toString(), QStringLiteral("shop"));
        const QJsonArray list = at[QStringLiteral("projections")].toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject()[QStringLiteral("projection")].toString(), QStringLiteral("ordersPerCustomer"));
        QCOMPARE(list[0].toObject()[QStringLiteral("checkpoint")].toInt(), 349); // the OrderPlaced
        QCOMPARE(list[0].toObject()[QStringLiteral("pending")].toInt(), 0);
        // The charge at 350 was recorded but its processing came 393 ms later.
        QCOMPARE(list[1].toObject()[QStringLiteral("projection")].toString(), QStringLiteral("revenue"));
        QCOMPARE(list[1].toObject()[QStringLiteral("checkpoint")].toInt(), 350);
        QCOMPARE(list[1].toObject()[QStringLiteral("pending")].toInt(), 1);
        QCOMPARE(list[1].toObject()[QStringLiteral("catch_up_ms")].toDouble(), 393.0);
        const Result text = cli({QStringLiteral("projections"), m_log, QStringLiteral("--rev"), QStringLiteral("main@350")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("revenue            checkpoint 350  1 pending, caught up 0.393 s later")),
                 qPrintable(text.out));
        // A model without projections has no read side to show.
        const QString generic = m_dir.filePath(QStringLiteral("none.js"));
        QFile file(generic);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("model = { name: \"none\", reducers: {} };");
        file.close();
        const Result none = cli({QStringLiteral("projections"), m_log, QStringLiteral("--model"), generic});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("has no projections")), qPrintable(none.err));
    }

    void eventsShowWhatTheModelSeesWithUpcast()
    {
        // Customers registered before 2018-01-20 are schema 1 ("mail"); the model reads "email".
        const Result text = cli({QStringLiteral("events"), m_log, QStringLiteral("--type"), QStringLiteral("CustomerRegistered"),
                                 QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--upcast")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("\n    as the model sees it: schema 2, data {\"email\":\"barbara.hamilton+1@example.com\",\"name\":\"Barbara Hamilton\"}\n")),
                 qPrintable(text.out));
        const QJsonObject line = QJsonDocument::fromJson(
                cli({QStringLiteral("events"), m_log, QStringLiteral("--type"), QStringLiteral("CustomerRegistered"),
                     QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--upcast"), QStringLiteral("--json")}).out.toUtf8()).object();
        QCOMPARE(line[QStringLiteral("data")].toObject()[QStringLiteral("mail")].toString(), QStringLiteral("barbara.hamilton+1@example.com"));
        QCOMPARE(line[QStringLiteral("upcast")].toObject()[QStringLiteral("schema_version")].toInt(), 2);
        QCOMPARE(line[QStringLiteral("upcast")].toObject()[QStringLiteral("data")].toObject()[QStringLiteral("email")].toString(),
                 QStringLiteral("barbara.hamilton+1@example.com"));
        // An event the model sees as stored has no upcast line.
        const Result placed = cli({QStringLiteral("events"), m_log, QStringLiteral("--from"), QStringLiteral("349"),
                                   QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--upcast")});
        QVERIFY2(!placed.out.contains(QStringLiteral("as the model sees it")), qPrintable(placed.out));
        QCOMPARE(cli({QStringLiteral("events"), m_log, QStringLiteral("--model"), QStringLiteral("x.js")}).exitCode, 2);
    }

    void storedStatesAreListedVerifiedAndDropped()
    {
        const QString log = m_dir.filePath(QStringLiteral("stored.chronolog"));
        QFile::remove(log);
        writeSample(log, 40000);
        QCOMPARE(cli({QStringLiteral("snapshots"), log, QStringLiteral("list")}).out, QStringLiteral("no stored states\n"));
        QCOMPARE(cli({QStringLiteral("state"), log, QStringLiteral("--path"), QStringLiteral("/projections/revenue")}).exitCode, 0);
        const QJsonArray stored = jsonOf({QStringLiteral("snapshots"), log, QStringLiteral("list")}).array();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].toObject()[QStringLiteral("current")].toBool(), true);
        QCOMPARE(stored[0].toObject()[QStringLiteral("states")].toInt(), 2); // after 16384 and 32768
        QCOMPARE(stored[0].toObject()[QStringLiteral("last_seq")].toInt(), 32768);
        QVERIFY(stored[0].toObject()[QStringLiteral("bytes")].toInt() > 1000);
        const Result verified = cli({QStringLiteral("snapshots"), log, QStringLiteral("verify")});
        QCOMPARE(verified.exitCode, 0);
        QCOMPARE(verified.out, QStringLiteral("ok: 2 stored states of model shop agree with a replay from scratch\n"));
        const QJsonObject dropped = jsonOf({QStringLiteral("snapshots"), log, QStringLiteral("drop")}).object();
        QCOMPARE(dropped[QStringLiteral("dropped")].toInt(), 2);
        QCOMPARE(cli({QStringLiteral("snapshots"), log, QStringLiteral("list")}).out, QStringLiteral("no stored states\n"));
        // Rebuilt by the next replay, the same answer.
        const QString revenue = cli({QStringLiteral("state"), log, QStringLiteral("--path"), QStringLiteral("/projections/revenue")}).out;
        QCOMPARE(jsonOf({QStringLiteral("snapshots"), log, QStringLiteral("list")}).array().size(), 1);
        QCOMPARE(cli({QStringLiteral("state"), log, QStringLiteral("--path"), QStringLiteral("/projections/revenue")}).out, revenue);
        QCOMPARE(cli({QStringLiteral("snapshots"), log, QStringLiteral("nope")}).exitCode, 2);
    }

    void bookmarksAndRates()
    {
        QCOMPARE(cli({QStringLiteral("bookmark"),
                      m_log,
                      QStringLiteral("add"),
                      QStringLiteral("350"),
                      QStringLiteral("the over-charge")})
                         .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("bookmark"),
                      m_log,
                      QStringLiteral("add"),
                      QStringLiteral("9999"),
                      QStringLiteral("nowhere")})
                         .exitCode,
                 1);
        const QJsonArray marks
                = jsonOf({QStringLiteral("bookmark"), m_log, QStringLiteral("list")}).array();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks[0].toObject()[QStringLiteral("name")].toString(),
                 QStringLiteral("the over-charge"));

        const QJsonObject rates = jsonOf({QStringLiteral("rate"),
                                          m_log,
                                          QStringLiteral("--by"),
                                          QStringLiteral("source"),
                                          QStringLiteral("--bucket"),
                                          QStringLiteral("1d"),
                                          QStringLiteral("--ahead"),
                                          QStringLiteral("2")})
                                          .object();
        QCOMPARE(rates[QStringLiteral("bucket_seconds")].toInt(), 86400);
        int total = 0;
        for (const QJsonValue &series : rates[QStringLiteral("series")].toArray()) {
            const QJsonObject s = series.toObject();
            QCOMPARE(s[QStringLiteral("forecast")].toArray().size(), 2);
            QCOMPARE(s[QStringLiteral("counts")].toArray().size(),
                     rates[QStringLiteral("buckets")].toInt());
            total += s[QStringLiteral("total")].toInt();
        }
        QCOMPARE(total, 500);
        QCOMPARE(cli({QStringLiteral("rate"),
                      m_log,
                      QStringLiteral("--bucket"),
                      QStringLiteral("3x")})
                         .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliDebugger)
#include "tst_cli_debugger.moc"
