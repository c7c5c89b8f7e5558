#pragma once

#include "source/sourceslice.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;
class EventSource;

struct SourceProgress
{
    int64_t events = 0;   ///< written in this run
    int64_t position = 0; ///< the store's position read through
    int64_t head = 0;     ///< the store's head when last looked at
};

struct SourceImportOptions
{
    SourceSlice slice;
    /// Start at this position (included) instead of where the log's last read of this slice
    /// ended.
    std::optional<int64_t> fromPosition;
    std::optional<int64_t> limit;
    /// Keep reading what the store appends, one transaction per batch, until `stop` is set.
    bool follow = false;
    int pollIntervalMs = 200;
    size_t pageSize = 1000;
    /// Set from any thread (a signal handler) to end a follow after the batch being written.
    const std::atomic<bool> *stop = nullptr;
    /// Called from the writing thread after each batch; return false to cancel an import (the
    /// log is left as it was) or end a follow.
    std::function<bool(const SourceProgress &)> progress;
    /// Warnings as they happen, for a follow that runs for hours.
    std::function<void(const std::string &)> warning;
};

struct SourceImportReport
{
    int64_t imported = 0;
    int64_t firstSeq = 0; ///< 0 when nothing was imported
    int64_t lastSeq = 0;
    int64_t startPosition = 0; ///< the position the run started after
    int64_t position = 0;      ///< the position read through
    bool resumed = false;      ///< started where an earlier run of this slice ended
    /// Events whose id the log already held, not written again.
    int64_t duplicates = 0;
    std::vector<std::string> warnings;
};

/// What an import would read, found without writing anything.
struct SourcePreview
{
    int64_t startPosition = 0; ///< the position the import would start after
    int64_t head = 0;          ///< the store's settled head now
    int64_t events = 0;        ///< the slice's events between them (at most the limit)
    bool resumed = false;      ///< the start is where an earlier run of this slice ended
};

/// Reads a slice of a live store into a log. A one-shot import reads up to the store's head
/// when it starts, in one transaction: every event or none. A follow commits each batch with
/// the position it reached, so that it can be stopped at any time and resumed by the next run.
/// Either way the log records the source, the slice and the position (SourceStore), and a later
/// run of the same slice starts after it. A reader thread fetches the next page while this one
/// writes.
class SourceImporter
{
public:
    SourceImporter(EventLog &log, EventSource &source, SourceImportOptions options);
    ~SourceImporter();

    SourceImportReport run();

    /// How many events a run of `options` would import now: from where it would start (in
    /// `log`, or from the beginning when there is no log yet) to the store's head. Reads the
    /// store only.
    static SourcePreview
    preview(EventLog *log, EventSource &source, const SourceImportOptions &options);

private:
    class Run;
    EventLog &m_log;
    EventSource &m_source;
    SourceImportOptions m_options;
};

} // namespace Chronoscope
