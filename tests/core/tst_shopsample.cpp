#include "base/error.h"
#include "log/eventlog.h"
#include "log/logsummary.h"
#include "log/modelstore.h"
#include "log/schema.h"
#include "log/sqlite.h"
#include "samples/shopsample.h"
#include "testlog.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

#include <map>

using namespace Chronoscope;
using nlohmann::json;
using Test::pathIn;

class TestShopSample : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventLog> m_log;
    std::vector<Event> m_events;

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<EventLog>(pathIn(m_dir, "shop.chronolog"),
                                           EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 3000;
        options.seed = 7;
        ShopSample::generate(*m_log, options);
        m_log->forEachEvent({}, [this](const Event &e) {
            m_events.push_back(e);
            return true;
        });
    }

    void hasExactlyTheRequestedEvents()
    {
        QCOMPARE(m_log->eventCount(), 3000);
        QCOMPARE(m_events.size(), size_t(3000));
    }

    void isDeterministic()
    {
        QTemporaryDir dir;
        EventLog again(pathIn(dir, "again.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 3000;
        options.seed = 7;
        ShopSample::generate(again, options);
        QCOMPARE(Test::exportText(again), Test::exportText(*m_log));

        EventLog other(pathIn(dir, "other.chronolog"), EventLog::OpenMode::CreateIfMissing);
        options.seed = 8;
        ShopSample::generate(other, options);
        QVERIFY(Test::exportText(other) != Test::exportText(*m_log));
    }

    void refusesALogThatHasEvents()
    {
        QVERIFY_THROWS_EXCEPTION(Error, ShopSample::generate(*m_log, {}));
        QCOMPARE(m_log->eventCount(), 3000);
    }

    void threeServicesEachTheSourceOfTheirEvents()
    {
        const std::map<std::string, std::string> sourceOf = {{"CustomerRegistered", "customer"},
                                                             {"CustomerAddressChanged", "customer"},
                                                             {"OrderPlaced", "order"},
                                                             {"OrderShipped", "order"},
                                                             {"PaymentCharged", "payment"},
                                                             {"PaymentRefunded", "payment"}};
        std::map<std::string, int> counts;
        for (const Event &e : m_events) {
            QVERIFY2(sourceOf.count(e.type), e.type.c_str());
            QCOMPARE(e.source.value_or(""), sourceOf.at(e.type));
            ++counts[e.type];
        }
        QCOMPARE(counts.size(), sourceOf.size());
        QVERIFY(counts["OrderPlaced"] > 500);
        QCOMPARE(counts["PaymentRefunded"], 1);
    }

    void recordedAtNeverDecreasesAndProcessingLags()
    {
        int minutes = 0;
        for (size_t i = 0; i < m_events.size(); ++i) {
            const Event &e = m_events[i];
            if (i > 0)
                QVERIFY(e.recordedAt >= m_events[i - 1].recordedAt);
            QVERIFY(e.processedAt);
            const auto lag = *e.processedAt - e.recordedAt;
            QVERIFY(lag > 0);
            minutes += lag >= 60 * 1000000LL;
        }
        QVERIFY2(minutes > 30, "some events should wait minutes to be processed");
        QVERIFY2(minutes < 300, "most events are processed within seconds");
        QCOMPARE(Timestamp::format(m_events.front().recordedAt).substr(0, 10),
                 std::string("2018-01-01"));
        QVERIFY(m_events.back().recordedAt < *Timestamp::parseDateOrTime("2018-03-01"));
    }

    void chargesFollowOrdersWithTheTaxRuleOfTheDay()
    {
        std::map<std::string, const Event *> byId;
        for (const Event &e : m_events)
            byId[e.id] = &e;
        const auto taxChange = *Timestamp::parseDateOrTime("2018-02-01");
        int before = 0, after = 0;
        for (const Event &e : m_events) {
            if (e.type != "PaymentCharged")
                continue;
            QVERIFY(e.causationId);
            const Event *order = byId.at(*e.causationId);
            QCOMPARE(order->type, std::string("OrderPlaced"));
            QCOMPARE(order->correlationId, e.correlationId);
            const json data = json::parse(e.data);
            QCOMPARE(data["order"].get<std::string>(), order->stream);
            const double rate = data["tax_rate"].get<double>();
            QCOMPARE(rate, e.recordedAt < taxChange ? 0.015 : 0.018);
            (e.recordedAt < taxChange ? before : after)++;
            QCOMPARE(data["amount"].get<double>(),
                     json::parse(order->data)["amount"].get<double>());
            // The exchange rate came from an external system: its recording travels with it.
            const json gateway = json::parse(e.metadata)["gateway"];
            QCOMPARE(gateway.size(), size_t(1));
            QCOMPARE(gateway[0]["name"].get<std::string>(), std::string("fx"));
            QCOMPARE(gateway[0]["response"]["rate"].get<double>(), data["fx_rate"].get<double>());
            QVERIFY(e.result);
            QCOMPARE(json::parse(*e.result)["status"].get<std::string>(), std::string("confirmed"));
        }
        QVERIFY(before > 100);
        QVERIFY(after > 100);
    }

    void customerRegisteredChangesSchema()
    {
        const auto change = *Timestamp::parseDateOrTime("2018-01-20");
        int v1 = 0, v2 = 0;
        for (const Event &e : m_events) {
            if (e.type != "CustomerRegistered")
                continue;
            const json data = json::parse(e.data);
            if (e.recordedAt < change) {
                QCOMPARE(e.schemaVersion, 1);
                QVERIFY(data.contains("mail") && !data.contains("email"));
                ++v1;
            } else {
                QCOMPARE(e.schemaVersion, 2);
                QVERIFY(data.contains("email") && !data.contains("mail"));
                ++v2;
            }
        }
        QVERIFY(v1 > 10);
        QVERIFY(v2 > 10);
    }

    void oneOverChargeIsRefundedByACompensatingEvent()
    {
        const Event *overCharge = nullptr;
        for (const Event &e : m_events) {
            if (e.type != "PaymentCharged")
                continue;
            const json data = json::parse(e.data);
            if (data["charged"] != data["total"]) {
                QVERIFY2(!overCharge, "exactly one charge is wrong");
                overCharge = &e;
                QCOMPARE(data["charged"].get<double>(), data["total"].get<double>() * 100.0);
            }
        }
        QVERIFY(overCharge);
        QVERIFY(overCharge->recordedAt > *Timestamp::parseDateOrTime("2018-02-01"));
        const auto refund = std::find_if(m_events.begin(), m_events.end(), [](const Event &e) {
            return e.type == "PaymentRefunded";
        });
        QVERIFY(refund != m_events.end());
        QCOMPARE(refund->causationId, std::optional<std::string>(overCharge->id));
        QCOMPARE(refund->correlationId, overCharge->correlationId);
        QCOMPARE(refund->stream, overCharge->stream);
        QVERIFY(refund->recordedAt - overCharge->recordedAt >= 24 * 3600 * 1000000LL);
        const json charge = json::parse(overCharge->data);
        const double excess = charge["charged"].get<double>() - charge["total"].get<double>();
        QVERIFY(std::abs(json::parse(refund->data)["amount"].get<double>() - excess) < 0.005);
    }

    void summaryCountsMatch()
    {
        const LogSummary s = LogSummary::of(*m_log);
        QCOMPARE(s.events, 3000);
        int64_t typed = 0;
        for (const auto &[type, n] : s.types)
            typed += n;
        QCOMPARE(typed, 3000);
        QCOMPARE(s.streamFamilies.size(), size_t(3));
        QVERIFY(s.results > 500);
    }

    void theBundledSampleIsTheGeneratorsOutput()
    {
        QFile bundled(QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/samples/shop.jsonl"));
        QVERIFY(bundled.open(QIODevice::ReadOnly));
        QTemporaryDir dir;
        EventLog log(pathIn(dir, "shop.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSample::generate(log, {}); // the defaults: 500 events, seed 1
        QCOMPARE(QString::fromStdString(Test::exportText(log)),
                 QString::fromUtf8(bundled.readAll()));

        // A copy: tests never open files of the source tree for writing.
        const std::string copy = pathIn(dir, "shipped.chronolog");
        QVERIFY(QFile::copy(
                QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/samples/shop.chronolog"),
                QString::fromStdString(copy)));
        {
            // Shipped at the newest schema, so that opening it changes nothing.
            Sql::Database raw(copy, Sql::Database::Mode::ReadOnly);
            QCOMPARE(raw.queryInt("PRAGMA user_version"), int64_t(Schema::latestVersion()));
        }
        EventLog shipped(copy, EventLog::OpenMode::Existing);
        QCOMPARE(Test::exportText(shipped), Test::exportText(log));
        // With the shop model as it is in the source tree.
        QFile model(QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/resources/models/shop.js"));
        QVERIFY(model.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromStdString(ModelStore::current(shipped)->source),
                 QString::fromUtf8(model.readAll()));
    }
};

QTEST_GUILESS_MAIN(TestShopSample)
#include "tst_shopsample.moc"
