#include "benchmarks.h"
#include "measure.h"

#include "debug/bisect.h"
#include "debug/blame.h"
#include "debug/eventchain.h"
#include "io/exporter.h"
#include "io/importer.h"
#include "log/eventlog.h"
#include "log/eventrow.h"
#include "log/eventwriter.h"
#include "log/modelstore.h"
#include "log/schema.h"
#include "log/searchindex.h"
#include "log/snapshotstore.h"
#include "log/sqlite.h"
#include "replay/jsmodel.h"
#include "replay/replayer.h"
#include "samples/shopsample.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>

#include <unistd.h>
#include <vector>

namespace Chronoscope::Bench {

namespace {

// The baseline for reading: stepping through the same rows and columns with no formatting.
double rawScanSeconds(EventLog &log)
{
    return seconds([&] {
        Sql::Statement st(Sql::databaseOf(log),
                          "SELECT seq, id, stream, stream_version, type, "
                          "schema_version, source, recorded_at, processed_at, "
                          "causation_id, correlation_id, data, metadata FROM "
                          "events ORDER BY seq");
        size_t bytes = 0;
        while (st.step())
            bytes += st.columnText(1).size() + st.columnText(11).size() + st.columnText(12).size();
        if (bytes == 0)
            std::printf("(empty log)\n");
    });
}

double exportSeconds(EventLog &log, ExportFormat format, const std::string &path)
{
    return seconds([&] {
        std::FILE *out = std::fopen(path.c_str(), "wb");
        Exporter::write(log, {}, format, out);
        std::fclose(out);
    });
}

double importSeconds(const std::string &file, const std::string &path)
{
    removeLog(path);
    EventLog log(path, EventLog::OpenMode::CreateIfMissing);
    return seconds([&] { Importer(log, {}).run({file}); });
}

// Replays the whole history with the generic model, then seeks to 1,000 random positions.
// Returns the seconds of the full replay.
double replayBenchmarks(EventLog &log, double scanRate)
{
    const auto events = static_cast<double>(log.eventCount());
    GenericModel model;
    constexpr int64_t kInterval = Replayer::kDefaultSnapshotInterval;
    const double heapBefore = heapMegabytes();
    Replayer replayer(log, model, kInterval);
    const double replayTime = seconds([&] { replayer.seek(log.eventCount()); });
    const double nativeRate = events / replayTime;
    // What the in-memory snapshots (every 512 events, sharing unchanged streams) and the final
    // state cost, against the size of the log file.
    print({"replay.memory_mb",
           heapMegabytes() - heapBefore,
           "log_mb",
           static_cast<double>(Sql::databaseOf(log).queryInt("PRAGMA page_count")
                               * Sql::databaseOf(log).queryInt("PRAGMA page_size"))
                   / 1e6});
    print({"replay.native.events_per_s",
           nativeRate,
           "sqlite_scan",
           scanRate,
           Figure::Goal::AtLeast,
           1e6});

    // The shop model in JavaScript, over the first 100,000 events (or all of a smaller log).
    {
        const auto stored = ModelStore::current(log);
        JsModel shop(stored->source, "shop.js");
        Replayer jsReplayer(log, shop, kInterval);
        const int64_t jsEvents = std::min<int64_t>(log.eventCount(), 100000);
        const double jsTime = seconds([&] { jsReplayer.seek(jsEvents); });
        const double jsRate = static_cast<double>(jsEvents) / jsTime;
        print({"replay.js.events_per_s",
               jsRate,
               "replay_native",
               nativeRate,
               Figure::Goal::AtLeast,
               250000});
        print({"replay.js.ratio_to_native",
               jsRate / nativeRate,
               "goal_ratio",
               0.1,
               Figure::Goal::AtLeast,
               0.1});
    }

    // States stored in the log (what chronoscope-cli state keeps for the next run), against the
    // size of the log itself.
    {
        SnapshotStore store(log, model.hash());
        Replayer storing(log, model, kInterval);
        storing.useStore(&store, 16384);
        storing.seek(log.eventCount());
        const double logBytes
                = static_cast<double>(Sql::databaseOf(log).queryInt("PRAGMA page_count")
                                      * Sql::databaseOf(log).queryInt("PRAGMA page_size"));
        const auto storedBytes = static_cast<double>(store.storedBytes());
        print({"snapshots.stored_bytes",
               storedBytes,
               "log_bytes",
               logBytes,
               Figure::Goal::RatioAtMost,
               0.25});
    }

    // The floor of a seek: reading the events between two snapshots.
    std::vector<double> reads;
    std::vector<double> seeks;
    std::mt19937_64 random(1);
    const auto head = static_cast<uint64_t>(log.eventCount());
    for (int i = 0; i < 1000; ++i) {
        const auto target = static_cast<int64_t>(random() % (head + 1));
        seeks.push_back(1000.0 * seconds([&] { replayer.seek(target); }));
        EventFilter filter;
        filter.fromSeq = std::max<int64_t>(1, target - kInterval / 2);
        filter.limit = kInterval / 2;
        reads.push_back(1000.0 * seconds([&] {
                            log.forEachEvent(filter, [](const Event &) { return true; });
                        }));
    }
    auto percentile = [](std::vector<double> values, double p) {
        std::sort(values.begin(), values.end());
        return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1))];
    };
    print({"seek.p50_ms",
           percentile(seeks, 0.5),
           "sqlite_read_256_events_ms",
           percentile(reads, 0.5),
           Figure::Goal::AtMost,
           3});
    print({"seek.p99_ms",
           percentile(seeks, 0.99),
           "sqlite_read_256_events_ms",
           percentile(reads, 0.99),
           Figure::Goal::AtMost,
           10});
    return replayTime;
}

// The debugger's tools on the whole history: blame, bisect and search, each against the work it
// avoids.
void debuggerBenchmarks(EventLog &log, double fullReplaySeconds, double scanRate)
{
    const int64_t head = log.eventCount();
    // The over-charged payment and its refund, about 70% into the history.
    Sql::Statement refund(Sql::databaseOf(log),
                          "SELECT seq, stream FROM events WHERE type = 'PaymentRefunded' "
                          "ORDER BY seq LIMIT 1");
    if (!refund.step())
        return;
    const int64_t refundSeq = refund.columnInt(0);
    const std::string payment(refund.columnText(1));

    // Blame replays the path's stream only, with the shop model; against a full replay with the
    // generic model.
    {
        const auto stored = ModelStore::current(log);
        JsModel shop(stored->source, "shop.js");
        std::vector<Blame::Change> changes;
        const double blameTime = seconds([&] {
            changes = Blame::history(log, shop, "/streams/" + payment + "/status", head);
        });
        if (changes.empty() || changes.back().event.seq != refundSeq)
            throw std::runtime_error("blame did not find the refund");
        print({"blame.stream_ms", 1000 * blameTime, "full_replay_ms", 1000 * fullReplaySeconds});
    }

    // Bisect for the refund with the generic model, from a fresh replayer.
    {
        GenericModel model;
        Replayer replayer(log, model);
        ExpressionEngine engine;
        const auto predicate
                = engine.compile("state.streams[\"" + payment + "\"]?.reason !== undefined");
        Bisect::Result result;
        const double bisectTime
                = seconds([&] { result = Bisect::run(replayer, engine, predicate, head); });
        if (result.first != refundSeq)
            throw std::runtime_error("bisect did not find the refund");
        print({"bisect.ms", 1000 * bisectTime, "full_replay_ms", 1000 * fullReplaySeconds});
        print({"bisect.probes",
               static_cast<double>(result.probes),
               "log2_events",
               std::log2(static_cast<double>(head)),
               Figure::Goal::AtMost,
               std::ceil(std::log2(static_cast<double>(head))) + 2});
    }

    // Search: building the full-text index, and one query against a LIKE scan of the payloads.
    {
        SearchIndex index(log);
        const double indexTime = seconds([&] { index.update(); });
        print({"search.index.events_per_s",
               static_cast<double>(head) / indexTime,
               "sqlite_scan",
               scanRate});
        int64_t found = 0;
        EventFilter filter;
        filter.search = "over-charge";
        const double queryTime = seconds([&] {
            log.forEachEvent(filter, [&found](const Event &) {
                ++found;
                return true;
            });
        });
        int64_t scanned = 0;
        const double likeTime = seconds([&] {
            scanned = Sql::databaseOf(log).queryInt(
                    "SELECT count(*) FROM events WHERE data LIKE '%over-charge%'");
        });
        if (found != scanned)
            throw std::runtime_error("search and scan disagree");
        print({"search.query_ms", 1000 * queryTime, "sqlite_like_scan_ms", 1000 * likeTime});
    }

    // The event chain (two grouped passes over the log, one joining causes), against one plain
    // scan of the same log.
    {
        const auto stored = ModelStore::current(log);
        const nlohmann::json services = JsModel(stored->source, "shop.js").services();
        size_t edges = 0;
        const double chainTime
                = seconds([&] { edges = EventChain::of(log, services).edges.size(); });
        if (edges == 0)
            throw std::runtime_error("the event chain has no edges");
        print({"graph.chain_ms",
               1000 * chainTime,
               "sqlite_scan_ms",
               1000 * static_cast<double>(head) / scanRate});
    }
}

} // namespace

std::string Figure::line() const
{
    char buf[320];
    const double ratio = baseline > 0 ? value / baseline : 0;
    const bool small = value < 100; // milliseconds and ratios get decimals
    int n = std::snprintf(buf,
                          sizeof buf,
                          small ? "%s: %.3f (baseline %s %.3f, ratio %.3f"
                                : "%s: %.0f (baseline %s %.0f, ratio %.3f",
                          name.c_str(),
                          value,
                          baselineName.c_str(),
                          baseline,
                          ratio);
    auto append = [&](const char *op, double target, bool met) {
        n += std::snprintf(buf + n,
                           sizeof buf - static_cast<size_t>(n),
                           ", goal %s %.*g%s",
                           op,
                           10,
                           target,
                           met ? "" : ", MISSED");
    };
    switch (goalKind) {
    case Goal::None:
        break;
    case Goal::RatioAtLeast:
        append(">=", goal, ratio >= goal);
        break;
    case Goal::RatioAtMost:
        append("<=", goal, ratio <= goal);
        break;
    case Goal::AtLeast:
        append(">=", goal, value >= goal);
        break;
    case Goal::AtMost:
        append("<=", goal, value <= goal);
        break;
    }
    std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), ")");
    return buf;
}

void runAll(int64_t events, const std::string &directory)
{
    const auto n = static_cast<double>(events);
    const std::string sampleLog = directory + "/sample.chronolog";
    const std::string jsonl = directory + "/sample.jsonl";
    const std::string cloudEvents = directory + "/sample.ce.jsonl";
    removeLog(sampleLog);
    EventLog sample(sampleLog, EventLog::OpenMode::CreateIfMissing);
    ShopSampleOptions options;
    options.events = events;
    const double sampleTime = seconds([&] { ShopSample::generate(sample, options); });

    // Writing a few hundred MB is at the mercy of the disk: the writing figures are the best of
    // two runs, baseline and import alike.
    double insertTime = 0;
    {
        const std::vector<Event> rows = loadAll(sample);
        insertTime = std::min(rawInsertSeconds(rows, directory + "/baseline.chronolog"),
                              rawInsertSeconds(rows, directory + "/baseline.chronolog"));
    }
    removeLog(directory + "/baseline.chronolog");
    const double insertRate = n / insertTime;
    print({"sample.events_per_s", n / sampleTime, "sqlite_insert", insertRate});

    const double scanRate = n / rawScanSeconds(sample);
    print({"export.jsonl.events_per_s",
           n / exportSeconds(sample, ExportFormat::Jsonl, jsonl),
           "sqlite_scan",
           scanRate});
    print({"export.cloudevents.events_per_s",
           n / exportSeconds(sample, ExportFormat::CloudEvents, cloudEvents),
           "sqlite_scan",
           scanRate});

    const std::string imported = directory + "/imported.chronolog";
    print({"import.events_per_s",
           n / std::min(importSeconds(jsonl, imported), importSeconds(jsonl, imported)),
           "sqlite_insert",
           insertRate,
           Figure::Goal::RatioAtLeast,
           0.8});
    print({"import.cloudevents.events_per_s",
           n / importSeconds(cloudEvents, imported),
           "sqlite_insert",
           insertRate});
    removeLog(imported);

    const double fullReplaySeconds = replayBenchmarks(sample, scanRate);
    debuggerBenchmarks(sample, fullReplaySeconds, scanRate);
    removeLog(sampleLog);
    std::error_code ec;
    std::filesystem::remove(jsonl, ec);
    std::filesystem::remove(cloudEvents, ec);
}

} // namespace Chronoscope::Bench
