#include "base/error.h"
#include "base/eventfilter.h"
#include "log/eventlog.h"
#include "log/schema.h"
#include "log/sqlite.h"
#include "testlog.h"

#include <QTest>

#include <sqlite3.h>

#include <thread>

using namespace Chronoscope;
using Test::pathIn;

namespace {

Event makeEvent(const std::string &stream, const std::string &type, const std::string &id = {})
{
    Event e;
    e.stream = stream;
    e.type = type;
    e.id = id.empty() ? stream + "-" + type + "-" + std::to_string(Timestamp::now()) : id;
    e.recordedAt = 1517443200LL * 1000000;
    e.data = R"({"n":1})";
    return e;
}

// Runs SQL on the file with SQLite itself, as a user with the sqlite3 shell would.
std::string rawExec(const std::string &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.c_str(), &db);
    char *err = nullptr;
    sqlite3_exec(db, sql, nullptr, nullptr, &err);
    std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    return message;
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private slots:
    void createsANewLogInWalMode()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "new.chronolog");
        EventLog log(path, EventLog::OpenMode::CreateIfMissing);
        QCOMPARE(log.schemaVersion(), Schema::latestVersion());
        QCOMPARE(log.eventCount(), 0);
        Sql::Statement mode(Sql::databaseOf(log), "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(std::string(mode.columnText(0)), std::string("wal"));
        QCOMPARE(Sql::databaseOf(log).queryInt("PRAGMA application_id"), Schema::kApplicationId);
    }

    void appendAssignsSeqAndStreamVersion()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        const Event a = log.append(makeEvent("order-1", "OrderPlaced", "a"), 0);
        const Event b = log.append(makeEvent("order-2", "OrderPlaced", "b"), 0);
        const Event c = log.append(makeEvent("order-1", "OrderShipped", "c"), 1);
        QCOMPARE(a.seq, 1);
        QCOMPARE(b.seq, 2);
        QCOMPARE(c.seq, 3);
        QCOMPARE(c.streamVersion, 2);
        QCOMPARE(log.streamVersion("order-1"), 2);
        const auto stored = log.eventById("c");
        QVERIFY(stored);
        QCOMPARE(stored->type, std::string("OrderShipped"));
        QCOMPARE(stored->data, std::string(R"({"n":1})"));
    }

    void conflictingAppendNamesTheStreamAndVersionsAndWritesNothing()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        log.append(makeEvent("order-1", "OrderPlaced", "a"), 0);
        log.append(makeEvent("order-1", "OrderShipped", "b"), 1);
        try {
            log.append(makeEvent("order-1", "OrderCancelled", "c"), 1);
            QFAIL("the append should have been refused");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::Conflict);
            QCOMPARE(e.exitCode(), 1);
            const std::string message = e.what();
            QVERIFY2(message.find("'order-1'") != std::string::npos, e.what());
            QVERIFY2(message.find("expected version 1") != std::string::npos, e.what());
            QVERIFY2(message.find("at version 2") != std::string::npos, e.what());
        }
        QCOMPARE(log.eventCount(), 2);
        QVERIFY(!log.eventById("c"));
    }

    void duplicateIdIsRefused()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        log.append(makeEvent("order-1", "OrderPlaced", "same"), std::nullopt);
        QVERIFY_THROWS_EXCEPTION(
                Error, log.append(makeEvent("order-2", "OrderPlaced", "same"), std::nullopt));
        QCOMPARE(log.eventCount(), 1);
        QCOMPARE(log.streamVersion("order-2"), 0);
    }

    void theSchemaRefusesUpdateAndDeleteOfEvents()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "a.chronolog");
        {
            EventLog log(path, EventLog::OpenMode::CreateIfMissing);
            log.append(makeEvent("order-1", "OrderPlaced", "a"), 0);
        }
        QVERIFY(rawExec(path, "UPDATE events SET type = 'Forged'").find("immutable")
                != std::string::npos);
        QVERIFY(rawExec(path, "DELETE FROM events").find("immutable") != std::string::npos);
        // Writing past the end with a gap, or a stream version out of order, is refused too.
        QVERIFY(rawExec(path,
                        "INSERT INTO events (seq, id, stream, stream_version, type, "
                        "recorded_at, data, metadata) VALUES (5, 'x', 's', 1, 'T', 0, "
                        "'null', '{}')")
                        .find("densely")
                != std::string::npos);
        QVERIFY(rawExec(path,
                        "INSERT INTO events (seq, id, stream, stream_version, type, "
                        "recorded_at, data, metadata) VALUES (2, 'x', 'order-1', 1, 'T', 0, "
                        "'null', '{}')")
                        .find("densely")
                != std::string::npos);
        EventLog log(path, EventLog::OpenMode::Existing);
        QCOMPARE(log.eventCount(), 1);
        QCOMPARE(log.event(1)->type, std::string("OrderPlaced"));
        // Results are the mutable part and may change.
        log.setResult(1, R"({"status":"confirmed"})");
        log.setResult(1, R"({"status":"failed"})");
        QCOMPARE(*log.event(1)->result, std::string(R"({"status":"failed"})"));
    }

    void aNewerSchemaIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "future.chronolog");
        {
            EventLog log(path, EventLog::OpenMode::CreateIfMissing);
            log.append(makeEvent("order-1", "OrderPlaced", "a"), 0);
        }
        rawExec(path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
        const QByteArray before = Test::fileHash(path);
        try {
            EventLog log(path, EventLog::OpenMode::Existing);
            QFAIL("a newer log should be refused");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            const std::string message = e.what();
            QVERIFY2(message.find("newer Chronoscope") != std::string::npos, e.what());
            QVERIFY2(message.find("schema 99") != std::string::npos, e.what());
            QVERIFY2(message.find("left untouched") != std::string::npos, e.what());
        }
        QCOMPARE(Test::fileHash(path), before);
    }

    void foreignFilesAreRefusedWithAClearMessage_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QByteArray("{\"type\":\"x\"}\n") << "not an SQLite database";
        QTest::newRow("empty") << QByteArray() << "the file is empty";
    }

    void foreignFilesAreRefusedWithAClearMessage()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "foreign");
        Test::writeFile(path, content.toStdString());
        try {
            EventLog log(path, EventLog::OpenMode::Existing);
            QFAIL("should be refused");
        } catch (const Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("not a Chronoscope log")),
                     e.what());
        }
        QCOMPARE(QFile(QString::fromStdString(path)).size(), content.size());
    }

    void anotherApplicationsDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "other.db");
        rawExec(path, "CREATE TABLE t (x); PRAGMA application_id = 42;");
        const QByteArray before = Test::fileHash(path);
        for (auto mode : {EventLog::OpenMode::Existing, EventLog::OpenMode::CreateIfMissing}) {
            try {
                EventLog log(path, mode);
                QFAIL("should be refused");
            } catch (const Error &e) {
                QVERIFY2(
                        QString::fromUtf8(e.what()).contains(QStringLiteral("another application")),
                        e.what());
            }
        }
        QCOMPARE(Test::fileHash(path), before);
    }

    void aMissingLogIsNotFound()
    {
        QTemporaryDir dir;
        try {
            EventLog log(pathIn(dir, "missing.chronolog"), EventLog::OpenMode::Existing);
            QFAIL("should be refused");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::NotFound);
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing.chronolog"))));
    }

    void filtersMatchInMemoryAsTheQueryDoes()
    {
        // A branch's events are filtered as they are read: the same globs as the log's query.
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "f.chronolog"), EventLog::OpenMode::CreateIfMissing);
        const char *const streams[] = {"order-1", "order-2/a", "payment-1", "Order-3"};
        const char *const types[] = {"OrderPlaced", "PaymentCharged", "orderplaced"};
        int n = 0;
        for (const char *stream : streams) {
            for (const char *type : types) {
                Event e = makeEvent(stream, type, "e" + std::to_string(++n));
                if (n % 3)
                    e.source = n % 2 ? "order" : "payment";
                log.append(e, std::nullopt);
            }
        }
        std::vector<EventFilter> filters(7);
        filters[0].type = "Order*";
        filters[1].stream = "order-*";
        filters[2].stream = "order-[12]*";
        filters[3].source = "*";
        filters[4].source = "pay?ent";
        filters[5].type = "OrderPlaced";
        filters[5].stream = "*1";
        filters[6].stream = "order-2/a";
        for (const EventFilter &filter : filters) {
            std::vector<int64_t> inMemory;
            log.forEachEvent({}, [&](const Event &e) {
                if (filter.matches(e))
                    inMemory.push_back(e.seq);
                return true;
            });
            QCOMPARE(inMemory, log.seqs(filter));
        }
    }

    void concurrentAppendsNeverLoseOrDuplicate()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "c.chronolog");
        {
            EventLog log(path, EventLog::OpenMode::CreateIfMissing);
        }
        constexpr int kPerWriter = 100;
        auto writer = [&](int id) {
            EventLog log(path, EventLog::OpenMode::Existing); // a connection of its own
            for (int i = 0; i < kPerWriter; ++i) {
                // Read the version, then append expecting it; on a conflict, read again.
                for (;;) {
                    const int64_t version = log.streamVersion("counter");
                    try {
                        log.append(makeEvent("counter",
                                             "Incremented",
                                             "w" + std::to_string(id) + "-" + std::to_string(i)),
                                   version);
                        break;
                    } catch (const Error &e) {
                        if (e.kind() != Error::Kind::Conflict)
                            throw;
                    }
                }
            }
        };
        std::thread a(writer, 1), b(writer, 2);
        a.join();
        b.join();
        EventLog log(path, EventLog::OpenMode::Existing);
        QCOMPARE(log.eventCount(), 2 * kPerWriter);
        QCOMPARE(log.streamVersion("counter"), 2 * kPerWriter);
        QCOMPARE(Sql::databaseOf(log).queryInt("SELECT count(DISTINCT stream_version) FROM events"),
                 2 * kPerWriter);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
