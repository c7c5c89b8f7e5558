#pragma once

#include "base/event.h"
#include "base/eventfilter.h"
#include "base/timestamp.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

class EventLog;

namespace Sql {
class Database;
class Statement;
Database &databaseOf(EventLog &log);
} // namespace Sql

/// One Chronoscope log: a SQLite file (WAL) holding the immutable event records and everything
/// derived from them. Opening checks that the file really is a Chronoscope log this build can
/// read and never modifies a file it refuses.
///
/// Thread affinity: an EventLog and its connection belong to the thread that uses them; open a
/// second EventLog on the same path for another thread. Several processes may write the same
/// file: appends are serialised by SQLite's write lock and checked by expected stream version.
/// Errors are thrown as Chronoscope::Error.
class EventLog
{
public:
    enum class OpenMode { Existing, CreateIfMissing };

    EventLog(const std::string &path, OpenMode mode);
    ~EventLog();

    const std::string &path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    /// What opening found wrong with the file that does not stop it from being read: the
    /// triggers that protect the recorded events missing or altered (`verify` says more).
    const std::vector<std::string> &openWarnings() const { return m_openWarnings; }

    /// The number of events on main, which is also the seq of the last one.
    int64_t eventCount();
    /// The version of the stream's last event; 0 when the stream has none.
    int64_t streamVersion(const std::string &stream);

    /// Appends one event atomically. seq and stream_version are assigned (the values in `event`
    /// are ignored). With an expected version, the append fails with Error::Kind::Conflict and
    /// writes nothing when the stream's version is not exactly that. Returns the stored record.
    Event append(Event event, std::optional<int64_t> expectedVersion);

    std::optional<Event> event(int64_t seq);
    std::optional<Event> eventById(const std::string &id);
    /// The events whose causation_id is `id`, in seq order.
    std::vector<Event> effectsOf(const std::string &id);
    /// The headers of up to `count` events from `fromSeq` on, in seq order; no payloads are read.
    std::vector<EventHeader> headers(int64_t fromSeq, int count);
    /// Calls `visit` for each matching event in seq order until it returns false.
    void forEachEvent(const EventFilter &filter, const std::function<bool(const Event &)> &visit);
    /// The seqs of the events the filter selects (its columns are not used).
    std::vector<int64_t> seqs(const EventFilter &filter);
    /// The headers of up to `limit` events recorded between two times (inclusive), in time order.
    std::vector<EventHeader>
    headersBetween(Timestamp::Micros from, Timestamp::Micros to, int limit);
    /// The nearest seq after `from` (or before it, backwards) whose event any of the filters
    /// selects (their stream, type and source globs, all of one filter at once), passing over
    /// the seqs `skip` says to; nullopt when there is none. One indexed query, however far.
    std::optional<int64_t> nearestMatching(int64_t from,
                                           bool forward,
                                           const std::vector<EventFilter> &anyOf,
                                           const std::function<bool(int64_t seq)> &skip);
    /// The seq of the last event recorded before `time`, a merge's appended corrections aside
    /// (they are replayed in the place of what they correct); 0 when there is none.
    int64_t lastSeqBefore(Timestamp::Micros time);
    /// The longest time an event waited between being recorded and processed; 0 when none was.
    Timestamp::Micros maxLag();

    /// Deletes a log file and its -wal, -shm and -journal companions (after a failed import
    /// into a new log, say). Missing files are not an error.
    static void removeFiles(const std::string &path);

    /// Gives this connection a large page cache for writing many events in one transaction.
    void prepareBulkWrite();

    /// Stores (or replaces) the mutable processing result of an event.
    void setResult(int64_t seq, const std::string &resultJson);

private:
    friend Sql::Database &Sql::databaseOf(EventLog &log);

    void initialise();
    std::optional<Event> queryOne(const char *where,
                                  const std::function<void(Sql::Statement &)> &bind);

    std::unique_ptr<Sql::Database> m_db;
    std::string m_path;
    int m_schemaVersion = 0;
    std::vector<std::string> m_openWarnings;
};

} // namespace Chronoscope
