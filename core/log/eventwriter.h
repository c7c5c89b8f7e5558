#pragma once

#include "base/event.h"

#include <memory>
#include <string>
#include <unordered_map>

namespace Chronoscope {

class EventLog;

/// Appends events to a log inside a transaction the caller holds (bulk import, sample
/// generation, single appends). Assigns each event the next seq and its stream's next version,
/// and stores its result, if any, in the results table. The caller's transaction must be an
/// immediate (write) one, begun before the writer, so that no other writer moves the log on.
class EventWriter
{
public:
    enum class Outcome { Written, DuplicateId };

    explicit EventWriter(EventLog &log);
    ~EventWriter();
    /// For a bulk write: when the log is empty, sets the secondary indexes aside until finish()
    /// (see Schema::dropSecondaryIndexes()).
    void beginBulk();
    /// Call before committing: rebuilds what beginBulk() set aside.
    void finish();

    /// Writes the event and sets event.seq and event.streamVersion. A duplicate id writes
    /// nothing and returns DuplicateId; any other failure throws.
    Outcome write(Event &event);

    /// The seq of an existing event with this id, or 0.
    int64_t seqOfId(const std::string &id);
    int64_t lastSeq() const { return m_nextSeq - 1; }
    /// The stream_version the next event of this stream will get.
    int64_t nextStreamVersion(const std::string &stream);

private:
    struct Statements;
    std::unique_ptr<Statements> m_sql;
    std::unordered_map<std::string, int64_t> m_streamVersions;
    int64_t m_nextSeq;
    const bool m_startedEmpty;
    bool m_indexesDropped = false;
};

} // namespace Chronoscope
