#include "base/error.h"
#include "debug/readside.h"
#include "history/brancheditor.h"
#include "history/branchhistory.h"
#include "log/eventlog.h"
#include "log/eventwriter.h"
#include "log/mainhistory.h"
#include "session/comparison.h"
#include "shoplog.h"
#include "testlog.h"

#include <QTest>

using namespace Chronoscope;
using nlohmann::json;

/// Comparing revisions (Comparison) and the read side (ReadSide) on the bundled shop sample.
class TestComparison : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_path;

private slots:
    void initTestCase()
    {
        m_path = Test::copyOfBundledShop(m_dir);
        EventLog log(m_path, EventLog::OpenMode::Existing);
        BranchEditor editor(log);
        editor.create("fix", "main", 349, false, std::nullopt);
        editor.skip("fix", "350").redo(log);
    }

    void aBranchAgainstMain()
    {
        const Comparison c = Comparison::run({m_path, "main@357"}, {m_path, "fix@356"});
        QCOMPARE(c.nameA(), std::string("main@357"));
        QCOMPARE(c.nameB(), std::string("fix@356"));
        QCOMPARE(c.operations.size(), size_t(2));
        QCOMPARE(c.events.firstDivergence, std::optional<int64_t>(350));
        QCOMPARE(c.events.onlyInA.size(), size_t(1));
        const std::string report = c.report();
        QVERIFY(report.find("first divergence at position 350") != std::string::npos);
        QVERIFY(report.find("/streams/payment-104: ") != std::string::npos);
        // The same revision: nothing differs.
        const Comparison same = Comparison::run({m_path, "main@300"}, {m_path, "fix@300"});
        QVERIFY(same.operations.empty());
        QVERIFY(!same.events.firstDivergence);
        QVERIFY_THROWS_EXCEPTION(Error, Comparison::run({m_path, "main"}, {m_path, "nowhere"}));
    }

    void twoLogs()
    {
        // A second log (test): the same history and one more event on order-1.
        QTemporaryDir other;
        const std::string second = Test::copyOfBundledShop(other);
        {
            EventLog log(second, EventLog::OpenMode::Existing);
            Event e;
            e.id = "test-extra";
            e.stream = "order-1";
            e.type = "OrderShipped";
            e.source = "order";
            e.recordedAt = log.event(500)->recordedAt + 1000;
            e.data = R"({"order":"order-1","carrier":"test"})";
            QVERIFY(EventWriter(log).write(e) == EventWriter::Outcome::Written);
        }
        const Comparison same = Comparison::run({m_path, "main"}, {second, "main@500"});
        QVERIFY(same.operations.empty());
        const Comparison c = Comparison::run({m_path, "main"}, {second, "main"});
        QCOMPARE(c.events.lengthB, 501);
        QCOMPARE(c.events.firstDivergence, std::optional<int64_t>(501));
        QCOMPARE(c.events.onlyInB.size(), size_t(1));
        QCOMPARE(c.operations.size(), size_t(1));
        QCOMPARE(c.operations[0]["path"].get<std::string>(),
                 std::string("/streams/order-1/carrier"));
    }

    void theReadSideAtTheRefund()
    {
        EventLog log(m_path, EventLog::OpenMode::Existing);
        auto model = Test::storedModel(log);
        ReadSide readSide(log, model->projectionTypes());
        MainHistory main(log);
        const auto statuses = readSide.at(main, 358);
        QCOMPARE(statuses.size(), size_t(2));
        QCOMPARE(statuses[0].projection, std::string("ordersPerCustomer"));
        QCOMPARE(statuses[0].checkpoint, 355); // the last OrderPlaced up to the refund
        QCOMPARE(statuses[0].pending, 0);
        QCOMPARE(statuses[1].projection, std::string("revenue"));
        QCOMPARE(statuses[1].checkpoint, 358);
        // Recorded at 01:02:01.943, processed at 01:02:02.406.
        QCOMPARE(statuses[1].pending, 1);
        QCOMPARE(statuses[1].catchUp, 463000);
        // Before any event, nothing.
        QCOMPARE(readSide.at(main, 0)[1].checkpoint, 0);
        // On the branch, positions are the branch's: the refund is its 357th event.
        auto fix = BranchHistory::open(log, "fix");
        QCOMPARE(readSide.at(*fix, 357)[1].checkpoint, 357);
        QCOMPARE(readSide.at(*fix, 357)[0].checkpoint, 354);
    }
};

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
