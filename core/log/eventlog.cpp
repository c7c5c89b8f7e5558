#include "log/eventlog.h"

#include "log/sqlite.h"

#include "base/error.h"
#include "log/eventrow.h"
#include "log/eventwriter.h"
#include "log/schema.h"
#include "log/searchindex.h"

#include <QtGlobal>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <unistd.h>

namespace Chronoscope {

const char *const kEventColumns
        = "e.seq, e.id, e.stream, e.stream_version, e.type, e.schema_version, e.source, "
          "e.recorded_at, e.processed_at, e.causation_id, e.correlation_id, e.data, e.metadata, "
          "r.result";

namespace {

enum class FileKind { Missing, Empty, Sqlite, Other };

FileKind inspect(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return FileKind::Missing;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error::input(path + ": cannot read the file");
    char header[16] = {};
    in.read(header, sizeof header);
    if (in.gcount() == 0)
        return FileKind::Empty;
    if (in.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0)
        return FileKind::Sqlite;
    return FileKind::Other;
}

bool isGlob(const std::string &pattern)
{
    return pattern.find_first_of("*?[") != std::string::npos;
}

// The WHERE, ORDER BY and LIMIT of a query over `events e` for a filter, and its bindings.
std::string filterClause(const EventFilter &filter)
{
    std::string sql = " WHERE e.seq >= ?1";
    if (filter.toSeq)
        sql += " AND e.seq <= ?2";
    if (filter.stream)
        sql += isGlob(*filter.stream) ? " AND e.stream GLOB ?3" : " AND e.stream = ?3";
    if (filter.type)
        sql += isGlob(*filter.type) ? " AND e.type GLOB ?4" : " AND e.type = ?4";
    if (filter.source)
        sql += isGlob(*filter.source) ? " AND e.source GLOB ?5" : " AND e.source = ?5";
    if (filter.search)
        sql += " AND e.seq IN (SELECT rowid FROM event_search WHERE event_search MATCH ?7)";
    sql += " ORDER BY e.seq";
    if (filter.limit)
        sql += " LIMIT ?6";
    return sql;
}

void bindFilter(Sql::Statement &st, const EventFilter &filter)
{
    st.bind(1, filter.fromSeq);
    if (filter.toSeq)
        st.bind(2, *filter.toSeq);
    if (filter.stream)
        st.bind(3, std::string_view(*filter.stream));
    if (filter.type)
        st.bind(4, std::string_view(*filter.type));
    if (filter.source)
        st.bind(5, std::string_view(*filter.source));
    if (filter.limit)
        st.bind(6, *filter.limit);
    if (filter.search)
        st.bind(7, std::string_view(SearchIndex::matchQuery(*filter.search)));
}

} // namespace

void readEventRow(const Sql::Statement &st, Event &e)
{
    e.seq = st.columnInt(0);
    e.id = st.columnText(1);
    e.stream = st.columnText(2);
    e.streamVersion = st.columnInt(3);
    e.type = st.columnText(4);
    e.schemaVersion = st.columnInt(5);
    e.source = st.columnOptionalText(6);
    e.recordedAt = st.columnInt(7);
    e.processedAt = st.columnOptionalInt(8);
    e.causationId = st.columnOptionalText(9);
    e.correlationId = st.columnOptionalText(10);
    e.data = st.columnText(11);
    e.metadata = st.columnText(12);
    e.result = st.columnOptionalText(13);
}

Sql::Database &Sql::databaseOf(EventLog &log)
{
    return *log.m_db;
}

EventLog::EventLog(const std::string &path, OpenMode mode)
    : m_path(path)
{
    const FileKind kind = inspect(path);
    if (kind == FileKind::Missing && mode == OpenMode::Existing)
        throw Error::notFound(path + ": no such log");
    if (kind == FileKind::Other)
        throw Error::input(path + ": not a Chronoscope log (the file is not an SQLite database)");
    // An empty file is nobody's log: every command says the same, and none turns it into one.
    if (kind == FileKind::Empty)
        throw Error::input(path
                           + ": not a Chronoscope log (the file is empty); remove it, or name a "
                             "file that does not exist to create a new log");

    // A log the user may not write (an installed sample, a log on read-only media) opens for
    // reading: every read works, a write fails with SQLite's "readonly database".
    const bool readOnly = kind == FileKind::Sqlite && ::access(path.c_str(), W_OK) != 0;
    m_db = std::make_unique<Sql::Database>(path,
                                           readOnly ? Sql::Database::Mode::ReadOnly
                                           : mode == OpenMode::Existing
                                                   ? Sql::Database::Mode::ReadWrite
                                                   : Sql::Database::Mode::ReadWriteCreate);
    const int64_t applicationId = m_db->queryInt("PRAGMA application_id");
    const int64_t version = m_db->queryInt("PRAGMA user_version");
    const int64_t tables = m_db->queryInt("SELECT count(*) FROM sqlite_master");
    const bool blank = applicationId == 0 && version == 0 && tables == 0;
    if (blank && mode == OpenMode::Existing)
        throw Error::input(path + ": not a Chronoscope log (an empty SQLite database)");
    if (!blank && applicationId != Schema::kApplicationId)
        throw Error::input(path
                           + ": not a Chronoscope log (an SQLite database of another application)");
    if (version > Schema::latestVersion())
        throw Error::input(path + ": written by a newer Chronoscope (log schema "
                           + std::to_string(version) + ", this build reads up to "
                           + std::to_string(Schema::latestVersion())
                           + "); open it with a newer Chronoscope. The file was left untouched.");
    if (!blank && version <= 0)
        throw Error::input(path + ": a Chronoscope log whose schema version is "
                           + std::to_string(version)
                           + ", which no Chronoscope writes, although it holds tables: the file "
                             "was changed outside Chronoscope. The file was left untouched.");

    if (readOnly && version < Schema::latestVersion())
        throw Error::input(path
                           + ": written by an older Chronoscope and not writable here; copy "
                             "it somewhere writable, where opening it upgrades it");
    if (!readOnly)
        m_db->exec("PRAGMA journal_mode = WAL");
    m_db->exec("PRAGMA foreign_keys = ON");
    if (version < Schema::latestVersion()) {
        try {
            Schema::migrate(*m_db, static_cast<int>(version));
        } catch (const Error &e) {
            throw Error::input(path + ": cannot bring the log from schema version "
                               + std::to_string(version) + " to "
                               + std::to_string(Schema::latestVersion()) + " (" + e.what()
                               + "): its tables are not those of version " + std::to_string(version)
                               + ", so it was changed outside Chronoscope. The file was left "
                                 "untouched.");
        }
        if (blank)
            initialise();
    }
    m_schemaVersion = Schema::latestVersion();
    // Whoever opens a log learns that its events are no longer protected (once per process and
    // log: a command opens a log several times); `verify` says more.
    const auto problems = Schema::triggerProblems(*m_db);
    for (const std::string &problem : problems)
        m_openWarnings.push_back(problem + ": recorded events are not protected");
    static std::mutex warnedMutex;
    static std::set<std::string> warned;
    std::lock_guard lock(warnedMutex);
    if (!problems.empty() && warned.insert(path).second)
        for (const std::string &problem : problems)
            qWarning("%s: %s: recorded events are not protected (see chronoscope-cli verify)",
                     path.c_str(),
                     problem.c_str());
}

EventLog::~EventLog() = default;

void EventLog::initialise()
{
    Sql::Transaction tx(*m_db);
    Sql::Statement st(*m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    st.bind(1, std::string_view("created_at"));
    st.bind(2, Timestamp::format(Timestamp::now()));
    st.run();
    tx.commit();
}

int64_t EventLog::eventCount()
{
    return m_db->queryInt("SELECT coalesce(max(seq), 0) FROM events");
}

int64_t EventLog::streamVersion(const std::string &stream)
{
    Sql::Statement st(*m_db,
                      "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream = ?");
    st.bind(1, std::string_view(stream));
    return st.step() ? st.columnInt(0) : 0;
}

Event EventLog::append(Event event, std::optional<int64_t> expectedVersion)
{
    Sql::Transaction tx(*m_db); // BEGIN IMMEDIATE: the version check and the insert are one step
    const int64_t actual = streamVersion(event.stream);
    if (expectedVersion && *expectedVersion != actual)
        throw Error::conflict("append to stream '" + event.stream + "' refused: expected version "
                              + std::to_string(*expectedVersion) + ", but the stream is at version "
                              + std::to_string(actual) + "; nothing was written");
    EventWriter writer(*this);
    if (writer.write(event) == EventWriter::Outcome::DuplicateId)
        throw Error::conflict("append refused: an event with id '" + event.id
                              + "' is already in the log; nothing was written");
    tx.commit();
    return event;
}

std::optional<Event> EventLog::queryOne(const char *where,
                                        const std::function<void(Sql::Statement &)> &bind)
{
    const std::string sql = std::string("SELECT ") + kEventColumns
                            + " FROM events e LEFT JOIN results r ON r.seq = e.seq WHERE " + where;
    Sql::Statement st(*m_db, sql.c_str());
    bind(st);
    if (!st.step())
        return std::nullopt;
    Event e;
    readEventRow(st, e);
    return e;
}

std::optional<Event> EventLog::event(int64_t seq)
{
    return queryOne("e.seq = ?", [seq](Sql::Statement &st) { st.bind(1, seq); });
}

std::optional<Event> EventLog::eventById(const std::string &id)
{
    return queryOne("e.id = ?", [&id](Sql::Statement &st) { st.bind(1, std::string_view(id)); });
}

namespace {

const char *const kHeaderColumns
        = "seq, id, stream, stream_version, type, source, recorded_at, processed_at, causation_id";

std::vector<EventHeader> readHeaders(Sql::Statement &st, size_t expected)
{
    std::vector<EventHeader> result;
    result.reserve(expected);
    while (st.step()) {
        EventHeader &h = result.emplace_back();
        h.seq = st.columnInt(0);
        h.id = st.columnText(1);
        h.stream = st.columnText(2);
        h.streamVersion = st.columnInt(3);
        h.type = st.columnText(4);
        h.source = st.columnOptionalText(5);
        h.recordedAt = st.columnInt(6);
        h.processedAt = st.columnOptionalInt(7);
        h.causationId = st.columnOptionalText(8);
    }
    return result;
}

} // namespace

std::vector<EventHeader> EventLog::headers(int64_t fromSeq, int count)
{
    const std::string sql = std::string("SELECT ") + kHeaderColumns
                            + " FROM events WHERE seq >= ? ORDER BY seq LIMIT ?";
    Sql::Statement st(*m_db, sql.c_str());
    st.bind(1, fromSeq);
    st.bind(2, int64_t(count));
    return readHeaders(st, static_cast<size_t>(std::max(0, count)));
}

std::vector<EventHeader>
EventLog::headersBetween(Timestamp::Micros from, Timestamp::Micros to, int limit)
{
    const std::string sql = std::string("SELECT ") + kHeaderColumns
                            + " FROM events WHERE recorded_at BETWEEN ? AND ? "
                              "ORDER BY recorded_at, seq LIMIT ?";
    Sql::Statement st(*m_db, sql.c_str());
    st.bind(1, from);
    st.bind(2, to);
    st.bind(3, int64_t(limit));
    return readHeaders(st, 0);
}

std::optional<int64_t> EventLog::nearestMatching(int64_t from,
                                                 bool forward,
                                                 const std::vector<EventFilter> &anyOf,
                                                 const std::function<bool(int64_t seq)> &skip)
{
    if (anyOf.empty())
        return std::nullopt;
    std::string sql = forward ? "SELECT seq FROM events WHERE seq > ?1 AND ("
                              : "SELECT seq FROM events WHERE seq < ?1 AND (";
    std::vector<const std::string *> patterns;
    for (size_t i = 0; i < anyOf.size(); ++i) {
        const EventFilter &f = anyOf[i];
        std::string all;
        for (const auto &[column, pattern] : {std::pair{"type", &f.type},
                                              std::pair{"stream", &f.stream},
                                              std::pair{"source", &f.source}}) {
            if (!*pattern)
                continue;
            patterns.push_back(&**pattern);
            all += (all.empty() ? "" : " AND ") + std::string(column) + " GLOB ?"
                   + std::to_string(patterns.size() + 1);
        }
        sql += (i ? " OR (" : "(") + (all.empty() ? std::string("1") : all) + ")";
    }
    sql += forward ? ") ORDER BY seq LIMIT 1" : ") ORDER BY seq DESC LIMIT 1";
    Sql::Statement st(*m_db, sql.c_str());
    int64_t at = from;
    for (;;) {
        st.reset();
        st.bind(1, at);
        for (size_t i = 0; i < patterns.size(); ++i)
            st.bind(static_cast<int>(i + 2), std::string_view(*patterns[i]));
        if (!st.step())
            return std::nullopt;
        at = st.columnInt(0);
        if (!skip || !skip(at))
            return at;
    }
}

int64_t EventLog::lastSeqBefore(Timestamp::Micros time)
{
    // A merge's corrections are appended at the end but replayed in the place of what they
    // correct: their own seq is not a place in time.
    Sql::Statement st(*m_db,
                      "SELECT coalesce(max(seq), 0) FROM events WHERE recorded_at < ? AND seq NOT "
                      "IN " CHRONOSCOPE_APPENDED_BY_MERGES);
    st.bind(1, time);
    return st.step() ? st.columnInt(0) : 0;
}

Timestamp::Micros EventLog::maxLag()
{
    Sql::Statement st(
            *m_db,
            "SELECT coalesce(max(processed_at - recorded_at), 0) FROM events "
            "WHERE processed_at IS NOT NULL AND seq NOT IN " CHRONOSCOPE_APPENDED_BY_MERGES);
    return st.step() ? st.columnInt(0) : 0;
}

void EventLog::removeFiles(const std::string &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ignored;
        std::filesystem::remove(path + suffix, ignored);
    }
}

std::vector<Event> EventLog::effectsOf(const std::string &id)
{
    std::vector<Event> effects;
    const std::string sql = std::string("SELECT ") + kEventColumns
                            + " FROM events e LEFT JOIN results r ON r.seq = e.seq "
                              "WHERE e.causation_id = ? ORDER BY e.seq";
    Sql::Statement st(*m_db, sql.c_str());
    st.bind(1, std::string_view(id));
    while (st.step()) {
        Event e;
        readEventRow(st, e);
        effects.push_back(std::move(e));
    }
    return effects;
}

void EventLog::forEachEvent(const EventFilter &filter,
                            const std::function<bool(const Event &)> &visit)
{
    using Columns = EventFilter::Columns;
    std::string sql;
    switch (filter.columns) {
    case Columns::All:
        sql = std::string("SELECT ") + kEventColumns
              + " FROM events e LEFT JOIN results r ON r.seq = e.seq";
        break;
    case Columns::WithoutResult:
        sql = std::string("SELECT ") + kEventColumns + " FROM events e, (SELECT NULL AS result) r";
        break;
    case Columns::StreamAndData:
        sql = "SELECT e.seq, e.stream, e.data FROM events e";
        break;
    }
    sql += filterClause(filter);
    Sql::Statement st(*m_db, sql.c_str());
    bindFilter(st, filter);
    Event e;
    while (st.step()) {
        if (filter.columns == Columns::StreamAndData) {
            e.seq = st.columnInt(0);
            e.stream = st.columnText(1);
            e.data = st.columnText(2);
        } else {
            readEventRow(st, e);
        }
        if (!visit(e))
            break;
    }
}

std::vector<int64_t> EventLog::seqs(const EventFilter &filter)
{
    const std::string sql = "SELECT e.seq FROM events e" + filterClause(filter);
    Sql::Statement st(*m_db, sql.c_str());
    bindFilter(st, filter);
    std::vector<int64_t> result;
    while (st.step())
        result.push_back(st.columnInt(0));
    return result;
}

void EventLog::prepareBulkWrite()
{
    m_db->exec("PRAGMA cache_size = -262144"); // 256 MiB
}

void EventLog::setResult(int64_t seq, const std::string &resultJson)
{
    Sql::Statement st(*m_db,
                      "INSERT INTO results (seq, result, updated_at) VALUES (?, ?, ?) "
                      "ON CONFLICT (seq) DO UPDATE SET result = excluded.result, "
                      "updated_at = excluded.updated_at");
    st.bind(1, seq);
    st.bind(2, std::string_view(resultJson));
    st.bind(3, Timestamp::now());
    int rc = 0;
    if (!st.tryRun(&rc))
        throw Error::notFound(path() + ": no event with seq " + std::to_string(seq));
}

} // namespace Chronoscope
