// File › Connect to Event Store… on a real PostgreSQL server with Message DB, driven as a user
// would: the form, Count, Import into a new log, the log opened in the window.

#include "sources/messagedbschema.h"
#include "sources/servers.h"

#include "log/eventlog.h"
#include "eventtablemodel.h"
#include "session/debugsession.h"
#include "mainwindow.h"
#include "sourceimportdialog.h"
#include "sourceimportrunner.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QCheckBox>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

using namespace Chronoscope;
using namespace Chronoscope::Test;

namespace {

const char *kHistory = R"sql(
INSERT INTO message_store.messages (position, time, stream_name, type, data, metadata, id) VALUES
(0, '2024-05-01 10:00:00', 'order-1', 'OrderPlaced', '{"total": 12.5}', '{}', 'b0000000-0000-4000-8000-000000000001'),
(0, '2024-05-01 10:00:01', 'payment-1', 'PaymentRequested', '{"amount": 12.5}', '{"causationMessageGlobalPosition": 1}', 'b0000000-0000-4000-8000-000000000002'),
(1, '2024-05-01 10:00:02', 'order-1', 'OrderPaid', '{}', '{}', 'b0000000-0000-4000-8000-000000000003'),
(0, '2024-05-01 10:00:03', 'order-2', 'OrderPlaced', '{"total": 3}', '{}', 'b0000000-0000-4000-8000-000000000004');
)sql";

// Runs `step` on the next modal widget of type T once it is shown (while `owner` lives).
template<typename T>
void whenShown(QObject *owner, std::function<void(T *)> step)
{
    auto *timer = new QTimer(owner);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, step] {
        if (auto *widget = qobject_cast<T *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            step(widget);
        }
    });
    timer->start();
}

} // namespace

class TestSourceImportWindow : public QObject
{
    Q_OBJECT

    std::optional<PostgresServer> m_server;
    QTemporaryDir m_dir;

    QString store() const { return m_server->uri(QStringLiteral("shop"), QStringLiteral("store=messagedb")); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server.emplace();
        m_server->exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE shop"));
        m_server->exec(QStringLiteral("shop"), QString::fromLatin1(kMessageDbSchema));
        m_server->exec(QStringLiteral("shop"), QString::fromLatin1(kHistory));
    }

    void theFormSaysWhatIsWrongBeforeAnythingIsSent()
    {
        SourceImportDialog dialog(store());
        QVERIFY(dialog.problem().isEmpty());
        QVERIFY(dialog.importButton()->isEnabled());

        dialog.uriEdit()->setText(QStringLiteral("mysql://db/events"));
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("postgresql://")));

        dialog.uriEdit()->setText(QStringLiteral("postgresql://u@h/db?store=nosuchstore"));
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY2(dialog.problem().contains(QStringLiteral("nosuchstore")), qPrintable(dialog.problem()));

        dialog.uriEdit()->setText(QStringLiteral("postgresql://u:hunter2@h/db?store=messagedb"));
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("Password field")));

        dialog.uriEdit()->setText(store());
        dialog.sinceEdit()->setText(QStringLiteral("yesterday"));
        QVERIFY(!dialog.countButton()->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("Since")));
        dialog.sinceEdit()->setText(QStringLiteral("2024-05-01T10:00:01Z"));
        dialog.streamEdit()->setText(QStringLiteral("order"));
        QVERIFY(dialog.importButton()->isEnabled());

        const SourceSlice slice = dialog.slice();
        QCOMPARE(slice.stream.value_or(""), std::string("order"));
        QVERIFY(!slice.type);
        QCOMPARE(*slice.since, *Timestamp::parse("2024-05-01T10:00:01Z"));

        // The password goes into the URI connected with, never into the one remembered.
        dialog.passwordEdit()->setText(QStringLiteral("s3cr:t"));
        QCOMPARE(QUrl(dialog.connectionUri()).password(), QStringLiteral("s3cr:t"));
        QVERIFY(!dialog.uri().contains(QStringLiteral("s3cr")));
    }

    void theRunnerCountsAndImportsOffTheGuiThread()
    {
        SourceImportRunner runner;
        QSignalSpy counted(&runner, &SourceImportRunner::counted);
        SourceSlice orders;
        orders.stream = "order";
        QUrl withPassword(store());
        withPassword.setPassword(QString::fromLatin1(PostgresServer::kPassword));
        runner.count(withPassword.toString(), orders);
        QVERIFY(counted.wait(20000));
        QCOMPARE(counted.first().at(0).toString(), QString());
        QCOMPARE(counted.first().at(1).toLongLong(), 3);
        QCOMPARE(counted.first().at(3).toLongLong(), 4);

        const QString target = m_dir.filePath(QStringLiteral("orders.chronolog"));
        QSignalSpy finished(&runner, &SourceImportRunner::finished);
        runner.start(withPassword.toString(), orders, target);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toString(), QString());
        QCOMPARE(finished.first().at(1).toLongLong(), 3);
        EventLog log(target.toStdString(), EventLog::OpenMode::Existing);
        QCOMPARE(log.eventCount(), 3);

        // A refused login: said, and no log left behind.
        QUrl wrong(store());
        wrong.setPassword(QStringLiteral("wrong"));
        const QString refusedTarget = m_dir.filePath(QStringLiteral("refused.chronolog"));
        runner.start(wrong.toString(), {}, refusedTarget);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().at(0).toString().contains(QStringLiteral("password authentication failed")),
                 qPrintable(finished.last().at(0).toString()));
        QVERIFY(!QFile::exists(refusedTarget));
    }

    void connectCountImportAndOpenFromTheFileMenu()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString target = m_dir.filePath(QStringLiteral("window.chronolog"));
        QString countText;
        importThroughTheDialog(window, store(), target, false, &countText);
        QVERIFY2(countText.startsWith(QStringLiteral("3 event")), qPrintable(countText));
        QVERIFY2(countText.endsWith(QStringLiteral("to import (positions 1..4)")), qPrintable(countText));
        EventLog log(target.toStdString(), EventLog::OpenMode::Existing);
        QCOMPARE(log.eventCount(), 3);
        // The URI is remembered for the next time, without the password.
        QCOMPARE(QSettings().value(QStringLiteral("sources/lastUri")).toString(), store());
    }

    void followsTheStoreWhileThePositionAndSelectionStay()
    {
        m_server->exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE live"));
        m_server->exec(QStringLiteral("live"), QString::fromLatin1(kMessageDbSchema));
        m_server->exec(QStringLiteral("live"), QString::fromLatin1(kHistory));
        const QString live = m_server->uri(QStringLiteral("live"), QStringLiteral("store=messagedb"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        importThroughTheDialog(window, live, m_dir.filePath(QStringLiteral("live.chronolog")), true, nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), 4, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.action(QStringLiteral("stopFollowing"))->isEnabled(), 20000);

        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000);
        window.session()->seek(2);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, int64_t(2), 20000);
        auto *view = window.findChild<QTableView *>(QStringLiteral("eventView"));
        view->selectRow(2);
        QCOMPARE(window.selectedSeq(), int64_t(3));

        m_server->exec(QStringLiteral("live"),
                       QStringLiteral("INSERT INTO message_store.messages (position, stream_name, type, data) VALUES "
                                      "(1, 'order-2', 'OrderPaid', '{}'), (0, 'order-3', 'OrderPlaced', '{\"total\": 7}'), "
                                      "(1, 'order-3', 'OrderPaid', '{}')"));
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), 7, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->head(), int64_t(7), 20000);
        QCOMPARE(window.session()->current().position, int64_t(2));
        QCOMPARE(window.selectedSeq(), int64_t(3));
        QString status;
        for (auto *label : window.statusBar()->findChildren<QLabel *>())
            status += label->text() + QLatin1Char('|');
        QVERIFY2(status.contains(QStringLiteral("following postgresql://postgres@127.0.0.1:")), qPrintable(status));
        QVERIFY2(!status.contains(QLatin1String(PostgresServer::kPassword)), qPrintable(status));

        // The debugger reaches what arrived.
        window.session()->seek(7);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->current().position, int64_t(7), 20000);
        QCOMPARE(window.eventModel()->data(window.eventModel()->index(6, EventTableModel::Type)).toString(),
                 QStringLiteral("OrderPaid"));

        window.action(QStringLiteral("stopFollowing"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.action(QStringLiteral("stopFollowing"))->isEnabled(), 20000);
    }

private:
    // File › Connect to Event Store…: the form filled in (Order* types when counting), Count,
    // Import into `target`.
    void importThroughTheDialog(MainWindow &window, const QString &uri, const QString &target, bool follow,
                                QString *countText)
    {
        whenShown<SourceImportDialog>(&window, [&](SourceImportDialog *dialog) {
            dialog->uriEdit()->setText(uri);
            dialog->passwordEdit()->setText(QString::fromLatin1(PostgresServer::kPassword));
            dialog->followBox()->setChecked(follow);
            if (countText) {
                dialog->typeEdit()->setText(QStringLiteral("Order*"));
                QTest::mouseClick(dialog->countButton(), Qt::LeftButton);
                auto *label = dialog->findChild<QLabel *>(QStringLiteral("sourceCountText"));
                QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("to import")), 20000);
                *countText = label->text();
            }
            whenShown<QFileDialog>(&window, [&](QFileDialog *files) {
                files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->setText(target);
                QMetaObject::invokeMethod(files, "accept", Qt::QueuedConnection);
            });
            QTest::mouseClick(dialog->importButton(), Qt::LeftButton);
        });
        QString refusal; // a message box instead of the log: what it said
        whenShown<QMessageBox>(&window, [&](QMessageBox *box) {
            refusal = box->text();
            box->reject();
        });
        window.action(QStringLiteral("connectStore"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().startsWith(QFileInfo(target).fileName()) || !refusal.isEmpty(), 20000);
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
    }
};

QTEST_MAIN(TestSourceImportWindow)
#include "tst_sourceimportwindow.moc"
