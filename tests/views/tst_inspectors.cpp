#include "breakpointspanel.h"
#include "breakpointtablemodel.h"
#include "eventinspector.h"
#include "eventtablemodel.h"
#include "history/brancheditor.h"
#include "history/merger.h"
#include "jsontreemodel.h"
#include "log/eventlog.h"
#include "log/searchindex.h"
#include "replay/replayer.h"
#include "session/logreader.h"
#include "shoplog.h"
#include "stateinspector.h"
#include "testlog.h"
#include "watchtablemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFont>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Chronoscope;
using nlohmann::json;
using Tester = QAbstractItemModelTester;

namespace {

// Every index of a model, to make the tester walk the whole tree.
void walk(QAbstractItemModel &model, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row)
        for (int column = 0; column < model.columnCount(parent); ++column) {
            const QModelIndex index = model.index(row, column, parent);
            model.data(index);
            if (column == 0)
                walk(model, index);
        }
}

} // namespace

/// The inspectors and panels' models on the bundled shop history.
class TestInspectors : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<JsModel> m_model;

    SessionUpdate updateAt(int64_t seq)
    {
        Replayer replayer(*m_log, *m_model);
        SessionUpdate update;
        update.step = replayer.explain(seq);
        update.position = seq;
        update.head = 500;
        update.state = replayer.state();
        return update;
    }

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<EventLog>(Test::copyOfBundledShop(m_dir),
                                           EventLog::OpenMode::Existing);
        m_model = Test::storedModel(*m_log);
    }

    void theJsonTreeIsAValidLazyModel()
    {
        JsonTreeModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setJson(json::parse(R"({"a": 1, "b": {"c": [1, 2, {"d": "x"}]}, "e~/f": null})"));
        walk(model);
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex d = model.indexOfPath("/b/c/2/d");
        QVERIFY(d.isValid());
        QCOMPARE(model.index(d.row(), JsonTreeModel::Value, d.parent()).data().toString(),
                 QStringLiteral("\"x\""));
        QCOMPARE(d.data(JsonTreeModel::PathRole).toString(), QStringLiteral("/b/c/2/d"));
        QVERIFY(model.indexOfPath("/e~0~1f").isValid());
        QVERIFY(!model.indexOfPath("/b/nothing").isValid());

        const SessionUpdate update = updateAt(358);
        std::map<std::string, std::optional<json>> changed{
                {"/streams/payment-104/status", json("charged")}};
        model.setState(update.state, changed);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex streams = model.index(0, 0);
        QCOMPARE(model.rowCount(streams), static_cast<int>(update.state.streamCount()));
        const QModelIndex status = model.indexOfPath("/streams/payment-104/status");
        QVERIFY(status.isValid());
        QCOMPARE(model.changeOf(status), JsonTreeModel::Change::Changed);
        QCOMPARE(model.changeOf(status.parent()), JsonTreeModel::Change::Inside);
        QCOMPARE(
                model.index(status.row(), JsonTreeModel::Before, status.parent()).data().toString(),
                QStringLiteral("\"charged\""));
        QCOMPARE(model.index(status.row(), JsonTreeModel::Value, status.parent()).data().toString(),
                 QStringLiteral("\"refunded\""));
        QCOMPARE(model.changeOf(model.indexOfPath("/streams/order-1/status")),
                 JsonTreeModel::Change::None);
        walk(model, model.indexOfPath("/projections"));
    }

    void theStateInspectorShowsTheStepAndFinds()
    {
        StateInspector inspector;
        Tester tester(inspector.model(), Tester::FailureReportingMode::QtTest);
        inspector.resize(500, 600);
        inspector.show();
        inspector.setUpdate(updateAt(349));
        // The order placed at 349: the tree shows its total, the diff lists what it set.
        const QModelIndex total = inspector.model()->indexOfPath("/streams/order-104/total");
        QVERIFY(total.isValid());
        QCOMPARE(inspector.model()
                         ->index(total.row(), JsonTreeModel::Value, total.parent())
                         .data()
                         .toString(),
                 QStringLiteral("340.34"));
        QVERIFY(inspector.treeView()->isExpanded(total.parent()));
        QCOMPARE(inspector.diffTable()->rowCount(), 1); // the whole stream was added
        QCOMPARE(inspector.diffTable()->item(0, 1)->text(), QStringLiteral("/streams/order-104"));

        // The next step keeps what was expanded.
        inspector.treeView()->expand(inspector.model()->indexOfPath("/streams/order-104/items"));
        inspector.setUpdate(updateAt(351));
        QVERIFY(inspector.treeView()->isExpanded(
                inspector.model()->indexOfPath("/streams/order-104/items")));
        QCOMPARE(inspector.diffTable()->rowCount(), 2); // status and carrier
        const QModelIndex status = inspector.model()->indexOfPath("/streams/order-104/status");
        QCOMPARE(inspector.model()->changeOf(status), JsonTreeModel::Change::Changed);

        // Find: text and path prefix.
        inspector.findEdit()->setText(QStringLiteral("order-104"));
        QTest::keyClick(inspector.findEdit(), Qt::Key_Return);
        QVERIFY(inspector.findResults()->isVisible());
        QVERIFY(inspector.findResults()->count() >= 2);
        inspector.findEdit()->setText(QStringLiteral("/streams/payment-104/ch"));
        QTest::keyClick(inspector.findEdit(), Qt::Key_Return);
        QCOMPARE(inspector.findResults()->count(), 2);
        QCOMPARE(inspector.treeView()->currentIndex().data(JsonTreeModel::PathRole).toString(),
                 QStringLiteral("/streams/payment-104/charged"));
    }

    void theEventInspectorShowsFieldsRawRulesAndCausality()
    {
        EventInspector inspector;
        Tester tester(inspector.fieldsModel(), Tester::FailureReportingMode::QtTest);
        Replayer replayer(*m_log, *m_model);
        const Replayer::Step step = replayer.explain(350);
        EventInspector::Details details;
        details.event = step.event;
        details.trace = step.trace;
        details.causality = Causality::of(*m_log, step.event);
        inspector.show(details);
        QVERIFY(inspector.fieldsModel()->indexOfPath("/data/charged").isValid());
        QVERIFY(inspector.fieldsModel()->indexOfPath("/result/confirmation").isValid());
        auto *raw = inspector.findChild<QPlainTextEdit *>(QStringLiteral("rawJson"));
        QVERIFY(raw->toPlainText().contains(QStringLiteral("\"charged\": 34034")));
        auto *stepDetails = inspector.findChild<QTextBrowser *>(QStringLiteral("stepDetails"));
        QVERIFY(stepDetails->toPlainText().contains(QStringLiteral("fx")));
        QVERIFY(stepDetails->toPlainText().contains(QStringLiteral("0.7952")));
        // Caused by the order placed at 349; causes the shipping at 351 and the refund at 358.
        QCOMPARE(details.causality.causes.size(), size_t(1));
        QCOMPARE(details.causality.causes[0].seq, 349);
        std::vector<int64_t> effects;
        for (const Event &e : details.causality.effects)
            effects.push_back(e.seq);
        QCOMPARE(effects, (std::vector<int64_t>{351, 358}));

        // An upcast event shows both payloads.
        const Event registered = *m_log->event(1);
        QCOMPARE(registered.schemaVersion, 1);
        details = {};
        details.event = registered;
        details.upcastEvent = m_model->upcastEvent(registered);
        inspector.show(details);
        auto *upcast = inspector.findChild<QPlainTextEdit *>(QStringLiteral("upcastJson"));
        QVERIFY(upcast->toPlainText().contains(QStringLiteral("\"email\"")));
        QVERIFY(raw->toPlainText().contains(QStringLiteral("\"mail\"")));
        QVERIFY(!upcast->parentWidget()->isHidden());
    }

    void eventListFiltersUnderTheTester()
    {
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        LogReader reader;
        model.setReader(&reader);
        const QString path = QString::fromStdString(m_log->path());
        reader.open(path, QStringLiteral("main"));
        QTRY_COMPARE(model.rowCount(), 500);
        EventFilter filter;
        filter.type = "Payment*";
        reader.setFilter(filter);
        QTRY_COMPARE(model.rowCount(), 151);
        QVERIFY(model.isFiltered());
        QCOMPARE(model.seqAt(model.rowOf(358)), 358);
        QCOMPARE(model.rowOf(349), -1);
        QTRY_COMPARE(model.index(model.rowOf(358), EventTableModel::Type).data().toString(),
                     QStringLiteral("PaymentRefunded"));
        SearchIndex(*m_log).update();
        filter = {};
        filter.search = "order-104";
        reader.setFilter(filter);
        QTRY_COMPARE(model.rowCount(), 4);
        model.setCurrentSeq(350);
        QTRY_VERIFY(!model.index(model.rowOf(350), 0).data(Qt::DecorationRole).isNull());
        QVERIFY(model.index(model.rowOf(349), 0).data(Qt::DecorationRole).isNull());
        reader.setFilter({});
        QTRY_COMPARE(model.rowCount(), 500);
        QVERIFY(!model.isFiltered());
        // Events a merged branch reversed are struck through, with the reason.
        QTemporaryDir dir;
        EventLog merged(Test::copyOfBundledShop(dir), EventLog::OpenMode::Existing);
        BranchEditor editor(merged);
        editor.create("fix", "main", 349, false, std::nullopt);
        editor.skip("fix", "350").redo(merged);
        Merger::merge(merged, "fix", "over-charge");
        reader.open(QString::fromStdString(merged.path()), QStringLiteral("main"));
        QTRY_VERIFY(model.index(349, EventTableModel::Type)
                            .data(Qt::FontRole)
                            .value<QFont>()
                            .strikeOut());
        QVERIFY(model.index(349, EventTableModel::Type)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("over-charge")));
        QVERIFY(!model.index(350, EventTableModel::Type).data(Qt::FontRole).isValid());
    }

    void breakpointAndWatchModels()
    {
        BreakpointsPanel panel;
        Tester tester(panel.model(), Tester::FailureReportingMode::QtTest);
        Breakpoint a;
        a.id = 1;
        a.kind = Breakpoint::Kind::Type;
        a.pattern = "PaymentRefunded";
        a.hits = 2;
        Breakpoint b;
        b.id = 2;
        b.kind = Breakpoint::Kind::Change;
        b.pattern = "state.streams.x?.y";
        b.enabled = false;
        panel.model()->setBreakpoints({a, b});
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.model()->index(0, BreakpointTableModel::Hits).data().toLongLong(), 2);
        QCOMPARE(panel.model()
                         ->index(1, BreakpointTableModel::Enabled)
                         .data(Qt::CheckStateRole)
                         .toInt(),
                 int(Qt::Unchecked));
        QSignalSpy enabled(&panel, &BreakpointsPanel::enabledChanged);
        QVERIFY(panel.model()->setData(panel.model()->index(1, BreakpointTableModel::Enabled),
                                       Qt::Checked,
                                       Qt::CheckStateRole));
        QCOMPARE(enabled.count(), 1);
        QCOMPARE(enabled.first().at(0).toLongLong(), 2);
        QCOMPARE(enabled.first().at(1).toBool(), true);
        QSignalSpy added(&panel, &BreakpointsPanel::addRequested);
        panel.kindBox()->setCurrentIndex(3); // condition
        panel.patternEdit()->setText(QStringLiteral("event.data.amount > 1000"));
        QTest::keyClick(panel.patternEdit(), Qt::Key_Return);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().at(0).value<Breakpoint::Kind>(), Breakpoint::Kind::Condition);

        WatchTableModel watches;
        Tester watchTester(&watches, Tester::FailureReportingMode::QtTest);
        watches.setExpressions({QStringLiteral("1 + 1"), QStringLiteral("x.y")});
        QCOMPARE(watches.index(0, WatchTableModel::Value).data().toString(), QStringLiteral("…"));
        WatchList::Watch two{"1 + 1", json(2), {}, true};
        WatchList::Watch bad{"x.y", std::nullopt, "ReferenceError: x is not defined", true};
        watches.setValues({two, bad});
        QCOMPARE(watches.index(0, WatchTableModel::Value).data().toString(), QStringLiteral("2"));
        QVERIFY(watches.index(1, WatchTableModel::Value)
                        .data()
                        .toString()
                        .contains(QStringLiteral("ReferenceError")));
    }
};

QTEST_MAIN(TestInspectors)
#include "tst_inspectors.moc"
