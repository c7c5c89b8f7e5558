#include "guibenchmarks.h"

#include "debug/timelinedata.h"
#include "log/eventlog.h"
#include "log/sqlite.h"
#include "mainwindow.h"
#include "measure.h"
#include "samples/shopsample.h"
#include "session/debugsession.h"
#include "session/logreader.h"
#include "timelineview.h"

#include <QApplication>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include <sqlite3.h>

#include <malloc.h>

#include <algorithm>
#include <chrono>

namespace Chronoscope::Bench {

namespace {

std::string sampleLog(const std::string &directory, int64_t events)
{
    const std::string path = directory + "/gui-" + std::to_string(events) + ".chronolog";
    removeLog(path);
    EventLog log(path, EventLog::OpenMode::CreateIfMissing);
    ShopSampleOptions options;
    options.events = events;
    ShopSample::generate(log, options);
    return path;
}

// Opens the log in a new window and measures its first frame — the event list, the state at
// the start and the inspectors painted — and when the timeline's density arrives after it (it
// is read in the replay thread; the window is usable before).
struct Opening
{
    double firstFrameMs = 0;
    double timelineMs = 0;
};

Opening open(const std::string &path, MainWindow &window)
{
    QEventLoop loop;
    bool timeline = false;
    bool replayed = false;
    auto loaded = QObject::connect(window.session(), &DebugSession::timelineLoaded, &loop, [&] {
        timeline = true;
        loop.quit();
    });
    auto updated = QObject::connect(window.session(), &DebugSession::updated, &loop, [&] {
        replayed = true;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    Opening result;
    const auto start = std::chrono::steady_clock::now();
    auto since = [&start] {
        return 1000
               * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    window.openLog(QString::fromStdString(path));
    window.show();
    while (!replayed)
        loop.exec();
    QApplication::processEvents();
    (void)window.grab(); // paints every widget once
    result.firstFrameMs = since();
    while (!timeline)
        loop.exec();
    QApplication::processEvents();
    result.timelineMs = since();
    QObject::disconnect(loaded);
    QObject::disconnect(updated);
    return result;
}

double repaintMilliseconds(EventLog &log)
{
    auto data
            = std::make_shared<TimelineData>(TimelineData::load(log, TimelineData::Lanes::Source));
    LogReader reader;
    reader.open(QString::fromStdString(log.path()), QStringLiteral("main"));
    TimelineView view;
    view.resize(1600, 160);
    view.setData(&reader, data); // zoomed out: the density, no marks to wait for
    view.showAll();
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times;
    for (int i = 0; i < 60; ++i) {
        times.push_back(1000 * seconds([&] {
                            QPainter painter(&image);
                            view.render(&painter);
                        }));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

void runGuiBenchmarks(const std::string &directory,
                      int64_t firstFrameEvents,
                      const std::vector<int64_t> &timelineSizes)
{
    // The first frame, warm: the second window on the same log.
    {
        const std::string path = sampleLog(directory, firstFrameEvents);
        double openMs = 0;
        {
            const double ms = 1000 * seconds([&] {
                                  EventLog log(path, EventLog::OpenMode::Existing);
                                  (void)log.eventCount();
                              });
            openMs = ms;
        }
        {
            MainWindow cold;
            open(path, cold);
        }
        malloc_trim(0); // what the cold window freed goes back, so it does not hide the warm one
        const double rssBefore = residentMegabytes();
        const int64_t sqliteBefore = Sql::memoryUsed();
        MainWindow window;
        const Opening warm = open(path, window);
        print({"gui.first_frame_ms",
               warm.firstFrameMs,
               "sqlite_open_ms",
               openMs,
               Figure::Goal::AtMost,
               300});
        print({"gui.timeline_ready_ms", warm.timelineMs, "first_frame_ms", warm.firstFrameMs});
        const double sqliteMb = static_cast<double>(Sql::memoryUsed() - sqliteBefore) / 1e6;
        const double bytesPerEvent = (residentMegabytes() - rssBefore - sqliteMb) * 1e6
                                     / static_cast<double>(firstFrameEvents);
        print({"gui.resident_bytes_per_event",
               bytesPerEvent,
               "sqlite_cache_mb",
               sqliteMb,
               Figure::Goal::AtMost,
               64});
        // Replayed to the end, the state of every stream is in memory, with the snapshots.
        {
            QEventLoop loop;
            auto done = QObject::connect(window.session(), &DebugSession::updated, &loop, [&] {
                if (window.session()->current().position == firstFrameEvents)
                    loop.quit();
            });
            const double replayMs = 1000 * seconds([&] {
                                        window.session()->seek(firstFrameEvents);
                                        loop.exec();
                                    });
            QObject::disconnect(done);
            const double sqliteEnd = static_cast<double>(Sql::memoryUsed() - sqliteBefore) / 1e6;
            print({"gui.replayed_to_end.resident_bytes_per_event",
                   (residentMegabytes() - rssBefore - sqliteEnd) * 1e6
                           / static_cast<double>(firstFrameEvents),
                   "replay_to_end_ms",
                   replayMs});
        }
        window.close();
        removeLog(path);
    }

    // The timeline zoomed out: drawn from the density, whatever the size of the log.
    double smallest = 0;
    for (const int64_t events : timelineSizes) {
        const std::string path = sampleLog(directory, events);
        EventLog log(path, EventLog::OpenMode::Existing);
        const double ms = repaintMilliseconds(log);
        if (smallest == 0)
            smallest = ms;
        const std::string name = "timeline.repaint_ms." + std::to_string(events);
        print({name, ms, "goal_ms", 8, Figure::Goal::AtMost, 8});
        if (events != timelineSizes.front())
            print({"timeline.repaint_ratio." + std::to_string(events) + "_to_"
                           + std::to_string(timelineSizes.front()),
                   ms / smallest,
                   "goal_ratio",
                   1.5,
                   Figure::Goal::AtMost,
                   1.5});
        removeLog(path);
    }
}

} // namespace Chronoscope::Bench
