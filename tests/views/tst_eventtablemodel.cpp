#include "eventtablemodel.h"
#include "log/eventlog.h"
#include "samples/shopsample.h"
#include "testlog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Chronoscope;

class TestEventTableModel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheShopSample()
    {
        QTemporaryDir dir;
        EventLog log(Test::pathIn(dir, "shop.chronolog"), EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = 2000; // several pages
        ShopSample::generate(log, options);

        EventTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), 0);
        model.setLog(&log);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2000);
        QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));

        // Every row agrees with the log, wherever a view reads (pages are loaded on demand).
        for (int row : {0, 1, 255, 256, 1999, 1024, 3}) {
            const Event e = *log.event(row + 1);
            auto cell = [&](int column) {
                return model.index(row, column).data().toString();
            };
            QCOMPARE(model.index(row, 0).data(EventTableModel::SeqRole).toLongLong(), e.seq);
            QCOMPARE(cell(EventTableModel::Stream), QString::fromStdString(e.stream));
            QCOMPARE(cell(EventTableModel::Type), QString::fromStdString(e.type));
            QCOMPARE(cell(EventTableModel::Source), QString::fromStdString(*e.source));
            QCOMPARE(cell(EventTableModel::RecordedAt),
                     QString::fromStdString(Timestamp::format(e.recordedAt)));
            QCOMPARE(model.index(row, 0).data(EventTableModel::LagRole).toLongLong(),
                     *e.processedAt - e.recordedAt);
        }
        QCOMPARE(model.index(0, EventTableModel::Type).data().toString(),
                 QStringLiteral("CustomerRegistered"));
        QCOMPARE(model.headerData(EventTableModel::Lag, Qt::Horizontal).toString(),
                 QStringLiteral("Lag"));

        model.setLog(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void lagIsReadable_data()
    {
        QTest::addColumn<qlonglong>("micros");
        QTest::addColumn<QString>("text");
        QTest::newRow("ms") << 64000LL << "64 ms";
        QTest::newRow("s") << 1800000LL << "1.8 s";
        QTest::newRow("min") << 798000000LL << "13.3 min";
    }

    void lagIsReadable()
    {
        QFETCH(qlonglong, micros);
        QFETCH(QString, text);
        QTemporaryDir dir;
        EventLog log(Test::pathIn(dir, "a.chronolog"), EventLog::OpenMode::CreateIfMissing);
        Event e;
        e.id = "x";
        e.stream = "s";
        e.type = "T";
        e.recordedAt = 0;
        e.processedAt = micros;
        log.append(e, 0);
        EventTableModel model;
        model.setLog(&log);
        QCOMPARE(model.index(0, EventTableModel::Lag).data().toString(), text);
        QCOMPARE(model.index(0, EventTableModel::Lag).data(Qt::ForegroundRole).isValid(),
                 micros >= 60000000LL);
    }
};

QTEST_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
