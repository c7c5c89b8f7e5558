// Marten's mt_events and any events table (by a mapping) on a real PostgreSQL server, read
// through chronoscope-cli as a user would.

#include "cli/clirunner.h"
#include "sources/servers.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

using namespace Chronoscope::Test;

namespace {

// Marten's events table as Marten 6/7 creates it with the metadata columns switched on.
const char *kMartenSchema = R"sql(
CREATE SCHEMA tracker;
CREATE SEQUENCE tracker.mt_events_sequence;
CREATE TABLE tracker.mt_events (
    seq_id         bigint NOT NULL,
    id             uuid NOT NULL,
    stream_id      uuid,
    version        bigint NOT NULL,
    data           jsonb NOT NULL,
    type           varchar(500) NOT NULL,
    timestamp      timestamp with time zone DEFAULT (transaction_timestamp()) NOT NULL,
    tenant_id      varchar DEFAULT '*DEFAULT*',
    mt_dotnet_type varchar,
    correlation_id varchar,
    causation_id   varchar,
    headers        jsonb,
    is_archived    bool DEFAULT FALSE,
    CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id)
);
)sql";

// An outbox of a home-grown service: JSON kept as text, headers as json.
const char *kOutbox = R"sql(
CREATE TABLE outbox (
    seq          bigserial PRIMARY KEY,
    message_id   text NOT NULL,
    aggregate    text NOT NULL,
    kind         text NOT NULL,
    payload      text NOT NULL,
    headers      json,
    occurred_at  timestamp with time zone NOT NULL
);
INSERT INTO outbox (message_id, aggregate, kind, payload, headers, occurred_at) VALUES
('m-1', 'cart-9', 'ItemAdded', '{"sku": "tea", "qty": 2, "note": "ü \u00e9"}', '{"trace": "t-1"}', '2024-03-01 08:00:00.000001+00'),
('m-2', 'cart-9', 'ItemRemoved', '{"sku": "tea"}', NULL, '2024-03-01 09:00:00+01'),
('m-3', 'cart-7', 'CheckedOut', '[1, 2, 3]', '{"trace": "t-2"}', '2024-03-01 08:30:00+00');
)sql";

// jsonb's text, with ' doubled for a SQL literal.
QString literal(const QJsonValue &value)
{
    QString text = QString::fromUtf8(value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                                      : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

QList<QJsonObject> eventsOf(const QString &log)
{
    QList<QJsonObject> events;
    for (const QString &line : exported(log).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        events.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return events;
}

} // namespace

class TestPostgresStores : public QObject
{
    Q_OBJECT

    std::optional<PostgresServer> m_server;
    QTemporaryDir m_dir;
    int m_logs = 0;
    QJsonArray m_projectEvents;
    QString m_projectId;

    QString newLog() { return m_dir.filePath(QStringLiteral("l%1.chronolog").arg(++m_logs)); }

private slots:
    void initTestCase()
    {
        m_server.emplace();
        qputenv("PGPASSWORD", PostgresServer::kPassword);
        m_server->exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE app"));
        m_server->exec(QStringLiteral("app"), QString::fromLatin1(kMartenSchema));
        m_server->exec(QStringLiteral("app"), QString::fromUtf8(kOutbox));

        // A real Marten aggregate's events (corpus: JasperFx/marten's GithubEventData), stored
        // the way Marten appends them: one stream, versions from 1, the .NET type beside the
        // alias.
        QFile file(QStringLiteral(CHRONOSCOPE_CORPUS_DIR "/event-sourcing/marten/baseline.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonObject project = QJsonDocument::fromJson(file.readAll()).object();
        m_projectId = project[QStringLiteral("Id")].toString();
        m_projectEvents = project[QStringLiteral("Events")].toObject()[QStringLiteral("$values")].toArray();
        QString insert;
        for (int i = 0; i < m_projectEvents.size(); ++i) {
            QJsonObject event = m_projectEvents[i].toObject();
            const QString dotnet = event.take(QStringLiteral("$type")).toString();
            const QString alias = dotnet.section(QLatin1Char(','), 0, 0).section(QLatin1Char('.'), -1) == QLatin1String("Commit")
                                          ? QStringLiteral("commit")
                                          : QStringLiteral("project_started");
            insert += QStringLiteral("INSERT INTO tracker.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, correlation_id, causation_id, headers) "
                                     "VALUES (nextval('tracker.mt_events_sequence'), gen_random_uuid(), '%1', %2, %3, '%4', '%5', '%6', 'import-42', %7, %8);\n")
                              .arg(m_projectId)
                              .arg(i + 1)
                              .arg(literal(event), alias, event[QStringLiteral("Timestamp")].toString(), dotnet)
                              .arg(i == 0 ? QStringLiteral("'cmd-1'") : QStringLiteral("NULL"),
                                   i == 0 ? QStringLiteral("'{\"user\": \"jeremy\"}'") : QStringLiteral("NULL"));
        }
        m_server->exec(QStringLiteral("app"), insert);
    }

    void importsMartenEventsWithTheirMetadata()
    {
        const QString log = newLog();
        const Result r = cli({QStringLiteral("import"), log, m_server->uri(QStringLiteral("app"), QStringLiteral("store=marten&schema=tracker"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QJsonObject> events = eventsOf(log);
        QCOMPARE(events.size(), m_projectEvents.size());
        for (int i = 0; i < events.size(); ++i) {
            const QJsonObject &e = events[i];
            QCOMPARE(e[QStringLiteral("stream")].toString(), m_projectId);
            QCOMPARE(e[QStringLiteral("stream_version")].toInt(), i + 1);
            QCOMPARE(e[QStringLiteral("correlation_id")].toString(), QStringLiteral("import-42"));
            // The event's own fields, as Marten stored them (jsonb: same members, its own order).
            QJsonObject original = m_projectEvents[i].toObject();
            original.remove(QStringLiteral("$type"));
            QCOMPARE(e[QStringLiteral("data")].toObject(), original);
            const QJsonObject source = e[QStringLiteral("metadata")].toObject()[QStringLiteral("_source")].toObject();
            QCOMPARE(source[QStringLiteral("seq_id")].toInt(), i + 1);
            QCOMPARE(source[QStringLiteral("tenant_id")].toString(), QStringLiteral("*DEFAULT*"));
            QCOMPARE(source[QStringLiteral("is_archived")].toBool(), false);
            QCOMPARE(source[QStringLiteral("mt_dotnet_type")].toString(), m_projectEvents[i].toObject()[QStringLiteral("$type")].toString());
        }
        QCOMPARE(events[0][QStringLiteral("type")].toString(), QStringLiteral("project_started"));
        QCOMPARE(events[0][QStringLiteral("recorded_at")].toString(), QStringLiteral("2015-12-02T17:04:28.000Z"));
        // Headers are the metadata; a causation that names no event of the log is kept.
        QCOMPARE(events[0][QStringLiteral("metadata")].toObject()[QStringLiteral("user")].toString(), QStringLiteral("jeremy"));
        QCOMPARE(events[0][QStringLiteral("metadata")].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("causation_id")].toString(), QStringLiteral("cmd-1"));
        QCOMPARE(events[1][QStringLiteral("type")].toString(), QStringLiteral("commit"));

        // By type and time, on the server.
        const QString commits = newLog();
        QCOMPARE(cli({QStringLiteral("import"), commits, m_server->uri(QStringLiteral("app"), QStringLiteral("store=marten&schema=tracker")),
                      QStringLiteral("--type"), QStringLiteral("commit"), QStringLiteral("--since"), QStringLiteral("2016-05-26")}).exitCode, 0);
        int expected = 0;
        for (const QJsonValue &v : m_projectEvents)
            expected += v.toObject()[QStringLiteral("$type")].toString().contains(QStringLiteral("Commit"))
                        && v.toObject()[QStringLiteral("Timestamp")].toString() >= QStringLiteral("2016-05-26");
        QCOMPARE(eventsOf(commits).size(), expected);
        QVERIFY(expected > 0 && expected < m_projectEvents.size() - 1);
    }

    void importsAnyTableByItsMapping()
    {
        const QString uri = m_server->uri(QStringLiteral("app"),
                                          QStringLiteral("store=table&table=outbox&position=seq&id=message_id&stream=aggregate&type=kind&data=payload&metadata=headers&time=occurred_at"));
        const QString log = newLog();
        const Result r = cli({QStringLiteral("import"), log, uri});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QJsonObject> events = eventsOf(log);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[0][QStringLiteral("id")].toString(), QStringLiteral("m-1"));
        QCOMPARE(events[0][QStringLiteral("stream")].toString(), QStringLiteral("cart-9"));
        QCOMPARE(events[0][QStringLiteral("stream_version")].toInt(), 1);
        QCOMPARE(events[1][QStringLiteral("stream_version")].toInt(), 2);
        QCOMPARE(events[0][QStringLiteral("recorded_at")].toString(), QStringLiteral("2024-03-01T08:00:00.000001Z"));
        QCOMPARE(events[1][QStringLiteral("recorded_at")].toString(), QStringLiteral("2024-03-01T08:00:00.000Z"));
        // Text payloads keep their members in the order written; non-ASCII survives.
        QVERIFY2(exported(log).contains(QStringLiteral(R"("data":{"sku":"tea","qty":2,"note":"ü é"})")), qPrintable(exported(log)));
        QCOMPARE(events[2][QStringLiteral("data")].toArray().size(), 3);
        QCOMPARE(events[0][QStringLiteral("metadata")].toObject()[QStringLiteral("trace")].toString(), QStringLiteral("t-1"));
        QCOMPARE(events[1][QStringLiteral("metadata")].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("seq")].toInt(), 2);

        // The same mapping from a file.
        const QString mapping = m_dir.filePath(QStringLiteral("outbox.json"));
        writeFile(mapping, R"({"table": "public.outbox", "columns": {"position": "seq", "stream": "aggregate", "type": "kind", "data": "payload"}})");
        const QString fromFile = newLog();
        const Result f = cli({QStringLiteral("import"), fromFile,
                              m_server->uri(QStringLiteral("app"), QStringLiteral("store=table&mapping=") + mapping),
                              QStringLiteral("--stream"), QStringLiteral("cart-9")});
        QVERIFY2(f.exitCode == 0, qPrintable(f.err));
        const QList<QJsonObject> mapped = eventsOf(fromFile);
        QCOMPARE(mapped.size(), 2);
        QCOMPARE(mapped[0][QStringLiteral("id")].toString(), QStringLiteral("table:1")); // no id column
        QVERIFY2(f.err.contains(QStringLiteral("2 events had no time")), qPrintable(f.err));

        // What the mapping lacks or gets wrong is named.
        const Result missing = cli({QStringLiteral("import"), newLog(), m_server->uri(QStringLiteral("app"), QStringLiteral("store=table&table=outbox&position=seq"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("store=table needs stream=NAME")), qPrintable(missing.err));
        const Result wrongType = cli({QStringLiteral("import"), newLog(),
                                      m_server->uri(QStringLiteral("app"), QStringLiteral("store=table&table=outbox&position=message_id&stream=aggregate&type=kind&data=payload"))});
        QCOMPARE(wrongType.exitCode, 2);
        QVERIFY2(wrongType.err.contains(QStringLiteral("the column public.outbox.message_id is text; the event's global order needs an integer")),
                 qPrintable(wrongType.err));
    }

    void aRowThatIsNotAnEventIsNamedAndNothingIsImported()
    {
        m_server->exec(QStringLiteral("app"), QStringLiteral("INSERT INTO outbox (message_id, aggregate, kind, payload, occurred_at) VALUES ('m-4', 'cart-7', 'Broken', '{\"sku\": ', now())"));
        const QString log = newLog();
        writeSample(log, 10);
        const QByteArray before = hashOf(log);
        const Result r = cli({QStringLiteral("import"), log,
                              m_server->uri(QStringLiteral("app"), QStringLiteral("store=table&table=outbox&position=seq&id=message_id&stream=aggregate&type=kind&data=payload"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("the data of the event at seq 4 is not JSON the log can hold")), qPrintable(r.err));
        QCOMPARE(hashOf(log), before);
        m_server->exec(QStringLiteral("app"), QStringLiteral("DELETE FROM outbox WHERE kind = 'Broken'"));
    }
};

QTEST_GUILESS_MAIN(TestPostgresStores)
#include "tst_pgstores.moc"
