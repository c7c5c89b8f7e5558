// End to end, the promises of the README's "Reliability" section: nothing lost, nothing forged,
// nothing runaway — through the real chronoscope-cli, as a user, a script or an attacker would.
#include "clirunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <thread>

using namespace Chronoscope::Test;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString sqlite(const QString &log, const QString &sql)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {log, sql});
    if (!shell.waitForFinished())
        qFatal("sqlite3 is needed (apt-get install sqlite3)");
    return QString::fromUtf8(shell.readAllStandardOutput() + shell.readAllStandardError())
            .trimmed();
}

// The files of a folder, but a log's -wal and -shm (which readers may leave).
QStringList filesIn(const QString &dir)
{
    QStringList files
            = QDir(dir).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    files.removeIf([](const QString &name) {
        return name.endsWith(QLatin1String("-wal")) || name.endsWith(QLatin1String("-shm"));
    });
    return files;
}

} // namespace

class TestCliReliability : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

private slots:
    void anOutputNamingTheLogIsRefusedAndTheLogKept()
    {
        const QString log = path("x.chronolog");
        writeSample(log, 50);
        QVERIFY(QFile::link(log, path("alias.chronolog")));
        const QByteArray before = hashOf(log);
        for (const QString &output : QStringList{log,
                                                 path("alias.chronolog"),
                                                 log + QStringLiteral("-wal"),
                                                 log + QStringLiteral("-shm")}) {
            for (const char *command : {"export", "graph"}) {
                const Result r
                        = cli({QString::fromUtf8(command), log, QStringLiteral("-o"), output});
                QCOMPARE(r.exitCode, 2);
                QVERIFY2(r.err.contains(QStringLiteral("refusing to write over")),
                         qPrintable(r.err));
            }
        }
        QCOMPARE(hashOf(log), before);
        QVERIFY(!QFile::exists(log + QStringLiteral("-wal"))
                || QFileInfo(log + QStringLiteral("-wal")).size() == 0);
        QCOMPARE(cli({QStringLiteral("verify"), log}).exitCode, 0);
    }

    void anExportKeepsTheModeWritesThroughLinksAndFifos()
    {
        const QString log = path("modes.chronolog");
        writeSample(log, 30);
        const QString target = path("private.jsonl");
        writeFile(target, "old\n");
        QVERIFY(::chmod(target.toLocal8Bit().constData(), 0600) == 0);
        QVERIFY(QFile::link(target, path("via-link.jsonl")));
        QCOMPARE(cli({QStringLiteral("export"), log, QStringLiteral("-o"), path("via-link.jsonl")})
                         .exitCode,
                 0);
        QVERIFY(QFileInfo(path("via-link.jsonl")).isSymLink());
        QCOMPARE(QString::fromUtf8(readFile(target)), exported(log));
        struct stat st = {};
        QVERIFY(::stat(target.toLocal8Bit().constData(), &st) == 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));

        const QString fifo = path("pipe");
        QVERIFY(::mkfifo(fifo.toLocal8Bit().constData(), 0600) == 0);
        QByteArray received;
        std::thread reader([&] { received = readFile(fifo); });
        QCOMPARE(cli({QStringLiteral("export"), log, QStringLiteral("-o"), fifo}).exitCode, 0);
        reader.join();
        QCOMPARE(QString::fromUtf8(received), exported(log));
        QVERIFY(QFileInfo(fifo).isFile() == false);

        const Result dir
                = cli({QStringLiteral("export"), log, QStringLiteral("-o"), m_dir.path() + u'/'});
        QCOMPARE(dir.exitCode, 2);
        QVERIFY2(dir.err.contains(QStringLiteral("is a directory")), qPrintable(dir.err));
    }

    void concurrentExportsToOneFileEachWriteAWholeFile()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("big.chronolog"));
        writeSample(log, 20000);
        const QString whole = exported(log);
        const QString output = dir.filePath(QStringLiteral("out.jsonl"));
        std::vector<std::unique_ptr<QProcess>> exports;
        for (int i = 0; i < 4; ++i) {
            exports.push_back(std::make_unique<QProcess>());
            exports.back()->start(QStringLiteral(CHRONOSCOPE_CLI),
                                  {QStringLiteral("export"), log, QStringLiteral("-o"), output});
        }
        for (auto &process : exports) {
            QVERIFY(process->waitForFinished(120000));
            QCOMPARE(process->exitCode(), 0);
        }
        QCOMPARE(QString::fromUtf8(readFile(output)), whole);
        QCOMPARE(filesIn(dir.path()),
                 QStringList({QStringLiteral("big.chronolog"), QStringLiteral("out.jsonl")}));

        // A killed export leaves the old file and no temporary one.
        writeFile(output, "old\n");
        QProcess killed;
        killed.start(QStringLiteral(CHRONOSCOPE_CLI),
                     {QStringLiteral("export"), log, QStringLiteral("-o"), output});
        QVERIFY(killed.waitForStarted());
        QTest::qWait(30);
        ::kill(static_cast<pid_t>(killed.processId()), SIGKILL);
        QVERIFY(killed.waitForFinished());
        const QByteArray after = readFile(output);
        QVERIFY(after == "old\n" || QString::fromUtf8(after) == whole); // never a part
        QCOMPARE(filesIn(dir.path()),
                 QStringList({QStringLiteral("big.chronolog"), QStringLiteral("out.jsonl")}));
    }

    void insertOrReplaceCannotDeleteAnEventAndVerifyFindsForgeries()
    {
        const QString log = path("forged.chronolog");
        writeSample(log, 40);
        const QString before = exported(log);
        const QString id = sqlite(log, QStringLiteral("SELECT id FROM events WHERE seq = 2"));
        const QString replace = sqlite(
                log,
                QStringLiteral("INSERT OR REPLACE INTO events (seq, id, stream, stream_version, "
                               "type, recorded_at, data, metadata) VALUES (41, '%1', 'zz', 1, "
                               "'T', 0, '{}', '{}')")
                        .arg(id));
        QVERIFY2(replace.contains(QStringLiteral("recorded already")), qPrintable(replace));
        QCOMPARE(exported(log), before);
        QCOMPARE(cli({QStringLiteral("verify"), log}).exitCode, 0);

        // With the triggers dropped, the shell can do anything; verify and every open say so.
        sqlite(log,
               QStringLiteral(
                       "DROP TRIGGER events_immutable_delete; DELETE FROM events WHERE seq = "
                       "9; INSERT INTO corrections (branch, kind, target_seq, reason, "
                       "merged_at) VALUES ('ghost', 'reverse', 3, 'forged', 0); UPDATE "
                       "models SET source = source || ' ';"));
        const Result info = cli({QStringLiteral("info"), log});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.err.contains(
                         QStringLiteral(
                                 "warning: %1: the trigger events_immutable_delete is missing")
                                 .arg(log)),
                 qPrintable(info.err));
        const Result verify = cli({QStringLiteral("verify"), log});
        QCOMPARE(verify.exitCode, 1);
        for (const char *expected : {"the log is not whole (5 problems)",
                                     "the trigger events_immutable_delete is missing",
                                     "main is not dense: 39 events, the last is 40; event 9 is "
                                     "missing",
                                     "is not dense",
                                     "correction 1 (branch \"ghost\") names a branch that does "
                                     "not exist",
                                     "stored model 1 (shop): its source does not match its hash"})
            QVERIFY2(verify.err.contains(QString::fromUtf8(expected)), qPrintable(verify.err));
    }

    void scriptCodeCannotHangACommand()
    {
        const QString log = path("scripts.chronolog");
        writeSample(log, 40);
        const QString getter = path("getter.js");
        writeFile(getter, "model = { name: 'g', get reducers() { while (true) {} } };\n");
        const Result set = cli({QStringLiteral("model"), log, QStringLiteral("set"), getter});
        QCOMPARE(set.exitCode, 2);
        QVERIFY2(set.err.contains(QStringLiteral("reading the model object's members was "
                                                 "interrupted")),
                 qPrintable(set.err));
        QCOMPARE(cli({QStringLiteral("model"), log, QStringLiteral("show")})
                         .out.contains(QStringLiteral("get reducers")),
                 false);

        const QString looping = path("tostring.js");
        writeFile(looping,
                  "model = { reducers: { OrderPlaced() { throw { toString() { for (;;) {} }, "
                  "toJSON() { for (;;) {} } }; } } };\n");
        const Result state
                = cli({QStringLiteral("state"), log, QStringLiteral("--model"), looping});
        QCOMPARE(state.exitCode, 1);
        QVERIFY2(state.err.contains(QStringLiteral("reducers.OrderPlaced threw at event")),
                 qPrintable(state.err));
        QVERIFY2(state.err.contains(QStringLiteral("a value whose conversion to text did not "
                                                   "finish")),
                 qPrintable(state.err));
    }

    void aThrownNonErrorIsNeverAResult()
    {
        const QString log = path("throws.chronolog");
        writeSample(log, 60);
        const QString zero = path("zero.js");
        writeFile(zero, "model = { reducers: { OrderPlaced() { throw 0; } } };\n");
        const Result state = cli({QStringLiteral("state"), log, QStringLiteral("--model"), zero});
        QCOMPARE(state.exitCode, 1);
        QVERIFY2(state.err.contains(QStringLiteral("reducers.OrderPlaced threw at event")),
                 qPrintable(state.err));
        QVERIFY2(state.err.contains(QStringLiteral(": the value 0")), qPrintable(state.err));
        QCOMPARE(cli({QStringLiteral("verify"), log, QStringLiteral("--model"), zero}).exitCode, 1);

        const Result bisect = cli({QStringLiteral("bisect"),
                                   log,
                                   QStringLiteral("--predicate"),
                                   QStringLiteral("(() => { throw 'boom'; })()")});
        QCOMPARE(bisect.exitCode, 1);
        QVERIFY2(bisect.err.contains(QStringLiteral("threw")), qPrintable(bisect.err));
        QVERIFY2(bisect.err.contains(QStringLiteral("the string \"boom\"")),
                 qPrintable(bisect.err));

        QCOMPARE(cli({QStringLiteral("break"),
                      log,
                      QStringLiteral("add"),
                      QStringLiteral("--condition"),
                      QStringLiteral("(() => { throw {a: 1}; })()")})
                         .exitCode,
                 0);
        const Result run = cli({QStringLiteral("run"), log});
        QVERIFY2(run.exitCode == 1 && run.err.contains(QStringLiteral("the value {\"a\":1}")),
                 qPrintable(run.out + run.err));
        QVERIFY2(!run.out.contains(QStringLiteral("stopped")), qPrintable(run.out));
    }

    void oneConditionCannotChangeAnother()
    {
        const QString log = path("realm.chronolog");
        writeSample(log, 60);
        // The second condition holds only if the first one's pollution reached it.
        for (const char *condition :
             {"(Object.prototype.refunded = 1, false)", "({}).refunded === 1"})
            QCOMPARE(cli({QStringLiteral("break"),
                          log,
                          QStringLiteral("add"),
                          QStringLiteral("--condition"),
                          QString::fromUtf8(condition)})
                             .exitCode,
                     0);
        const Result run = cli({QStringLiteral("run"), log});
        QCOMPARE(run.exitCode, 1); // reached the end: no condition held
        const Result bisect = cli({QStringLiteral("bisect"),
                                   log,
                                   QStringLiteral("--predicate"),
                                   QStringLiteral("(Array.prototype.x = 1, [].x === 1)")});
        QCOMPARE(bisect.exitCode, 1);
    }

    void runawayMemoryEndsWithAnError()
    {
        const QString log = path("heap.chronolog");
        writeSample(log, 30);
        const Result watch = cli({QStringLiteral("watch"),
                                  log,
                                  QStringLiteral("(() => { let s = 'x'; for (;;) s += s; })()")},
                                 {QStringLiteral("CHRONOSCOPE_SCRIPT_HEAP_MB=64")});
        // A watch that fails shows its error as its value.
        QCOMPARE(watch.exitCode, 1);
        QVERIFY2(watch.out.contains(QStringLiteral("was stopped at event 30")),
                 qPrintable(watch.out));
        QVERIFY2(watch.out.contains(QStringLiteral("it used more than 64 MB")),
                 qPrintable(watch.out));
    }

    void badInputSaysWhatItIs()
    {
        const QString log = path("input.chronolog");
        writeSample(log, 10);
        const QString before = exported(log);
        struct Case
        {
            const char *name;
            QByteArray content;
            const char *said;
        };
        const QByteArray good = R"({"id":"g1","stream":"s","type":"T"})"
                                "\n";
        const Case cases[] = {
                {"truncated.jsonl", good + "{\"id\":\"g2\",\"stream\":\"s\",\"ty", ":2:"},
                {"utf16.json", QByteArray("\xFF\xFE{\0}\0", 6), "the file is UTF-16"},
                {"huge.jsonl",
                 good
                         + R"({"id":"g3","stream":"s","type":"T","data":1e400})"
                           "\n",
                 ":2:43: the number 1e400 is out of range"},
                {"twice.jsonl",
                 good
                         + R"({"id":"g4","stream":"s","type":"T","type":"U"})"
                           "\n",
                 "the key \"type\" appears twice"},
        };
        for (const Case &c : cases) {
            const QString file = path(c.name);
            writeFile(file, c.content);
            const Result r = cli({QStringLiteral("import"), log, file});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QString::fromUtf8(c.said)), qPrintable(r.err));
        }
        QVERIFY(cli({QStringLiteral("import"), log, path("truncated.jsonl")})
                        .err.contains(QStringLiteral("the last line is truncated")));
        // --on-error skip: an out-of-range number is a bad place like any other.
        const Result skip = cli({QStringLiteral("import"),
                                 log,
                                 path("huge.jsonl"),
                                 QStringLiteral("--on-error"),
                                 QStringLiteral("skip")});
        QCOMPARE(skip.exitCode, 0);
        QVERIFY2(skip.err.contains(QStringLiteral("skipped: ") + path("huge.jsonl")
                                   + QStringLiteral(":2:43:")),
                 qPrintable(skip.err));
        QVERIFY(!exported(log).contains(QStringLiteral("1e400")));
        const QString afterSkip = exported(log);
        QVERIFY(afterSkip.startsWith(before) && afterSkip.contains(QStringLiteral("\"g1\"")));

        for (const QString &notAFile : QStringList{QStringLiteral("/dev/null"), m_dir.path()}) {
            const Result r = cli({QStringLiteral("import"), log, notAFile});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral(", not an event file")), qPrintable(r.err));
        }
        const Result append = cli({QStringLiteral("append"),
                                   log,
                                   QStringLiteral("--stream"),
                                   QStringLiteral("s"),
                                   QStringLiteral("--type"),
                                   QStringLiteral("T"),
                                   QStringLiteral("--expected-version"),
                                   QStringLiteral("any"),
                                   QStringLiteral("--data"),
                                   QStringLiteral("{\"v\":1e400}")});
        QCOMPARE(append.exitCode, 2);
        QVERIFY2(append.err.contains(QStringLiteral("1:6: the number 1e400 is out of range")),
                 qPrintable(append.err));

        // An empty file is nobody's log, whatever the command.
        const QString empty = path("empty.chronolog");
        writeFile(empty, "");
        for (const QStringList &command :
             {QStringList{QStringLiteral("import"), empty, path("huge.jsonl")},
              QStringList{QStringLiteral("append"),
                          empty,
                          QStringLiteral("--stream"),
                          QStringLiteral("s"),
                          QStringLiteral("--type"),
                          QStringLiteral("T"),
                          QStringLiteral("--expected-version"),
                          QStringLiteral("0")},
              QStringList{QStringLiteral("info"), empty}}) {
            const Result r = cli(command);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("not a Chronoscope log (the file is empty)")),
                     qPrintable(r.err));
        }
        QCOMPARE(QFileInfo(empty).size(), 0);

        // A log whose version was tampered with is refused untouched.
        const QString tampered = path("version.chronolog");
        writeSample(tampered, 5);
        sqlite(tampered, QStringLiteral("PRAGMA user_version = 0"));
        const QByteArray hash = hashOf(tampered);
        const Result version = cli({QStringLiteral("info"), tampered});
        QCOMPARE(version.exitCode, 2);
        QVERIFY2(version.err.contains(QStringLiteral("changed outside Chronoscope")),
                 qPrintable(version.err));
        QCOMPARE(hashOf(tampered), hash);
        QCOMPARE(exported(log), afterSkip);
    }

    void anEmptySubjectRoundTrips()
    {
        const QString file = path("subject.json");
        writeFile(file,
                  R"({"specversion":"1.0","id":"a","type":"T","source":"/shop","subject":""})");
        const QString log = path("subject.chronolog");
        const Result import = cli({QStringLiteral("import"), log, file});
        QCOMPARE(import.exitCode, 0);
        QVERIFY2(import.err.contains(QStringLiteral("\"subject\" is empty")),
                 qPrintable(import.err));
        const QString jsonl = path("subject.jsonl");
        QCOMPARE(cli({QStringLiteral("export"), log, QStringLiteral("-o"), jsonl}).exitCode, 0);
        const QString again = path("again.chronolog");
        QCOMPARE(cli({QStringLiteral("import"), again, jsonl}).exitCode, 0);
        QCOMPARE(exported(again), exported(log));
        QVERIFY(exported(log).contains(QStringLiteral("\"stream\":\"/shop\"")));
        QVERIFY(exported(log).contains(QStringLiteral("\"subject\":\"\"")));
    }

    // --- the crash-consistency loop ----------------------------------------------------------

    void aCrashAtAnyWriteLeavesAWholeLog_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("append") << QStringList{QStringLiteral("append"),
                                               QStringLiteral("{log}"),
                                               QStringLiteral("--stream"),
                                               QStringLiteral("order-1"),
                                               QStringLiteral("--type"),
                                               QStringLiteral("OrderCancelled"),
                                               QStringLiteral("--expected-version"),
                                               QStringLiteral("any")};
        QTest::newRow("branch edit") << QStringList{QStringLiteral("branch"),
                                                    QStringLiteral("{log}"),
                                                    QStringLiteral("skip"),
                                                    QStringLiteral("fix"),
                                                    QStringLiteral("31")};
        QTest::newRow("merge") << QStringList{
                QStringLiteral("merge"), QStringLiteral("{log}"), QStringLiteral("edited")};
        QTest::newRow("import") << QStringList{
                QStringLiteral("import"), QStringLiteral("{log}"), QStringLiteral("{more}")};
    }

    void aCrashAtAnyWriteLeavesAWholeLog()
    {
        QFETCH(QStringList, command);
        QTemporaryDir dir;
        const QString pristine = dir.filePath(QStringLiteral("pristine.chronolog"));
        writeSample(pristine, 60);
        for (const QStringList &setup : {QStringList{QStringLiteral("branch"),
                                                     pristine,
                                                     QStringLiteral("create"),
                                                     QStringLiteral("fix"),
                                                     QStringLiteral("--at"),
                                                     QStringLiteral("main@30")},
                                         QStringList{QStringLiteral("branch"),
                                                     pristine,
                                                     QStringLiteral("create"),
                                                     QStringLiteral("edited"),
                                                     QStringLiteral("--at"),
                                                     QStringLiteral("main@40")},
                                         QStringList{QStringLiteral("branch"),
                                                     pristine,
                                                     QStringLiteral("skip"),
                                                     QStringLiteral("edited"),
                                                     QStringLiteral("41")}})
            QCOMPARE(cli(setup).exitCode, 0);
        const QString more = dir.filePath(QStringLiteral("more.jsonl"));
        {
            const QString other = dir.filePath(QStringLiteral("other.chronolog"));
            writeSample(other, 40, 7);
            QCOMPARE(cli({QStringLiteral("export"), other, QStringLiteral("-o"), more}).exitCode,
                     0);
        }
        const QString log = dir.filePath(QStringLiteral("victim.chronolog"));
        auto fresh = [&] {
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(log + QString::fromUtf8(suffix));
            QVERIFY(QFile::copy(pristine, log));
        };
        auto arguments = [&] {
            QStringList list = command;
            list.replaceInStrings(QStringLiteral("{log}"), log);
            list.replaceInStrings(QStringLiteral("{more}"), more);
            return list;
        };
        // What the log says before and after the command, as export and the branch list.
        auto snapshot = [&]() -> QString {
            return exported(log)
                   + cli({QStringLiteral("branch"),
                          log,
                          QStringLiteral("list"),
                          QStringLiteral("--json")})
                             .out;
        };
        fresh();
        const QString before = snapshot();
        QCOMPARE(cli(arguments()).exitCode, 0);
        const QString after = snapshot();
        QVERIFY(before != after);

        int crashes = 0;
        for (int write = 1;; ++write) {
            fresh();
            const Result r
                    = cli(arguments(),
                          {QStringLiteral("CHRONOSCOPE_TEST_CRASH_BEFORE_WRITE=%1").arg(write)});
            if (r.exitCode == 0)
                break; // the command needs fewer writes: every point was tried
            QCOMPARE(r.exitCode, 86);
            ++crashes;
            const QString now = snapshot();
            QVERIFY2(
                    now == before || now == after,
                    qPrintable(
                            QStringLiteral("crash before write %1 left a third state").arg(write)));
            QCOMPARE(sqlite(log, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            const Result verify = cli({QStringLiteral("verify"), log});
            QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
            QVERIFY(write < 400);
        }
        QVERIFY(crashes > 0);
        qInfo("%d crash points tried", crashes);
    }
};

QTEST_GUILESS_MAIN(TestCliReliability)
#include "tst_cli_reliability.moc"
