#include "base/timestamp.h"

#include <QTest>

using namespace Chronoscope;

class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty: not a time
        QTest::newRow("utc") << "2018-02-03T10:15:00Z"
                             << "2018-02-03T10:15:00.000Z";
        QTest::newRow("millis") << "2018-02-03T10:15:00.120Z"
                                << "2018-02-03T10:15:00.120Z";
        QTest::newRow("micros") << "2018-02-03T10:15:00.000001Z"
                                << "2018-02-03T10:15:00.000001Z";
        QTest::newRow("7 digits truncated") << "2018-04-26T12:48:09.1234567Z"
                                            << "2018-04-26T12:48:09.123456Z";
        QTest::newRow("nanos truncated") << "2021-01-01T00:00:00.999999999Z"
                                         << "2021-01-01T00:00:00.999999Z";
        QTest::newRow("positive offset") << "2018-04-26T14:48:09+02:00"
                                         << "2018-04-26T12:48:09.000Z";
        QTest::newRow("negative offset crosses day") << "2018-01-31T23:30:00-01:00"
                                                     << "2018-02-01T00:30:00.000Z";
        QTest::newRow("lower case") << "2018-02-03t10:15:00z"
                                    << "2018-02-03T10:15:00.000Z";
        QTest::newRow("space separator") << "2018-02-03 10:15:00Z"
                                         << "2018-02-03T10:15:00.000Z";
        QTest::newRow("leap day") << "2020-02-29T00:00:00Z"
                                  << "2020-02-29T00:00:00.000Z";
        QTest::newRow("before epoch") << "1969-12-31T23:59:59.5Z"
                                      << "1969-12-31T23:59:59.500Z";
        QTest::newRow("no zone") << "2018-02-03T10:15:00"
                                 << "";
        QTest::newRow("not a leap year") << "2019-02-29T00:00:00Z"
                                         << "";
        QTest::newRow("month 13") << "2018-13-01T00:00:00Z"
                                  << "";
        QTest::newRow("hour 24") << "2018-01-01T24:00:00Z"
                                 << "";
        QTest::newRow("empty fraction") << "2018-01-01T00:00:00.Z"
                                        << "";
        QTest::newRow("trailing text") << "2018-01-01T00:00:00Z UTC"
                                       << "";
        QTest::newRow("rails style") << "2017-11-14 23:21:04 UTC"
                                     << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        const auto micros = Timestamp::parse(text.toStdString());
        QCOMPARE(micros.has_value(), !normalised.isEmpty());
        if (micros)
            QCOMPARE(QString::fromStdString(Timestamp::format(*micros)), normalised);
    }

    void formatIsTheInverseOfParse()
    {
        for (Timestamp::Micros t :
             {0LL, 1LL, 999LL, 1000LL, 1517443200000000LL, -1LL, 253402300799999999LL}) {
            const std::string text = Timestamp::format(t);
            QCOMPARE(Timestamp::parse(text), std::optional<Timestamp::Micros>(t));
        }
    }

    void plainDates()
    {
        QCOMPARE(Timestamp::parseDateOrTime("2018-02-01"),
                 std::optional<Timestamp::Micros>(1517443200LL * 1000000));
        QVERIFY(!Timestamp::parseDateOrTime("2018-02-30"));
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
