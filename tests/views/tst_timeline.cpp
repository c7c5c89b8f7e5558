#include "debug/timelinedata.h"
#include "log/eventlog.h"
#include "session/logreader.h"
#include "shoplog.h"
#include "testlog.h"
#include "timelinegeometry.h"
#include "timelinelayout.h"
#include "timelineview.h"

#include <QSignalSpy>
#include <QTest>

using namespace Chronoscope;

/// The timeline's geometry and layout without painting, then the widget itself.
class TestTimeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventLog> m_log;

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<EventLog>(Test::copyOfBundledShop(m_dir),
                                           EventLog::OpenMode::Existing);
    }

    void geometryMapsTimeAndPixelsBothWays()
    {
        TimelineGeometry g;
        g.setRange(1000, 101000); // 100,000 µs
        g.setWidth(1000);
        // Showing all leaves a 2% margin on each side.
        QCOMPARE(g.visibleFrom(), 1000 - 2000.0);
        QCOMPARE(g.visibleTo(), 101000 + 2000.0);
        for (const double t : {1000.0, 50000.0, 101000.0})
            QCOMPARE(g.timeAt(g.xOf(t)), t);
        QVERIFY(g.xOf(1000) > 0 && g.xOf(101000) < 1000);

        // Zooming keeps the time under the anchor where it is.
        const double anchorTime = g.timeAt(250);
        g.zoom(4, 250);
        QCOMPARE(g.timeAt(250), anchorTime);
        QCOMPARE(g.visibleTo() - g.visibleFrom(), 104000 / 4.0);
        // Never further out than everything, never further in than 0.1 µs a pixel.
        g.zoom(1e-6, 500);
        QCOMPARE(g.visibleTo() - g.visibleFrom(), 104000.0);
        g.zoom(1e9, 500);
        QCOMPARE(g.microsPerPixel(), 0.1);
        // Panning stops at the ends.
        g.setVisible(1000, 11000);
        g.pan(-100000);
        QCOMPARE(g.visibleFrom(), -1000.0);
        g.pan(1e9);
        QCOMPARE(g.visibleTo(), 103000.0);
        g.setVisible(1000, 11000);
        g.ensureVisible(80000);
        QCOMPARE(g.visibleFrom(), 75000.0);
        QCOMPARE(g.visibleTo(), 85000.0);
    }

    void zoomedOutTheLayoutIsTheDensityAndCountsEveryEvent()
    {
        const TimelineData data = TimelineData::load(*m_log, TimelineData::Lanes::Source);
        QCOMPARE(data.lanes(), (std::vector<std::string>{"order", "payment", "customer"}));
        QCOMPARE(data.eventCount(), 500);
        TimelineGeometry g;
        g.setRange(data.start(), data.end());
        g.setWidth(800);
        const TimelineLayout layout = TimelineLayout::compute(g, data, nullptr);
        QVERIFY(!layout.detailed);
        QVERIFY(layout.ticks.empty());
        int64_t total = 0;
        std::vector<int64_t> perLane(3, 0);
        for (const auto &block : layout.blocks) {
            QVERIFY(block.x0 >= 0 && block.x1 <= 800);
            QVERIFY(block.x1 > block.x0);
            total += block.count;
            perLane[static_cast<size_t>(block.lane)] += block.count;
        }
        QCOMPARE(total, 500);
        QCOMPARE(perLane, (std::vector<int64_t>{299, 151, 50}));
        // Blocks are at most a few pixels apart at their starts: the drawing work follows the
        // width, not the number of events.
        QVERIFY(layout.blocks.size() <= 3 * 800 / 3 + 3);
    }

    void zoomedInEventsAreTicksWithTheirLagAndCloseOnesFold()
    {
        const TimelineData data = TimelineData::load(*m_log, TimelineData::Lanes::Type);
        TimelineGeometry g;
        g.setRange(data.start(), data.end());
        g.setWidth(1000);
        // The refund day: 2018-02-09.
        const auto refund = *m_log->event(358);
        g.setVisible(static_cast<double>(refund.recordedAt) - 12 * 3600e6,
                     static_cast<double>(refund.recordedAt) + 12 * 3600e6);
        const auto marks = data.eventsBetween(*m_log,
                                              static_cast<int64_t>(g.visibleFrom()),
                                              static_cast<int64_t>(g.visibleTo()),
                                              1000);
        QVERIFY(!marks.empty());
        const TimelineLayout layout = TimelineLayout::compute(g, data, &marks);
        QVERIFY(layout.detailed);
        int64_t shown = static_cast<int64_t>(layout.ticks.size());
        for (const auto &block : layout.blocks)
            shown += block.count;
        QCOMPARE(shown, static_cast<int64_t>(marks.size()));
        bool sawRefund = false;
        for (const auto &tick : layout.ticks) {
            QVERIFY(tick.processedX >= tick.x);
            if (tick.seq == 358) {
                sawRefund = true;
                QCOMPARE(data.lanes()[static_cast<size_t>(tick.lane)],
                         std::string("PaymentRefunded"));
            }
        }
        QVERIFY(sawRefund);

        // Three events 1 µs apart at 1 ms a pixel fold into one block of three.
        std::vector<TimelineData::Mark> close(3);
        for (int i = 0; i < 3; ++i) {
            close[static_cast<size_t>(i)].seq = i + 1;
            close[static_cast<size_t>(i)].recordedAt = refund.recordedAt + i;
            close[static_cast<size_t>(i)].lane = 0;
        }
        const TimelineLayout folded = TimelineLayout::compute(g, data, &close);
        QVERIFY(folded.ticks.empty());
        QCOMPARE(folded.blocks.size(), size_t(1));
        QCOMPARE(folded.blocks[0].count, 3);
        QCOMPARE(folded.blocks[0].firstSeq, 1);
        // Off screen: culled.
        close[0].recordedAt = data.end() + 365LL * 86400 * 1000000;
        close.resize(1);
        QVERIFY(TimelineLayout::compute(g, data, &close).ticks.empty());
    }

    void theWidgetDrawsAndSelectsAndReplays()
    {
        TimelineView view;
        view.resize(900, 140);
        auto data = std::make_shared<TimelineData>(
                TimelineData::load(*m_log, TimelineData::Lanes::Source));
        LogReader reader;
        reader.open(QString::fromStdString(m_log->path()), QStringLiteral("main"));
        view.setData(&reader, data);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // 500 events are few enough to be drawn one by one even zoomed out, once they are read.
        QTRY_VERIFY(view.layout().detailed);
        QVERIFY(!view.layout().ticks.empty());
        const auto refund = *m_log->event(358);
        view.setPosition(358, refund.recordedAt);
        view.setFocus();
        const double before = view.geometry().microsPerPixel();
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(view.geometry().microsPerPixel() < before / 10);
        view.setPosition(358, refund.recordedAt);
        const double x = 110 + view.geometry().xOf(static_cast<double>(refund.recordedAt));
        const int lane = 1; // payment
        QSignalSpy clicked(&view, &TimelineView::eventClicked);
        QSignalSpy activated(&view, &TimelineView::eventActivated);
        const QPoint at(static_cast<int>(x), 22 + lane * 26 + 13);
        QTest::mouseClick(&view, Qt::LeftButton, {}, at);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().first().toLongLong(), 358);
        QTest::mouseDClick(&view, Qt::LeftButton, {}, at);
        QVERIFY(activated.count() >= 1);
        QCOMPARE(activated.last().first().toLongLong(), 358);
        QTest::keyClick(&view, Qt::Key_0);
        QCOMPARE(view.geometry().microsPerPixel(), before);
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
