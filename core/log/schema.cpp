#include "log/schema.h"

#include "log/sqlite.h"

#include <cstring>
#include <string>
#include <vector>

namespace Chronoscope::Schema {

namespace {

// Migration N brings a file from user_version N-1 to N. Never edit a released migration: add
// the next one.
const std::vector<const char *> &migrations()
{
    static const std::vector<const char *> list = {
            // 1: the immutable event records, mutable results, log metadata, import history.
            R"sql(
CREATE TABLE events (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    stream         TEXT NOT NULL,
    stream_version INTEGER NOT NULL,
    type           TEXT NOT NULL,
    schema_version INTEGER NOT NULL DEFAULT 1,
    source         TEXT,
    recorded_at    INTEGER NOT NULL,   -- microseconds since the epoch, UTC
    processed_at   INTEGER,            -- microseconds since the epoch, UTC
    causation_id   TEXT,
    correlation_id TEXT,
    data           TEXT NOT NULL,      -- JSON
    metadata       TEXT NOT NULL,      -- JSON
    UNIQUE (stream, stream_version)
);

-- Recorded events are immutable and dense: the schema itself refuses anything else, whoever
-- writes to the file.
CREATE TRIGGER events_immutable_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are immutable: a recorded event cannot be updated');
END;
CREATE TRIGGER events_immutable_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are immutable: a recorded event cannot be deleted');
END;
CREATE TRIGGER events_dense BEFORE INSERT ON events
WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM events)
  OR NEW.stream_version IS NOT
     (SELECT coalesce(max(stream_version), 0) + 1 FROM events WHERE stream = NEW.stream)
BEGIN
    SELECT RAISE(ABORT, 'events are appended densely: seq and stream_version must be the next ones');
END;

CREATE TABLE results (
    seq        INTEGER PRIMARY KEY REFERENCES events (seq),
    result     TEXT NOT NULL,         -- JSON
    updated_at INTEGER NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    files       TEXT NOT NULL,        -- JSON array of the imported paths
    format      TEXT NOT NULL,
    first_seq   INTEGER,
    last_seq    INTEGER,
    skipped     INTEGER NOT NULL,
    imported_at INTEGER NOT NULL
);
)sql",
            // 2: the domain models a log replays with; the newest row is the current one.
            R"sql(
CREATE TABLE models (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    hash   TEXT NOT NULL,     -- SHA-256 of the source
    source TEXT NOT NULL,     -- JavaScript
    set_at INTEGER NOT NULL
);
)sql",
            // 3: replayed states stored per model: each row holds the streams that changed since
            // the previous row of its model and every projection view, zlib-compressed JSON.
            R"sql(
CREATE TABLE snapshots (
    model_hash  TEXT NOT NULL,
    seq         INTEGER NOT NULL,   -- the state after this event
    streams     BLOB NOT NULL,
    projections BLOB NOT NULL,
    PRIMARY KEY (model_hash, seq)
) WITHOUT ROWID;
)sql",
            // 4: the debugger's breakpoints and bookmarks, the full-text index of event
            // payloads (contentless: it holds only the index; rows are events' seqs), and the
            // indexes the timeline (time ranges) and the inspector (an event's effects) read by.
            R"sql(
CREATE INDEX events_recorded_at ON events (recorded_at);
CREATE INDEX events_causation ON events (causation_id) WHERE causation_id IS NOT NULL;

CREATE TABLE breakpoints (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('type', 'stream', 'source', 'condition', 'change')),
    pattern    TEXT NOT NULL,       -- a glob, or a JavaScript expression
    enabled    INTEGER NOT NULL DEFAULT 1,
    hits       INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE bookmarks (
    seq        INTEGER PRIMARY KEY REFERENCES events (seq),
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE VIRTUAL TABLE event_search USING fts5 (
    type, stream, source, id, data, metadata,
    content = '', tokenize = 'unicode61'
);
)sql",
            // 5: parallel histories. A branch forks a parent (main or a branch) at a position;
            // its edits skip, insert or replace the parent's events, named by id.
            R"sql(
CREATE TABLE branches (
    name          TEXT PRIMARY KEY,
    parent        TEXT NOT NULL,
    fork_position INTEGER NOT NULL,
    truncate      INTEGER NOT NULL DEFAULT 0,
    model_source  TEXT,             -- JavaScript; NULL: the log's model
    model_hash    TEXT,
    created_at    INTEGER NOT NULL
);
CREATE TABLE branch_edits (
    id         INTEGER PRIMARY KEY,
    branch     TEXT NOT NULL REFERENCES branches (name),
    kind       TEXT NOT NULL CHECK (kind IN ('skip', 'insert', 'replace')),
    target     TEXT NOT NULL,       -- the id of the parent's event
    event      TEXT,                -- insert, replace: the new event, canonical JSON
    created_at INTEGER NOT NULL
);
CREATE INDEX branch_edits_branch ON branch_edits (branch, id);

-- Merging a branch back: nothing recorded is deleted. A reversed event stays, and main's replay
-- applies its correction (appended at the end) in its place; an inserted event, appended too,
-- is applied right after its anchor.
CREATE TABLE corrections (
    id           INTEGER PRIMARY KEY,
    branch       TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('reverse', 'insert')),
    target_seq   INTEGER NOT NULL REFERENCES events (seq), -- reverse: the reversed event; insert: the anchor
    appended_seq INTEGER REFERENCES events (seq),          -- the corrected or inserted event, if any
    reason       TEXT NOT NULL,
    merged_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX corrections_reversed ON corrections (target_seq) WHERE kind = 'reverse';
ALTER TABLE branches ADD COLUMN merged_at INTEGER;
)sql",
            // 6: INSERT OR REPLACE resolves a conflict on the unique id by deleting the recorded
            // event, and that delete fires no trigger: refuse the conflicting insert instead.
            R"sql(
CREATE TRIGGER events_unique_id BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'events are immutable: an event with this id is recorded already');
END;
)sql",
            // 7: live sources: where each import from a store came from and how far it has read,
            // so that the next import of the same slice goes on from there.
            R"sql(
CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    uri           TEXT NOT NULL,     -- the store, without a password
    slice         TEXT NOT NULL,     -- JSON: the part of the store read
    position      INTEGER NOT NULL,  -- the store's position read through
    events        INTEGER NOT NULL,  -- events written from it, over every run
    first_seq     INTEGER,
    last_seq      INTEGER,
    first_read_at INTEGER NOT NULL,
    last_read_at  INTEGER NOT NULL,
    UNIQUE (uri, slice)
);
)sql",
    };
    return list;
}

} // namespace

const std::map<std::string, std::string> &triggers()
{
    // Taken from the migrations' own text, so there is one definition of each trigger.
    static const std::map<std::string, std::string> found = [] {
        std::map<std::string, std::string> result;
        for (const std::string text : migrations()) {
            for (size_t at = text.find("CREATE TRIGGER "); at != std::string::npos;
                 at = text.find("CREATE TRIGGER ", at + 1)) {
                const size_t nameStart = at + std::strlen("CREATE TRIGGER ");
                const size_t nameEnd = text.find(' ', nameStart);
                const size_t end = text.find("\nEND;", nameStart) + std::strlen("\nEND");
                result[text.substr(nameStart, nameEnd - nameStart)] = text.substr(at, end - at);
            }
        }
        return result;
    }();
    return found;
}

std::vector<std::string> triggerProblems(Sql::Database &db)
{
    std::map<std::string, std::string> present;
    Sql::Statement st(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'");
    while (st.step())
        present.emplace(std::string(st.columnText(0)), std::string(st.columnText(1)));
    std::vector<std::string> problems;
    for (const auto &[name, sql] : triggers()) {
        const auto it = present.find(name);
        if (it == present.end())
            problems.push_back("the trigger " + name + " is missing");
        else if (it->second != sql)
            problems.push_back("the trigger " + name + " is not as created");
    }
    for (const auto &[name, sql] : present)
        if (!triggers().count(name))
            problems.push_back("the trigger " + name + " is not one Chronoscope created");
    return problems;
}

void dropSecondaryIndexes(Sql::Database &db)
{
    db.exec("DROP INDEX IF EXISTS events_recorded_at; DROP INDEX IF EXISTS events_causation;");
}

void createSecondaryIndexes(Sql::Database &db)
{
    // The same definitions as migration 4.
    db.exec("CREATE INDEX IF NOT EXISTS events_recorded_at ON events (recorded_at);"
            "CREATE INDEX IF NOT EXISTS events_causation ON events (causation_id) "
            "WHERE causation_id IS NOT NULL;");
}

int latestVersion()
{
    return static_cast<int>(migrations().size());
}

void migrate(Sql::Database &db, int fromVersion)
{
    // One transaction for all of them: a file is at its old version or at the newest, never
    // half-way.
    const auto &list = migrations();
    Sql::Transaction tx(db);
    for (int version = fromVersion + 1; version <= latestVersion(); ++version) {
        db.exec(list[static_cast<size_t>(version - 1)]);
        const std::string pragmas = "PRAGMA application_id = " + std::to_string(kApplicationId)
                                    + "; PRAGMA user_version = " + std::to_string(version) + ";";
        db.exec(pragmas.c_str());
    }
    tx.commit();
}

} // namespace Chronoscope::Schema
