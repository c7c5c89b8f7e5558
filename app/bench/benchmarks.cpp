#include "benchmarks.h"

#include "eventlog.h"
#include "eventwriter.h"
#include "exporter.h"
#include "importer.h"
#include "shopsample.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

namespace Chronoscope::Bench {

namespace {

double seconds(const std::function<void()> &work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print(const Figure &figure)
{
    std::printf("%s\n", figure.line().c_str());
    std::fflush(stdout);
}

void removeLog(const std::string &path)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix, ec);
}

std::vector<Event> loadAll(EventLog &log)
{
    std::vector<Event> events;
    events.reserve(static_cast<size_t>(log.eventCount()));
    log.forEachEvent({}, [&events](const Event &e) {
        events.push_back(e);
        return true;
    });
    return events;
}

// The baseline for writing: the same rows (events and their results), already in memory, bound
// to prepared INSERTs in one transaction, into a log with the same schema (and so the same
// indexes and triggers) and the same page cache.
double rawInsertSeconds(const std::vector<Event> &events, const std::string &path)
{
    removeLog(path);
    EventLog log(path, EventLog::OpenMode::CreateIfMissing);
    log.prepareBulkWrite();
    return seconds([&] {
        Sql::Transaction tx(log.database());
        Sql::Statement insert(log.database(), kInsertEventSql);
        Sql::Statement insertResult(log.database(), kInsertResultSql);
        for (const Event &e : events) {
            bindEventRow(insert, e, e.seq, e.streamVersion);
            insert.run();
            if (e.result) {
                bindResultRow(insertResult, e, e.seq);
                insertResult.run();
            }
        }
        tx.commit();
    });
}

// The baseline for reading: stepping through the same rows and columns with no formatting.
double rawScanSeconds(EventLog &log)
{
    return seconds([&] {
        Sql::Statement st(log.database(),
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

} // namespace

std::string Figure::line() const
{
    char buf[256];
    const double ratio = baseline > 0 ? value / baseline : 0;
    int n = std::snprintf(buf,
                          sizeof buf,
                          "%s: %.0f (baseline %s %.0f, ratio %.2f",
                          name.c_str(),
                          value,
                          baselineName.c_str(),
                          baseline,
                          ratio);
    if (goal > 0)
        n += std::snprintf(buf + n,
                           sizeof buf - static_cast<size_t>(n),
                           ", goal >= %.2g%s",
                           goal,
                           ratio >= goal ? "" : ", MISSED");
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

    double insertTime = 0;
    {
        const std::vector<Event> rows = loadAll(sample);
        insertTime = rawInsertSeconds(rows, directory + "/baseline.chronolog");
    }
    removeLog(directory + "/baseline.chronolog");
    const double insertRate = n / insertTime;
    print({"sample.events_per_s", n / sampleTime, "sqlite_insert", insertRate, 0});

    const double scanRate = n / rawScanSeconds(sample);
    print({"export.jsonl.events_per_s",
           n / exportSeconds(sample, ExportFormat::Jsonl, jsonl),
           "sqlite_scan",
           scanRate,
           0});
    print({"export.cloudevents.events_per_s",
           n / exportSeconds(sample, ExportFormat::CloudEvents, cloudEvents),
           "sqlite_scan",
           scanRate,
           0});

    const std::string imported = directory + "/imported.chronolog";
    print({"import.events_per_s",
           n / importSeconds(jsonl, imported),
           "sqlite_insert",
           insertRate,
           0.8});
    print({"import.cloudevents.events_per_s",
           n / importSeconds(cloudEvents, imported),
           "sqlite_insert",
           insertRate,
           0});
    removeLog(imported);
    removeLog(sampleLog);
    std::error_code ec;
    std::filesystem::remove(jsonl, ec);
    std::filesystem::remove(cloudEvents, ec);
}

} // namespace Chronoscope::Bench
