#include "sourcebenchmarks.h"
#include "benchmarks.h"
#include "measure.h"

#include "sources/messagedbschema.h"
#include "sources/servers.h"

#include "base/timestamp.h"
#include "log/eventlog.h"
#include "log/sqlite.h"
#include "samples/shopsample.h"
#include "source/eventsource.h"
#include "source/sourceimporter.h"
#include "source/sourcespec.h"

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

namespace Chronoscope::Bench {

namespace {

using Clock = std::chrono::steady_clock;
const QString kDatabase = QStringLiteral("bench");

void check(PGconn *conn, PGresult *result, ExecStatusType expected, const char *what)
{
    const bool ok = PQresultStatus(result) == expected;
    PQclear(result);
    if (!ok)
        throw std::runtime_error(std::string(what) + ": " + PQerrorMessage(conn));
}

// COPY's text format: backslash, tab, newline and carriage return escaped.
void appendCopyField(std::string &line, std::string_view text)
{
    for (const char c : text) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

// The shop history as a Message DB writer would have stored it: streams such as order-17,
// positions from 0, the cause named by its global position in the metadata.
void loadShopIntoMessageDb(const Test::PostgresServer &server,
                           int64_t events,
                           const std::string &directory)
{
    const std::string path = directory + "/source-sample.chronolog";
    removeLog(path);
    {
        EventLog log(path, EventLog::OpenMode::CreateIfMissing);
        ShopSampleOptions options;
        options.events = events;
        ShopSample::generate(log, options);
        PGconn *conn = server.connect(kDatabase);
        check(conn,
              PQexec(conn,
                     "COPY message_store.messages (global_position, position, time, stream_name, "
                     "type, data, metadata, id) FROM STDIN"),
              PGRES_COPY_IN,
              "COPY FROM STDIN");
        std::unordered_map<std::string, int64_t> positionOfId;
        positionOfId.reserve(static_cast<size_t>(events));
        std::string line;
        log.forEachEvent({}, [&](const Event &e) {
            positionOfId.emplace(e.id, e.seq);
            std::string metadata = e.metadata;
            if (e.causationId) {
                const auto cause = positionOfId.find(*e.causationId);
                if (cause != positionOfId.end() && metadata.size() >= 2 && metadata[0] == '{')
                    metadata.insert(1,
                                    "\"causationMessageGlobalPosition\":"
                                            + std::to_string(cause->second)
                                            + (metadata == "{}" ? "" : ","));
            }
            char id[40];
            std::snprintf(id,
                          sizeof id,
                          "00000000-0000-4000-8000-%012lld",
                          static_cast<long long>(e.seq));
            line.clear();
            line += std::to_string(e.seq) + '\t' + std::to_string(e.streamVersion - 1) + '\t'
                    + Timestamp::format(e.recordedAt) + '\t';
            appendCopyField(line, e.stream);
            line += '\t';
            appendCopyField(line, e.type);
            line += '\t';
            appendCopyField(line, e.data);
            line += '\t';
            appendCopyField(line, metadata);
            line += '\t';
            line += id;
            line += '\n';
            if (PQputCopyData(conn, line.data(), static_cast<int>(line.size())) != 1)
                throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(conn));
            return true;
        });
        if (PQputCopyEnd(conn, nullptr) != 1)
            throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(conn));
        check(conn, PQgetResult(conn), PGRES_COMMAND_OK, "COPY");
        check(conn,
              PQexec(conn,
                     "SELECT setval('message_store.messages_global_position_seq', "
                     "(SELECT max(global_position) FROM message_store.messages))"),
              PGRES_TUPLES_OK,
              "setval");
        check(conn,
              PQexec(conn, "VACUUM ANALYZE message_store.messages"),
              PGRES_COMMAND_OK,
              "VACUUM");
        PQfinish(conn);
    }
    removeLog(path);
}

// The baseline: the same rows and columns streamed out by the server's fastest path, through
// the same client library, with nothing done to them.
double copyOutSeconds(const Test::PostgresServer &server, int64_t expected)
{
    PGconn *conn = server.connect(kDatabase);
    int64_t rows = 0;
    const double s = seconds([&] {
        check(conn,
              PQexec(conn,
                     "COPY (SELECT global_position, position, time, stream_name, type, data, "
                     "metadata, id FROM message_store.messages ORDER BY global_position) "
                     "TO STDOUT"),
              PGRES_COPY_OUT,
              "COPY TO STDOUT");
        char *buffer = nullptr;
        int length = 0;
        while ((length = PQgetCopyData(conn, &buffer, 0)) > 0) {
            ++rows;
            PQfreemem(buffer);
        }
        check(conn, PQgetResult(conn), PGRES_COMMAND_OK, "COPY TO STDOUT");
    });
    PQfinish(conn);
    if (rows != expected)
        throw std::runtime_error("COPY read " + std::to_string(rows) + " rows");
    return s;
}

std::string sourceUri(const Test::PostgresServer &server)
{
    return server.uri(kDatabase, QStringLiteral("store=messagedb")).toStdString();
}

struct ImportRun
{
    double seconds = 0;
    double peakAboveSqliteMb = 0; ///< resident growth during the import, SQLite's own memory aside
};

ImportRun
importSeconds(const Test::PostgresServer &server, int64_t expected, const std::string &path)
{
    removeLog(path);
    EventLog log(path, EventLog::OpenMode::CreateIfMissing);
    const auto source = openSource(SourceSpec::parse(sourceUri(server)), {}, {});
    ImportRun run;
    const double rssBefore = residentMegabytes();
    const int64_t sqliteBefore = Sql::memoryUsed();
    SourceImportOptions options;
    options.progress = [&](const SourceProgress &) {
        const double sqliteMb = static_cast<double>(Sql::memoryUsed() - sqliteBefore) / 1e6;
        run.peakAboveSqliteMb
                = std::max(run.peakAboveSqliteMb, residentMegabytes() - rssBefore - sqliteMb);
        return true;
    };
    SourceImportReport report;
    run.seconds = seconds([&] { report = SourceImporter(log, *source, options).run(); });
    if (report.imported != expected)
        throw std::runtime_error("the import wrote " + std::to_string(report.imported) + " events");
    return run;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

// A writer commits one message every 20 ms on its own connection; the follower is the CLI's
// `import --follow` (SourceImporter, default poll interval). The latency of a message is from
// its COMMIT returning to the batch holding it being committed to the log.
std::vector<double> followLatenciesMs(const Test::PostgresServer &server,
                                      const std::string &path,
                                      int messages,
                                      int pollIntervalMs)
{
    removeLog(path);
    EventLog log(path, EventLog::OpenMode::CreateIfMissing);
    const auto source = openSource(SourceSpec::parse(sourceUri(server)), {}, {});
    std::atomic<bool> stop = false;
    std::mutex mutex;
    std::vector<Clock::time_point> committed;
    std::vector<double> latencies;
    size_t arrived = 0;
    SourceImportOptions options;
    options.follow = true;
    // From the end: the history already there is the import figure's business.
    options.fromPosition = server.value(kDatabase,
                                        QStringLiteral("SELECT coalesce(max(global_position), 0) "
                                                       "+ 1 FROM message_store.messages"))
                                   .toLongLong();
    options.pollIntervalMs = pollIntervalMs;
    options.stop = &stop;
    options.progress = [&](const SourceProgress &progress) {
        const auto now = Clock::now();
        std::lock_guard lock(mutex);
        for (; arrived < static_cast<size_t>(progress.events) && arrived < committed.size();
             ++arrived)
            latencies.push_back(
                    std::chrono::duration<double, std::milli>(now - committed[arrived]).count());
        return true;
    };
    std::thread follower([&] { SourceImporter(log, *source, options).run(); });
    std::this_thread::sleep_for(std::chrono::seconds(1)); // connected and polling
    PGconn *conn = server.connect(kDatabase);
    for (int i = 0; i < messages; ++i) {
        const std::string sql
                = "INSERT INTO message_store.messages (position, stream_name, type, data) VALUES ("
                  + std::to_string(i) + ", 'bench-1', 'Tick', '{\"i\": " + std::to_string(i)
                  + "}')";
        PGresult *result = PQexec(conn, sql.c_str());
        const auto now = Clock::now();
        check(conn, result, PGRES_COMMAND_OK, "INSERT");
        {
            std::lock_guard lock(mutex);
            committed.push_back(now);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    PQfinish(conn);
    for (int i = 0; i < 500; ++i) {
        {
            std::lock_guard lock(mutex);
            if (latencies.size() == static_cast<size_t>(messages))
                break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    stop = true;
    follower.join();
    if (latencies.size() != static_cast<size_t>(messages))
        throw std::runtime_error("the follow brought " + std::to_string(latencies.size()) + " of "
                                 + std::to_string(messages) + " messages");
    removeLog(path);
    return latencies;
}

} // namespace

void runSourceBenchmarks(int64_t events, const std::string &directory)
{
    const auto n = static_cast<double>(events);
    Test::PostgresServer server;
    server.exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE bench"));
    server.exec(kDatabase, QString::fromLatin1(Test::kMessageDbSchema));
    qputenv("PGPASSWORD", Test::PostgresServer::kPassword);
    loadShopIntoMessageDb(server, events, directory);

    // Both read from a warm server cache: the first COPY warms it.
    (void)copyOutSeconds(server, events);
    const double copyRate = n / copyOutSeconds(server, events);
    const std::string path = directory + "/from-postgres.chronolog";
    const ImportRun import = importSeconds(server, events, path);
    // The log side alone: the same events, already in memory, written by plain INSERTs.
    double insertRate = 0;
    {
        EventLog imported(path, EventLog::OpenMode::Existing);
        insertRate = n / rawInsertSeconds(loadAll(imported), directory + "/baseline.chronolog");
    }
    removeLog(directory + "/baseline.chronolog");
    removeLog(path);
    const double importRate = n / import.seconds;
    print({"import.postgres.events_per_s",
           importRate,
           "libpq_copy_to_stdout",
           copyRate,
           Figure::Goal::RatioAtLeast,
           0.7});
    print({"import.postgres.events_per_s", importRate, "sqlite_insert", insertRate});
    print({"import.postgres.resident_mb_above_sqlite",
           import.peakAboveSqliteMb,
           "sqlite_cache_mb",
           256,
           Figure::Goal::AtMost,
           64});

    const int pollMs = SourceImportOptions{}.pollIntervalMs;
    const std::vector<double> latencies
            = followLatenciesMs(server, directory + "/follow.chronolog", 200, pollMs);
    print({"follow.postgres.latency_ms.p50",
           percentile(latencies, 0.5),
           "poll_interval_ms",
           static_cast<double>(pollMs),
           Figure::Goal::AtMost,
           200});
    print({"follow.postgres.latency_ms.p99",
           percentile(latencies, 0.99),
           "poll_interval_ms",
           static_cast<double>(pollMs),
           Figure::Goal::AtMost,
           1000});
}

} // namespace Chronoscope::Bench
