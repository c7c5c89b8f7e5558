#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

/// How often events happen over time, and where the trend points: the simple, honest version
/// of "predicting the future" from an event list.
///
/// Events are counted in buckets of equal width by `recorded_at`, per event type, stream family
/// or source. The trend is an ordinary least-squares line through the counts of the complete
/// buckets (the last bucket is only complete if the log's time range ends on its boundary, so
/// it is left out of the fit); the forecast extends that line `ahead` buckets, never below zero.
/// No seasonality, no confidence interval: a straight line, said plainly.
class EventRates
{
public:
    enum class Grouping { Type, Family, Source };

    struct Series
    {
        std::string key;
        std::vector<int64_t> counts; ///< per bucket
        int64_t total = 0;
        double slope = 0;     ///< events per bucket, per bucket
        double intercept = 0; ///< the fitted count of the first bucket
        std::vector<double> forecast;
    };

    struct Result
    {
        int64_t start = 0;       ///< the first bucket's start, µs since the epoch
        int64_t bucketWidth = 0; ///< µs
        int64_t buckets = 0;
        std::vector<Series> series; ///< by total, descending
    };

    /// `bucketWidth` 0 picks the narrowest of 1, 5, 15, 30 min, 1, 2, 6, 12 h, 1, 2, 7 days that
    /// gives at most 50 buckets (whole days beyond).
    static Result compute(EventLog &log, Grouping grouping, int64_t bucketWidth = 0, int ahead = 7);
};

} // namespace Chronoscope
