#pragma once

#include "benchmarks.h"

#include "base/event.h"

#include <functional>
#include <string>
#include <vector>

namespace Chronoscope {
class EventLog;
}

namespace Chronoscope::Bench {

/// How long `work` takes, in seconds (steady clock).
double seconds(const std::function<void()> &work);
/// Prints one figure on its own line, at once.
void print(const Figure &figure);
/// Removes a log and its WAL files.
void removeLog(const std::string &path);
/// The resident set of this process, MB.
double residentMegabytes();
/// The heap in use (malloc's own count, every arena): unlike the resident size, it is not
/// blurred by memory freed earlier and kept by the allocator.
double heapMegabytes();

/// Every event of a log, in memory.
std::vector<Event> loadAll(EventLog &log);
/// The baseline for writing a log: `events` bound to prepared INSERTs in one transaction, into
/// a new log at `path` with the same schema (indexes built once at the end, as any SQLite bulk
/// load would) and the same page cache. Seconds.
double rawInsertSeconds(const std::vector<Event> &events, const std::string &path);

} // namespace Chronoscope::Bench
