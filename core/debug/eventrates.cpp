#include "debug/eventrates.h"

#include "log/eventcounts.h"
#include "log/eventlog.h"
#include "log/logsummary.h"

#include <algorithm>
#include <map>

namespace Chronoscope {

namespace {

constexpr int64_t kMinute = 60'000'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

int64_t niceWidth(int64_t span)
{
    const int64_t raw = std::max<int64_t>(1, span / 50);
    for (const int64_t width : {kMinute,
                                5 * kMinute,
                                15 * kMinute,
                                30 * kMinute,
                                kHour,
                                2 * kHour,
                                6 * kHour,
                                12 * kHour,
                                kDay,
                                2 * kDay,
                                7 * kDay})
        if (raw <= width)
            return width;
    return (raw / kDay + 1) * kDay;
}

void fit(EventRates::Series &series, int64_t complete, int ahead)
{
    // Least squares over the complete buckets x = 0 .. complete-1.
    const int64_t n = std::min<int64_t>(complete, static_cast<int64_t>(series.counts.size()));
    if (n >= 2) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int64_t x = 0; x < n; ++x) {
            const double y = static_cast<double>(series.counts[static_cast<size_t>(x)]);
            sx += static_cast<double>(x);
            sy += y;
            sxx += static_cast<double>(x) * static_cast<double>(x);
            sxy += static_cast<double>(x) * y;
        }
        const double d = static_cast<double>(n);
        series.slope = (d * sxy - sx * sy) / (d * sxx - sx * sx);
        series.intercept = (sy - series.slope * sx) / d;
    } else if (n == 1) {
        series.intercept = static_cast<double>(series.counts[0]);
    }
    const int64_t buckets = static_cast<int64_t>(series.counts.size());
    for (int i = 0; i < ahead; ++i)
        series.forecast.push_back(
                std::max(0.0, series.intercept + series.slope * static_cast<double>(buckets + i)));
}

} // namespace

EventRates::Result
EventRates::compute(EventLog &log, Grouping grouping, int64_t bucketWidth, int ahead)
{
    Result result;
    const auto range = EventCounts::timeRange(log);
    if (!range)
        return result;
    const int64_t first = range->first;
    const int64_t last = range->last;
    result.bucketWidth = bucketWidth > 0 ? bucketWidth : niceWidth(last - first);
    result.start = first - first % result.bucketWidth;
    result.buckets = (last - result.start) / result.bucketWidth + 1;

    const EventCounts::Key countedBy = grouping == Grouping::Type     ? EventCounts::Key::Type
                                 : grouping == Grouping::Source ? EventCounts::Key::Source
                                 : grouping == Grouping::Family ? EventCounts::Key::Family
                                                                : EventCounts::Key::Stream;
    std::map<std::string, Series> byKey;
    EventCounts::byBucket(log,
                          countedBy,
                          result.start,
                          result.bucketWidth,
                          [&](std::string_view name, int64_t bucket, int64_t count) {
                              const std::string k(name);
                              Series &series = byKey[k];
                              if (series.counts.empty()) {
                                  series.key = k;
                                  series.counts.assign(static_cast<size_t>(result.buckets), 0);
                              }
                              series.counts[static_cast<size_t>(bucket)] += count;
                              series.total += count;
                          });
    // The last bucket is complete only when the range ends exactly on its end.
    const bool lastComplete = (last + 1 - result.start) % result.bucketWidth == 0;
    const int64_t complete = lastComplete ? result.buckets : result.buckets - 1;
    for (auto &[key, series] : byKey) {
        fit(series, complete, ahead);
        result.series.push_back(std::move(series));
    }
    std::stable_sort(result.series.begin(),
                     result.series.end(),
                     [](const Series &a, const Series &b) { return a.total > b.total; });
    return result;
}

} // namespace Chronoscope
