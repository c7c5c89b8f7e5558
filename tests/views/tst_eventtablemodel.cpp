#include "eventtablemodel.h"
#include "log/eventlog.h"
#include "samples/shopsample.h"
#include "session/logreader.h"
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
        LogReader reader;
        model.setReader(&reader);
        reader.open(QString::fromStdString(log.path()), QStringLiteral("main"));
        // The rows are read off this thread and arrive as one more reset.
        QTRY_COMPARE(model.rowCount(), 2000);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));

        // Every row agrees with the log, wherever a view reads (pages are read on demand: a row
        // is empty until its page is in).
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int row : {0, 1, 255, 256, 1999, 1024, 3}) {
            const Event e = *log.event(row + 1);
            QTRY_VERIFY(model.index(row, 0).data(EventTableModel::SeqRole).isValid());
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

        // One answer a page: 256…511, 1792…1999 and 1024…1279 (the tester read the first page).
        QCOMPARE(changed.count(), 3);
        model.setReader(nullptr);
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
        LogReader reader;
        model.setReader(&reader);
        reader.open(QString::fromStdString(log.path()), QStringLiteral("main"));
        QTRY_COMPARE(model.index(0, EventTableModel::Lag).data().toString(), text);
        QCOMPARE(model.index(0, EventTableModel::Lag).data(Qt::ForegroundRole).isValid(),
                 micros >= 60000000LL);
    }
};

QTEST_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
