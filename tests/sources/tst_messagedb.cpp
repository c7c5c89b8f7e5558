// Message DB on a real PostgreSQL server, read through chronoscope-cli as a user would.

#include "cli/clirunner.h"
#include "sources/messagedbschema.h"
#include "sources/servers.h"

#include "base/error.h"
#include "source/pgconnection.h"
#include "source/postgressource.h"
#include "source/sourcespec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

#include <csignal>
#include <optional>

using namespace Chronoscope;
using namespace Chronoscope::Test;

namespace {

// An order placed, its payment requested (caused by the order), the order paid (caused by the
// payment); a stream of another category; an order with no data or metadata.
const char *kHistory = R"sql(
INSERT INTO message_store.messages (position, time, stream_name, type, data, metadata, id) VALUES
(0, '2024-05-01 10:00:00.123456', 'order-1', 'OrderPlaced',
 '{"customer": "c-1", "total": 12.5, "items": ["tea"]}', '{"correlationStreamName": "order-1"}',
 'a0000000-0000-4000-8000-000000000001'),
(0, '2024-05-01 10:00:01.5', 'payment-1', 'PaymentRequested', '{"amount": 12.5}',
 '{"causationMessageGlobalPosition": 1, "causationMessageStreamName": "order-1", "causationMessagePosition": 0, "correlationStreamName": "order-1"}',
 'a0000000-0000-4000-8000-000000000002'),
(1, '2024-05-01 10:00:02', 'order-1', 'OrderPaid', '{"z": 1, "a": 2}',
 '{"causationMessageGlobalPosition": 2, "correlationStreamName": "order-1"}',
 'a0000000-0000-4000-8000-000000000003'),
(0, '2024-05-01 10:00:03', 'orders-2', 'Legacy', '{}', '{}', 'a0000000-0000-4000-8000-000000000004'),
(0, '2024-05-01 10:00:04', 'order-2', 'OrderPlaced', NULL, NULL, 'a0000000-0000-4000-8000-000000000005');
)sql";

const QStringList kPassword = {QStringLiteral("PGPASSWORD=secret")};

QList<QJsonObject> eventsOf(const QString &log)
{
    QList<QJsonObject> events;
    for (const QString &line : exported(log).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        events.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return events;
}

QStringList idsOf(const QString &log)
{
    QStringList ids;
    for (const QJsonObject &e : eventsOf(log))
        ids.append(e.value(QStringLiteral("id")).toString().right(1));
    return ids;
}

} // namespace

class TestMessageDb : public QObject
{
    Q_OBJECT

    std::optional<PostgresServer> m_server;
    QTemporaryDir m_dir;
    int m_logs = 0;

    QString newLog() { return m_dir.filePath(QStringLiteral("l%1.chronolog").arg(++m_logs)); }
    QString store(const QString &database = QStringLiteral("shop")) const
    {
        return m_server->uri(database, QStringLiteral("store=messagedb"));
    }
    Result import(const QString &log, const QStringList &options = {}, const QString &db = QStringLiteral("shop"))
    {
        return cli(QStringList{QStringLiteral("import"), log, store(db)} + options, kPassword);
    }

private slots:
    void initTestCase()
    {
        m_server.emplace();
        qputenv("PGPASSWORD", PostgresServer::kPassword); // for jsonOf(), which sets no environment
        for (const char *db : {"shop", "live", "big"}) {
            m_server->exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE ") + QLatin1String(db));
            m_server->exec(QString::fromLatin1(db), QString::fromLatin1(kMessageDbSchema));
        }
        m_server->exec(QStringLiteral("shop"), QString::fromLatin1(kHistory));
    }

    void importsEveryMessageAsACanonicalEvent()
    {
        const QString log = newLog();
        const Result r = import(log);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("imported 5 events (seq 1..5) from postgresql://postgres@127.0.0.1:")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("read through position 5")), qPrintable(r.out));

        const QList<QJsonObject> events = eventsOf(log);
        QCOMPARE(events.size(), 5);
        const QJsonObject placed = events[0];
        QCOMPARE(placed[QStringLiteral("id")].toString(), QStringLiteral("a0000000-0000-4000-8000-000000000001"));
        QCOMPARE(placed[QStringLiteral("stream")].toString(), QStringLiteral("order-1"));
        QCOMPARE(placed[QStringLiteral("stream_version")].toInt(), 1); // Message DB's position 0
        QCOMPARE(placed[QStringLiteral("type")].toString(), QStringLiteral("OrderPlaced"));
        QCOMPARE(placed[QStringLiteral("recorded_at")].toString(), QStringLiteral("2024-05-01T10:00:00.123456Z"));
        QCOMPARE(placed[QStringLiteral("correlation_id")].toString(), QStringLiteral("order-1"));
        QCOMPARE(QJsonDocument(placed[QStringLiteral("data")].toObject()).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"customer":"c-1","items":["tea"],"total":12.5})"));
        QCOMPARE(placed[QStringLiteral("metadata")].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("global_position")].toInt(), 1);

        // The causes are in the log: causation is the cause's id.
        QCOMPARE(events[1][QStringLiteral("causation_id")].toString(), QStringLiteral("a0000000-0000-4000-8000-000000000001"));
        QCOMPARE(events[2][QStringLiteral("causation_id")].toString(), QStringLiteral("a0000000-0000-4000-8000-000000000002"));
        QCOMPARE(events[2][QStringLiteral("stream_version")].toInt(), 2);
        // No data is null; no metadata is only where it came from.
        QVERIFY(events[4][QStringLiteral("data")].isNull());
        QCOMPARE(events[4][QStringLiteral("metadata")].toObject().keys(), QStringList{QStringLiteral("_source")});
    }

    void slicesByCategoryTypeAndTimeOnTheServer()
    {
        const QString category = newLog();
        QCOMPARE(import(category, {QStringLiteral("--stream"), QStringLiteral("order")}).exitCode, 0);
        QCOMPARE(idsOf(category), (QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("5")}));
        // The payment that caused the order to be paid is not in this log: its id is kept.
        const QJsonObject paid = eventsOf(category)[1];
        QVERIFY(paid[QStringLiteral("causation_id")].isNull());
        QCOMPARE(paid[QStringLiteral("metadata")].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("causation_id")].toString(),
                 QStringLiteral("a0000000-0000-4000-8000-000000000002"));

        const QString glob = newLog();
        QCOMPARE(import(glob, {QStringLiteral("--stream"), QStringLiteral("order*"), QStringLiteral("--type"), QStringLiteral("[LO]*")}).exitCode, 0);
        QCOMPARE(idsOf(glob), (QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}));

        const QString timed = newLog();
        QCOMPARE(import(timed, {QStringLiteral("--since"), QStringLiteral("2024-05-01T10:00:01.5Z"),
                                QStringLiteral("--until"), QStringLiteral("2024-05-01T10:00:03Z")}).exitCode, 0);
        QCOMPARE(idsOf(timed), (QStringList{QStringLiteral("2"), QStringLiteral("3")}));

        const QString correlated = newLog();
        QCOMPARE(import(correlated, {QStringLiteral("--correlation"), QStringLiteral("order-1"), QStringLiteral("--limit"), QStringLiteral("2")}).exitCode, 0);
        QCOMPARE(idsOf(correlated), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    }

    void countsWhatAnImportWouldBringAndWritesNothing()
    {
        const QString log = newLog();
        const Result all = import(log, {QStringLiteral("--count")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QVERIFY2(all.out.startsWith(QStringLiteral("5 events to import from postgresql://")), qPrintable(all.out));
        QVERIFY2(all.out.contains(QStringLiteral("(positions 1..5)")), qPrintable(all.out));
        QVERIFY(!QFile::exists(log)); // counting creates no log

        const Result sliced = import(log, {QStringLiteral("--count"), QStringLiteral("--stream"), QStringLiteral("order"),
                                           QStringLiteral("--type"), QStringLiteral("Order*"), QStringLiteral("--json")});
        const QJsonObject count = QJsonDocument::fromJson(sliced.out.toUtf8()).object();
        QCOMPARE(count[QStringLiteral("events")].toInt(), 3); // order-1's two and order-2's one
        QCOMPARE(count[QStringLiteral("head")].toInt(), 5);
        QCOMPARE(count[QStringLiteral("resumed")].toBool(), false);

        // After an import of the slice, the count is what came since.
        QCOMPARE(import(log, {QStringLiteral("--stream"), QStringLiteral("order")}).exitCode, 0);
        const QJsonObject after = QJsonDocument::fromJson(
                import(log, {QStringLiteral("--count"), QStringLiteral("--stream"), QStringLiteral("order"), QStringLiteral("--json")}).out.toUtf8()).object();
        QCOMPARE(after[QStringLiteral("events")].toInt(), 0);
        QCOMPARE(after[QStringLiteral("from_position")].toInt(), 5);
        QCOMPARE(after[QStringLiteral("resumed")].toBool(), true);
        QCOMPARE(import(log, {QStringLiteral("--count"), QStringLiteral("--follow")}).exitCode, 2);
    }

    void goesOnWhereTheLastImportOfTheSliceEnded()
    {
        m_server->exec(QStringLiteral("live"), QString::fromLatin1(kHistory));
        const QString log = newLog();
        QCOMPARE(import(log, {}, QStringLiteral("live")).exitCode, 0);
        m_server->exec(QStringLiteral("live"),
                       QStringLiteral("INSERT INTO message_store.messages (position, stream_name, type, data, id) VALUES "
                                      "(1, 'order-2', 'OrderCancelled', '{}', 'a0000000-0000-4000-8000-000000000006')"));
        const QJsonObject again = jsonOf({QStringLiteral("import"), log, store(QStringLiteral("live"))}).object();
        QCOMPARE(again[QStringLiteral("imported")].toInt(), 1);
        QCOMPARE(again[QStringLiteral("resumed")].toBool(), true);
        QCOMPARE(again[QStringLiteral("from_position")].toInt(), 5);
        QCOMPARE(again[QStringLiteral("position")].toInt(), 6);
        QCOMPARE(idsOf(log).size(), 6);

        // Nothing new: nothing written, and the same answer again.
        QCOMPARE(jsonOf({QStringLiteral("import"), log, store(QStringLiteral("live"))}).object()[QStringLiteral("imported")].toInt(), 0);

        // Read from a position again: the events already there are counted, not doubled.
        const QJsonObject fromStart = jsonOf({QStringLiteral("import"), log, store(QStringLiteral("live")), QStringLiteral("--from-position"), QStringLiteral("4")}).object();
        QCOMPARE(fromStart[QStringLiteral("imported")].toInt(), 0);
        QCOMPARE(fromStart[QStringLiteral("duplicates")].toInt(), 3);

        // info names the source, the slice and how far it has been read.
        const Result info = cli({QStringLiteral("info"), log});
        QVERIFY2(info.out.contains(store(QStringLiteral("live"))), qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("position 6")), qPrintable(info.out));
        const QJsonObject source = jsonOf({QStringLiteral("info"), log}).object()[QStringLiteral("stores")].toArray().first().toObject();
        QCOMPARE(source[QStringLiteral("uri")].toString(), store(QStringLiteral("live")));
        QCOMPARE(source[QStringLiteral("position")].toInt(), 6);
        QCOMPARE(source[QStringLiteral("events")].toInt(), 6);
    }

    void neverRecordsThePassword()
    {
        const QString log = newLog();
        QString uri = store();
        uri.replace(QStringLiteral("postgres@"), QStringLiteral("postgres:secret@"));
        const Result r = cli({QStringLiteral("import"), log, uri});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("secret")));
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("secret"));
        QVERIFY(!cli({QStringLiteral("info"), log}).out.contains(QStringLiteral("secret")));

        const QString refused = newLog();
        const Result wrong = cli({QStringLiteral("import"), refused, store()}, {QStringLiteral("PGPASSWORD=wrong")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(QStringLiteral("cannot connect")) && wrong.err.contains(QStringLiteral("password authentication failed")),
                 qPrintable(wrong.err));
        QVERIFY(!QFile::exists(refused));
    }

    void refusesAStoreItCannotRead()
    {
        const QString log = newLog();
        const Result marten = cli({QStringLiteral("import"), log, m_server->uri(QStringLiteral("shop"), QStringLiteral("store=marten"))}, kPassword);
        QCOMPARE(marten.exitCode, 2);
        QVERIFY2(marten.err.contains(QStringLiteral("there is no table public.mt_events")), qPrintable(marten.err));
        const Result column = cli({QStringLiteral("import"), log,
                                   m_server->uri(QStringLiteral("shop"), QStringLiteral("store=table&table=message_store.messages&position=global_position&stream=stream&type=type&data=data"))},
                                  kPassword);
        QCOMPARE(column.exitCode, 2);
        QVERIFY2(column.err.contains(QStringLiteral("has no column \"stream\" (for the event's stream)")), qPrintable(column.err));
        const Result kind = cli({QStringLiteral("import"), log, m_server->uri(QStringLiteral("shop"), QStringLiteral("store=kafka"))}, kPassword);
        QCOMPARE(kind.exitCode, 2);
        QVERIFY2(kind.err.contains(QStringLiteral("store is messagedb, marten or table")), qPrintable(kind.err));
        const Result fileOption = cli({QStringLiteral("import"), log, store(), QStringLiteral("--on-error"), QStringLiteral("skip")}, kPassword);
        QCOMPARE(fileOption.exitCode, 2);
        QVERIFY(!QFile::exists(log));
    }

    void itsSessionCannotWrite()
    {
        const SourceSpec spec = SourceSpec::parse(
                m_server->uri(QStringLiteral("shop"), QStringLiteral("store=messagedb")).replace(QStringLiteral("postgres@"), QStringLiteral("postgres:secret@")).toStdString());
        PgConnection connection(spec.connection, spec.uri);
        try {
            connection.query("DELETE FROM message_store.messages");
            QFAIL("a write went through");
        } catch (const Error &e) {
            QVERIFY2(std::string(e.what()).find("read-only transaction") != std::string::npos, e.what());
        }
        QCOMPARE(m_server->value(QStringLiteral("shop"), QStringLiteral("SELECT count(*) FROM message_store.messages")), QStringLiteral("5"));
    }

    // A writer's transaction still open below the newest message holds the head back until it
    // ends; a hole left by a rollback is read past as soon as the writers have ended; a writer
    // open longer than the gap wait is read past with a warning naming the hole.
    void waitsForAWriterStillOpenBelowTheHead()
    {
        const QString db = QStringLiteral("big");
        const QString insert = QStringLiteral("INSERT INTO message_store.messages (position, stream_name, type, data) VALUES (%1, '%2', 'Tick', '{}')");
        m_server->exec(db, insert.arg(0).arg(QStringLiteral("clock-0")));
        SourceSpec spec = SourceSpec::parse(m_server->uri(db, QStringLiteral("store=messagedb")).replace(QStringLiteral("postgres@"), QStringLiteral("postgres:secret@")).toStdString());
        PostgresSource source(spec, {}, {300});
        std::vector<std::string> warnings;
        QCOMPARE(source.head(warnings), int64_t(1));

        const auto headAfter = [&](int ms) {
            int64_t head = 0;
            for (QElapsedTimer t; !t.isValid() || t.elapsed() < ms;) {
                if (!t.isValid())
                    t.start();
                head = source.head(warnings);
                QThread::msleep(10);
            }
            return head;
        };
        for (const QString &end : {QStringLiteral("COMMIT"), QStringLiteral("ROLLBACK")}) {
            PGconn *slow = m_server->connect(db);
            PostgresServer::execOn(slow, QStringLiteral("BEGIN"));
            PostgresServer::execOn(slow, insert.arg(0).arg(QStringLiteral("slow-") + end));
            m_server->exec(db, insert.arg(0).arg(QStringLiteral("fast-") + end));
            const int64_t before = source.head(warnings);
            QCOMPARE(headAfter(150), before); // the slow writer is open below the fast one
            PostgresServer::execOn(slow, end);
            PQfinish(slow);
            const int64_t top = m_server->value(db, QStringLiteral("SELECT max(global_position) FROM message_store.messages")).toLongLong();
            QCOMPARE(headAfter(150), top);
            QVERIFY(warnings.empty());
            const SourceRead read = source.read(before, top, 10);
            QCOMPARE(int(read.events.size()), end == QLatin1String("COMMIT") ? 2 : 1);
            QCOMPARE(read.events.back().mapped.event.stream, "fast-" + end.toStdString());
        }

        PGconn *stuck = m_server->connect(db);
        PostgresServer::execOn(stuck, QStringLiteral("BEGIN"));
        PostgresServer::execOn(stuck, insert.arg(0).arg(QStringLiteral("stuck")));
        const QString hole = m_server->value(db, QStringLiteral("SELECT last_value FROM message_store.messages_global_position_seq"));
        m_server->exec(db, insert.arg(0).arg(QStringLiteral("after-stuck")));
        const int64_t top = hole.toLongLong() + 1;
        QCOMPARE(headAfter(600), top); // past the gap wait of 300 ms
        QCOMPARE(int(warnings.size()), 1);
        QVERIFY2(warnings[0].find("read past global_position " + hole.toStdString() + " after 300 ms") != std::string::npos, warnings[0].c_str());
        PostgresServer::execOn(stuck, QStringLiteral("ROLLBACK"));
        PQfinish(stuck);
    }

    void followsWhatTheStoreAppends()
    {
        const QString log = newLog();
        QProcess follower;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("secret"));
        follower.setProcessEnvironment(env);
        follower.start(QStringLiteral(CHRONOSCOPE_CLI),
                       {QStringLiteral("import"), log, store(QStringLiteral("big")), QStringLiteral("--follow"),
                        QStringLiteral("--poll-interval"), QStringLiteral("20"), QStringLiteral("--stream"), QStringLiteral("account")});
        QVERIFY(follower.waitForStarted());
        int written = 0;
        for (int round = 0; round < 5; ++round) {
            // One transaction a message, as services write them, and one other category.
            PGconn *conn = m_server->connect(QStringLiteral("big"));
            for (int i = 0; i < 40; ++i, ++written)
                PostgresServer::execOn(conn, QStringLiteral(
                        "INSERT INTO message_store.messages (position, stream_name, type, data) "
                        "VALUES ((SELECT count(*) FROM message_store.messages WHERE stream_name = 'account-%1'), 'account-%1', 'Deposited', '{\"n\": %2}')")
                        .arg(written % 7).arg(written));
            PostgresServer::execOn(conn, QStringLiteral("INSERT INTO message_store.messages (position, stream_name, type, data) VALUES (%1, 'audit-1', 'Seen', '{}')").arg(round));
            PQfinish(conn);
            QThread::msleep(30);
        }
        QString info;
        for (int i = 0; i < 300; ++i) {
            info = cli({QStringLiteral("info"), log, QStringLiteral("--json")}).out;
            if (QJsonDocument::fromJson(info.toUtf8()).object()[QStringLiteral("events")].toInt() == written)
                break;
            QThread::msleep(50);
        }
        follower.terminate(); // SIGTERM: ends after the batch being written
        QVERIFY(follower.waitForFinished(20000));
        QCOMPARE(follower.exitStatus(), QProcess::NormalExit);
        QVERIFY2(follower.exitCode() == 0, follower.readAllStandardError().constData());

        // Every deposit once, in the store's order.
        const QList<QJsonObject> events = eventsOf(log);
        QCOMPARE(events.size(), written);
        for (int i = 0; i < written; ++i)
            QCOMPARE(events[i][QStringLiteral("data")].toObject()[QStringLiteral("n")].toInt(), i);
        const QJsonObject source = jsonOf({QStringLiteral("info"), log}).object()[QStringLiteral("stores")].toArray().first().toObject();
        QCOMPARE(source[QStringLiteral("events")].toInt(), written);
        QCOMPARE(QString::number(source[QStringLiteral("position")].toInteger()),
                 m_server->value(QStringLiteral("big"), QStringLiteral("SELECT max(global_position) FROM message_store.messages")));
    }

    // Last: it takes the server down.
    void aServerLostMidImportLeavesTheLogAsItWas()
    {
        m_server->exec(QStringLiteral("big"), QStringLiteral(
                "INSERT INTO message_store.messages (position, stream_name, type, data) "
                "SELECT g, 'bulk-1', 'Filled', jsonb_build_object('n', g, 'text', repeat('x', 200)) FROM generate_series(0, 199999) AS g"));
        const QString log = newLog();
        writeSample(log, 20);
        const QByteArray before = hashOf(log);
        QProcess importer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("secret"));
        importer.setProcessEnvironment(env);
        importer.start(QStringLiteral(CHRONOSCOPE_CLI), {QStringLiteral("import"), log, store(QStringLiteral("big")), QStringLiteral("--progress")});
        QByteArray err;
        for (int i = 0; i < 600 && !err.contains("progress:"); ++i) {
            importer.waitForReadyRead(100);
            err += importer.readAllStandardError();
        }
        QVERIFY2(err.contains("progress:"), err.constData());
        m_server->stop(true);
        QVERIFY(importer.waitForFinished(60000));
        err += importer.readAllStandardError();
        QCOMPARE(importer.exitCode(), 1);
        QVERIFY2(err.contains("lost the connection to the server") || err.contains("server closed the connection"), err.constData());
        QCOMPARE(hashOf(log), before);
        QCOMPARE(cli({QStringLiteral("verify"), log}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageDb)
#include "tst_messagedb.moc"
