#include "eventwriter.h"

#include "error.h"
#include "eventlog.h"

namespace Chronoscope {

EventWriter::EventWriter(EventLog &log)
    : m_db(log.database())
    , m_insert(m_db,
               "INSERT INTO events (seq, id, stream, stream_version, type, schema_version, source, "
               "recorded_at, processed_at, causation_id, correlation_id, data, metadata) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
    , m_insertResult(m_db, "INSERT INTO results (seq, result, updated_at) VALUES (?1, ?2, ?3)")
    , m_streamVersion(m_db, "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream = ?1")
    , m_seqOfId(m_db, "SELECT seq FROM events WHERE id = ?1")
    , m_nextSeq(log.eventCount() + 1)
    , m_startedEmpty(m_nextSeq == 1)
{}

int64_t EventWriter::nextStreamVersion(const std::string &stream)
{
    auto it = m_streamVersions.find(stream);
    if (it == m_streamVersions.end() && m_startedEmpty)
        return 1; // the log had no events when this writer started: every stream is in the map
    if (it == m_streamVersions.end()) {
        m_streamVersion.bind(1, std::string_view(stream));
        const int64_t current = m_streamVersion.step() ? m_streamVersion.columnInt(0) : 0;
        m_streamVersion.reset();
        it = m_streamVersions.emplace(stream, current).first;
    }
    return it->second + 1;
}

EventWriter::Outcome EventWriter::write(Event &event)
{
    const int64_t version = nextStreamVersion(event.stream);
    m_insert.bind(1, m_nextSeq);
    m_insert.bind(2, std::string_view(event.id));
    m_insert.bind(3, std::string_view(event.stream));
    m_insert.bind(4, version);
    m_insert.bind(5, std::string_view(event.type));
    m_insert.bind(6, event.schemaVersion);
    m_insert.bindOptional(7, event.source);
    m_insert.bind(8, event.recordedAt);
    m_insert.bindOptional(9, event.processedAt);
    m_insert.bindOptional(10, event.causationId);
    m_insert.bindOptional(11, event.correlationId);
    m_insert.bind(12, std::string_view(event.data));
    m_insert.bind(13, std::string_view(event.metadata));
    if (!m_insert.tryRun()) {
        if (seqOfId(event.id) != 0)
            return Outcome::DuplicateId;
        throw Error::failed(m_db.path() + ": " + sqlite3_errmsg(m_db.handle()));
    }
    event.seq = m_nextSeq++;
    event.streamVersion = version;
    m_streamVersions[event.stream] = version;
    if (event.result) {
        m_insertResult.bind(1, event.seq);
        m_insertResult.bind(2, std::string_view(*event.result));
        m_insertResult.bind(3, event.processedAt.value_or(event.recordedAt));
        m_insertResult.run();
    }
    return Outcome::Written;
}

int64_t EventWriter::seqOfId(const std::string &id)
{
    m_seqOfId.bind(1, std::string_view(id));
    const int64_t seq = m_seqOfId.step() ? m_seqOfId.columnInt(0) : 0;
    m_seqOfId.reset();
    return seq;
}

} // namespace Chronoscope
