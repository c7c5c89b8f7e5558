#include "eventtablemodel.h"
#include "mainwindow.h"
#include "samplelog.h"
#include "testlog.h"

#include <QLabel>
#include <QLocale>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace Chronoscope;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

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
        QCOMPARE(window.eventModel()->rowCount(), 500);
        QCOMPARE(window.windowTitle(), QStringLiteral("shop.chronolog — Chronoscope"));
        auto *view = window.findChild<QTableView *>(QStringLiteral("eventView"));
        QVERIFY(view);
        QCOMPARE(view->currentIndex().row(), 0);
        QVERIFY(window.statusBar()->findChildren<QLabel *>().size() >= 2);

        // Keyboard navigation moves the current event and the status bar follows.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 2);
        bool found = false;
        for (auto *label : window.statusBar()->findChildren<QLabel *>())
            found = found || label->text() == QStringLiteral("Event 3 of 500");
        QVERIFY(found);

        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() > 400);
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
        QCOMPARE(window.eventModel()->rowCount(), 500);
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
