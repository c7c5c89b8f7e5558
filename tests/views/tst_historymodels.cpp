#include "branchtreemodel.h"
#include "eventalignmentmodel.h"
#include "jsontreemodel.h"
#include "projectionspanel.h"
#include "projectiontablemodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTest>

using namespace Chronoscope;

namespace {

BranchTreeModel::Row row(const char *name, const char *parent, qint64 fork = 0)
{
    BranchTreeModel::Row r;
    r.name = QString::fromLatin1(name);
    r.parent = QString::fromLatin1(parent);
    r.forkPosition = fork;
    r.events = 500;
    return r;
}

} // namespace

/// The item models of the history panels, on hand-made data, under QAbstractItemModelTester.
class TestHistoryModels : public QObject
{
    Q_OBJECT

private slots:
    void branchesFormATreeUnderMain()
    {
        BranchTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row("main", ""),
                       row("fix", "main", 349),
                       row("fix-of-fix", "fix", 400),
                       row("other", "main", 10),
                       row("orphan", "gone", 5),
                       row("a", "b", 1),
                       row("b", "a", 1)});
        const QModelIndex main = model.indexOf(QStringLiteral("main"));
        QCOMPARE(model.rowCount(), 1);
        // fix, other, orphan (its parent is not there), and b: a and b name each other, so
        // one of them goes under main to break the cycle.
        QCOMPARE(model.rowCount(main), 4);
        QCOMPARE(model.indexOf(QStringLiteral("a")).parent(), model.indexOf(QStringLiteral("b")));
        QCOMPARE(model.indexOf(QStringLiteral("b")).parent(), main);
        const QModelIndex fix = model.indexOf(QStringLiteral("fix"));
        QCOMPARE(fix.parent(), main);
        QCOMPARE(model.rowCount(fix), 1);
        QCOMPARE(model.nameAt(model.index(0, 0, fix)), QStringLiteral("fix-of-fix"));
        QCOMPARE(model.indexOf(QStringLiteral("fix-of-fix"))
                         .siblingAtColumn(BranchTreeModel::ForkPoint)
                         .data()
                         .toString(),
                 QStringLiteral("fix@400"));
        model.setCurrent(QStringLiteral("fix"));
        QVERIFY(fix.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!main.data(Qt::FontRole).isValid());
    }

    void differencesInHistoryOrderWithTheFirstMarked()
    {
        EventAlignmentModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        HistoryDiff::Events events;
        events.firstDivergence = 350;
        events.changed = {{400, 401, "c", "PaymentCharged"}};
        events.onlyInA = {{350, 0, "a", "PaymentCharged"}};
        events.onlyInB = {{0, 360, "b", "Note"}};
        model.setEvents(events);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, EventAlignmentModel::Id).data().toString(), QStringLiteral("a"));
        QCOMPARE(model.index(1, EventAlignmentModel::Id).data().toString(), QStringLiteral("b"));
        QCOMPARE(model.index(2, EventAlignmentModel::Difference).data().toString(),
                 QStringLiteral("changed"));
        QCOMPARE(model.firstDivergenceRow(), 0);
        QVERIFY(model.index(0, EventAlignmentModel::PositionB).data().toString().isEmpty());
        model.setEvents({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.firstDivergenceRow(), -1);
    }

    void projectionsWithTheirReadSide()
    {
        ProjectionTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStatuses({{"ordersPerCustomer", 355, 0, 0}, {"revenue", 358, 2, 1500000}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ProjectionTableModel::Pending).data().toString(),
                 QStringLiteral("up to date"));
        QCOMPARE(model.index(1, ProjectionTableModel::Pending).data().toString(),
                 QStringLiteral("2 event(s) behind"));
        QCOMPARE(model.index(1, ProjectionTableModel::Lag).data().toString(),
                 QStringLiteral("caught up 1.5 s later"));
        // The same projections again: the rows stay, their values change.
        model.setStatuses({{"ordersPerCustomer", 360, 0, 0}, {"revenue", 360, 0, 0}});
        QCOMPARE(model.index(1, ProjectionTableModel::Checkpoint).data().toString(),
                 QStringLiteral("event 360"));
        model.setStatuses({});
        QCOMPARE(model.rowCount(), 0);
    }

    void aModelWithoutProjectionsSaysSo()
    {
        ProjectionsPanel panel;
        panel.setState(State(), {});
        QVERIFY(panel.findChild<QLabel *>()->text().contains(QStringLiteral("no projections")));
        State state;
        state.setProjection("revenue", makeJsonString(R"({"2018-02-07":495.71})"));
        panel.setState(state, {{"revenue", 7, 0, 0}});
        QVERIFY(panel.findChild<QLabel *>()->text().startsWith(QStringLiteral("The read side")));
        QVERIFY(panel.viewModel()->indexOfPath("/2018-02-07").isValid());
    }
};

QTEST_MAIN(TestHistoryModels)
#include "tst_historymodels.moc"
