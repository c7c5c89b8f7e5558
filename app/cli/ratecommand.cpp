#include "base/error.h"
#include "base/timestamp.h"
#include "commandline.h"
#include "commands.h"
#include "debug/eventrates.h"
#include "log/eventlog.h"
#include "output.h"

#include <cmath>

namespace Chronoscope::Cli {

namespace {

// "30m", "6h", "1d" → µs.
int64_t parseWidth(const QString &text)
{
    static const std::map<QChar, int64_t> units = {{QLatin1Char('s'), 1'000'000},
                                                   {QLatin1Char('m'), 60'000'000},
                                                   {QLatin1Char('h'), 3'600'000'000},
                                                   {QLatin1Char('d'), 86'400'000'000}};
    bool ok = false;
    const qlonglong n = text.left(text.size() - 1).toLongLong(&ok);
    const auto unit = text.isEmpty() ? units.end() : units.find(text.back());
    if (!ok || n <= 0 || unit == units.end())
        throw Error::input("--bucket takes a width like 30m, 6h or 1d, not \"" + toStd(text)
                           + "\"");
    return n * unit->second;
}

} // namespace

int runRate(const QStringList &arguments)
{
    CommandLine cl(QStringLiteral("rate"),
                   QStringLiteral("LOG [--by type|family|source] [--bucket WIDTH] [--ahead N]"),
                   QStringLiteral("Counts events per time bucket (by recorded_at) and fits a "
                                  "straight trend line through the complete buckets by least "
                                  "squares; the forecast extends it N buckets. No seasonality, no "
                                  "confidence interval: a simple, honest extrapolation."));
    cl.addOption({QStringLiteral("by")},
                 QStringLiteral("Group by event type, stream family or source (default: type)."),
                 QStringLiteral("GROUP"),
                 QStringLiteral("type"));
    cl.addOption({QStringLiteral("bucket")},
                 QStringLiteral("Bucket width: 30m, 6h, 1d… (default: about 50 buckets)."),
                 QStringLiteral("WIDTH"));
    cl.addOption({QStringLiteral("ahead")},
                 QStringLiteral("Forecast this many buckets (default: 7)."),
                 QStringLiteral("N"),
                 QStringLiteral("7"));
    if (!cl.parse(arguments))
        return 0;
    cl.positional(1, 1);
    const QString by = cl.value(QStringLiteral("by"));
    EventRates::Grouping grouping;
    if (by == QLatin1String("type"))
        grouping = EventRates::Grouping::Type;
    else if (by == QLatin1String("family"))
        grouping = EventRates::Grouping::Family;
    else if (by == QLatin1String("source"))
        grouping = EventRates::Grouping::Source;
    else
        throw Error::input("--by takes type, family or source, not \"" + toStd(by) + "\"");
    const int64_t width = cl.isSet(QStringLiteral("bucket"))
                                  ? parseWidth(cl.value(QStringLiteral("bucket")))
                                  : 0;
    const int64_t ahead = cl.optionalInteger(QStringLiteral("ahead")).value_or(7);
    if (ahead < 0 || ahead > 10000)
        throw Error::input("--ahead takes 0 … 10000");
    EventLog log(cl.logPath(), EventLog::OpenMode::Existing);
    const EventRates::Result rates
            = EventRates::compute(log, grouping, width, static_cast<int>(ahead));

    if (cl.json()) {
        nlohmann::ordered_json series = nlohmann::ordered_json::array();
        for (const auto &s : rates.series)
            series.push_back({{"key", s.key},
                              {"total", s.total},
                              {"counts", s.counts},
                              {"slope", s.slope},
                              {"intercept", s.intercept},
                              {"forecast", s.forecast}});
        printJson({{"start", Timestamp::format(rates.start)},
                   {"bucket_seconds", rates.bucketWidth / 1'000'000},
                   {"buckets", rates.buckets},
                   {"method", "least-squares line through the complete buckets"},
                   {"series", series}});
        return 0;
    }
    char line[256];
    std::string text = "buckets of " + std::to_string(rates.bucketWidth / 1'000'000) + " s from "
                       + Timestamp::format(rates.start) + ", " + std::to_string(rates.buckets)
                       + " buckets; trend: least squares over the complete buckets\n";
    std::snprintf(line,
                  sizeof line,
                  "%-28s %8s %10s %12s  %s\n",
                  "",
                  "events",
                  "per bucket",
                  "trend/bucket",
                  "forecast");
    text += line;
    for (const auto &s : rates.series) {
        std::string forecast;
        for (const double f : s.forecast)
            forecast += (forecast.empty() ? "" : " ") + std::to_string(std::lround(f));
        std::snprintf(line,
                      sizeof line,
                      "%-28s %8lld %10.1f %+12.2f  %s\n",
                      s.key.c_str(),
                      static_cast<long long>(s.total),
                      static_cast<double>(s.total)
                              / static_cast<double>(std::max<int64_t>(1, rates.buckets)),
                      s.slope,
                      forecast.c_str());
        text += line;
    }
    printOut(text);
    return 0;
}

} // namespace Chronoscope::Cli
