// NATS JetStream on a real nats-server -js, read through chronoscope-cli as a user would.

#include "cli/clirunner.h"
#include "sources/servers.h"

#include <QJsonArray>
#include <QJsonObject>

#include <nats/nats.h>

#include <optional>
#include <utility>
#include <vector>

using namespace Chronoscope::Test;

namespace {

using Headers = std::vector<std::pair<const char *, const char *>>;

QList<QJsonObject> eventsOf(const QString &log)
{
    QList<QJsonObject> events;
    for (const QString &line : exported(log).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        events.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return events;
}

// A publishing service of the test's own, through the NATS C client.
class Publisher
{
public:
    explicit Publisher(const QString &url)
    {
        check(natsConnection_ConnectTo(&m_nc, url.toUtf8().constData()), "connect");
        check(natsConnection_JetStream(&m_js, m_nc, nullptr), "JetStream");
    }
    ~Publisher()
    {
        jsCtx_Destroy(m_js);
        natsConnection_Destroy(m_nc);
    }

    void addStream(const char *name, const char *subject)
    {
        jsStreamConfig config;
        jsStreamConfig_Init(&config);
        config.Name = name;
        const char *subjects[] = {subject};
        config.Subjects = subjects;
        config.SubjectsLen = 1;
        jsStreamInfo *info = nullptr;
        check(js_AddStream(&info, m_js, &config, nullptr, nullptr), "add stream");
        jsStreamInfo_Destroy(info);
    }

    void publish(const char *subject, const QByteArray &data, const Headers &headers = {})
    {
        natsMsg *message = nullptr;
        check(natsMsg_Create(&message, subject, nullptr, data.constData(), data.size()), "message");
        for (const auto &[key, value] : headers)
            natsMsgHeader_Add(message, key, value);
        jsPubAck *ack = nullptr;
        check(js_PublishMsg(&ack, m_js, message, nullptr, nullptr), "publish");
        jsPubAck_Destroy(ack);
        natsMsg_Destroy(message);
    }

private:
    static void check(natsStatus s, const char *what)
    {
        if (s != NATS_OK)
            qFatal("NATS %s: %s", what, natsStatus_GetText(s));
    }
    natsConnection *m_nc = nullptr;
    jsCtx *m_js = nullptr;
};

} // namespace

class TestJetStream : public QObject
{
    Q_OBJECT

    std::optional<NatsServer> m_server;
    std::optional<Publisher> m_publisher;
    QTemporaryDir m_dir;
    int m_logs = 0;

    QString newLog() { return m_dir.filePath(QStringLiteral("l%1.chronolog").arg(++m_logs)); }
    QString orders() const { return m_server->url() + QStringLiteral("/ORDERS"); }

private slots:
    void initTestCase()
    {
        m_server.emplace();
        m_publisher.emplace(m_server->url());
        m_publisher->addStream("ORDERS", "orders.>");
        m_publisher->publish("orders.eu.1", R"({"total": 5})",
                             {{"Nats-Msg-Id", "o-1"}, {"ce-type", "OrderPlaced"}, {"ce-source", "/shop"}});
        m_publisher->publish("orders.us.2", R"({"type": "OrderPlaced", "total": 7})");
        m_publisher->publish("orders.eu.1", "left at the door", {{"Type", "Note"}});
        m_publisher->publish("orders.eu.1", QByteArray("\xff\xfe\x00\x01", 4), {{"ce-type", "Blob"}});
        m_publisher->publish("orders.eu.1", "{}",
                             {{"Nats-Msg-Id", "o-2"}, {"ce-type", "OrderPaid"}, {"Causation-Id", "o-1"},
                              {"Correlation-Id", "c-1"}, {"Tag", "a"}, {"Tag", "b"}});
    }

    void importsEveryMessageAsAnEvent()
    {
        const QString log = newLog();
        const Result r = cli({QStringLiteral("import"), log, orders()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("imported 5 events (seq 1..5) from nats://127.0.0.1:")), qPrintable(r.out));
        const QList<QJsonObject> e = eventsOf(log);
        QCOMPARE(e.size(), 5);
        QCOMPARE(e[0][QStringLiteral("id")].toString(), QStringLiteral("o-1"));
        QCOMPARE(e[0][QStringLiteral("stream")].toString(), QStringLiteral("orders.eu.1"));
        QCOMPARE(e[0][QStringLiteral("type")].toString(), QStringLiteral("OrderPlaced"));
        QCOMPARE(e[0][QStringLiteral("source")].toString(), QStringLiteral("/shop"));
        QCOMPARE(e[0][QStringLiteral("data")].toObject()[QStringLiteral("total")].toInt(), 5);
        QCOMPARE(e[0][QStringLiteral("metadata")].toObject()[QStringLiteral("Nats-Msg-Id")].toString(), QStringLiteral("o-1"));
        QCOMPARE(e[0][QStringLiteral("metadata")].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("stream_sequence")].toInt(), 1);
        const qint64 age = QDateTime::fromString(e[0][QStringLiteral("recorded_at")].toString(), Qt::ISODateWithMs).secsTo(QDateTime::currentDateTimeUtc());
        QVERIFY2(age >= 0 && age < 600, qPrintable(e[0][QStringLiteral("recorded_at")].toString()));

        // No id header: the stream and its sequence; the type from the data.
        QCOMPARE(e[1][QStringLiteral("id")].toString(), QStringLiteral("nats:ORDERS:2"));
        QCOMPARE(e[1][QStringLiteral("type")].toString(), QStringLiteral("OrderPlaced"));
        // Text that is not JSON is kept as a string; bytes that are not text, as base64.
        QCOMPARE(e[2][QStringLiteral("type")].toString(), QStringLiteral("Note"));
        QCOMPARE(e[2][QStringLiteral("data")].toString(), QStringLiteral("left at the door"));
        QCOMPARE(e[3][QStringLiteral("data")].toString(), QStringLiteral("//4AAQ=="));
        QCOMPARE(e[3][QStringLiteral("metadata")].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("data_encoding")].toString(), QStringLiteral("base64"));
        // Causation to an event of the log, correlation, and a header given twice kept whole.
        QCOMPARE(e[4][QStringLiteral("causation_id")].toString(), QStringLiteral("o-1"));
        QCOMPARE(e[4][QStringLiteral("correlation_id")].toString(), QStringLiteral("c-1"));
        QCOMPARE(e[4][QStringLiteral("metadata")].toObject()[QStringLiteral("Tag")].toArray(), (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void slicesBySubjectOnTheServerAndTheRestHere()
    {
        const auto ids = [this](const QStringList &options) {
            const QString log = newLog();
            const Result r = cli(QStringList{QStringLiteral("import"), log, orders()} + options);
            if (r.exitCode != 0)
                qWarning("%s", qPrintable(r.err));
            QStringList list;
            for (const QJsonObject &e : eventsOf(log))
                list.append(QString::number(e[QStringLiteral("metadata")].toObject()[QStringLiteral("_source")].toObject()[QStringLiteral("stream_sequence")].toInt()));
            return list.join(QLatin1Char(','));
        };
        QCOMPARE(ids({QStringLiteral("--stream"), QStringLiteral("orders.eu.*")}), QStringLiteral("1,3,4,5"));
        QCOMPARE(ids({QStringLiteral("--stream"), QStringLiteral("orders.us.2")}), QStringLiteral("2"));
        QCOMPARE(ids({QStringLiteral("--stream"), QStringLiteral("orders.*.2")}), QStringLiteral("2"));
        QCOMPARE(ids({QStringLiteral("--type"), QStringLiteral("OrderP*")}), QStringLiteral("1,2,5"));
        QCOMPARE(ids({QStringLiteral("--from-position"), QStringLiteral("4"), QStringLiteral("--limit"), QStringLiteral("1")}), QStringLiteral("4"));
        QCOMPARE(ids({QStringLiteral("--stream"), QStringLiteral("orders.asia.*")}), QString());

        // --count reads the same slice and says how many, writing nothing.
        const auto count = [this](const QStringList &options) {
            const QString log = newLog();
            const Result r = cli(QStringList{QStringLiteral("import"), log, orders(), QStringLiteral("--count"), QStringLiteral("--json")} + options);
            if (r.exitCode != 0 || QFile::exists(log))
                return -1;
            return QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("events")].toInt();
        };
        QCOMPARE(count({}), 5);
        QCOMPARE(count({QStringLiteral("--stream"), QStringLiteral("orders.eu.*")}), 4);
        QCOMPARE(count({QStringLiteral("--type"), QStringLiteral("OrderP*")}), 3);
        QCOMPARE(count({QStringLiteral("--from-position"), QStringLiteral("4")}), 2);
    }

    void goesOnWhereTheLastImportEndedAndFollows()
    {
        m_publisher->addStream("CLOCK", "clock.>");
        for (int i = 0; i < 10; ++i)
            m_publisher->publish("clock.tick", QByteArray::number(i));
        const QString log = newLog();
        QCOMPARE(cli({QStringLiteral("import"), log, m_server->url() + QStringLiteral("/CLOCK")}).exitCode, 0);
        QCOMPARE(eventsOf(log).size(), 10);

        QProcess follower;
        follower.start(QStringLiteral(CHRONOSCOPE_CLI),
                       {QStringLiteral("import"), log, m_server->url() + QStringLiteral("/CLOCK"),
                        QStringLiteral("--follow"), QStringLiteral("--poll-interval"), QStringLiteral("20")});
        QVERIFY(follower.waitForStarted());
        for (int i = 10; i < 300; ++i) {
            m_publisher->publish(i % 3 ? "clock.tick" : "clock.tock", QByteArray::number(i));
            if (i % 50 == 0)
                QThread::msleep(30);
        }
        for (int i = 0; i < 300; ++i) {
            if (QJsonDocument::fromJson(cli({QStringLiteral("info"), log, QStringLiteral("--json")}).out.toUtf8()).object()[QStringLiteral("events")].toInt() == 300)
                break;
            QThread::msleep(50);
        }
        follower.terminate();
        QVERIFY(follower.waitForFinished(20000));
        QVERIFY2(follower.exitCode() == 0, follower.readAllStandardError().constData());
        const QList<QJsonObject> events = eventsOf(log);
        QCOMPARE(events.size(), 300);
        for (int i = 0; i < 300; ++i)
            QCOMPARE(events[i][QStringLiteral("data")].toInt(), i);
        const QJsonObject store = jsonOf({QStringLiteral("info"), log}).object()[QStringLiteral("stores")].toArray().first().toObject();
        QCOMPARE(store[QStringLiteral("position")].toInt(), 300);
        QCOMPARE(store[QStringLiteral("events")].toInt(), 300);
    }

    void refusesWhatIsNotThere()
    {
        const QString log = newLog();
        const Result stream = cli({QStringLiteral("import"), log, m_server->url() + QStringLiteral("/NOPE")});
        QCOMPARE(stream.exitCode, 2);
        QVERIFY2(stream.err.contains(QStringLiteral("there is no JetStream stream \"NOPE\"")), qPrintable(stream.err));
        const Result path = cli({QStringLiteral("import"), log, m_server->url()});
        QCOMPARE(path.exitCode, 2);
        QVERIFY2(path.err.contains(QStringLiteral("name the JetStream stream as the URI's path")), qPrintable(path.err));
        const Result server = cli({QStringLiteral("import"), log, QStringLiteral("nats://127.0.0.1:%1/ORDERS").arg(freeLoopbackPort())});
        QCOMPARE(server.exitCode, 2);
        QVERIFY2(server.err.contains(QStringLiteral("cannot connect")), qPrintable(server.err));
        QVERIFY(!QFile::exists(log));
    }
};

QTEST_GUILESS_MAIN(TestJetStream)
#include "tst_jetstream.moc"
