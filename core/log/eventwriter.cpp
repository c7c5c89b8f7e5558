#include "log/eventwriter.h"

#include "log/sqlite.h"

#include "log/schema.h"

#include "base/error.h"
#include "base/eventcheck.h"
#include "log/eventlog.h"
#include "log/eventrow.h"

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

struct EventWriter::Statements
{
    explicit Statements(Sql::Database &database)
        : db(database)
        , insert(database, kInsertEventSql)
        , insertResult(database, kInsertResultSql)
        , streamVersion(database, "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream = ?1")
        , seqOfId(database, "SELECT seq FROM events WHERE id = ?1")
    {}

    Sql::Database &db;
    Sql::Statement insert;
    Sql::Statement insertResult;
    Sql::Statement streamVersion;
    Sql::Statement seqOfId;
};

EventWriter::EventWriter(EventLog &log)
    : m_sql(std::make_unique<Statements>(Sql::databaseOf(log)))
    , m_nextSeq(log.eventCount() + 1)
    , m_startedEmpty(m_nextSeq == 1)
{}

EventWriter::~EventWriter() = default;

void EventWriter::beginBulk()
{
    if (!m_startedEmpty || m_indexesDropped)
        return;
    Schema::dropSecondaryIndexes(m_sql->db);
    m_indexesDropped = true;
}

void EventWriter::finish()
{
    if (!m_indexesDropped)
        return;
    Schema::createSecondaryIndexes(m_sql->db);
    m_indexesDropped = false;
}

int64_t EventWriter::nextStreamVersion(const std::string &stream)
{
    auto it = m_streamVersions.find(stream);
    if (it == m_streamVersions.end() && m_startedEmpty)
        return 1; // the log had no events when this writer started: every stream is in the map
    if (it == m_streamVersions.end()) {
        m_sql->streamVersion.bind(1, std::string_view(stream));
        const int64_t current = m_sql->streamVersion.step() ? m_sql->streamVersion.columnInt(0) : 0;
        m_sql->streamVersion.reset();
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
    bindEventRow(m_sql->insert, event, m_nextSeq, version);
    if (!m_sql->insert.tryRun()) {
        if (seqOfId(event.id) != 0)
            return Outcome::DuplicateId;
        throw Error::failed(m_sql->db.path() + ": " + sqlite3_errmsg(m_sql->db.handle()));
    }
    event.seq = m_nextSeq++;
    event.streamVersion = version;
    m_streamVersions.insert_or_assign(event.stream, version);
    if (event.result) {
        bindResultRow(m_sql->insertResult, event, event.seq);
        m_sql->insertResult.run();
    }
    return Outcome::Written;
}

int64_t EventWriter::seqOfId(const std::string &id)
{
    m_sql->seqOfId.bind(1, std::string_view(id));
    const int64_t seq = m_sql->seqOfId.step() ? m_sql->seqOfId.columnInt(0) : 0;
    m_sql->seqOfId.reset();
    return seq;
}

} // namespace Chronoscope
