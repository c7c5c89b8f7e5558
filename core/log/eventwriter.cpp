#include "log/eventwriter.h"

#include "log/schema.h"

#include "base/error.h"
#include "base/eventcheck.h"
#include "log/eventlog.h"

namespace Chronoscope {

const char *const kInsertEventSql
        = "INSERT INTO events (seq, id, stream, stream_version, type, schema_version, source, "
          "recorded_at, processed_at, causation_id, correlation_id, data, metadata) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const char *const kInsertResultSql
        = "INSERT INTO results (seq, result, updated_at) VALUES (?1, ?2, ?3)";

void bindEventRow(Sql::Statement &insert, const Event &event, int64_t seq, int64_t streamVersion)
{
    insert.bind(1, seq);
    insert.bind(2, std::string_view(event.id));
    insert.bind(3, std::string_view(event.stream));
    insert.bind(4, streamVersion);
    insert.bind(5, std::string_view(event.type));
    insert.bind(6, event.schemaVersion);
    insert.bindOptional(7, event.source);
    insert.bind(8, event.recordedAt);
    insert.bindOptional(9, event.processedAt);
    insert.bindOptional(10, event.causationId);
    insert.bindOptional(11, event.correlationId);
    insert.bind(12, std::string_view(event.data));
    insert.bind(13, std::string_view(event.metadata));
}

void bindResultRow(Sql::Statement &insert, const Event &event, int64_t seq)
{
    insert.bind(1, seq);
    insert.bind(2, std::string_view(*event.result));
    insert.bind(3, event.processedAt.value_or(event.recordedAt));
}

EventWriter::EventWriter(EventLog &log)
    : m_db(log.database())
    , m_insert(m_db, kInsertEventSql)
    , m_insertResult(m_db, kInsertResultSql)
    , m_streamVersion(m_db, "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream = ?1")
    , m_seqOfId(m_db, "SELECT seq FROM events WHERE id = ?1")
    , m_nextSeq(log.eventCount() + 1)
    , m_startedEmpty(m_nextSeq == 1)
{}

void EventWriter::beginBulk()
{
    if (!m_startedEmpty || m_indexesDropped)
        return;
    Schema::dropSecondaryIndexes(m_db);
    m_indexesDropped = true;
}

void EventWriter::finish()
{
    if (!m_indexesDropped)
        return;
    Schema::createSecondaryIndexes(m_db);
    m_indexesDropped = false;
}

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
    EventCheck::require(event,
                        event.id.empty() ? std::string("refused an event")
                                         : "refused the event " + event.id);
    const int64_t version = nextStreamVersion(event.stream);
    bindEventRow(m_insert, event, m_nextSeq, version);
    if (!m_insert.tryRun()) {
        if (seqOfId(event.id) != 0)
            return Outcome::DuplicateId;
        throw Error::failed(m_db.path() + ": " + sqlite3_errmsg(m_db.handle()));
    }
    event.seq = m_nextSeq++;
    event.streamVersion = version;
    m_streamVersions.insert_or_assign(event.stream, version);
    if (event.result) {
        bindResultRow(m_insertResult, event, event.seq);
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
