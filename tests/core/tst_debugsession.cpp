#include "log/eventlog.h"
#include "samples/shopsample.h"
#include "session/debugsession.h"
#include "shoplog.h"
#include "testlog.h"

#include <QSignalSpy>
#include <QTest>

using namespace Chronoscope;
using nlohmann::json;

/// The threaded replay behind the debugger window, on the bundled shop history.
class TestDebugSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    static bool waitForUpdate(DebugSession &, QSignalSpy &spy)
    {
        return spy.wait(20000) || !spy.isEmpty();
    }

private slots:
    void initTestCase() { m_path = QString::fromStdString(Test::copyOfBundledShop(m_dir)); }

    void seeksInTheWorkerAndExplainsTheStep()
    {
        DebugSession session;
        QSignalSpy opened(&session, &DebugSession::opened);
        session.open(m_path);
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.first().first().toString(), QString());
        QCOMPARE(session.head(), 500);
        QCOMPARE(session.modelName(), QStringLiteral("shop"));

        QSignalSpy updated(&session, &DebugSession::updated);
        session.seek(350);
        QVERIFY(waitForUpdate(session, updated));
        const SessionUpdate &u = session.current();
        QCOMPARE(u.position, 350);
        QVERIFY(u.step);
        QCOMPARE(u.step->event.type, std::string("PaymentCharged"));
        QVERIFY(!u.step->before);
        QVERIFY(*u.step->after == *u.state.stream("payment-104"));
        QCOMPARE(u.step->trace.gatewayCalls.size(), size_t(1));
        QVERIFY(*u.state.at("/streams/payment-104/charged") == json(34034));

        updated.clear();
        session.stepForward();
        QCOMPARE(session.requestedPosition(), 351);
        QVERIFY(waitForUpdate(session, updated));
        QCOMPARE(session.current().position, 351);
        QVERIFY(*session.current().state.at("/streams/order-104/status") == json("shipped"));
        // Past the ends: clamped.
        updated.clear();
        session.seek(100000);
        QVERIFY(waitForUpdate(session, updated));
        QCOMPARE(session.current().position, 500);
        updated.clear();
        session.seek(0);
        QVERIFY(waitForUpdate(session, updated));
        QCOMPARE(session.current().position, 0);
        QVERIFY(!session.current().step);
    }

    void manyRequestsAreCoalescedAndOnlyTheNewestIsAnswered()
    {
        DebugSession session;
        QSignalSpy opened(&session, &DebugSession::opened);
        session.open(m_path);
        QVERIFY(opened.wait(20000));
        QSignalSpy updated(&session, &DebugSession::updated);
        for (int i = 1; i <= 200; ++i)
            session.seek(i * 2);
        QTRY_COMPARE_WITH_TIMEOUT(session.current().position, 400, 20000);
        QVERIFY2(updated.count() < 200, qPrintable(QString::number(updated.count())));
        // Five quick steps are five events further.
        for (int i = 0; i < 5; ++i)
            session.stepForward();
        QTRY_COMPARE_WITH_TIMEOUT(session.current().position, 405, 20000);
    }

    void runsToBreakpointsAndEvaluatesWatches()
    {
        DebugSession session;
        QSignalSpy opened(&session, &DebugSession::opened);
        session.open(m_path);
        QVERIFY(opened.wait(20000));
        Breakpoint refund;
        refund.id = 1;
        refund.kind = Breakpoint::Kind::Type;
        refund.pattern = "PaymentRefunded";
        session.setBreakpoints({refund});
        session.setWatches({QStringLiteral("state.streams[\"payment-104\"]?.status")});
        QSignalSpy updated(&session, &DebugSession::updated);
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() > 0, 20000);
        updated.clear();
        session.runForward();
        QVERIFY(waitForUpdate(session, updated));
        QCOMPARE(session.current().position, 358);
        QVERIFY(session.current().ranToBreakpoint);
        QCOMPARE(session.current().breakpointsHit, std::vector<int64_t>{1});
        QCOMPARE(session.current().watches.size(), size_t(1));
        QVERIFY(*session.current().watches[0].value == json("refunded"));
        updated.clear();
        session.runForward();
        QVERIFY(waitForUpdate(session, updated));
        QCOMPARE(session.current().position, 500);
        QVERIFY(!session.current().ranToBreakpoint);
        QVERIFY(session.current().runEnded == SessionUpdate::RunEnd::NoHitToEnd);
        updated.clear();
        session.runBackward();
        QVERIFY(waitForUpdate(session, updated));
        QCOMPARE(session.current().position, 358);
    }

    void aBrokenLogSaysWhy()
    {
        const std::string bad = Test::pathIn(m_dir, "notes.txt");
        Test::writeFile(bad, "not a log\n");
        DebugSession session;
        QSignalSpy opened(&session, &DebugSession::opened);
        session.open(QString::fromStdString(bad));
        QVERIFY(opened.wait(20000));
        QVERIFY(opened.first().first().toString().contains(
                QStringLiteral("not a Chronoscope log")));
        QVERIFY(!session.isOpen());
    }

    void aLongReplayReportsProgressAndGivesWayToANewerRequest()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("long.chronolog")).toStdString();
        {
            EventLog log(path, EventLog::OpenMode::CreateIfMissing);
            ShopSampleOptions options;
            options.events = 20000;
            ShopSample::generate(log, options);
        }
        DebugSession session;
        QSignalSpy opened(&session, &DebugSession::opened);
        session.open(QString::fromStdString(path));
        QVERIFY(opened.wait(20000));
        QSignalSpy progressed(&session, &DebugSession::replayProgressed);
        session.seek(20000);
        QTRY_COMPARE_WITH_TIMEOUT(session.current().position, 20000, 60000);
        // The first report comes at once (4,096 events in), later ones at most every 100 ms.
        QVERIFY(!progressed.isEmpty());
        const int first = progressed.first().first().toInt();
        QVERIFY2(first > 0 && first < 100, qPrintable(QString::number(first)));
        QCOMPARE(session.replayPercent(), -1); // answered

        // A newer request does not wait for a long replay: whether it stopped the replay or
        // came after it, the newest position is the one answered.
        session.seek(0);
        QTRY_COMPARE_WITH_TIMEOUT(session.current().position, 0, 20000);
        session.seek(19999);
        session.seek(3);
        QTRY_COMPARE_WITH_TIMEOUT(session.current().position, 3, 60000);
        QCOMPARE(session.current().step->event.seq, 3);
    }
};

QTEST_GUILESS_MAIN(TestDebugSession)
#include "tst_debugsession.moc"
