#include "clirunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

using namespace Chronoscope::Test;

namespace {

QJsonObject infoOf(const QString &log)
{
    const Result r = cli({QStringLiteral("info"), log, QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

private slots:
    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("option");
        QTest::newRow("import") << "import"
                                << "--on-error";
        QTest::newRow("export") << "export"
                                << "--format";
        QTest::newRow("info") << "info"
                              << "--json";
        QTest::newRow("events") << "events"
                                << "--stream";
        QTest::newRow("append") << "append"
                                << "--expected-version";
        QTest::newRow("sample") << "sample"
                                << "--seed";
    }

    void everyCommandHasHelp()
    {
        QFETCH(QString, command);
        QFETCH(QString, option);
        const Result r = cli({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Usage:")), qPrintable(r.out));
        QVERIFY2(r.out.contains(command), qPrintable(r.out));
        QVERIFY2(r.out.contains(option), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("--json")), qPrintable(r.out));
        const Result top = cli({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.contains(QStringLiteral("  ") + command + QLatin1Char(' ')));
    }

    void badUsageExitsTwo()
    {
        QCOMPARE(cli({}).exitCode, 2);
        Result r = cli({QStringLiteral("frobnicate"), path("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown command \"frobnicate\"")));
        r = cli({QStringLiteral("info")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("usage: chronoscope-cli info LOG")),
                 qPrintable(r.err));
        r = cli({QStringLiteral("events"), path("x"), QStringLiteral("--bogus")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("bogus")), qPrintable(r.err));
    }

    void sampleInfoAndEvents()
    {
        const QString log = path("shop.chronolog");
        Result r = cli({QStringLiteral("sample"),
                        log,
                        QStringLiteral("--events"),
                        QStringLiteral("400"),
                        QStringLiteral("--seed"),
                        QStringLiteral("3")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("wrote 400 events")));
        const QJsonObject info = infoOf(log);
        QCOMPARE(info.value(QStringLiteral("events")).toInt(), 400);
        QCOMPARE(info.value(QStringLiteral("branches")).toArray().first().toString(),
                 QStringLiteral("main"));
        QCOMPARE(info.value(QStringLiteral("model"))
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString(),
                 QStringLiteral("shop"));
        const QJsonObject types = info.value(QStringLiteral("types")).toObject();
        int sum = 0;
        for (const auto &count : types)
            sum += count.toInt();
        QCOMPARE(sum, 400);
        QCOMPARE(types.value(QStringLiteral("PaymentRefunded")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("sources")).toObject().keys(),
                 (QStringList{QStringLiteral("customer"),
                              QStringLiteral("order"),
                              QStringLiteral("payment")}));
        QVERIFY(info.value(QStringLiteral("first_recorded_at"))
                        .toString()
                        .startsWith(QStringLiteral("2018-01-01T")));

        // The refund names its cause: the over-charged payment.
        r = cli({QStringLiteral("events"),
                 log,
                 QStringLiteral("--type"),
                 QStringLiteral("PaymentRefunded"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject refund = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QString cause = refund.value(QStringLiteral("causation_id")).toString();
        r = cli({QStringLiteral("events"),
                 log,
                 QStringLiteral("--stream"),
                 refund.value(QStringLiteral("stream")).toString(),
                 QStringLiteral("--json")});
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const QJsonObject charge = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        QCOMPARE(charge.value(QStringLiteral("id")).toString(), cause);
        QCOMPARE(charge.value(QStringLiteral("type")).toString(), QStringLiteral("PaymentCharged"));

        // Filters: globs, a seq window, a revision.
        r = cli({QStringLiteral("events"),
                 log,
                 QStringLiteral("--type"),
                 QStringLiteral("Order*"),
                 QStringLiteral("--from"),
                 QStringLiteral("10"),
                 QStringLiteral("--limit"),
                 QStringLiteral("5")});
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 5);
        QVERIFY(!r.out.contains(QStringLiteral("Payment")));
        r = cli({QStringLiteral("export"),
                 log,
                 QStringLiteral("--rev"),
                 QStringLiteral("main@25")});
        QCOMPARE(r.out.count(QLatin1Char('\n')), 25);
        r = cli({QStringLiteral("export"),
                 log,
                 QStringLiteral("--rev"),
                 QStringLiteral("main@2018-01-05T00:00:00Z")});
        for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY(QJsonDocument::fromJson(line.toUtf8())
                            .object()
                            .value(QStringLiteral("recorded_at"))
                            .toString()
                    < QStringLiteral("2018-01-05"));
        r = cli({QStringLiteral("export"),
                 log,
                 QStringLiteral("--rev"),
                 QStringLiteral("main@401")});
        QCOMPARE(r.exitCode, 1);
        r = cli({QStringLiteral("export"), log, QStringLiteral("--rev"), QStringLiteral("fix@3")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("no branch \"fix\"")));

        // The sample never overwrites a log.
        r = cli({QStringLiteral("sample"), log});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("already holds 400 events")));
    }

    void exportThenImportReproducesTheLog_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("jsonl") << "jsonl";
        QTest::newRow("cloudevents") << "cloudevents";
    }

    void exportThenImportReproducesTheLog()
    {
        QFETCH(QString, format);
        const QString log = path("roundtrip.chronolog");
        if (!QFile::exists(log))
            writeSample(log, 1500);
        const QString file = path("roundtrip.") + format;
        Result r = cli({QStringLiteral("export"),
                        log,
                        QStringLiteral("--format"),
                        format,
                        QStringLiteral("-o"),
                        file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));
        const QString copy = path("copy-") + format + QStringLiteral(".chronolog");
        r = cli({QStringLiteral("import"), copy, file, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("imported")).toInt(), 1500);
        QCOMPARE(report.value(QStringLiteral("formats")).toArray().first().toString(), format);
        QCOMPARE(exported(copy), exported(log));
    }

    void aBadLineNamesFileAndLineAndChangesNothing()
    {
        const QString log = path("strict.chronolog");
        const QString good = path("good.jsonl");
        writeFile(good, "{\"id\":\"a\",\"stream\":\"s\",\"type\":\"T\"}\n");
        QCOMPARE(cli({QStringLiteral("import"), log, good}).exitCode, 0);
        const QString before = exported(log);

        const QString bad = path("bad.jsonl");
        writeFile(bad,
                  "{\"id\":\"b\",\"stream\":\"s\",\"type\":\"T\"}\n"
                  "{\"id\":\"c\",\"stream\":\"s\",\"type\":\"T\"}\n"
                  "{\"id\":\"d\",\"stream\":\"s\",\"type\":\"T\",\"data\":{\"x\":}}\n"
                  "{\"id\":\"e\",\"stream\":\"s\"}\n");
        Result r = cli({QStringLiteral("import"), log, bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("chronoscope-cli import: ") + bad
                                  + QStringLiteral(":3:47: invalid JSON")),
                 qPrintable(r.err));
        QCOMPARE(exported(log), before);

        // --on-error skip imports the rest and lists every skipped line.
        r = cli({QStringLiteral("import"),
                 log,
                 bad,
                 QStringLiteral("--on-error"),
                 QStringLiteral("skip")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("skipped: ") + bad + QStringLiteral(":3:47: ")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("skipped: ") + bad
                                + QStringLiteral(":4: missing \"type\"")),
                 qPrintable(r.err));
        QCOMPARE(infoOf(log).value(QStringLiteral("events")).toInt(), 3);

        // A failed import into a new log leaves no log behind.
        const QString fresh = path("never.chronolog");
        QCOMPARE(cli({QStringLiteral("import"), fresh, bad}).exitCode, 2);
        QVERIFY(!QFile::exists(fresh));
    }

    void foreignFilesAreRefused()
    {
        const QString text = path("notes.txt");
        writeFile(text, "hello\n");
        const QByteArray before = hashOf(text);
        Result r = cli({QStringLiteral("info"), text});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("not a Chronoscope log")));
        r = cli({QStringLiteral("import"), text, path("good.jsonl")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(hashOf(text), before);
        r = cli({QStringLiteral("info"), path("missing.chronolog")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("no such log")));
    }

    void appendChecksTheExpectedVersion()
    {
        const QString log = path("append.chronolog");
        auto append = [&](const QString &expected, const QString &data = QStringLiteral("{}")) {
            return cli({QStringLiteral("append"),
                        log,
                        QStringLiteral("--stream"),
                        QStringLiteral("order-9"),
                        QStringLiteral("--expected-version"),
                        expected,
                        QStringLiteral("--type"),
                        QStringLiteral("OrderPlaced"),
                        QStringLiteral("--data"),
                        data,
                        QStringLiteral("--source"),
                        QStringLiteral("order")});
        };
        Result r = append(QStringLiteral("0"), QStringLiteral("{\"amount\":120}"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("appended seq 1: order-9 at version 1")),
                 qPrintable(r.out));
        QCOMPARE(append(QStringLiteral("1")).exitCode, 0);
        const QString before = exported(log);
        r = append(QStringLiteral("1"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("stream 'order-9'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("expected version 1")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("at version 2")), qPrintable(r.err));
        QCOMPARE(exported(log), before);
        r = append(QStringLiteral("2"), QStringLiteral("{not json"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--data is not JSON")));
        QCOMPARE(exported(log), before);
        r = cli({QStringLiteral("append"), log, QStringLiteral("--type"), QStringLiteral("T")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--stream is required")));
    }

    void concurrentAppendsFromManyProcesses()
    {
        const QString log = path("race.chronolog");
        QCOMPARE(cli({QStringLiteral("append"),
                      log,
                      QStringLiteral("--stream"),
                      QStringLiteral("other"),
                      QStringLiteral("--expected-version"),
                      QStringLiteral("0"),
                      QStringLiteral("--type"),
                      QStringLiteral("T")})
                         .exitCode,
                 0);
        auto race = [&](int processes, const QString &expected) {
            std::vector<std::unique_ptr<QProcess>> running;
            for (int i = 0; i < processes; ++i) {
                auto process = std::make_unique<QProcess>();
                process->start(QStringLiteral(CHRONOSCOPE_CLI),
                               {QStringLiteral("append"),
                                log,
                                QStringLiteral("--stream"),
                                QStringLiteral("cart-1"),
                                QStringLiteral("--expected-version"),
                                expected,
                                QStringLiteral("--type"),
                                QStringLiteral("ItemAdded"),
                                QStringLiteral("--data"),
                                QStringLiteral("{\"n\":%1}").arg(i)});
                running.push_back(std::move(process));
            }
            int succeeded = 0;
            for (auto &process : running) {
                process->waitForFinished(60000);
                const QString err = QString::fromUtf8(process->readAllStandardError());
                if (process->exitCode() == 0)
                    ++succeeded;
                else if (process->exitCode() != 1
                         || !err.contains(QStringLiteral("expected version")))
                    return -1; // failed for another reason than the conflict
            }
            return succeeded;
        };
        // Everyone expects the new stream: exactly one wins, nobody writes a duplicate.
        QCOMPARE(race(8, QStringLiteral("0")), 1);
        // Nobody cares about the version: nobody is lost.
        QCOMPARE(race(12, QStringLiteral("any")), 12);
        Result r = cli({QStringLiteral("events"),
                        log,
                        QStringLiteral("--stream"),
                        QStringLiteral("cart-1"),
                        QStringLiteral("--json")});
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 13);
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(QJsonDocument::fromJson(lines[i].toUtf8())
                             .object()
                             .value(QStringLiteral("stream_version"))
                             .toInt(),
                     i + 1);
        QCOMPARE(infoOf(log).value(QStringLiteral("events")).toInt(), 14);
    }

    void aKilledImportLeavesTheLogAsItWas()
    {
        const QString source = path("big.chronolog");
        writeSample(source, 200000);
        const QString file = path("big.jsonl");
        QCOMPARE(cli({QStringLiteral("export"), source, QStringLiteral("-o"), file}).exitCode, 0);
        const QString log = path("victim.chronolog");
        writeSample(log, 50, 9);
        const QString before = exported(log);

        QProcess import;
        import.start(QStringLiteral(CHRONOSCOPE_CLI),
                     {QStringLiteral("import"), log, file, QStringLiteral("--progress")});
        QVERIFY(import.waitForStarted());
        import.setReadChannel(QProcess::StandardError);
        // Kill it once it has written part of the import (progress comes after each batch).
        QString progress;
        while (!progress.contains(QStringLiteral("progress: "))
               && import.state() == QProcess::Running) {
            import.waitForReadyRead(10000);
            progress += QString::fromUtf8(import.readAllStandardError());
        }
        QVERIFY2(import.state() == QProcess::Running, "the import ended before it could be killed");
        ::kill(static_cast<pid_t>(import.processId()), SIGKILL); // as a crash or power loss would
        QVERIFY(import.waitForFinished());
        QCOMPARE(import.exitStatus(), QProcess::CrashExit);
        QVERIFY(!import.readAllStandardOutput().contains("imported"));

        QCOMPARE(exported(log), before);
        QProcess check;
        check.start(QStringLiteral("sqlite3"), {log, QStringLiteral("PRAGMA integrity_check")});
        QVERIFY2(check.waitForFinished(), "sqlite3 is needed (apt-get install sqlite3)");
        QCOMPARE(QString::fromUtf8(check.readAllStandardOutput()).trimmed(), QStringLiteral("ok"));
        // And the log is as usable as before.
        const Result r = cli({QStringLiteral("import"), log, file});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(infoOf(log).value(QStringLiteral("events")).toInt(), 200050);
    }

    void theSqliteShellCannotRewriteHistory()
    {
        const QString log = path("immutable.chronolog");
        writeSample(log, 20);
        const QString before = exported(log);
        for (const char *sql : {"UPDATE events SET type = 'Forged' WHERE seq = 3",
                                "DELETE FROM events WHERE seq = 20"}) {
            QProcess shell;
            shell.start(QStringLiteral("sqlite3"), {log, QString::fromUtf8(sql)});
            QVERIFY2(shell.waitForFinished(), "sqlite3 is needed (apt-get install sqlite3)");
            QVERIFY(shell.exitCode() != 0);
            QVERIFY(QString::fromUtf8(shell.readAllStandardError())
                            .contains(QStringLiteral("immutable")));
        }
        QCOMPARE(exported(log), before);
    }

    void stateModelAndVerify()
    {
        const QString log = path("replay.chronolog");
        writeSample(log, 600);
        // The sample stores the shop model; the state of an order has its taxed total.
        Result r = cli(
                {QStringLiteral("model"), log, QStringLiteral("show"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject model = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(model.value(QStringLiteral("name")).toString(), QStringLiteral("shop"));
        QCOMPARE(model.value(QStringLiteral("hash")).toString().size(), 64);
        r = cli({QStringLiteral("events"),
                 log,
                 QStringLiteral("--stream"),
                 QStringLiteral("order-1"),
                 QStringLiteral("--json"),
                 QStringLiteral("--limit"),
                 QStringLiteral("1")});
        const double amount = QJsonDocument::fromJson(r.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("data"))
                                      .toObject()
                                      .value(QStringLiteral("amount"))
                                      .toDouble();
        r = cli({QStringLiteral("state"),
                 log,
                 QStringLiteral("--path"),
                 QStringLiteral("/streams/order-1/total")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().toDouble(), std::round(amount * 1.015 * 100) / 100);

        // Ignoring the refund leaves the over-charged payment charged.
        r = cli({QStringLiteral("events"),
                 log,
                 QStringLiteral("--type"),
                 QStringLiteral("PaymentRefunded"),
                 QStringLiteral("--json")});
        const QJsonObject refund = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QString payment
                = QStringLiteral("/streams/") + refund.value(QStringLiteral("stream")).toString();
        const QString seq = QString::number(refund.value(QStringLiteral("seq")).toInt());
        r = cli({QStringLiteral("state"),
                 log,
                 QStringLiteral("--path"),
                 payment + QStringLiteral("/status")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("\"refunded\""));
        r = cli({QStringLiteral("state"),
                 log,
                 QStringLiteral("--path"),
                 payment + QStringLiteral("/status"),
                 QStringLiteral("--ignore"),
                 seq});
        QCOMPARE(r.out.trimmed(), QStringLiteral("\"charged\""));

        // Explaining the refund: what changed.
        r = cli({QStringLiteral("state"),
                 log,
                 QStringLiteral("--rev"),
                 QStringLiteral("main@") + seq,
                 QStringLiteral("--explain"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject step = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QStringList paths;
        for (const auto &op : step.value(QStringLiteral("changes")).toArray())
            paths << op.toObject().value(QStringLiteral("path")).toString();
        QVERIFY2(paths.contains(QStringLiteral("/status")),
                 qPrintable(paths.join(QLatin1Char(' '))));
        QVERIFY(paths.contains(QStringLiteral("/refunded")));

        QCOMPARE(cli({QStringLiteral("verify"),
                      log,
                      QStringLiteral("--interval"),
                      QStringLiteral("100")})
                         .exitCode,
                 0);

        // A model with hidden state is caught; a broken model is refused and not stored.
        const QString counter = path("counter.js");
        writeFile(counter, "let n = 0;\nmodel = { reducers: { '*': (s, e) => ({ n: ++n }) } };\n");
        r = cli({QStringLiteral("verify"), log, QStringLiteral("--model"), counter});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not deterministic")), qPrintable(r.err));
        const QString broken = path("broken.js");
        writeFile(broken,
                  "model = { reducers: { OrderPlaced(s, e) { return e.data.nope.x; } } };\n");
        r = cli({QStringLiteral("state"), log, QStringLiteral("--model"), broken});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("reducers.OrderPlaced threw at event 2")),
                 qPrintable(r.err));
        const QString syntax = path("syntax.js");
        writeFile(syntax, "model = {\n");
        r = cli({QStringLiteral("model"), log, QStringLiteral("set"), syntax});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(syntax + QStringLiteral(":")), qPrintable(r.err));
        r = cli({QStringLiteral("model"), log, QStringLiteral("show"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                         .object()
                         .value(QStringLiteral("name"))
                         .toString(),
                 QStringLiteral("shop"));
        r = cli({QStringLiteral("model"), log, QStringLiteral("set"), counter});
        QCOMPARE(r.exitCode, 0);
        r = cli({QStringLiteral("state"),
                 log,
                 QStringLiteral("--path"),
                 QStringLiteral("/streams/order-1")});
        QVERIFY2(r.out.contains(QStringLiteral("\"n\"")), qPrintable(r.out));
    }

    void importsTheCloudEventsCorpus()
    {
        const QString root = QStringLiteral(CHRONOSCOPE_CORPUS_DIR "/cloudevents/");
        if (!QFile::exists(root))
            QSKIP("the corpus is not on this machine");
        const QString log = path("corpus.chronolog");
        Result r = cli({QStringLiteral("import"),
                        log,
                        root + QStringLiteral("spec/correlation_L83-93_order-placed.json"),
                        root + QStringLiteral("spec/correlation_L99-110_payment-processed.json")});
        QCOMPARE(r.exitCode, 0);
        r = cli({QStringLiteral("events"), log, QStringLiteral("--json")});
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const QJsonObject payment = QJsonDocument::fromJson(lines[1].toUtf8()).object();
        QCOMPARE(payment.value(QStringLiteral("causation_id")).toString(),
                 QJsonDocument::fromJson(lines[0].toUtf8())
                         .object()
                         .value(QStringLiteral("id"))
                         .toString());
        const QString bad
                = root + QStringLiteral("sdk-java/json-jackson/v1/fail_numeric_long.json");
        r = cli({QStringLiteral("import"), log, bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(bad + QStringLiteral(":1: ")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
