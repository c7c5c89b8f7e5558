// The promises of the README's "Reliability" section that the core keeps: nothing lost, nothing
// forged, nothing runaway. Each test names the hole it keeps closed.
#include "base/error.h"
#include "base/eventcheck.h"
#include "base/jsonproblem.h"
#include "base/outputfile.h"
#include "debug/expressionengine.h"
#include "log/eventlog.h"
#include "log/logintegrity.h"
#include "log/modelstore.h"
#include "log/sqlite.h"
#include "replay/jsmodel.h"
#include "replay/state.h"
#include "samples/shopsample.h"
#include "testlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Chronoscope;
using Test::failureOf;
using Test::pathIn;

namespace {

Event makeEvent(int64_t seq, const std::string &stream, const std::string &type)
{
    Event e;
    e.seq = seq;
    e.id = "e" + std::to_string(seq);
    e.stream = stream;
    e.type = type;
    e.recordedAt = *Timestamp::parse("2018-01-01T00:00:00Z");
    e.data = "{}";
    return e;
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path())
            .entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestReliability : public QObject
{
    Q_OBJECT

private slots:
    // --- nothing lost: no output path writes over a log ---------------------------------------

    void anOutputFileIsNeverTheLogNorOneOfItsFiles()
    {
        QTemporaryDir dir;
        const std::string log = pathIn(dir, "x.chronolog");
        {
            EventLog created(log, EventLog::OpenMode::CreateIfMissing);
            ShopSample::generate(created, {20, 1, {}});
        }
        const QByteArray before = Test::fileHash(log);
        QVERIFY(QFile::link(QString::fromStdString(log), dir.filePath(QStringLiteral("link"))));
        QVERIFY(::link(log.c_str(), pathIn(dir, "hard").c_str()) == 0);
        QDir::setCurrent(dir.path());
        for (const char *name : {"x.chronolog",
                                 "link",
                                 "hard",
                                 "./x.chronolog",
                                 "../"
                                 "{dir}/x.chronolog",
                                 "x.chronolog-wal",
                                 "x.chronolog-shm",
                                 "x.chronolog-journal"}) {
            std::string path = name;
            if (const size_t at = path.find("{dir}"); at != std::string::npos)
                path.replace(at, 5, QFileInfo(dir.path()).fileName().toStdString());
            const std::string message = failureOf([&] { OutputFile output(path, {log}); });
            QVERIFY2(message.find("refusing to write over") != std::string::npos,
                     (path + ": " + message).c_str());
        }
        QCOMPARE(Test::fileHash(log), before);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.chronolog-journal"))));
    }

    void anOutputReplacesAtomicallyKeepsTheModeAndWritesThroughASymlink()
    {
        QTemporaryDir dir;
        const std::string target = pathIn(dir, "out.jsonl");
        Test::writeFile(target, "old\n");
        QVERIFY(::chmod(target.c_str(), 0600) == 0);
        QVERIFY(QFile::link(QString::fromStdString(target), dir.filePath(QStringLiteral("l"))));
        {
            OutputFile output(pathIn(dir, "l"), {});
            std::fputs("new\n", output.stream());
            // Until commit() the old text is there, and no temporary file has a name.
            QCOMPARE(filesIn(dir), QStringList({QStringLiteral("l"), QStringLiteral("out.jsonl")}));
            output.commit();
        }
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("l"))).isSymLink());
        QFile file(QString::fromStdString(target));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("new\n"));
        struct stat st = {};
        QVERIFY(::stat(target.c_str(), &st) == 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        {
            OutputFile abandoned(target, {}); // destroyed without commit(): nothing changes
            std::fputs("half", abandoned.stream());
        }
        QVERIFY(file.seek(0));
        QCOMPARE(file.readAll(), QByteArray("new\n"));
        QCOMPARE(filesIn(dir), QStringList({QStringLiteral("l"), QStringLiteral("out.jsonl")}));
    }

    void anOutputToAFifoIsWrittenThrough()
    {
        QTemporaryDir dir;
        const std::string fifo = pathIn(dir, "pipe");
        QVERIFY(::mkfifo(fifo.c_str(), 0600) == 0);
        std::string received;
        std::thread reader([&] {
            std::FILE *in = std::fopen(fifo.c_str(), "rb");
            char buffer[64];
            while (const size_t n = std::fread(buffer, 1, sizeof buffer, in))
                received.append(buffer, n);
            std::fclose(in);
        });
        OutputFile::write(fifo, "through\n", {});
        reader.join();
        QCOMPARE(received, std::string("through\n"));
        struct stat st = {};
        QVERIFY(::lstat(fifo.c_str(), &st) == 0);
        QVERIFY(S_ISFIFO(st.st_mode)); // still the FIFO, not a regular file put in its place
    }

    void anOutputThatCannotBeSaysWhy()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("outdir")));
        QVERIFY(failureOf([&] {
                    OutputFile o(pathIn(dir, "outdir") + "/", {});
                }).find("is a directory")
                != std::string::npos);
        QVERIFY(failureOf([&] { OutputFile o(pathIn(dir, "outdir"), {}); }).find("is a directory")
                != std::string::npos);
        QVERIFY(failureOf([&] {
                    OutputFile o(pathIn(dir, "none/x.jsonl"), {});
                }).find("does not exist")
                != std::string::npos);
    }

    // --- nothing forged: the schema and verify -------------------------------------------------

    void insertOrReplaceCannotDeleteARecordedEvent()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "x.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSample::generate(log, {30, 1, {}});
        const std::string before = Test::exportText(log);
        const std::string id = log.event(2)->id;
        const std::string forge = "INSERT OR REPLACE INTO events (seq, id, stream, stream_version, "
                                  "type, recorded_at, data, metadata) VALUES (31, '"
                                  + id + "', 'new-stream', 1, 'T', 0, '{}', '{}')";
        const std::string message = failureOf([&] { Sql::databaseOf(log).exec(forge.c_str()); });
        QVERIFY2(message.find("an event with this id is recorded already") != std::string::npos,
                 message.c_str());
        QCOMPARE(Test::exportText(log), before);
        QVERIFY(LogIntegrity::problems(log).empty());
    }

    void verifyFindsEveryTamperingOfTheFile()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "x.chronolog");
        {
            EventLog log(path, EventLog::OpenMode::CreateIfMissing);
            ShopSample::generate(log, {40, 1, {}});
            QCOMPARE(LogIntegrity::problems(log), std::vector<std::string>());
        }
        {
            // What a user with the sqlite3 shell could do.
            Sql::Database raw(path, Sql::Database::Mode::ReadWrite);
            raw.exec("DROP TRIGGER events_immutable_delete;"
                     "DELETE FROM events WHERE seq = 7;"
                     "INSERT INTO corrections (branch, kind, target_seq, reason, merged_at) "
                     "VALUES ('ghost', 'reverse', 3, 'forged', 0);"
                     "UPDATE models SET source = source || ' ';");
        }
        EventLog log(path, EventLog::OpenMode::Existing);
        const std::vector<std::string> problems = LogIntegrity::problems(log);
        std::string all;
        for (const auto &p : problems)
            all += p + "\n";
        for (const char *expected :
             {"the trigger events_immutable_delete is missing",
              "main is not dense: 39 events, the last is 40; event 7 is missing",
              "correction 1 (branch \"ghost\") names a branch that does not exist",
              "its source does not match its hash"})
            QVERIFY2(all.find(expected) != std::string::npos, all.c_str());
    }

    void anAlteredTriggerIsReported()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "x.chronolog");
        {
            EventLog log(path, EventLog::OpenMode::CreateIfMissing);
        }
        {
            Sql::Database raw(path, Sql::Database::Mode::ReadWrite);
            raw.exec("DROP TRIGGER events_immutable_update;"
                     "CREATE TRIGGER events_immutable_update BEFORE UPDATE ON events "
                     "WHEN 0 BEGIN SELECT 1; END;");
        }
        EventLog log(path, EventLog::OpenMode::Existing);
        const auto problems = LogIntegrity::problems(log);
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY2(problems[0].find("events_immutable_update is not as created") != std::string::npos,
                 problems[0].c_str());
    }

    void aLogWhoseVersionIsNotItsTablesIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "x.chronolog");
        {
            EventLog log(path, EventLog::OpenMode::CreateIfMissing);
            ShopSample::generate(log, {10, 1, {}});
        }
        for (const int version : {0, 3}) {
            {
                Sql::Database raw(path, Sql::Database::Mode::ReadWrite);
                raw.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
            }
            const QByteArray before = Test::fileHash(path);
            const std::string message
                    = failureOf([&] { EventLog log(path, EventLog::OpenMode::Existing); });
            QVERIFY2(message.find("changed outside Chronoscope") != std::string::npos,
                     message.c_str());
            QVERIFY2(message.find("table events already exists") == std::string::npos
                             || message.find("schema version") != std::string::npos,
                     message.c_str());
            QCOMPARE(Test::fileHash(path), before);
        }
    }

    void anEmptyFileIsNobodysLog()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "empty.chronolog");
        Test::writeFile(path, "");
        for (const auto mode :
             {EventLog::OpenMode::Existing, EventLog::OpenMode::CreateIfMissing}) {
            const std::string message = failureOf([&] { EventLog log(path, mode); });
            QVERIFY2(message.find("the file is empty") != std::string::npos, message.c_str());
        }
        QCOMPARE(QFileInfo(QString::fromStdString(path)).size(), 0);
    }

    // --- one rule for every event that enters a log ------------------------------------------

    void everyEventKeepsTheOneRule_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty stream") << "stream"
                                      << ""
                                      << "\"stream\" must be a non-empty string";
        QTest::newRow("empty id") << "id"
                                  << ""
                                  << "\"id\" must be a non-empty string";
        QTest::newRow("empty type") << "type"
                                    << ""
                                    << "\"type\" must be a non-empty string";
        QTest::newRow("NUL in type") << "type" << QStringLiteral("T%1x").arg(QChar(0))
                                     << "\"type\" contains a NUL character (\\u0000)";
        QTest::newRow("NUL in stream") << "stream" << QStringLiteral("s%1").arg(QChar(0))
                                       << "\"stream\" contains a NUL character (\\u0000)";
        QTest::newRow("metadata an array") << "metadata"
                                           << "[1]"
                                           << "\"metadata\" must be a JSON object";
    }

    void everyEventKeepsTheOneRule()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        Event e = makeEvent(1, "s", "T");
        const std::string text = value.toStdString();
        (field == QLatin1String("stream") ? e.stream
         : field == QLatin1String("id")   ? e.id
         : field == QLatin1String("type") ? e.type
                                          : e.metadata)
                = text;
        QCOMPARE(QString::fromStdString(EventCheck::problem(e).value_or("")), problem);
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "x.chronolog"), EventLog::OpenMode::CreateIfMissing);
        QVERIFY(failureOf([&] { log.append(e, std::nullopt); }).find(problem.toStdString())
                != std::string::npos);
        QCOMPARE(log.eventCount(), int64_t(0));
        QVERIFY(!EventCheck::problem(makeEvent(1, "s", "T")));
    }

    void aNumberOutOfRangeIsABadPlace()
    {
        const auto problem = JsonProblem::of("{\"a\": [1,\n 2e400]}");
        QVERIFY(problem);
        QCOMPARE(problem->line, int64_t(2));
        QCOMPARE(problem->column, int64_t(2));
        QVERIFY2(problem->message.find("the number 2e400 is out of range") != std::string::npos,
                 problem->message.c_str());
        QVERIFY(!JsonProblem::of("{\"a\": 1e300}"));
        const auto truncated = JsonProblem::of("{\"a\": [1, 2");
        QVERIFY(truncated && truncated->message.find("truncated") != std::string::npos);
    }

    // --- nothing runaway: every entry into script code is guarded -------------------------------

    void aGetterOnTheModelCannotHangIt()
    {
        const std::string message = failureOf([] {
            JsModel model("model = { name: 'g', get reducers() { while (true) {} } };",
                          "getter.js",
                          std::chrono::milliseconds(200));
        });
        QVERIFY2(message.find("getter.js: reading the model object's members was interrupted")
                         != std::string::npos,
                 message.c_str());
    }

    void aThrownValueOfAnyKindIsAnErrorNamingIt_data()
    {
        QTest::addColumn<QString>("thrown");
        QTest::addColumn<QString>("said");
        QTest::newRow("a string") << "\"boom\""
                                  << "threw at event 4: the string \"boom\"";
        QTest::newRow("zero") << "0"
                              << "threw at event 4: the value 0";
        QTest::newRow("an object") << "{a: 1}"
                                   << "threw at event 4: the value {\"a\":1}";
        QTest::newRow("undefined") << "undefined"
                                   << "threw at event 4: undefined";
        QTest::newRow("a looping toString")
                << "{ toString() { for (;;) {} }, toJSON() { for (;;) {} } }"
                << "threw at event 4: a value whose conversion to text did not finish";
        QTest::newRow("an Error") << "new RangeError('too far')"
                                  << "threw at event 4: RangeError: too far";
    }

    void aThrownValueOfAnyKindIsAnErrorNamingIt()
    {
        QFETCH(QString, thrown);
        QFETCH(QString, said);
        JsModel model("model = { reducers: { T(state, event) { throw " + thrown.toStdString()
                              + "; } } };",
                      "throws.js",
                      std::chrono::milliseconds(300));
        State state;
        const std::string message
                = failureOf([&] { model.apply(makeEvent(4, "s", "T"), state, nullptr); });
        QVERIFY2(message.find("reducers.T " + said.toStdString()) != std::string::npos,
                 message.c_str());
        QVERIFY(!state.stream("s")); // no state was taken from the throw

        ExpressionEngine engine(std::chrono::milliseconds(300));
        const auto id = engine.compile("(() => { throw " + thrown.toStdString() + "; })()");
        const Event at = makeEvent(4, "s", "T");
        const std::string condition = failureOf([&] { engine.holds(id, &at, state); });
        QVERIFY2(condition.find("expression `") != std::string::npos
                         && condition.find(said.toStdString().substr(said.indexOf(u' ') + 1))
                                    != std::string::npos,
                 condition.c_str());
    }

    void aRunawayAllocationIsStoppedWithAnError()
    {
        qputenv("CHRONOSCOPE_SCRIPT_HEAP_MB", "64");
        for (const char *body : {"let s = 'x'; for (;;) s = s + s;",
                                 "const a = []; for (;;) a.push(new ArrayBuffer(1 << 20));",
                                 "return { n: new Array(1e9).fill(0).length };"}) {
            JsModel model(std::string("model = { reducers: { T(state, event) { ") + body
                                  + " } } };",
                          "heap.js");
            State state;
            const std::string message
                    = failureOf([&] { model.apply(makeEvent(9, "s", "T"), state, nullptr); });
            QVERIFY2(message.find("reducers.T was stopped at event 9: it used more than 64 MB")
                                     != std::string::npos
                             || message.find("reducers.T was interrupted at event 9")
                                        != std::string::npos,
                     message.c_str());
        }
        {
            ExpressionEngine engine;
            const auto id = engine.compile("(() => { let s = 'x'; for (;;) s = s + s; })()");
            State state;
            const std::string message = failureOf([&] { engine.value(id, nullptr, state); });
            QVERIFY2(message.find("was stopped before the first event: it used more than 64 MB")
                             != std::string::npos,
                     message.c_str());
        }
        qunsetenv("CHRONOSCOPE_SCRIPT_HEAP_MB");
    }

    void oneExpressionCannotChangeWhatAnotherSees()
    {
        ExpressionEngine engine;
        State state;
        const Event at = makeEvent(1, "s", "T");
        const auto polluter
                = engine.compile("(Object.prototype.refunded = 1, Array.prototype.push = null, "
                                 "this.leak = 2, Math.max = () => 0, false)");
        const auto probe = engine.compile("({}).refunded === undefined && typeof [].push === "
                                          "'function' && typeof leak === 'undefined' && "
                                          "Math.max(1, 2) === 2");
        QVERIFY(engine.holds(probe, &at, state));
        QVERIFY(!engine.holds(polluter, &at, state));
        QVERIFY(engine.holds(probe, &at, state));
        // Nor can an expression keep something for its own next evaluation.
        const auto counter = engine.compile(
                "(arguments.callee.n = (arguments.callee.n || 0) + 1, arguments.callee.n)");
        QCOMPARE(ExpressionEngine::display(engine.value(counter, &at, state)), std::string("undefined"));
        QCOMPARE(ExpressionEngine::display(engine.value(counter, &at, state)), std::string("undefined"));
    }
};

QTEST_GUILESS_MAIN(TestReliability)
#include "tst_reliability.moc"
