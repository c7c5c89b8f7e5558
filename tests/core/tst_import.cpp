#include "base/error.h"
#include "base/jsontext.h"
#include "io/importer.h"
#include "log/eventlog.h"
#include "log/sqlite.h"
#include "samples/shopsample.h"
#include "testlog.h"

#include <QRegularExpression>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Chronoscope;
using Test::pathIn;

namespace {

const char *const kTwoEvents
        = R"({"seq":1,"id":"e1","stream":"order-1","stream_version":1,"type":"OrderPlaced","source":"order","recorded_at":"2018-02-03T10:15:00.000Z","processed_at":"2018-02-03T10:15:02.120Z","data":{"amount":120.0},"metadata":{}}
{"id":"e2","stream":"order-1","type":"OrderShipped","source":"order","recorded_at":"2018-02-03T12:00:00+01:00","causation_id":"e1","data":{"carrier":"DHL"},"partition":7}
)";

// Imports text as a file of the temporary directory; returns the report or rethrows.
ImportReport importText(EventLog &log,
                        const QTemporaryDir &dir,
                        const char *name,
                        const std::string &text,
                        ImportOptions options = {})
{
    const std::string path = pathIn(dir, name);
    Test::writeFile(path, text);
    return Importer(log, std::move(options)).run({path});
}

nlohmann::json metadataOf(EventLog &log, int64_t seq)
{
    return nlohmann::json::parse(log.event(seq)->metadata);
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    // What an importer keeps of an event's origin, under metadata._source.
    void addsSourceFieldsWithoutLosingWhatIsThere()
    {
        using JsonText::addSourceFields;
        const nlohmann::ordered_json fields = {{"global_position", 7}, {"table", "outbox"}};
        QCOMPARE(addSourceFields(R"({"user":"ana","n":[1,2.5]})", fields),
                 std::string(R"({"user":"ana","n":[1,2.5],"_source":{"global_position":7,"table":"outbox"}})"));
        QCOMPARE(addSourceFields("{}", fields),
                 std::string(R"({"_source":{"global_position":7,"table":"outbox"}})"));
        // Already there: the earliest origin wins, the rest is added.
        QCOMPARE(addSourceFields(R"({"_source":{"table":"events"},"a":1})", fields),
                 std::string(R"({"_source":{"table":"events","global_position":7},"a":1})"));
        // A "_source" text inside a string is not a member.
        const std::string quoting = "{\"note\":\"\\\"_source\\\"\"}";
        QCOMPARE(addSourceFields(quoting, {{"x", 1}}),
                 quoting.substr(0, quoting.size() - 1) + ",\"_source\":{\"x\":1}}");
        // Not minified, or with a null: the result is minified all the same.
        QCOMPARE(addSourceFields(R"({ "a" : null })", {{"x", 1}}),
                 std::string(R"({"a":null,"_source":{"x":1}})"));
        // Not an object: kept whole.
        QCOMPARE(addSourceFields("[1]", {{"x", 1}}), std::string(R"({"_source":{"metadata":[1],"x":1}})"));
    }

    void aBulkImportRebuildsTheReadersIndexes()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        const char *countIndexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                   "AND name IN ('events_recorded_at', 'events_causation')";
        QCOMPARE(Sql::databaseOf(log).queryInt(countIndexes), 2);
        // Into an empty log the indexes are set aside and built at the end; a failed import
        // rolls that back with everything else.
        QVERIFY_THROWS_EXCEPTION(
                Error,
                importText(
                        log, dir, "bad.jsonl", "{\"type\":\"A\",\"stream\":\"s-1\"}\nnot json\n"));
        QCOMPARE(Sql::databaseOf(log).queryInt(countIndexes), 2);
        importText(log,
                   dir,
                   "good.jsonl",
                   "{\"type\":\"A\",\"stream\":\"s-1\",\"id\":\"a\"}\n"
                   "{\"type\":\"B\",\"stream\":\"s-1\",\"causation_id\":\"a\"}\n");
        QCOMPARE(Sql::databaseOf(log).queryInt(countIndexes), 2);
        QCOMPARE(log.effectsOf("a").size(), size_t(1));
    }

    void canonicalLinesKeepEveryField()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        const ImportReport report = importText(log, dir, "two.jsonl", kTwoEvents);
        QCOMPARE(report.imported, 2);
        QCOMPARE(report.firstSeq, 1);
        QCOMPARE(report.lastSeq, 2);
        QCOMPARE(report.formats.size(), size_t(1));
        QCOMPARE(report.formats[0], ImportFormat::Jsonl);
        const Event first = *log.event(1);
        QCOMPARE(first.id, std::string("e1"));
        QCOMPARE(first.processedAt, Timestamp::parse("2018-02-03T10:15:02.120Z"));
        QCOMPARE(first.data, std::string(R"({"amount":120.0})"));
        QCOMPARE(first.metadata, std::string("{}"));
        const Event second = *log.event(2);
        QCOMPARE(second.streamVersion, 2);
        QCOMPARE(second.causationId, std::optional<std::string>("e1"));
        // Normalised to UTC, the original text kept; a field with no home kept too.
        QCOMPARE(Timestamp::format(second.recordedAt), std::string("2018-02-03T11:00:00.000Z"));
        const auto source = metadataOf(log, 2)["_source"];
        QCOMPARE(source["recorded_at"].get<std::string>(),
                 std::string("2018-02-03T12:00:00+01:00"));
        QCOMPARE(source["partition"].get<int>(), 7);
    }

    void declaredPositionsThatDifferAreKept()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        importText(log, dir, "two.jsonl", kTwoEvents);
        // The same events again under new ids land at seq 3 and 4: their own seq is kept.
        std::string again = kTwoEvents;
        again.replace(again.find("\"e1\""), 4, "\"f1\"");
        again.replace(again.find("\"e2\""), 4, "\"f2\"");
        importText(log, dir, "again.jsonl", again);
        QCOMPARE(log.eventCount(), 4);
        QCOMPARE(metadataOf(log, 3)["_source"]["seq"].get<int>(), 1);
        QCOMPARE(metadataOf(log, 3)["_source"]["stream_version"].get<int>(), 1);
        QCOMPARE(log.event(3)->streamVersion, 3);
    }

    void missingIdsAreGeneratedTheSameWayEveryTime()
    {
        QTemporaryDir dir;
        const std::string line
                = R"({"stream":"s","type":"T","recorded_at":"2018-01-01T00:00:00Z","data":{}})"
                  "\n";
        EventLog a(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        EventLog b(pathIn(dir, "b.chronolog"), EventLog::OpenMode::CreateIfMissing);
        importText(a, dir, "noid.jsonl", line);
        importText(b, dir, "noid.jsonl", line);
        QVERIFY(!a.event(1)->id.empty());
        QCOMPARE(a.event(1)->id, b.event(1)->id);
        // Importing the same file twice into one log is a duplicate, not a silent double.
        QVERIFY_THROWS_EXCEPTION(Error, importText(a, dir, "noid.jsonl", line));
        QCOMPARE(a.eventCount(), 1);
    }

    void badLinesNameFileAndLineAndLeaveTheLogAsItWas_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const QByteArray good = R"({"id":"g1","stream":"s","type":"T","data":{}})"
                                "\n";
        const QByteArray good2 = R"({"id":"g2","stream":"s","type":"T","data":{}})"
                                 "\n";
        QTest::newRow("invalid JSON")
                << good + good2 + "{\"id\":\"x\",\"stream\":\"s\",\"type\":}\n"
                << 3 << "invalid JSON";
        QTest::newRow("invalid UTF-8")
                << good + "{\"id\":\"x\",\"stream\":\"s\",\"type\":\"T\",\"data\":\"\xC3\x28\"}\n"
                << 2 << "invalid UTF-8";
        QTest::newRow("missing type") << good + "\n"
                                                 + R"({"id":"x","stream":"s"})"
                                                   "\n"
                                      << 3 << "missing \"type\"";
        QTest::newRow("type not a string") << good
                                                      + R"({"id":"x","stream":"s","type":5})"
                                                        "\n"
                                           << 2 << "\"type\" must be";
        QTest::newRow("duplicate id in the file")
                << good + good2 + good << 3 << "duplicate id \"g1\"";
        QTest::newRow("bad time")
                << good
                           + R"({"id":"x","stream":"s","type":"T","recorded_at":"yesterday"})"
                             "\n"
                << 2 << "not an RFC 3339 time";
        QTest::newRow("not an object") << good + "[1,2]\n" << 2 << "found an array";
        QTest::newRow("number out of range")
                << good
                           + R"({"id":"x","stream":"s","type":"T","data":{"v":1e400}})"
                             "\n"
                << 2 << "the number 1e400 is out of range";
        QTest::newRow("truncated last line")
                << good + "{\"id\":\"x\",\"stream\":\"s\",\"type\":\"T\",\"da" << 2
                << "the last line is truncated";
        QTest::newRow("duplicate key")
                << good
                           + R"({"id":"x","stream":"s","type":"T","data":{"a":1,"a":2}})"
                             "\n"
                << 2 << "the key \"a\" appears twice in /data";
        QTest::newRow("empty id") << good
                                             + R"({"id":"","stream":"s","type":"T"})"
                                               "\n"
                                  << 2 << "\"id\" is empty";
        QTest::newRow("empty stream") << good
                                                 + R"({"id":"x","stream":"","type":"T"})"
                                                   "\n"
                                      << 2 << "\"stream\" must be a non-empty string";
        QTest::newRow("NUL in type") << good
                                                + R"({"id":"x","stream":"s","type":"T\u0000"})"
                                                  "\n"
                                     << 2 << "\"type\" contains a NUL character";
        QTest::newRow("NUL in stream") << good
                                                  + R"({"id":"x","stream":"s\u0000t","type":"T"})"
                                                    "\n"
                                       << 2 << "\"stream\" contains a NUL character";
        QTest::newRow("metadata not an object")
                << good
                           + R"({"id":"x","stream":"s","type":"T","metadata":[1]})"
                             "\n"
                << 2 << "\"metadata\" must be an object";
    }

    void badLinesNameFileAndLineAndLeaveTheLogAsItWas()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        importText(log, dir, "before.jsonl", kTwoEvents);
        const std::string before = Test::exportText(log);
        const std::string path = pathIn(dir, "bad.jsonl");
        try {
            importText(log, dir, "bad.jsonl", text.toStdString());
            QFAIL("the import should have been refused");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            const QString message = QString::fromUtf8(e.what());
            // FILE:LINE: for a bad event, FILE:LINE:COLUMN: where the JSON itself is bad.
            const QString prefix = QString::fromStdString(path) + QLatin1Char(':')
                                   + QString::number(line) + QLatin1Char(':');
            QVERIFY2(message.startsWith(prefix), e.what());
            const QString rest = message.mid(prefix.size());
            if (reason.startsWith(QStringLiteral("invalid JSON"))
                || reason.startsWith(QStringLiteral("the number")))
                QVERIFY2(QRegularExpression(QStringLiteral("^\\d+: ")).match(rest).hasMatch(),
                         e.what());
            QVERIFY2(message.contains(reason), e.what());
        }
        QCOMPARE(Test::exportText(log), before);
        QCOMPARE(Sql::databaseOf(log).queryInt("SELECT count(*) FROM imports"), 1);
    }

    void skipModeImportsTheRestAndListsEverySkippedLine()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        const std::string text = R"({"id":"a","stream":"s","type":"T"})"
                                 "\n"
                                 "not json\n"
                                 R"({"id":"b","stream":"s"})"
                                 "\n"
                                 R"({"id":"a","stream":"s","type":"T"})"
                                 "\n"
                                 R"({"id":"c","stream":"s","type":"T"})"
                                 "\n";
        ImportOptions options;
        options.onError = OnError::Skip;
        const ImportReport report = importText(log, dir, "mixed.jsonl", text, options);
        QCOMPARE(report.imported, 2);
        QCOMPARE(report.skipped.size(), size_t(3));
        QCOMPARE(report.skipped[0].line, 2);
        QCOMPARE(report.skipped[1].line, 3);
        QCOMPARE(report.skipped[2].line, 4);
        QVERIFY(QString::fromStdString(report.skipped[2].message)
                        .contains(QStringLiteral("already imported from")));
        QCOMPARE(log.event(2)->id, std::string("c"));
        QCOMPARE(log.event(2)->streamVersion, 2);
    }

    void aBadFirstLineIsOneBadLine()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ImportOptions options;
        options.onError = OnError::Skip;
        const ImportReport report = importText(log,
                                               dir,
                                               "first.jsonl",
                                               "HTTP/1.1 200 OK\n"
                                               R"({"id":"a","stream":"s","type":"T"})"
                                               "\n"
                                               R"({"id":"b","stream":"s","type":"T"})"
                                               "\n",
                                               options);
        QCOMPARE(report.imported, 2);
        QCOMPARE(report.skipped.size(), size_t(1));
        QCOMPARE(report.skipped[0].line, 1);
        QVERIFY(QString::fromStdString(report.skipped[0].message)
                        .startsWith(QStringLiteral("invalid JSON")));
    }

    void severalFilesAreOneTransaction()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        const std::string good = pathIn(dir, "good.jsonl");
        const std::string bad = pathIn(dir, "bad.jsonl");
        Test::writeFile(good, kTwoEvents);
        Test::writeFile(bad, "{\"id\":\"z\",\"stream\":\"s\"}\n");
        QVERIFY_THROWS_EXCEPTION(Error, Importer(log, {}).run({good, bad}));
        QCOMPARE(log.eventCount(), 0);
    }

    void cancellingLeavesTheLogAsItWas()
    {
        QTemporaryDir dir;
        EventLog sample(pathIn(dir, "sample.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions sampleOptions;
        sampleOptions.events = 5000;
        ShopSample::generate(sample, sampleOptions);
        const std::string file = pathIn(dir, "sample.jsonl");
        Test::writeFile(file, Test::exportText(sample));

        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        importText(log, dir, "two.jsonl", kTwoEvents);
        ImportOptions options;
        int calls = 0;
        options.progress = [&calls](const ImportProgress &p) {
            return ++calls < 3 && p.bytesDone <= p.bytesTotal;
        };
        QVERIFY_THROWS_EXCEPTION(Error, Importer(log, options).run({file}));
        QCOMPARE(calls, 3);
        QCOMPARE(log.eventCount(), 2);
    }

    void exportAndImportReproduceEveryField_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("jsonl") << int(ExportFormat::Jsonl);
        QTest::newRow("cloudevents") << int(ExportFormat::CloudEvents);
    }

    void exportAndImportReproduceEveryField()
    {
        QFETCH(int, format);
        QTemporaryDir dir;
        EventLog original(pathIn(dir, "original.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSample::generate(original, {});
        // Add events with the odd corners: no source, no processing time, non-object data,
        // metadata with a _source of its own, a mutable result.
        importText(
                original,
                dir,
                "odd.jsonl",
                R"({"id":"odd-1","stream":"misc","type":"Note","data":"text","metadata":{"_source":{"offset":3}},"recorded_at":"2018-03-01T00:00:00.5+00:00"})"
                "\n"
                R"({"id":"odd-2","stream":"misc","type":"Note","data":[1,2,{"a":null}],"result":{"ok":true},"recorded_at":"2018-03-01T00:00:01Z","schema_version":3})"
                "\n");
        const std::string file = pathIn(dir, "export.txt");
        Test::writeFile(file, Test::exportText(original, ExportFormat(format)));

        EventLog copy(pathIn(dir, "copy.chronolog"), EventLog::OpenMode::CreateIfMissing);
        Importer(copy, {}).run({file});
        QCOMPARE(copy.eventCount(), original.eventCount());
        const std::string a = Test::exportText(original);
        const std::string b = Test::exportText(copy);
        QCOMPARE(QString::fromStdString(b), QString::fromStdString(a));
    }

    void framingIsDetected()
    {
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        // A pretty-printed array of canonical events.
        importText(log,
                   dir,
                   "array.json",
                   "[\n  {\n    \"id\": \"p1\", \"stream\": \"s\", \"type\": \"T\"\n  },\n"
                   "  {\n    \"id\": \"p2\", \"stream\": \"s\", \"type\": \"T\"\n  }\n]\n");
        QCOMPARE(log.eventCount(), 2);
        // An array with one element per line is still an array.
        importText(log,
                   dir,
                   "lines-array.json",
                   "[\n{\"id\":\"r1\",\"stream\":\"s\",\"type\":\"T\"}\n]\n");
        QCOMPARE(log.eventCount(), 3);
        // A pretty-printed array whose third element is bad names the element's line.
        try {
            importText(log,
                       dir,
                       "bad-array.json",
                       "[\n{\"id\":\"q1\",\"stream\":\"s\",\"type\":\"T\"},\n"
                       "{\"id\":\"q2\",\"stream\":\"s\",\"type\":\"T\"},\n"
                       "{\"id\":\"q3\",\"stream\":\"s\"}\n]");
            QFAIL("should be refused");
        } catch (const Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("bad-array.json:4: ")),
                     e.what());
        }
        QCOMPARE(log.eventCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
