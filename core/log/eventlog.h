#pragma once

#include "base/event.h"
#include "base/eventfilter.h"
#include "log/sqlite.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Chronoscope {

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

    const std::string &path() const { return m_db->path(); }
    Sql::Database &database() { return *m_db; }
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

    /// Gives this connection a large page cache for writing many events in one transaction.
    void prepareBulkWrite();

    /// Stores (or replaces) the mutable processing result of an event.
    void setResult(int64_t seq, const std::string &resultJson);

private:
    void initialise();
    std::optional<Event> queryOne(const char *where,
                                  const std::function<void(Sql::Statement &)> &bind);

    std::unique_ptr<Sql::Database> m_db;
    int m_schemaVersion = 0;
    std::vector<std::string> m_openWarnings;
};

/// Reads an event row selected with EventLog's column list into `event`.
void readEventRow(const Sql::Statement &st, Event &event);
/// The column list readEventRow() expects, for "SELECT <columns> FROM events e LEFT JOIN results r
/// …".
extern const char *const kEventColumns;

} // namespace Chronoscope
