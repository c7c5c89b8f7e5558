#include "base/error.h"
#include "io/importer.h"
#include "log/eventlog.h"
#include "testlog.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Chronoscope;
using nlohmann::json;
using Test::pathIn;

// Every file of the CloudEvents corpus (../shared/corpus/cloudevents, see its SOURCES.md): the
// files marked valid import with every attribute kept; the invalid ones are refused with a
// message naming the file and the reason, or — where only the payload is odd — imported with a
// warning.
namespace {

struct Expectation
{
    const char *refusal = nullptr; ///< refused with this in the message
    const char *warning = nullptr; ///< imported, with this warning
};

const std::map<QString, Expectation> &expectations()
{
    static const std::map<QString, Expectation> map = {
            {QStringLiteral("azure-sdk-for-java/MultipleEventsInSameBatch.json"),
             {"Azure Event Grid", nullptr}},
            {QStringLiteral("functions-framework-conformance/legacy_pubsub-legacy-input.json"),
             {"legacy Cloud Functions event", nullptr}},
            {QStringLiteral("functions-framework-conformance/storage-legacy-input.json"),
             {"legacy Cloud Functions event", nullptr}},
            {QStringLiteral("sdk-java/json-jackson/v1/fail_numeric_decimal.json"),
             {"strings, integers or booleans", nullptr}},
            {QStringLiteral("sdk-java/json-jackson/v03/fail_numeric_decimal.json"),
             {"strings, integers or booleans", nullptr}},
            {QStringLiteral("sdk-java/json-jackson/v1/fail_numeric_long.json"),
             {"signed 32-bit", nullptr}},
            {QStringLiteral("sdk-java/json-jackson/v03/fail_numeric_long.json"),
             {"signed 32-bit", nullptr}},
            {QStringLiteral("sdk-java/json-jackson/v1/json_data_with_ext_invalid.json"),
             {"\"a_invalid_name\" is invalid", nullptr}},
            {QStringLiteral("sdk-java/json-jackson/v03/json_data_with_ext_invalid.json"),
             {"\"a_invalid_name\" is invalid", nullptr}},
            {QStringLiteral("sdk-java/json-jackson/v1/json_data_with_ext_upper_case.json"),
             {"lower-case letters and digits only", nullptr}},
            {QStringLiteral("sdk-java/json-jackson/v03/json_data_with_ext_upper_case.json"),
             {"lower-case letters and digits only", nullptr}},
            {QStringLiteral("sdk-java/protobuf/v1/binary_ext.proto.json"),
             {"protobuf JSON", nullptr}},
            {QStringLiteral("sdk-java/protobuf/v1/json_data_with_ext.proto.json"),
             {"protobuf JSON", nullptr}},
            {QStringLiteral("spec/sequence_L61-75_two-concatenated-objects-same-source.json"),
             {"concatenated JSON documents", nullptr}},
            {QStringLiteral("spec/sequence_L83-97_two-concatenated-objects-different-sources.json"),
             {"concatenated JSON documents", nullptr}},
            {QStringLiteral("spec/json-format_L221-231_binary-data_base64-placeholder.json"),
             {nullptr, "not valid base64"}},
            {QStringLiteral("spec/json-format_L445-472_batch-two-events.json"),
             {nullptr, "not valid base64"}},
            {QStringLiteral("spec/json-format_L479-479_batch-empty.json"),
             {nullptr, "no events in the file"}},
    };
    return map;
}

// Checks that every attribute of the CloudEvent `ce` survives in `event`: in its canonical field
// or under metadata._source.
void verifyAttributesKept(const json &ce, const Event &event)
{
    const json metadata = json::parse(event.metadata);
    const json source = metadata.value("_source", json::object());
    for (const auto &[key, value] : ce.items()) {
        if (value.is_null() || key == "data" || key == "data_base64")
            continue;
        const QByteArray what = QByteArray::fromStdString("attribute " + key + " of " + event.id);
        if (key == "id") {
            QCOMPARE(event.id, value.get<std::string>());
        } else if (key == "type") {
            QCOMPARE(event.type, value.get<std::string>());
        } else if (key == "source") {
            QCOMPARE(event.source.value_or(""), value.get<std::string>());
        } else if (key == "subject" && value.get<std::string>().empty()) {
            // An empty subject names no stream: the source does, and the "" is kept.
            QCOMPARE(event.stream, ce["source"].get<std::string>());
            QVERIFY(source.value("subject", json()) == value);
        } else if (key == "subject") {
            QCOMPARE(event.stream, value.get<std::string>());
        } else if (key == "time") {
            QCOMPARE(event.recordedAt, *Timestamp::parse(value.get<std::string>()));
            if (Timestamp::format(event.recordedAt) != value.get<std::string>())
                QVERIFY2(source.value("time", json()) == value, what.constData());
        } else if (key == "causationid") {
            QCOMPARE(event.causationId.value_or(""), value.get<std::string>());
        } else if (key == "correlationid") {
            QCOMPARE(event.correlationId.value_or(""), value.get<std::string>());
        } else {
            QVERIFY2(source.contains(key), what.constData());
            QVERIFY2(source[key] == value, what.constData());
        }
    }
    if (ce.contains("data") && !ce.contains("datacontentencoding"))
        QVERIFY2(json::parse(event.data) == ce["data"], event.id.c_str());
    if (!ce.contains("data") && !ce.contains("data_base64"))
        QCOMPARE(event.data, std::string("null"));
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

private slots:
    void cloudEventsFiles_data()
    {
        if (!Test::haveCorpus())
            QSKIP("the corpus (" CHRONOSCOPE_CORPUS_DIR ") is not on this machine");
        QTest::addColumn<QString>("relative");
        const QString root = QStringLiteral(CHRONOSCOPE_CORPUS_DIR "/cloudevents/");
        QDirIterator it(
                root, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next().mid(root.size());
        files.sort();
        QVERIFY(files.size() >= 70);
        for (const QString &file : files)
            QTest::newRow(file.toUtf8().constData()) << file;
    }

    void cloudEventsFiles()
    {
        QFETCH(QString, relative);
        const std::string path = Test::corpus(("cloudevents/" + relative.toStdString()).c_str());
        const auto found = expectations().find(relative);
        const Expectation expected = found == expectations().end() ? Expectation() : found->second;
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "corpus.chronolog"), EventLog::OpenMode::CreateIfMissing);

        if (expected.refusal) {
            try {
                Importer(log, {}).run({path});
                QFAIL("the file should have been refused");
            } catch (const Error &e) {
                const QString message = QString::fromUtf8(e.what());
                QVERIFY2(message.startsWith(QString::fromStdString(path) + QLatin1Char(':')),
                         e.what());
                QVERIFY2(message.contains(QString::fromUtf8(expected.refusal)), e.what());
            }
            QCOMPARE(log.eventCount(), 0);
            return;
        }

        const ImportReport report = Importer(log, {}).run({path});
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const json content = json::parse(file.readAll().toStdString());
        const json events = content.is_array() ? content : json::array({content});
        QCOMPARE(report.imported, int64_t(events.size()));
        if (!events.empty())
            QCOMPARE(report.formats, std::vector<ImportFormat>{ImportFormat::CloudEvents});
        const bool v03 = events.size() > 0 && events[0].value("specversion", "") == "0.3";
        if (expected.warning || v03) {
            const std::string wanted = expected.warning ? expected.warning : "0.3";
            bool warned = false;
            for (const auto &w : report.warnings)
                warned = warned || w.message.find(wanted) != std::string::npos;
            QVERIFY2(warned, wanted.c_str());
        }
        for (size_t i = 0; i < events.size() && !QTest::currentTestFailed(); ++i)
            verifyAttributesKept(events[i], *log.event(static_cast<int64_t>(i) + 1));
    }

    void base64PayloadsAreDecoded()
    {
        if (!Test::haveCorpus())
            QSKIP("the corpus is not on this machine");
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        Importer(log, {}).run(
                {Test::corpus("cloudevents/spec/"
                              "json-format_L399-405_data_base64-no-datacontenttype.json"),
                 Test::corpus("cloudevents/sdk-java/json-jackson/v1/base64_text_data.json")});
        QVERIFY(json::parse(log.event(1)->data) == json::parse(R"({"xyz":123})"));
        QVERIFY(json::parse(log.event(1)->metadata)["_source"]["data_base64"].get<bool>());
        QVERIFY(json::parse(log.event(2)->data).is_string());
    }

    void cloudEventsWithTheSameIdAreDuplicates()
    {
        if (!Test::haveCorpus())
            QSKIP("the corpus is not on this machine");
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        const std::vector<std::string> files
                = {Test::corpus("cloudevents/sdk-javascript/v1/structured-event-1.json"),
                   Test::corpus("cloudevents/sdk-javascript/v1/structured-event-2.json")};
        try {
            Importer(log, {}).run(files);
            QFAIL("a repeated id should be refused");
        } catch (const Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("duplicate id")),
                     e.what());
            QVERIFY2(
                    QString::fromUtf8(e.what()).contains(QStringLiteral("structured-event-1.json")),
                    e.what());
        }
        ImportOptions skip;
        skip.onError = OnError::Skip;
        const ImportReport report = Importer(log, skip).run(files);
        QCOMPARE(report.imported, 1);
        QCOMPARE(report.skipped.size(), size_t(1));
    }

    void aCloudEventWithoutSpecversionIsRefusedWhenForced()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "nospec.json");
        Test::writeFile(path, "{\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}\n");
        EventLog log(pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ImportOptions options;
        options.format = ImportFormat::CloudEvents;
        try {
            Importer(log, options).run({path});
            QFAIL("should be refused");
        } catch (const Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral(":1: CloudEvent without "
                                                                         "the required attribute "
                                                                         "\"specversion\"")),
                     e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
