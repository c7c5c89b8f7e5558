#include "breakpointspanel.h"
#include "breakpointtablemodel.h"
#include "commandpalette.h"
#include "eventinspector.h"
#include "eventtablemodel.h"
#include "jsontreemodel.h"
#include "log/sqlite.h"
#include "mainwindow.h"
#include "palette.h"
#include "samplelog.h"
#include "samples/shopsample.h"
#include "session/debugsession.h"
#include "stateinspector.h"
#include "testlog.h"
#include "timelineview.h"
#include "watchespanel.h"
#include "watchtablemodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

#include <thread>

using namespace Chronoscope;

namespace {

QString statusText(const QMainWindow &window)
{
    QString text;
    for (auto *label : window.statusBar()->findChildren<QLabel *>())
        text += label->text() + QLatin1Char('|');
    return text;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

    void opensTheBundledSample()
    {
        const QString sample = SampleLog::path();
        QVERIFY(!sample.isEmpty());
        QVERIFY(sample.startsWith(
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        MainWindow window;
        QCOMPARE(window.openLog(sample), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The rows are read off the GUI thread: they come in just after the window opens.
        QTRY_COMPARE(window.eventModel()->rowCount(), 500);
        QCOMPARE(window.windowTitle(), QStringLiteral("shop.chronolog — Chronoscope"));
        auto *view = window.findChild<QTableView *>(QStringLiteral("eventView"));
        QVERIFY(view);
        QTRY_COMPARE(view->currentIndex().row(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000);

        // Keyboard navigation moves the selection; the status bar follows.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 2);
        QVERIFY(statusText(window).contains(QStringLiteral("selected 3")));
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() > 400);
    }

    void saysWhenALogWasChangedOutsideChronoscope()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tampered.chronolog"));
        QVERIFY(QFile::copy(SampleLog::path(), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        {
            Sql::Database raw(path.toStdString(), Sql::Database::Mode::ReadWrite);
            raw.exec("DROP TRIGGER events_immutable_delete");
        }
        MainWindow window;
        QCOMPARE(window.openLog(path), QString());
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000);
        QTRY_VERIFY2(statusText(window).contains(QStringLiteral("changed outside Chronoscope")),
                     qPrintable(statusText(window)));
        QVERIFY(statusText(window).contains(QStringLiteral("events_immutable_delete is missing")));
    }

    void stepsWithTheDebuggerKeys()
    {
        MainWindow window;
        QCOMPARE(window.openLog(SampleLog::path()), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().generation > 0, true, 20000);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(&window, Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 3, 20000);
        QTest::keyClick(&window, Qt::Key_F10, Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 2, 20000);
        // The position is marked in the list and the event shown in the inspector.
        QCOMPARE(window.eventModel()->currentSeq(), 2);
        QCOMPARE(window.selectedSeq(), 2);
        QVERIFY(statusText(window).contains(QStringLiteral("event 2 of 500")));
        QTest::keyClick(&window, Qt::Key_End);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 500, 20000);
        QTest::keyClick(&window, Qt::Key_Home);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 0, 20000);
    }

    // Nothing that grows with the log waits on the GUI thread: stepping, selecting, scrolling
    // the list and zooming the timeline of a 100k-event log prepare no SQL statement there.
    void preparesNoSqlOnTheGuiThreadWhileStepping()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.chronolog"));
        {
            EventLog log(path.toStdString(), EventLog::OpenMode::CreateIfMissing);
            ShopSampleOptions options;
            options.events = 100000;
            ShopSample::generate(log, options);
        }
        MainWindow window;
        QCOMPARE(window.openLog(path), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().generation > 0, true, 20000);
        auto *view = window.findChild<QTableView *>(QStringLiteral("eventView"));
        auto *timeline = window.findChild<TimelineView *>();
        QVERIFY(view && timeline);
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->data(view->model()->index(0, 0)).isValid(), 20000);

        Sql::watchThread(std::this_thread::get_id());
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(&window, Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 5, 20000);
        QTest::keyClick(&window, Qt::Key_F10, Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 4, 20000);
        QTRY_COMPARE(window.selectedSeq(), 4);
        // Another row than the position: its event and causality are read for the inspector.
        view->setFocus();
        view->selectRow(40);
        QTRY_COMPARE(window.selectedSeq(), 41);
        // Far down the list and back.
        view->scrollToBottom();
        QTest::qWait(50);
        view->scrollTo(view->model()->index(50000, 0));
        QTest::qWait(50);
        view->scrollToTop();
        // Zoom the timeline in, far enough that it draws single events.
        for (int i = 0; i < 30; ++i)
            QTest::keyClick(timeline, Qt::Key_Plus);
        QTest::qWait(200);
        const int64_t prepared = Sql::statementsPreparedOnWatchedThread();
        Sql::watchThread({});
        QCOMPARE(prepared, int64_t(0));
        QVERIFY(view->model()->data(view->model()->index(0, EventTableModel::Type)).isValid());
    }

    void theStateInspectorShowsTheSelectedOrder()
    {
        MainWindow window;
        QCOMPARE(window.openLog(SampleLog::path()), QString());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().generation > 0, true, 20000);
        // Double-clicking event 349 (order-104 placed) replays to it.
        auto *view = window.findChild<QTableView *>(QStringLiteral("eventView"));
        const QModelIndex row = window.eventModel()->index(348, EventTableModel::Type);
        view->scrollTo(row);
        emit view->doubleClicked(row);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 349, 20000);
        JsonTreeModel *state = window.stateInspector()->model();
        const QModelIndex total = state->indexOfPath("/streams/order-104/total");
        QVERIFY(total.isValid());
        QCOMPARE(state->index(total.row(), JsonTreeModel::Value, total.parent()).data().toString(),
                 QStringLiteral("340.34"));
        QCOMPARE(state->changeOf(total), JsonTreeModel::Change::Changed);
        // The event inspector shows the rule the step used.
        auto *rules
                = window.eventInspector()->findChild<QTextBrowser *>(QStringLiteral("stepDetails"));
        QTRY_VERIFY_WITH_TIMEOUT(rules->toPlainText().contains(QStringLiteral("0.018")), 5000);
    }

    void runsToABreakpointAddedInThePanel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop.chronolog"));
        QVERIFY(QFile::copy(SampleLog::path(), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        MainWindow window;
        QCOMPARE(window.openLog(path), QString());
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000);
        BreakpointsPanel *panel = window.breakpointsPanel();
        panel->kindBox()->setCurrentIndex(0); // event type
        panel->patternEdit()->setText(QStringLiteral("PaymentRefunded"));
        QTest::keyClick(panel->patternEdit(), Qt::Key_Return);
        QCOMPARE(panel->model()->rowCount(), 1);
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 358, 20000);
        QVERIFY(window.session()->current().ranToBreakpoint);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->breakpoints().front().hits, 1, 5000);
        QVERIFY(statusText(window).contains(QStringLiteral("Stopped at breakpoint 1")));
        // F5 again: nothing after it.
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 500, 20000);
        // Backward finds it again.
        QTest::keyClick(&window, Qt::Key_F5, Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, 358, 20000);
        // F9 on the selected event's type removes the breakpoint again.
        QCOMPARE(window.selectedSeq(), 358);
        QTest::keyClick(&window, Qt::Key_F9);
        QCOMPARE(panel->model()->rowCount(), 0);
        // Watches are evaluated at each position.
        window.watchesPanel()->expressionEdit()->setText(
                QStringLiteral("state.streams[\"payment-104\"]?.status"));
        QTest::keyClick(window.watchesPanel()->expressionEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(
                window.watchesPanel()->model()->index(0, WatchTableModel::Value).data().toString(),
                QStringLiteral("\"refunded\""),
                20000);
        QSettings().remove(QStringLiteral("debug/watches"));
    }

    void filtersTheList()
    {
        MainWindow window;
        QCOMPARE(window.openLog(SampleLog::path()), QString());
        window.show();
        auto *type = window.findChild<QLineEdit *>(QStringLiteral("typeFilter"));
        type->setText(QStringLiteral("Order*"));
        QTest::keyClick(type, Qt::Key_Return);
        QTRY_COMPARE(window.eventModel()->rowCount(), 299);
        auto *text = window.findChild<QLineEdit *>(QStringLiteral("textFilter"));
        text->setText(QStringLiteral("order-104"));
        QTest::keyClick(text, Qt::Key_Return);
        QTRY_COMPARE(window.eventModel()->rowCount(), 2); // placed and shipped
        type->clear();
        QTRY_COMPARE(window.eventModel()->rowCount(), 4);
        text->clear();
        QTRY_COMPARE(window.eventModel()->rowCount(), 500);
    }

    void theCommandPaletteListsTheActions()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        auto *palette = window.findChild<CommandPalette *>();
        QVERIFY(palette);
        palette->filterEdit()->setText(QStringLiteral("step back"));
        QCOMPARE(palette->list()->count(), 1);
        QVERIFY(palette->list()->item(0)->text().startsWith(QStringLiteral("Step Back")));
        palette->close();
    }

    void darkThemeAndHighDpiRender()
    {
        MainWindow window;
        QCOMPARE(window.openLog(SampleLog::path()), QString());
        window.show();
        window.action(QStringLiteral("darkTheme"))->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Base).lightness() < 100);
        // The views' own colours follow: lighter, to stand out on a dark background.
        QVERIFY(Palette::current().dark);
        QVERIFY(Palette::current().jsonKey.lightness() > Palette::light().jsonKey.lightness());
        const QImage dark = window.grab().toImage();
        QVERIFY(!dark.isNull());
        window.action(QStringLiteral("darkTheme"))->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Base).lightness() > 200);
        QVERIFY(!Palette::current().dark);
    }

    void aBadFileKeepsTheCurrentLogAndSaysWhy()
    {
        QTemporaryDir dir;
        const std::string bad = Test::pathIn(dir, "notes.txt");
        Test::writeFile(bad, "not a log\n");
        MainWindow window;
        QCOMPARE(window.openLog(SampleLog::path()), QString());
        const QString error = window.openLog(QString::fromStdString(bad));
        QVERIFY(error.contains(QStringLiteral("not a Chronoscope log")));
        QTRY_COMPARE(window.eventModel()->rowCount(), 500);
        QCOMPARE(window.logPath(), SampleLog::path());
    }

    void everyStringHasAGermanTranslation()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German),
                                QStringLiteral("chronoscope"),
                                QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        MainWindow window;
        window.openLog(SampleLog::path());
        QCOMPARE(window.eventModel()
                         ->headerData(EventTableModel::RecordedAt, Qt::Horizontal)
                         .toString(),
                 QStringLiteral("Erfasst"));
        QCOMPARE(QCoreApplication::translate("Chronoscope::MainWindow", "&File"),
                 QStringLiteral("&Datei"));
        QCOMPARE(
                QCoreApplication::translate("Chronoscope::MainWindow", "%n event(s)", nullptr, 500),
                QStringLiteral("500 Ereignisse"));
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
