#include "branches.h"
#include "branchpanel.h"
#include "branchtreemodel.h"
#include "causationtreemodel.h"
#include "chaingraph.h"
#include "comparer.h"
#include "compareview.h"
#include "eventalignmentmodel.h"
#include "eventchainpanel.h"
#include "eventchainview.h"
#include "eventtablemodel.h"
#include "history/brancheditor.h"
#include "historypanels.h"
#include "jsoneventdialog.h"
#include "jsontreemodel.h"
#include "log/eventlog.h"
#include "mainwindow.h"
#include "projectionspanel.h"
#include "projectiontablemodel.h"
#include "session/comparison.h"
#include "session/debugsession.h"
#include "shoplog.h"
#include "testlog.h"
#include "timelineview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QLabel>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Chronoscope;

namespace {

constexpr int kTimeout = 20000;

// The charge of payment-104 as it should have been: the total in dollars.
const char *const kCorrectCharge = R"({"data":{"order":"order-104","customer":"customer-25",)"
                                   R"("amount":334.32,"tax_rate":0.018,"total":340.34,)"
                                   R"("charged":340.34,"currency":"USD","fx_rate":0.7952,)"
                                   R"("charged_eur":270.64}})";

QString fixedModel()
{
    return QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/models/shop-fixed.js");
}

// Where the documentation's pictures go when tools/screenshots.sh runs the tests.
void picture(MainWindow &window, const char *dock, const char *file)
{
    const QString dir = qEnvironmentVariable("CHRONOSCOPE_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    if (auto *d = window.findChild<QDockWidget *>(QString::fromLatin1(dock))) {
        d->show();
        d->raise();
    }
    QTest::qWait(300);
    window.grab().save(dir + QLatin1Char('/') + QLatin1String(file));
}

} // namespace

/// The branch panel, the compare view, the event-chain graph and the projections panel, driven
/// in the window on a copy of the bundled shop history (payment-104 over-charged at 350).
class TestHistoryPanels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    HistoryPanels *m_panels = nullptr;

    void openCopy()
    {
        m_window = std::make_unique<MainWindow>();
        const QString log = QString::fromStdString(Test::copyOfBundledShop(m_dir));
        QCOMPARE(m_window->openLog(log), QString());
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->current().generation > 0, kTimeout);
        m_panels = m_window->panels();
    }

    void seek(int64_t position)
    {
        m_window->session()->seek(position);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->current().position, position, kTimeout);
    }

    void waitFollowing(const QString &name)
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->history(), name, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->current().generation > 0, kTimeout);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanup() { m_window.reset(); }

    void forkSkipUndoRedoAndCompare()
    {
        openCopy();
        BranchTreeModel *tree = m_panels->branchPanel()->model();
        QAbstractItemModelTester treeTester(tree,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(tree->rowCount(), 1); // main
        seek(349);
        m_panels->branches()->fork(QStringLiteral("fix"));
        waitFollowing(QStringLiteral("fix"));
        QCOMPARE(tree->rowCount(tree->indexOf(QStringLiteral("main"))), 1);
        QCOMPARE(tree->indexOf(QStringLiteral("fix"))
                         .siblingAtColumn(BranchTreeModel::ForkPoint)
                         .data()
                         .toString(),
                 QStringLiteral("main@349"));
        QCOMPARE(m_window->session()->current().position, 349); // the same position

        // Skip the over-charge: the branch has 499 events.
        m_window->eventModel(); // the list follows the branch
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 500, kTimeout);
        auto *list = m_window->findChild<QTableView *>(QStringLiteral("eventView"));
        list->setCurrentIndex(m_window->eventModel()->index(349, 0));
        QCOMPARE(m_window->selectedSeq(), 350);
        m_panels->branches()->skipSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 499, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->head(), 499, kTimeout);
        QCOMPARE(tree->indexOf(QStringLiteral("fix"))
                         .siblingAtColumn(BranchTreeModel::Edits)
                         .data()
                         .toString(),
                 QStringLiteral("1"));

        // Edit > Undo puts it back; Redo skips it again (Ctrl+Z, Ctrl+Shift+Z).
        QAction *undo = m_window->action(QStringLiteral("undo"));
        QAction *redo = m_window->action(QStringLiteral("redo"));
        QVERIFY(undo && redo && undo->isEnabled());
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
        undo->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 500, kTimeout);
        redo->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 499, kTimeout);
        // However quickly the edits come, the debugger stays where it was.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->head(), 499, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->current().position, 349, kTimeout);

        // Compare main and the branch just before the refund (357 in both).
        CompareView *compare = m_panels->compareView();
        QAbstractItemModelTester alignmentTester(
                compare->alignment(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester aTester(compare->modelA(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester bTester(compare->modelB(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(m_panels->comparer(), &Comparer::finished);
        compare->revisionA()->setText(QStringLiteral("main@357"));
        compare->revisionB()->setText(QStringLiteral("fix@356"));
        QTest::mouseClick(compare->findChild<QPushButton *>(QStringLiteral("compareButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeout);
        const auto comparison = compare->comparison();
        QVERIFY(comparison);
        std::set<std::string> paths;
        for (const auto &op : comparison->operations)
            paths.insert(op["path"].get<std::string>());
        QCOMPARE(
                paths,
                (std::set<std::string>{"/projections/revenue/2018-02-07", "/streams/payment-104"}));
        // The over-charge is only in A: red on the left, absent on the right.
        const QModelIndex payment = compare->modelA()->indexOfPath("/streams/payment-104");
        QVERIFY(payment.isValid());
        QCOMPARE(compare->modelA()->changeOf(payment), JsonTreeModel::Change::Changed);
        QVERIFY(!compare->modelB()->indexOfPath("/streams/payment-104").isValid());
        QCOMPARE(compare->alignment()->firstDivergenceRow(), 0);
        QCOMPARE(compare->alignment()->index(0, EventAlignmentModel::PositionA).data().toLongLong(),
                 350);
        QCOMPARE(compare->alignment()->index(0, EventAlignmentModel::Difference).data().toString(),
                 QStringLiteral("only in A — first divergence"));
        // Scrolling one tree brings the same member to the top of the other.
        m_window->findChild<QDockWidget *>(QStringLiteral("compareDock"))->raise();
        QTest::qWait(50);
        compare->treeA()->scrollTo(compare->modelA()->indexOfPath("/streams/order-10"),
                                   QAbstractItemView::PositionAtTop);
        QTRY_COMPARE(
                compare->treeB()->indexAt(QPoint(2, 2)).data(JsonTreeModel::PathRole).toString(),
                QStringLiteral("/streams/order-10"));
        // Step both sides: 358 and 357.
        compare->step(1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeout);
        QCOMPARE(compare->comparison()->positionA, 358);
        QCOMPARE(compare->comparison()->positionB, 357);
        // Exports: RFC 6902 and the readable report.
        const QString json = m_dir.filePath(QStringLiteral("difference.json"));
        const QString text = m_dir.filePath(QStringLiteral("comparison.txt"));
        emit compare->exportRequested(json, true);
        emit compare->exportRequested(text, false);
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QVERIFY(nlohmann::json::parse(jsonFile.readAll().toStdString()).is_array());
        QFile textFile(text);
        QVERIFY(textFile.open(QIODevice::ReadOnly));
        QVERIFY(textFile.readAll().contains("first divergence at position 350"));
        picture(*m_window, "compareDock", "compare.png");
        picture(*m_window, "branchesDock", "branches.png");
    }

    void replaceAndMergeIntoMain()
    {
        openCopy();
        seek(349);
        m_panels->branches()->fork(QStringLiteral("fixed"));
        waitFollowing(QStringLiteral("fixed"));
        auto *list = m_window->findChild<QTableView *>(QStringLiteral("eventView"));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 500, kTimeout);
        list->setCurrentIndex(m_window->eventModel()->index(349, 0));
        m_panels->branches()->replaceSelected(QString::fromUtf8(kCorrectCharge));
        // The replaced event is marked in the list.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()
                                          ->index(349, EventTableModel::Type)
                                          .data(Qt::ToolTipRole)
                                          .toString(),
                                  QStringLiteral("Replaced on this branch"),
                                  kTimeout);
        m_panels->branches()->merge(QStringLiteral("fixed"), false);
        // The log is opened again on main, which has the correction appended.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->history(), QStringLiteral("main"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 501, kTimeout);
        auto tip = [this] {
            return m_window->eventModel()
                    ->index(349, EventTableModel::Type)
                    .data(Qt::ToolTipRole)
                    .toString();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
                tip().contains(QStringLiteral("fixed")), qPrintable(tip()), kTimeout);
        QCOMPARE(m_panels->branchPanel()
                         ->model()
                         ->indexOf(QStringLiteral("fixed"))
                         .data()
                         .toString(),
                 QStringLiteral("fixed (merged)"));
    }

    void revertMainToTheDebuggersPosition()
    {
        openCopy();
        seek(349);
        m_panels->branches()->revertTo(0, false);
        // The log is opened again; every event is still listed, the later ones marked reversed.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 500, kTimeout);
        auto tip = [this](int row) {
            return m_window->eventModel()->index(row, EventTableModel::Type).data(Qt::ToolTipRole).toString();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(tip(349).contains(QStringLiteral("revert-to-349")), qPrintable(tip(349)), kTimeout);
        QVERIFY2(tip(499).contains(QStringLiteral("revert-to-349")), qPrintable(tip(499)));
        QVERIFY2(!tip(348).contains(QStringLiteral("revert")), qPrintable(tip(348)));
        QCOMPARE(m_panels->branchPanel()->model()->indexOf(QStringLiteral("revert-to-349")).data().toString(),
                 QStringLiteral("revert-to-349 (merged)"));
        // A second revert over the reversed events is refused, and says why.
        m_panels->branches()->revertTo(300, false);
        QVERIFY2(m_panels->branchPanel()->findChild<QLabel *>(QStringLiteral("branchMessage"))->text().contains(QStringLiteral("reversed already")),
                 "the refusal is shown");
    }

    void reprocessWithTheFixedModel()
    {
        openCopy();
        seek(349);
        m_panels->branches()->reprocess(fixedModel(), QStringLiteral("shop-fixed"));
        waitFollowing(QStringLiteral("shop-fixed"));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()
                                          ->index(349, EventTableModel::Type)
                                          .data(Qt::ToolTipRole)
                                          .toString(),
                                  QStringLiteral("Regenerated by the model's handlers"),
                                  kTimeout);
        QCOMPARE(m_window->session()->modelName(), QStringLiteral("shop-fixed"));
        seek(357);
        QVERIFY(*m_window->session()->current().state.at("/streams/payment-104/overcharged")
                == nlohmann::json(0));
        // The branch list re-processes in a thread too: "…" until it is done.
        QTRY_COMPARE_WITH_TIMEOUT(m_panels->branchPanel()
                                          ->model()
                                          ->indexOf(QStringLiteral("shop-fixed"))
                                          .siblingAtColumn(BranchTreeModel::Edits)
                                          .data()
                                          .toString(),
                                  QStringLiteral("0 + 1 re-processed"),
                                  kTimeout);
        // The timeline marks the fork point and the regenerated event.
        const auto &marks = m_window->findChild<TimelineView *>()->branchMarks();
        QCOMPARE(marks.size(), size_t(2));
        picture(*m_window, "projectionsDock", "projections.png");
    }

    void aBranchWhoseHandlersFailSaysWhy()
    {
        openCopy();
        {
            EventLog log(m_window->logPath().toStdString(), EventLog::OpenMode::Existing);
            BranchEditor(log).create("broken",
                                     "main",
                                     480,
                                     false,
                                     std::string("model = { handlers: { OrderPlaced() { throw new "
                                                 "Error('boom'); } } };"));
        }
        m_panels->branches()->reload();
        BranchTreeModel *tree = m_panels->branchPanel()->model();
        const auto model = [tree] {
            return tree->indexOf(QStringLiteral("broken"))
                    .siblingAtColumn(BranchTreeModel::Model)
                    .data()
                    .toString();
        };
        // Re-processed in a thread, then the failure in the row, once: not tried again and again.
        QTRY_VERIFY_WITH_TIMEOUT(model().contains(QStringLiteral("boom")), kTimeout);
        QCOMPARE(tree->indexOf(QStringLiteral("broken"))
                         .siblingAtColumn(BranchTreeModel::Events)
                         .data()
                         .toLongLong(),
                 0);
    }

    void theEventChainGraph()
    {
        openCopy();
        EventChainPanel *panel = m_panels->chainPanel();
        EventChainView *view = panel->view();
        QTRY_COMPARE_WITH_TIMEOUT(view->chain().nodes.size(), size_t(9), kTimeout);
        // Clicking the OrderPlaced node shows only those events.
        const int placed = view->chain().indexOf(EventChain::Node::Kind::Type, "OrderPlaced");
        QVERIFY(placed >= 0);
        m_window->findChild<QDockWidget *>(QStringLiteral("eventChainDock"))->raise();
        QTest::qWait(50);
        view->fitAll();
        const QPoint at = view->mapFromScene(view->nodeCenter(static_cast<size_t>(placed)));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 150, kTimeout);
        QVERIFY(m_window->eventModel()->isFiltered());
        // …and the timeline shows a lane per type, OrderPlaced's in front.
        QCOMPARE(m_window->timeline()->emphasis(), QStringLiteral("OrderPlaced"));
        QCOMPARE(m_window->findChild<QComboBox *>(QStringLiteral("laneBox"))->currentIndex(),
                 static_cast<int>(TimelineData::Lanes::Type));
        // The refund's causation chain: OrderPlaced 349 → PaymentCharged 350 → refund 358.
        m_window->findChild<QLineEdit *>(QStringLiteral("typeFilter"))->clear();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->eventModel()->rowCount(), 500, kTimeout);
        auto *list = m_window->findChild<QTableView *>(QStringLiteral("eventView"));
        list->setCurrentIndex(m_window->eventModel()->index(357, 0));
        CausationTreeModel *chain = panel->chainModel();
        QAbstractItemModelTester chainTester(
                chain, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list->setCurrentIndex(m_window->eventModel()->index(356, 0));
        list->setCurrentIndex(m_window->eventModel()->index(357, 0));
        QTRY_COMPARE(chain->rowCount(), 1); // the causality is read off the GUI thread
        const QModelIndex root = chain->index(0, CausationTreeModel::Seq);
        QCOMPARE(root.data().toLongLong(), 349);
        const QModelIndex charge = chain->index(0, CausationTreeModel::Seq, root);
        QCOMPARE(charge.data().toLongLong(), 350);
        const QModelIndex refund = chain->index(0, CausationTreeModel::Seq, charge);
        QCOMPARE(refund, chain->eventIndex());
        QCOMPARE(refund.siblingAtColumn(CausationTreeModel::Type).data().toString(),
                 QStringLiteral("PaymentRefunded"));
        const auto &lit = view->highlighted();
        QVERIFY(lit.count(static_cast<size_t>(placed)));
        QVERIFY(lit.count(static_cast<size_t>(
                view->chain().indexOf(EventChain::Node::Kind::Service, "payment"))));
        QVERIFY(!lit.count(static_cast<size_t>(
                view->chain().indexOf(EventChain::Node::Kind::Service, "customer"))));
        // The charge's chain: its effects, the shipment and the refund, under it.
        list->setCurrentIndex(m_window->eventModel()->index(349, 0));
        QTRY_COMPARE(chain->rowCount(chain->eventIndex()), 2);
        // Exports.
        for (const char *name : {"chain.png", "chain.svg", "chain.dot"}) {
            const QString path = m_dir.filePath(QString::fromLatin1(name));
            emit panel->exportRequested(path);
            QVERIFY2(QFileInfo(path).size() > 100, name);
        }
        QFile dot(m_dir.filePath(QStringLiteral("chain.dot")));
        QVERIFY(dot.open(QIODevice::ReadOnly));
        QVERIFY(dot.readAll().startsWith("digraph events {"));
        picture(*m_window, "eventChainDock", "event-chain.png");
    }

    void projectionsShowTheReadSide()
    {
        openCopy();
        ProjectionsPanel *panel = m_panels->projectionsPanel();
        QAbstractItemModelTester tester(panel->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester viewTester(panel->viewModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        seek(358);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, kTimeout);
        const auto &statuses = panel->model()->statuses();
        QCOMPARE(statuses[0].projection, std::string("ordersPerCustomer"));
        QCOMPARE(statuses[0].checkpoint, 355); // the last OrderPlaced up to 358
        QCOMPARE(statuses[1].projection, std::string("revenue"));
        QCOMPARE(statuses[1].checkpoint, 358);
        // The refund itself was recorded at 358 and processed 463 ms later.
        QCOMPARE(statuses[1].pending, 1);
        QCOMPARE(statuses[1].catchUp, 463000);
        panel->table()->selectRow(1);
        QVERIFY(panel->viewModel()->indexOfPath("/2018-02-07").isValid());
    }

    void theJsonEditorValidatesAsYouType()
    {
        JsonEventDialog dialog(
                JsonEventDialog::Purpose::Insert, QStringLiteral("Insert"), {}, nullptr);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        dialog.editor()->setPlainText(QStringLiteral("{\"type\": \"Note\",\n \"stream\": "));
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("line 2")));
        dialog.editor()->setPlainText(QStringLiteral("{\"type\": \"Note\"}"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("stream")));
        dialog.editor()->setPlainText(QStringLiteral("{\"type\": \"Note\", \"stream\": \"n-1\"}"));
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.problem().isEmpty());
    }
};

QTEST_MAIN(TestHistoryPanels)
#include "tst_historypanels.moc"
