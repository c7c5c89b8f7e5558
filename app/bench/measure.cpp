#include "measure.h"

#include "log/eventlog.h"
#include "log/eventrow.h"
#include "log/schema.h"
#include "log/sqlite.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include <unistd.h>

namespace Chronoscope::Bench {

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
    EventLog::removeFiles(path);
}

double residentMegabytes()
{
    long pages = 0;
    long resident = 0;
    if (std::FILE *statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(statm);
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6;
}

double heapMegabytes()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<double>(info.uordblks + info.hblkhd) / 1e6;
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
        Sql::Transaction tx(Sql::databaseOf(log));
        // The bulk load any SQLite program would do: indexes built once at the end.
        Schema::dropSecondaryIndexes(Sql::databaseOf(log));
        Sql::Statement insert(Sql::databaseOf(log), kInsertEventSql);
        Sql::Statement insertResult(Sql::databaseOf(log), kInsertResultSql);
        for (const Event &e : events) {
            bindEventRow(insert, e, e.seq, e.streamVersion);
            insert.run();
            if (e.result) {
                bindResultRow(insertResult, e, e.seq);
                insertResult.run();
            }
        }
        Schema::createSecondaryIndexes(Sql::databaseOf(log));
        tx.commit();
    });
}

} // namespace Chronoscope::Bench
